package vn.chotdon.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The schemas kept in src/test/resources/schemas (their README says where each comes from), made strict
 * the way the API server's strict field validation is: an object with declared properties accepts no other
 * field (as yannh/kubernetes-json-schema's "-strict" schemas do), except where a CRD says
 * x-kubernetes-preserve-unknown-fields. Validated with networknt's JSON Schema validator.
 */
final class Schemas {

    private static final String K8S_DEFINITIONS = "/schemas/kubernetes-1.32/definitions.json";
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    private static final List<String> STRIMZI_CRDS = List.of("kafka", "kafkanodepool", "kafkatopic", "kafkauser");

    private final ObjectNode k8sDefinitions;
    /** "group/version/Kind" (core group: "/v1/Kind") → the definition's name. */
    private final Map<String, String> k8sKinds = new HashMap<>();
    private final Map<String, JsonNode> crdSchemas = new HashMap<>();
    private final Map<String, JsonSchema> compiled = new HashMap<>();
    private final JsonSchemaFactory draft4 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    Schemas() {
        try {
            ObjectNode definitions = (ObjectNode) Yaml.JSON.readTree(Repository.resource(K8S_DEFINITIONS))
                    .get("definitions");
            definitions.fields().forEachRemaining(entry -> {
                JsonNode gvks = entry.getValue().get("x-kubernetes-group-version-kind");
                if (gvks != null) {
                    for (JsonNode gvk : gvks) {
                        k8sKinds.put(gvk.path("group").asText() + "/" + gvk.path("version").asText() + "/"
                                + gvk.path("kind").asText(), entry.getKey());
                    }
                }
            });
            List<String> names = new ArrayList<>();
            definitions.fieldNames().forEachRemaining(names::add);
            names.forEach(definitionName -> strictK8s(definitionName, definitions.get(definitionName), definitions));
            this.k8sDefinitions = definitions;
            for (String crd : STRIMZI_CRDS) {
                JsonNode file = Yaml.JSON.readTree(Repository.resource("/schemas/strimzi-1.2.0/" + crd + ".json"));
                ObjectNode schema = file.get("openAPIV3Schema").deepCopy();
                strictCrd(schema);
                // metadata is only "type: object" in a CRD; the API server checks it as ObjectMeta.
                ((ObjectNode) schema.get("properties")).set("metadata",
                        Yaml.JSON.createObjectNode().put("$ref", "#/definitions/" + OBJECT_META));
                crdSchemas.put(file.get("group").asText() + "/" + file.get("version").asText() + "/"
                        + file.get("kind").asText(), schema);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with one manifest: empty when it validates. */
    List<String> problems(JsonNode manifest) {
        String apiVersion = manifest.path("apiVersion").asText();
        String kind = manifest.path("kind").asText();
        String name = manifest.path("metadata").path("name").asText("?");
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String key = group + "/" + version + "/" + kind;
        JsonSchema schema = compiled.computeIfAbsent(key, this::compile);
        List<String> problems = new ArrayList<>();
        if (schema == null) {
            problems.add(kind + " " + name + ": no schema for apiVersion " + apiVersion + " kind " + kind
                    + " (not served by Kubernetes 1.32 or Strimzi 1.2.0)");
            return problems;
        }
        for (ValidationMessage message : schema.validate(manifest)) {
            problems.add(kind + " " + name + ": " + message.getMessage());
        }
        return problems;
    }

    private JsonSchema compile(String key) {
        ObjectNode root = Yaml.JSON.createObjectNode();
        root.set("definitions", k8sDefinitions);
        ArrayNode allOf = root.putArray("allOf");
        if (k8sKinds.containsKey(key)) {
            allOf.addObject().put("$ref", "#/definitions/" + k8sKinds.get(key));
        } else if (crdSchemas.containsKey(key)) {
            allOf.add(crdSchemas.get(key));
        } else {
            return null;
        }
        return draft4.getSchema(root);
    }

    /** A Kubernetes definition made strict; int-or-string and quantities typed as the API server reads them. */
    private static void strictK8s(String name, JsonNode definition, ObjectNode definitions) {
        if (name.equals("io.k8s.apimachinery.pkg.util.intstr.IntOrString")) {
            definitions.set(name, oneOf("string", "integer"));
            return;
        }
        if (name.equals("io.k8s.apimachinery.pkg.api.resource.Quantity")) {
            definitions.set(name, oneOf("string", "number"));
            return;
        }
        strict(definition);
    }

    private static void strictCrd(JsonNode schema) {
        strict(schema);
    }

    private static ObjectNode oneOf(String... types) {
        ObjectNode node = Yaml.JSON.createObjectNode();
        ArrayNode oneOf = node.putArray("oneOf");
        for (String type : types) {
            oneOf.addObject().put("type", type);
        }
        return node;
    }

    /** Walks schema keywords only (never property names) and closes every object that declares properties. */
    private static void strict(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        boolean open = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (node.get("properties") instanceof ObjectNode properties) {
            if (!node.has("additionalProperties") && !open) {
                node.put("additionalProperties", false);
            }
            properties.elements().forEachRemaining(child -> strict(child));
        }
        if (node.get("additionalProperties") instanceof ObjectNode additional) {
            strict(additional);
        }
        if (node.get("items") != null) {
            strict(node.get("items"));
        }
        for (String combination : List.of("allOf", "anyOf", "oneOf")) {
            if (node.get(combination) instanceof ArrayNode alternatives) {
                alternatives.forEach(child -> strict(child));
            }
        }
        if (node.get("not") != null) {
            strict(node.get("not"));
        }
    }

    /** The Compose Specification's schema (draft 07), as published: it closes its objects itself. */
    static JsonSchema compose() {
        try {
            ObjectNode schema = (ObjectNode) Yaml.JSON.readTree(Repository.resource("/schemas/compose-spec/compose-spec.json"));
            // The published file names its meta-schema and a relative $id; the validator is told the draft instead.
            schema.remove("$schema");
            schema.remove("$id");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> composeProblems(JsonSchema schema, JsonNode compose) {
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(compose)) {
            problems.add("docker-compose.yml: " + message.getMessage());
        }
        return problems;
    }
}
