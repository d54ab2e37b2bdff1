package vn.chotdon.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.contract.ApiContract;

/**
 * What the linters do not check in order-service's OpenAPI document: the operationIds the
 * generated clients rely on, and the answers every operation must document. The platform's admin
 * operations (/admin/...), in every service's document, are the platform's to document and check.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Set<String> ORDER_OPERATIONS = Set.of("placeOrder", "listOrders", "getOrder", "confirmOrder",
            "payOrder", "shipOrder", "deliverOrder", "cancelOrder", "getMyOrder", "cancelMyOrder",
            "getOrderableSession", "withdrawLineupItem", "exportShippingList", "getTally", "returnOrder", "getOrderQr",
            "getMyOrderQr", "listReceivingAccounts", "createReceivingAccount", "getReceivingAccount",
            "makeReceivingAccountDefault", "deactivateReceivingAccount", "receiveSepayTransfer", "rotateWebhookKey",
            "listUnmatchedPayments", "resolveUnmatchedPayment", "takeLiveComments", "listLiveComments",
            "decideLiveComment", "joinWaitlist", "listWaitlist", "getMyWaitlistEntry", "leaveWaitlist",
            "getBuyer", "flagBuyer", "unflagBuyer", "getSessionBuyerPolicy",
            "setSessionBuyerPolicy");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private JsonNode document;

    @BeforeEach
    void readDocument() throws Exception {
        document = new ObjectMapper().readTree(ApiContract.document("http://localhost:" + RestAssured.port));
    }

    @Test
    void everyOperationHasItsFixedOperationIdAndEveryOrderOperationIsThere() {
        List<String> ids = new ArrayList<>();
        eachOperation((name, operation) -> ids.add(operation.path("operationId").asText()));
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ORDER_OPERATIONS);
    }

    @Test
    void everyOperationWithAPathParameterDocuments404() {
        eachOperation((name, operation) -> {
            if (name.contains("{")) {
                assertThat(operation.path("responses").has("404")).as(name + " documents 404").isTrue();
            }
        });
    }

    @Test
    void everyErrorIsProblemJson() {
        eachOperation((name, operation) -> operation.path("responses").fields().forEachRemaining(answer -> {
            if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                assertThat(fieldNames(answer.getValue().path("content"))).as(name + " " + answer.getKey())
                        .containsExactly("application/problem+json");
                assertThat(answer.getValue().path("content").path("application/problem+json").has("schema"))
                        .as(name + " " + answer.getKey() + " has a schema").isTrue();
            }
        }));
    }

    @Test
    void everySuccessHasASchemaUnless204AndEvery201ALocation() {
        eachOperation((name, operation) -> operation.path("responses").fields().forEachRemaining(answer -> {
            String status = answer.getKey();
            JsonNode content = answer.getValue().path("content");
            if (status.equals("204")) {
                assertThat(fieldNames(content)).as(name + " 204 has no body").isEmpty();
            } else if (status.startsWith("2")) {
                assertThat(fieldNames(content)).as(name + " " + status + " has content").isNotEmpty();
                content.fields().forEachRemaining(media -> assertThat(media.getValue().has("schema"))
                        .as(name + " " + status + " " + media.getKey() + " has a schema").isTrue());
            }
            if (status.equals("201")) {
                assertThat(answer.getValue().path("headers").has("Location")).as(name + " 201 declares Location").isTrue();
            }
        }));
    }

    @Test
    void everyOperationHasASummaryADescriptionAndASuccess() {
        eachOperation((name, operation) -> {
            assertThat(operation.path("summary").asText()).as(name + " summary").isNotBlank();
            assertThat(operation.path("description").asText()).as(name + " description").isNotBlank();
            assertThat(fieldNames(operation.path("responses"))).as(name + " has a success").anyMatch(s -> s.startsWith("2"));
        });
    }

    /** Order-service's own operations. */
    private void eachOperation(BiConsumer<String, JsonNode> check) {
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (METHODS.contains(method.getKey()) && !path.getKey().startsWith("/admin/")) {
                check.accept(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
            }
        }));
        assertThat(document.path("paths").size()).as("paths in the document").isPositive();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
