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

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheServicesAndTheirJobsReachMysqlAndKafka(String overlay) throws Exception {
        Manifests manifests = rendered(overlay);
        assertThat(manifests.find("NetworkPolicy", "default-deny-ingress")).isPresent();
        for (JsonNode workload : manifests.workloads()) {
            JsonNode labels = workload.path("spec").path("template").path("metadata").path("labels");
            String env = Manifests.podSpec(workload).path("containers").toString();
            boolean database = env.contains("CHOTDON_DB_PASSWORD") || env.contains("MYSQL_ADMIN_PASSWORD");
            assertThat(labels.path("chotdon.vn/mysql-client").asText().equals("true")).as(Manifests.describe(workload))
                    .isEqualTo(database);
            assertThat(labels.path("chotdon.vn/kafka-client").asText().equals("true")).as(Manifests.describe(workload))
                    .isEqualTo(env.contains("KAFKA_SASL_JAAS_CONFIG"));
        }
        // Strimzi writes the listener's NetworkPolicy from these peers; it is the only listener.
        JsonNode listeners = manifests.ofKind("Kafka").get(0).path("spec").path("kafka").path("listeners");
        assertThat(listeners).hasSize(1);
        assertThat(listeners.get(0).path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        assertThat(listeners.get(0).path("tls").asBoolean()).isTrue();
        assertThat(listeners.get(0).path("networkPolicyPeers").toString())
                .isEqualTo("[{\"podSelector\":{\"matchLabels\":{\"chotdon.vn/kafka-client\":\"true\"}}}]");
        manifests.find("StatefulSet", "mysql").ifPresent(mysql -> assertThat(
                manifests.find("NetworkPolicy", "mysql-clients").orElseThrow().path("spec").toString())
                .contains("\"chotdon.vn/mysql-client\":\"true\"").contains("3306"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServicesHeapIsAQuarterOfItsMemoryLimitAndItsRootFilesystemReadOnly(String overlay) throws Exception {
        for (JsonNode workload : rendered(overlay).workloads()) {
            JsonNode pod = Manifests.podSpec(workload);
            for (JsonNode container : pod.path("containers")) {
                String where = Manifests.describe(workload);
                assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).as(where).isTrue();
                assertThat(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).as(where).isFalse();
                assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(where).isTrue();
                String service = Manifests.serviceOfImage(container.path("image").asText()).orElse(null);
                if (service == null) {
                    continue;
                }
                long limit = mebibytes(container.path("resources").path("limits").path("memory").asText());
                long heap = imageHeapMebibytes(service);
                // The launcher is told the same ratio as the image's -Xmx, and that ratio leaves room for the
                // 406 MB measured resident with a 160 MB heap (246 MB outside the heap).
                assertThat(container.path("env").toString()).as(where).contains("{\"name\":\"JAVA_MAX_MEM_RATIO\",\"value\":\"25\"}");
                assertThat(heap).as(where).isLessThanOrEqualTo(limit / 4);
                assertThat(limit - heap).as(where + ": memory outside the heap").isGreaterThanOrEqualTo(246 + 64);
                assertThat(pod.path("volumes").toString()).as(where + ": /tmp is an emptyDir").contains("\"emptyDir\"");
            }
        }
    }

    private static long mebibytes(String quantity) {
        if (quantity.endsWith("Mi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2));
        }
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        throw new IllegalArgumentException("a memory limit in Mi or Gi, not " + quantity);
    }

    /** The -Xmx of the service's image (its Dockerfile.jvm), in MiB. */
    private static long imageHeapMebibytes(String service) {
        String dockerfile = Repository.read(Repository.root().resolve(service + "/src/main/docker/Dockerfile.jvm"));
        java.util.regex.Matcher xmx = java.util.regex.Pattern.compile("-Xmx(\\d+)m").matcher(dockerfile);
        assertThat(xmx.find()).as(service + "'s Dockerfile.jvm sets -Xmx in MB").isTrue();
        return Long.parseLong(xmx.group(1));
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
