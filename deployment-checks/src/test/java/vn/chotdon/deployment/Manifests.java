package vn.chotdon.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rendered manifests of one overlay, with the look-ups the checks share. */
record Manifests(String name, List<JsonNode> documents) {

    private static final Pattern SERVICE_IMAGE = Pattern.compile("(?:.*/)?chotdon/([a-z]+-service)(?::([^@]+))?(?:@.*)?");

    static Manifests parse(String name, String yaml) {
        return new Manifests(name, Yaml.documents(yaml));
    }

    List<JsonNode> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(d -> name.equals(d.path("metadata").path("name").asText())).findFirst();
    }

    /** Deployments, StatefulSets and Jobs: whatever runs pods. */
    List<JsonNode> workloads() {
        return documents.stream()
                .filter(d -> List.of("Deployment", "StatefulSet", "Job").contains(d.path("kind").asText())).toList();
    }

    static String describe(JsonNode document) {
        return document.path("kind").asText() + " " + document.path("metadata").path("name").asText();
    }

    static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    /** The service an image is built from ("order-service" for .../chotdon/order-service:1.0), or empty. */
    static Optional<String> serviceOfImage(String image) {
        Matcher matcher = SERVICE_IMAGE.matcher(image);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static Optional<String> tagOfImage(String image) {
        Matcher matcher = SERVICE_IMAGE.matcher(image);
        return matcher.matches() ? Optional.ofNullable(matcher.group(2)) : Optional.empty();
    }
}
