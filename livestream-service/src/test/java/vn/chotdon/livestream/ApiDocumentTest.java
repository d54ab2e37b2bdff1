package vn.chotdon.livestream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.contract.ApiContract;

/**
 * What the linters do not check in livestream-service's own OpenAPI document, and what the
 * front-end teams and the generated clients rely on: the fixed operationIds, a 404 wherever an id
 * in the path may name nothing, every error as problem+json, a schema for every answer with a
 * body, and Location on every 201. The platform's /admin operations are the platform's to check.
 */
@QuarkusTest
class ApiDocumentTest {

    private static final Set<String> OPERATION_IDS = Set.of("listSessions", "planSession", "getSession",
            "changeSession", "cancelSession", "startSession", "endSession", "getBoard", "getHostBoard", "streamBoard",
            "listLineup", "addLineupItem", "findLineupItemByCode", "getLineupItem", "changeLineupItem",
            "removeLineupItem", "pinLineupItem");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private JsonNode document;

    @BeforeEach
    void readDocument() throws Exception {
        document = new ObjectMapper().readTree(ApiContract.document("http://localhost:" + RestAssured.port));
    }

    @Test
    void everyOperationHasItsFixedOperationIdOnce() {
        List<String> ids = new ArrayList<>();
        Map<String, String> missing = new TreeMap<>();
        eachOperation((name, operation) -> {
            String id = operation.path("operationId").asText("");
            if (id.isEmpty()) {
                missing.put(name, "no operationId");
            } else {
                ids.add(id);
            }
        });
        assertThat(missing).as("operations without an operationId").isEmpty();
        assertThat(ids).as("operationIds").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(OPERATION_IDS);
    }

    @Test
    void everyOperationHasASummaryAndADescription() {
        List<String> bare = new ArrayList<>();
        eachOperation((name, operation) -> {
            if (operation.path("summary").asText("").isBlank() || operation.path("description").asText("").isBlank()) {
                bare.add(name);
            }
        });
        assertThat(bare).as("operations without a summary or a description").isEmpty();
    }

    @Test
    void everyOperationWithAPathParameterDocuments404() {
        List<String> without = new ArrayList<>();
        eachOperation((name, operation) -> {
            if (name.contains("{") && operation.path("responses").path("404").isMissingNode()) {
                without.add(name);
            }
        });
        assertThat(without).as("operations with a path parameter and no 404").isEmpty();
    }

    @Test
    void everyErrorIsProblemJsonNamingItsType() {
        List<String> broken = new ArrayList<>();
        eachOperation((name, operation) -> operation.path("responses").fields().forEachRemaining(answer -> {
            if (!answer.getKey().startsWith("4") && !answer.getKey().startsWith("5")) {
                return;
            }
            JsonNode content = answer.getValue().path("content");
            String schema = content.path("application/problem+json").path("schema").path("$ref").asText();
            boolean problemOnly = content.size() == 1
                    && (schema.endsWith("/Problem") || schema.endsWith("/LivestreamProblem"));
            boolean namesType = answer.getValue().path("description").asText()
                    .contains("`type`: https://chotdon.vn/problems/");
            if (!problemOnly || !namesType) {
                broken.add(name + " " + answer.getKey());
            }
        }));
        assertThat(broken).as("error answers not documented as problem+json with their type").isEmpty();
    }

    @Test
    void everySuccessWithABodyHasASchemaAndEvery201ALocation() {
        List<String> broken = new ArrayList<>();
        eachOperation((name, operation) -> operation.path("responses").fields().forEachRemaining(answer -> {
            String status = answer.getKey();
            if (!status.startsWith("2")) {
                return;
            }
            JsonNode content = answer.getValue().path("content");
            if (status.equals("204")) {
                if (!content.isMissingNode()) {
                    broken.add(name + " 204 documents a body");
                }
                return;
            }
            if (content.isEmpty()) {
                broken.add(name + " " + status + " has no content");
            }
            content.fields().forEachRemaining(media -> {
                if (media.getValue().path("schema").isEmpty()) {
                    broken.add(name + " " + status + " " + media.getKey() + " has no schema");
                }
            });
            if (status.equals("201") && !answer.getValue().path("headers").path("Location").path("required").asBoolean()) {
                broken.add(name + " 201 does not declare Location");
            }
        }));
        eachOperation((name, operation) -> {
            boolean succeeds = false;
            for (var statuses = operation.path("responses").fieldNames(); statuses.hasNext(); ) {
                succeeds |= statuses.next().startsWith("2");
            }
            if (!succeeds) {
                broken.add(name + " documents no success");
            }
        });
        assertThat(broken).isEmpty();
    }

    @Test
    void theSessionAndLineupItemSchemasAreTheAnswers() {
        JsonNode paths = document.path("paths");
        assertThat(paths.at("/~1sessions~1{id}/get/responses/200/content/application~1json/schema/$ref").asText())
                .endsWith("/Session");
        assertThat(paths.at("/~1sessions/post/responses/201/content/application~1json/schema/$ref").asText())
                .endsWith("/Session");
        assertThat(paths.at("/~1sessions/get/responses/200/content/application~1json/schema/$ref").asText())
                .endsWith("/SessionPage");
        assertThat(paths.at("/~1sessions~1{sessionId}~1lineup/post/responses/201/content/application~1json/schema/$ref")
                .asText()).endsWith("/LineupItem");
        assertThat(paths.at("/~1sessions~1{sessionId}~1lineup/get/responses/200/content/application~1json/schema/items/$ref")
                .asText()).endsWith("/LineupItem");
        JsonNode session = document.at("/components/schemas/Session");
        assertThat(session.at("/properties/notes/nullable").asBoolean()).isTrue();
        assertThat(session.at("/properties/startedAt/nullable").asBoolean()).isTrue();
        assertThat(session.at("/properties/endedAt/nullable").asBoolean()).isTrue();
        assertThat(document.at("/components/schemas/LineupItem/properties/perBuyerLimit/nullable").asBoolean()).isTrue();
        assertThat(document.at("/components/schemas/LineupItemDraft/properties/code/pattern").asText())
                .isEqualTo(LineupCode.PATTERN);
    }

    /** Each operation of livestream-service itself (not the platform's /admin ones), named "METHOD /path". */
    private void eachOperation(BiConsumer<String, JsonNode> check) {
        document.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/admin/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(operation -> {
                if (METHODS.contains(operation.getKey())) {
                    check.accept(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
                }
            });
        });
    }
}
