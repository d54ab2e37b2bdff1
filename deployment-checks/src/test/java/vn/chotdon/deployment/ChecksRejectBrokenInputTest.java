package vn.chotdon.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each check fed a broken manifest says so: the checks of the real manifests are not passing by default. */
class ChecksRejectBrokenInputTest {

    private static Schemas schemas;

    @BeforeAll
    static void schemas() {
        schemas = new Schemas();
    }

    private static final String ORDER_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: order-service
            spec:
              replicas: 2
              selector:
                matchLabels: {app: order-service}
              template:
                metadata:
                  labels: {app: order-service, chotdon.vn/mysql-client: "true"}
                spec:
                  containers:
                    - name: order-service
                      image: chotdon/order-service:%s
                      env:
            %s
            """;

    private static String deployment(String tag, String... env) {
        StringBuilder variables = new StringBuilder();
        for (int i = 0; i < env.length; i += 2) {
            variables.append("                        - {name: ").append(env[i]).append(", value: \"").append(env[i + 1])
                    .append("\"}\n");
        }
        return ORDER_DEPLOYMENT.formatted(tag, variables);
    }

    private static List<String> schemaProblems(String yaml) {
        List<String> problems = new ArrayList<>();
        Yaml.documents(yaml).forEach(d -> problems.addAll(schemas.problems(d)));
        return problems;
    }

    @Test
    void theKubernetesSchemaRejectsAnUnknownField() {
        String valid = deployment("1", "CHOTDON_DB_PASSWORD", "x");
        assertThat(schemaProblems(valid)).as("the same Deployment without the typo validates").isEmpty();
        String typo = valid.replaceFirst("( +)image: chotdon", "$1imagePullPolicyy: Always\n$1image: chotdon");
        assertThat(schemaProblems(typo)).anySatisfy(p -> assertThat(p).contains("imagePullPolicyy"));
        assertThat(schemaProblems(valid.replace("replicas: 2", "replicas: two")))
                .anySatisfy(p -> assertThat(p).contains("replicas"));
    }

    @Test
    void theStrimziSchemasRejectAnUnknownFieldAnUnknownValueAndAnApiVersionNoLongerServed() {
        String topic = """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: chotdon.orders, labels: {strimzi.io/cluster: chotdon}}
                spec: {partitions: 12, replicas: 3, config: {retention.ms: 604800000}}
                """;
        assertThat(schemaProblems(topic)).isEmpty();
        assertThat(schemaProblems(topic.replace("partitions:", "partitionz:")))
                .anySatisfy(p -> assertThat(p).contains("partitionz"));
        assertThat(schemaProblems(topic.replace("kafka.strimzi.io/v1", "kafka.strimzi.io/v1beta2")))
                .anySatisfy(p -> assertThat(p).contains("no schema for apiVersion kafka.strimzi.io/v1beta2"));
        String user = """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: {name: order-service}
                spec:
                  authentication: {type: scram-sha-512}
                  authorization:
                    type: simple
                    acls:
                      - resource: {type: topic, name: chotdon.orders}
                        operations: [Write]
                """;
        assertThat(schemaProblems(user)).isEmpty();
        assertThat(schemaProblems(user.replace("[Write]", "[Writ]"))).isNotEmpty();
        assertThat(schemaProblems(user.replace("metadata: {name: order-service}",
                "metadata: {name: order-service, labelz: {a: b}}"))).anySatisfy(p -> assertThat(p).contains("labelz"));
    }

    @Test
    void theComposeSchemaRejectsAnUnknownKey() {
        String compose = """
                services:
                  order-service:
                    image: chotdon/order-service:1
                    restart: unless-stopped
                """;
        assertThat(Schemas.composeProblems(Schemas.compose(), Yaml.document(compose))).isEmpty();
        assertThat(Schemas.composeProblems(Schemas.compose(),
                Yaml.document(compose.replace("restart:", "restart_policy:"))))
                .anySatisfy(p -> assertThat(p).contains("restart_policy"));
    }

    @Test
    void theSettingsCheckRejectsAVariableNoServiceReadsAMissingSecretAndAWrittenSecret() {
        String base = deployment("1", "CHOTDON_MYSQL_HOTS", "mysql", "KAFKA_SASL_MECHANISMS", "PLAIN",
                "QUARKUS_PROFILE", "prod,dml-onl", "CHOTDON_DB_PASSWORD", "written-here");
        List<String> problems = new SettingsCheck().kubernetes(Manifests.parse("broken", base));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("CHOTDON_MYSQL_HOTS is read by no setting"))
                .anySatisfy(p -> assertThat(p).contains("sasl.mechanisms, which does not exist"))
                .anySatisfy(p -> assertThat(p).contains("QUARKUS_PROFILE names dml-onl"))
                .anySatisfy(p -> assertThat(p).contains("CHOTDON_DB_PASSWORD is a secret written in the manifest"))
                .anySatisfy(p -> assertThat(p).contains("CHOTDON_JWT_PUBLIC_KEY_LOCATION is not set"));

        String configMap = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: chotdon-services}
                data: {CHOTDON_MYSQL_HOST: mysql, CHOTDON_DB_MIGRATOR_PASSWORD: in-a-config-map}
                """;
        assertThat(new SettingsCheck().kubernetes(Manifests.parse("broken", configMap)))
                .anySatisfy(p -> assertThat(p).contains("CHOTDON_DB_MIGRATOR_PASSWORD looks like a secret"));

        String compose = """
                services:
                  order-service:
                    image: chotdon/order-service:1
                    environment:
                      CHOTDON_DB_PASSWORD: chotdon-dev
                      CHOTDON_DB_MIGRATOR_PASSWORD: ${CHOTDON_ORDER_MIGRATOR_PASSWORD:?set it}
                      CHOTDON_JWT_PUBLIC_KEY_LOCATION: /keys/dev-public.pem
                      CHOTDON_ORDRES_LIMIT: "1"
                """;
        assertThat(new SettingsCheck().compose(Yaml.document(compose)))
                .anySatisfy(p -> assertThat(p).contains("CHOTDON_DB_PASSWORD is a secret written in docker-compose.yml"))
                .anySatisfy(p -> assertThat(p).contains("CHOTDON_ORDRES_LIMIT is read by no setting"))
                .noneSatisfy(p -> assertThat(p).contains("CHOTDON_DB_MIGRATOR_PASSWORD"));
    }

    @Test
    void theConnectionBudgetRejectsAnAutoscalerBeyondMaxConnections() {
        String limits = """
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: mysql-limits}
                data: {max_connections: "300", reserved_connections: "20"}
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: order-service}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: order-service}
                  minReplicas: 2
                  maxReplicas: %d
                """;
        String pool = deployment("1", "QUARKUS_PROFILE", "prod,dml-only");
        ConnectionBudget.Result fits = new ConnectionBudget().kubernetes(Manifests.parse("ok", pool + limits.formatted(6)));
        // 24 (order-service's pool) × (6 + a default surge of 25 %, 2) + 20 reserved.
        assertThat(fits.worstCase()).as(fits.explain()).isEqualTo(24 * 8 + 20);
        assertThat(fits.fits()).isTrue();
        ConnectionBudget.Result tooMany = new ConnectionBudget().kubernetes(Manifests.parse("broken", pool + limits.formatted(20)));
        assertThat(tooMany.fits()).as(tooMany.explain()).isFalse();

        String compose = """
                services:
                  mysql:
                    image: mysql:8.4
                    command: [--max-connections=100]
                    labels: {vn.chotdon.reserved-connections: "20"}
                  order-service:
                    image: chotdon/order-service:1
                    deploy: {replicas: 4}
                """;
        ConnectionBudget.Result composeBudget = new ConnectionBudget().compose(Yaml.document(compose));
        // 4 × (24 + Liquibase's 1) + 20.
        assertThat(composeBudget.worstCase()).isEqualTo(120);
        assertThat(composeBudget.fits()).isFalse();
    }

    @Test
    void theImageCheckRejectsATagOtherThanTheProjectVersion() {
        Manifests manifests = Manifests.parse("broken", deployment("1.0.0"));
        assertThat(ImageTags.kubernetes(manifests, "1.0.0-SNAPSHOT"))
                .anySatisfy(p -> assertThat(p).contains("is tagged 1.0.0, not the project version 1.0.0-SNAPSHOT"));
        assertThat(ImageTags.kubernetes(manifests, "1.0.0")).isEmpty();
        JsonNode compose = Yaml.document("services: {order-service: {image: 'chotdon/order-service'}}");
        assertThat(ImageTags.compose(compose, "1.0.0")).anySatisfy(p -> assertThat(p).contains("tagged (none)"));
    }
}
