package vn.chotdon.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The topics and the Kafka users agree with the code: the topics of event-contracts' Topics.java exist in
 * Kubernetes and compose with the same partitions and retention; each service's KafkaUser may write the
 * topic its outbox records to and nothing else, and read the topics and consumer groups of its subscriptions.
 */
class TopicsAndAclsTest {

    private static final List<String> SERVICES = List.of("catalog-service", "livestream-service", "order-service");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("String ([A-Z_]+) = \"([a-z.]+)\"");
    private static final Pattern OUTBOX_RECORD = Pattern.compile("outbox\\.record\\(Topics\\.([A-Z_]+)");
    private static final Pattern SUBSCRIBE = Pattern.compile("subscribe\\(\"([a-z-]+)\", Topics\\.([A-Z_]+)");
    private static final Pattern ANY_SUBSCRIBE = Pattern.compile("subscriptions\\.subscribe\\(");
    private static final Pattern COMPOSE_TOPIC = Pattern.compile("([a-z.]+):(\\d+):(-?\\d+)");

    private static Map<String, String> topicConstants() {
        Map<String, String> topics = new TreeMap<>();
        TOPIC_CONSTANT.matcher(Repository.read(Repository.root()
                .resolve("event-contracts/src/main/java/vn/chotdon/events/Topics.java")))
                .results().forEach(m -> topics.put(m.group(1), m.group(2)));
        return topics;
    }

    private static String code(String service) throws IOException {
        StringBuilder code = new StringBuilder();
        try (Stream<Path> files = Files.walk(Repository.root().resolve(service + "/src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> code.append(Repository.read(f)));
        }
        return code.toString();
    }

    @Test
    void kubernetesAndComposeCreateTheSameTopicsAsTheCodeNames() {
        Map<String, String> constants = topicConstants();
        assertThat(constants).hasSize(3);
        Map<String, String> kubernetes = new TreeMap<>();
        for (JsonNode topic : Yaml.documents(Repository.read(Repository.root().resolve("k8s/base/topics.yaml")))) {
            kubernetes.put(topic.path("metadata").path("name").asText(), topic.path("spec").path("partitions").asText()
                    + ":" + topic.path("spec").path("config").path("retention.ms").asText());
        }
        Map<String, String> compose = new TreeMap<>();
        JsonNode composeFile = Yaml.document(Repository.read(Repository.root().resolve("docker-compose.yml")));
        Matcher specs = COMPOSE_TOPIC.matcher(composeFile.path("services").path("kafka-topics").path("command").toString());
        while (specs.find()) {
            compose.put(specs.group(1), specs.group(2) + ":" + specs.group(3));
        }
        assertThat(kubernetes.keySet()).isEqualTo(new TreeSet<>(constants.values()));
        assertThat(compose).isEqualTo(kubernetes);
        assertThat(kubernetes.get("chotdon.livestream.sessions")).as("kept for ever").endsWith(":-1");
    }

    @Test
    void eachServiceMayWriteOnlyItsOwnTopicAndReadWhatItSubscribesTo() throws IOException {
        Map<String, String> constants = topicConstants();
        Map<String, JsonNode> users = new HashMap<>();
        for (JsonNode user : Yaml.documents(Repository.read(Repository.root().resolve("k8s/base/kafka-users.yaml")))) {
            users.put(user.path("metadata").path("name").asText(), user);
        }
        assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (String service : SERVICES) {
            String code = code(service);
            Set<String> writes = new TreeSet<>();
            OUTBOX_RECORD.matcher(code).results().forEach(m -> writes.add(constants.get(m.group(1))));
            Set<String> reads = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            SUBSCRIBE.matcher(code).results().forEach(m -> {
                groups.add(service + "." + m.group(1));
                reads.add(constants.get(m.group(2)));
            });
            // A group or topic named through a variable would escape the ACL check: every call must be read.
            assertThat(SUBSCRIBE.matcher(code).results().count()).as(service + ": subscriptions whose group and topic"
                    + " the check can read (a literal group name and a Topics constant)")
                    .isEqualTo(ANY_SUBSCRIBE.matcher(code).results().count());
            Set<String> aclWrites = new TreeSet<>();
            Set<String> aclReads = new TreeSet<>();
            Set<String> aclGroups = new HashSet<>();
            for (JsonNode acl : users.get(service).path("spec").path("authorization").path("acls")) {
                String type = acl.path("resource").path("type").asText();
                String name = acl.path("resource").path("name").asText();
                assertThat(acl.path("resource").path("patternType").asText("literal")).as(service).isEqualTo("literal");
                List<String> operations = Yaml.JSON.convertValue(acl.path("operations"),
                        Yaml.JSON.getTypeFactory().constructCollectionType(List.class, String.class));
                assertThat(operations).as(service + " " + name).doesNotContain("All", "Alter", "Delete", "Create");
                if (type.equals("topic") && operations.contains("Write")) {
                    aclWrites.add(name);
                }
                if (type.equals("topic") && operations.contains("Read")) {
                    aclReads.add(name);
                }
                if (type.equals("group")) {
                    aclGroups.add(name);
                }
            }
            assertThat(writes).as(service + " records to").hasSize(1);
            assertThat(aclWrites).as(service + " may write").isEqualTo(writes);
            assertThat(aclReads).as(service + " may read").isEqualTo(reads);
            assertThat(aclGroups).as(service + "'s consumer groups").isEqualTo(groups);
        }
    }
}
