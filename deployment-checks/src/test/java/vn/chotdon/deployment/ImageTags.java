package vn.chotdon.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Every image of a Chốt Đơn service is tagged with the project's Maven version, nothing else. */
final class ImageTags {

    private ImageTags() {
    }

    static List<String> kubernetes(Manifests manifests, String version) {
        List<String> problems = new ArrayList<>();
        for (JsonNode workload : manifests.workloads()) {
            for (JsonNode container : Manifests.podSpec(workload).path("containers")) {
                check(Manifests.describe(workload), container.path("image").asText(), version, problems);
            }
        }
        return problems;
    }

    static List<String> compose(JsonNode compose, String version) {
        List<String> problems = new ArrayList<>();
        compose.path("services").fields().forEachRemaining(entry ->
                check("docker-compose.yml service " + entry.getKey(), entry.getValue().path("image").asText(), version,
                        problems));
        return problems;
    }

    private static void check(String where, String image, String version, List<String> problems) {
        if (Manifests.serviceOfImage(image).isPresent()) {
            String tag = Manifests.tagOfImage(image).orElse("(none)");
            if (!tag.equals(version)) {
                problems.add(where + ": image " + image + " is tagged " + tag + ", not the project version " + version);
            }
        }
    }
}
