package vn.chotdon.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each overlay of k8s/ as an operator would apply it: rendered by kubectl, then checked. */
class KubernetesOverlaysTest {

    private static final Map<String, Manifests> RENDERED = new HashMap<>();
    private static Schemas schemas;

    @BeforeAll
    static void schemas() {
        schemas = new Schemas();
    }

    private static Manifests rendered(String overlay) throws Exception {
        Path kubectl = Kustomize.kubectl();
        assumeTrue(kubectl != null, "kubectl is not on the PATH, so the overlays cannot be rendered and these checks"
                + " are skipped: install kubectl 1.27 or later (its kustomize v5 renders k8s/overlays/*)");
        if (!RENDERED.containsKey(overlay)) {
            String yaml = Kustomize.render(kubectl, Repository.root().resolve("k8s/overlays/" + overlay));
            RENDERED.put(overlay, Manifests.parse(overlay, yaml));
        }
        return RENDERED.get(overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyManifestValidatesAgainstTheKubernetesAndStrimziSchemas(String overlay) throws Exception {
        Manifests manifests = rendered(overlay);
        List<String> problems = new ArrayList<>();
        manifests.documents().forEach(document -> problems.addAll(schemas.problems(document)));
        assertThat(problems).as(overlay).isEmpty();
        assertThat(manifests.ofKind("Kafka")).as("the Strimzi resources are part of it").hasSize(1);
        assertThat(manifests.ofKind("KafkaTopic")).hasSize(3);
        assertThat(manifests.ofKind("KafkaUser")).hasSize(3);
        assertThat(manifests.ofKind("Deployment")).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySettingGivenToAServiceIsOneItReadsAndNoSecretIsWritten(String overlay) throws Exception {
        assertThat(new SettingsCheck().kubernetes(rendered(overlay))).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theWorstCaseOfConnectionsFitsMaxConnections(String overlay) throws Exception {
        ConnectionBudget.Result budget = new ConnectionBudget().kubernetes(rendered(overlay));
        assertThat(budget.fits()).as(budget.explain()).isTrue();
        // The three services' pods, their migration Jobs and the users Job are all counted.
        assertThat(budget.lines()).as(budget.explain()).hasSizeGreaterThanOrEqualTo(8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theServicesImagesCarryTheProjectVersion(String overlay) throws Exception {
        Manifests manifests = rendered(overlay);
        assertThat(ImageTags.kubernetes(manifests, Repository.projectVersion())).isEmpty();
        long serviceImages = manifests.workloads().stream()
                .flatMap(w -> iterable(Manifests.podSpec(w).path("containers")).stream())
                .filter(c -> Manifests.serviceOfImage(c.path("image").asText()).isPresent()).count();
        assertThat(serviceImages).as("three Deployments and three migration Jobs").isEqualTo(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theRuntimePodsHoldNoMigratorPassword(String overlay) throws Exception {
        for (JsonNode deployment : rendered(overlay).ofKind("Deployment")) {
            for (JsonNode container : Manifests.podSpec(deployment).path("containers")) {
                assertThat(container.path("env").toString()).as(Manifests.describe(deployment))
                        .doesNotContain("migrator").doesNotContain("CHOTDON_DB_MIGRATOR_PASSWORD")
                        .contains("dml-only");
            }
        }
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
