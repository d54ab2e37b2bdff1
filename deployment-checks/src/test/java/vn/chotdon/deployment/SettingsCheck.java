package vn.chotdon.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what Kubernetes and compose give each service with what the service reads: every environment
 * variable set for a service's container (literal, from a Secret, from a ConfigMap, or every key of a
 * ConfigMap it takes whole) must be one the service reads, every variable it cannot start without must be
 * set, every profile named must exist, and no secret may be written in a ConfigMap or as a literal value.
 */
final class SettingsCheck {

    private final Map<String, ServiceSettings> services = new HashMap<>();

    private ServiceSettings settings(String service) {
        return services.computeIfAbsent(service, ServiceSettings::of);
    }

    List<String> kubernetes(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> configMaps = new HashMap<>();
        for (JsonNode configMap : manifests.ofKind("ConfigMap")) {
            configMaps.put(configMap.path("metadata").path("name").asText(), configMap);
            configMap.path("data").fields().forEachRemaining(entry -> {
                if (SecretNames.isSecret(entry.getKey()) || SecretNames.looksSecret(entry.getValue().asText())) {
                    problems.add(Manifests.describe(configMap) + ": " + entry.getKey()
                            + " looks like a secret; keep it in a Secret, never in a ConfigMap");
                }
            });
        }
        for (JsonNode workload : manifests.workloads()) {
            for (JsonNode container : Manifests.podSpec(workload).path("containers")) {
                String where = Manifests.describe(workload) + " container " + container.path("name").asText();
                Map<String, String> environment = new LinkedHashMap<>();
                for (JsonNode from : container.path("envFrom")) {
                    String name = from.path("configMapRef").path("name").asText(null);
                    if (name == null) {
                        continue;
                    }
                    JsonNode configMap = configMaps.get(name);
                    if (configMap == null) {
                        problems.add(where + ": envFrom names ConfigMap " + name + ", which the overlay does not have");
                        continue;
                    }
                    configMap.path("data").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
                }
                for (JsonNode variable : container.path("env")) {
                    String name = variable.path("name").asText();
                    JsonNode configMapKey = variable.path("valueFrom").path("configMapKeyRef");
                    if (!configMapKey.isMissingNode()) {
                        JsonNode configMap = configMaps.get(configMapKey.path("name").asText());
                        if (configMap == null || !configMap.path("data").has(configMapKey.path("key").asText())) {
                            problems.add(where + ": " + name + " refers to " + configMapKey.path("name").asText() + "/"
                                    + configMapKey.path("key").asText() + ", which the overlay does not have");
                        }
                    }
                    if (variable.has("value")) {
                        String value = variable.path("value").asText();
                        if (SecretNames.isSecret(name) || SecretNames.looksSecret(value)) {
                            problems.add(where + ": " + name + " is a secret written in the manifest; take it from a Secret");
                        }
                        environment.put(name, value);
                    } else {
                        environment.put(name, "(from " + variable.path("valueFrom").fieldNames().next() + ")");
                    }
                }
                String image = container.path("image").asText();
                Manifests.serviceOfImage(image).ifPresent(service -> problems.addAll(
                        matches(where, settings(service), environment)));
            }
        }
        return problems;
    }

    List<String> compose(JsonNode compose) {
        List<String> problems = new ArrayList<>();
        compose.path("services").fields().forEachRemaining(entry -> {
            String where = "docker-compose.yml service " + entry.getKey();
            JsonNode environmentNode = entry.getValue().path("environment");
            Map<String, String> environment = new LinkedHashMap<>();
            if (environmentNode.isArray()) {
                for (JsonNode item : environmentNode) {
                    String[] pair = item.asText().split("=", 2);
                    environment.put(pair[0], pair.length > 1 ? pair[1] : "");
                }
            } else {
                environmentNode.fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
            }
            environment.forEach((name, value) -> {
                boolean interpolated = value.matches("\\$\\{[A-Za-z0-9_]+(:?[-?][^}]*)?}");
                if ((SecretNames.isSecret(name) && !interpolated) || SecretNames.looksSecret(value)) {
                    problems.add(where + ": " + name + " is a secret written in docker-compose.yml; "
                            + "take it from the env file (${VARIABLE})");
                }
            });
            Manifests.serviceOfImage(entry.getValue().path("image").asText()).ifPresent(service ->
                    problems.addAll(matches(where, settings(service), environment)));
        });
        return problems;
    }

    private static List<String> matches(String where, ServiceSettings settings, Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        environment.keySet().forEach(name -> settings.unread(name).ifPresent(why -> problems.add(where + ": " + why)));
        List<String> profiles = List.of(environment.getOrDefault("QUARKUS_PROFILE", "prod").split(","));
        settings.unknownProfiles(String.join(",", profiles)).forEach(profile ->
                problems.add(where + ": QUARKUS_PROFILE names " + profile + ", which no setting of "
                        + settings.service + " uses"));
        Set<String> required = settings.required(profiles.stream().map(String::trim).toList());
        required.stream().filter(name -> !environment.containsKey(name)).sorted().forEach(name ->
                problems.add(where + ": " + name + " is not set, and " + settings.service
                        + " does not start without it (profiles " + String.join(",", profiles) + ")"));
        return problems;
    }
}
