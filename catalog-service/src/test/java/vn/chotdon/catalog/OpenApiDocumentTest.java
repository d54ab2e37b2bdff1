package vn.chotdon.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.contract.ApiContract;

/**
 * What the generated clients and the front-end teams rely on in catalog-service's OpenAPI document
 * and no linter checks: the fixed operationIds, a 404 wherever an id in the path may not exist,
 * errors as problem+json naming their type, a schema for every success body, and Location on
 * every 201. The platform's own admin operations (/admin/...) are the platform's to keep.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Set<String> OPERATION_IDS = Set.of("listCooperatives", "registerCooperative", "getCooperative",
            "replaceCooperative", "listMembers", "addMember", "getMember", "replaceMember", "listProducts",
            "createProduct", "getProduct", "replaceProduct", "patchProduct", "activateProduct", "retireProduct",
            "listReservations", "reserveStock", "getReservation", "releaseReservation", "closeReservation", "getStock",
            "adjustStock", "getStockLedger", "receiveStock", "recordOutsideSale", "getCommission", "setCommission",
            "getSessionSettlement", "exportSessionSettlement", "payOutSession", "getSettlement", "exportSettlement",
            "payOutDays");
    /** The settlement exports answer CSV, documented as text/csv with its own schema; every other success answers JSON. */
    private static final Set<String> SUCCESS_MEDIA_TYPES = Set.of("application/json", "text/csv");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private List<Operation> operations;

    record Operation(String method, String path, JsonNode node) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    @BeforeEach
    void readTheDocument() throws Exception {
        JsonNode document = new ObjectMapper().readTree(ApiContract.document("http://localhost:" + RestAssured.port));
        operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/admin/")) {
                continue;
            }
            path.getValue().fields().forEachRemaining(method -> {
                if (METHODS.contains(method.getKey())) {
                    operations.add(new Operation(method.getKey(), path.getKey(), method.getValue()));
                }
            });
        }
    }

    @Test
    void everyOperationHasItsFixedOperationIdASummaryAndADescription() {
        List<String> ids = operations.stream().map(op -> op.node().path("operationId").asText()).toList();
        assertThat(ids).as("operationIds").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(OPERATION_IDS);
        SoftAssertions softly = new SoftAssertions();
        for (Operation op : operations) {
            softly.assertThat(op.node().path("summary").asText()).as("summary of %s", op).isNotBlank();
            softly.assertThat(op.node().path("description").asText()).as("description of %s", op).isNotBlank();
        }
        softly.assertAll();
    }

    @Test
    void everyOperationWithAnIdInItsPathDocuments404() {
        SoftAssertions softly = new SoftAssertions();
        for (Operation op : operations) {
            if (op.path().contains("{")) {
                softly.assertThat(op.node().path("responses").has("404")).as("404 of %s", op).isTrue();
            }
        }
        softly.assertAll();
    }

    @Test
    void everyErrorIsProblemJsonAndNamesItsType() {
        SoftAssertions softly = new SoftAssertions();
        for (Operation op : operations) {
            op.node().path("responses").fields().forEachRemaining(answer -> {
                if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                    String what = answer.getKey() + " of " + op;
                    List<String> mediaTypes = new ArrayList<>();
                    answer.getValue().path("content").fieldNames().forEachRemaining(mediaTypes::add);
                    softly.assertThat(mediaTypes).as("media types of %s", what).containsExactly("application/problem+json");
                    softly.assertThat(answer.getValue().path("content").path("application/problem+json").path("schema")
                            .isMissingNode()).as("schema of %s", what).isFalse();
                    softly.assertThat(answer.getValue().path("description").asText()).as("description of %s", what)
                            .contains("https://chotdon.vn/problems/");
                }
            });
        }
        softly.assertAll();
    }

    @Test
    void everySuccessHasASchemaAndEvery201ALocation() {
        SoftAssertions softly = new SoftAssertions();
        for (Operation op : operations) {
            List<String> successes = new ArrayList<>();
            op.node().path("responses").fieldNames().forEachRemaining(status -> {
                if (status.startsWith("2")) {
                    successes.add(status);
                }
            });
            softly.assertThat(successes).as("success answers of %s", op).hasSize(1);
            for (String status : successes) {
                JsonNode answer = op.node().path("responses").path(status);
                String what = status + " of " + op;
                if (status.equals("204")) {
                    softly.assertThat(answer.has("content")).as("body of %s", what).isFalse();
                    continue;
                }
                List<String> mediaTypes = new ArrayList<>();
                answer.path("content").fieldNames().forEachRemaining(mediaTypes::add);
                softly.assertThat(mediaTypes).as("media types of %s", what).hasSize(1).isSubsetOf(SUCCESS_MEDIA_TYPES);
                mediaTypes.forEach(type -> softly.assertThat(answer.path("content").path(type).path("schema")
                        .isMissingNode()).as("%s schema of %s", type, what).isFalse());
                if (status.equals("201")) {
                    softly.assertThat(answer.path("headers").has("Location")).as("Location of %s", what).isTrue();
                }
            }
        }
        softly.assertAll();
    }
}
