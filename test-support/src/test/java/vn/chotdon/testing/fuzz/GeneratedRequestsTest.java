package vn.chotdon.testing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The generators agree with the document, as the same validator that judges the services reads
 * it: every valid request keeps it, every invalid one breaks it (but for the issue's own rules),
 * and known values go where their key says.
 */
class GeneratedRequestsTest {

    private static final String DOCUMENT = """
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
             "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
              "schemas": {
               "Address": {"type": "object", "required": ["province", "commune", "detail"], "properties": {
                 "commune": {"type": "string", "minLength": 2, "maxLength": 100},
                 "province": {"type": "string", "enum": ["Hà Nội", "Thành phố Hồ Chí Minh"]},
                 "detail": {"type": "string", "minLength": 1, "maxLength": 50, "pattern": "\\\\S"}}},
               "Order": {"type": "object", "required": ["sessionId", "items", "phone", "address"], "properties": {
                 "sessionId": {"type": "integer", "format": "int64"},
                 "items": {"type": "array", "minItems": 1, "maxItems": 3, "items": {"type": "object",
                    "required": ["code", "quantity"], "properties": {
                      "code": {"type": "string", "pattern": "^[A-Z]{2}[0-9]{2}$"},
                      "quantity": {"type": "integer", "format": "int32", "minimum": 1, "maximum": 99}}}},
                 "phone": {"type": "string", "pattern": "^(0|\\\\+84)[35789][0-9]{8}$"},
                 "note": {"type": "string", "maxLength": 20, "nullable": true},
                 "deliverBy": {"type": "string", "format": "date-time"},
                 "address": {"$ref": "#/components/schemas/Address"},
                 "gift": {"type": "boolean"}}}}},
             "paths": {"/sessions/{sessionId}/orders": {"post": {"operationId": "placeOrder",
               "security": [{"bearer": ["owner", "staff"]}],
               "parameters": [
                 {"name": "sessionId", "in": "path", "required": true, "schema": {"type": "integer", "format": "int64"}},
                 {"name": "page", "in": "query", "schema": {"type": "integer", "format": "int32", "minimum": 0, "maximum": 50}},
                 {"name": "status", "in": "query", "required": true, "schema": {"type": "string", "enum": ["PLACED", "PAID"]}},
                 {"name": "Idempotency-Key", "in": "header", "schema": {"type": "string", "maxLength": 40, "pattern": "^[A-Za-z0-9-]+$"}}],
               "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}},
               "responses": {"201": {"description": "placed"}}}}}}
            """;

    private final ApiOperation op = OpenApiOperations.read(DOCUMENT).get(0);
    private final RequestCheck check = new RequestCheck(DOCUMENT);

    @Test
    void theDocumentIsReadWithItsRoles() {
        assertThat(op.id()).isEqualTo("placeOrder");
        assertThat(op.roles()).containsExactly("owner", "staff");
        assertThat(op.bodyRequired()).isTrue();
    }

    @Test
    void everyValidRequestKeepsTheDocument() {
        SplittableRandom random = new SplittableRandom(FuzzCampaign.DEFAULT_SEED);
        KnownValues known = new KnownValues();
        known.add("/sessions/{sessionId}", List.of("41", "42"));
        ValidRequests valid = new ValidRequests(known, random);
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < 250; i++) {
            FuzzRequest request = valid.next(op).toRequest(i, FuzzRequest.Kind.VALID);
            assertThat(check.problems(request)).as(request.describe()).isEmpty();
            paths.add(request.rawPath());
        }
        assertThat(paths).contains("/sessions/41/orders", "/sessions/42/orders");
        assertThat(paths).as("now and then an id that does not exist").hasSizeGreaterThan(2);
    }

    @Test
    void everyInvalidRequestBreaksTheDocumentOrAnIssueRule() {
        SplittableRandom random = new SplittableRandom(FuzzCampaign.DEFAULT_SEED);
        ValidRequests valid = new ValidRequests(new KnownValues(), random);
        ConstraintBreaks breaks = new ConstraintBreaks(random);
        Set<String> categories = new HashSet<>();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            RequestParts broken = breaks.next(valid.next(op));
            FuzzRequest request = broken.toRequest(i, FuzzRequest.Kind.INVALID);
            String category = broken.breaks.substring(0, broken.breaks.indexOf(" at "));
            categories.add(category);
            boolean issueRule = category.equals(ConstraintBreaks.UNKNOWN_FIELD)
                    || category.equals(ConstraintBreaks.CONTROL_CHARACTERS);
            if (!issueRule && check.problems(request).isEmpty()) {
                accepted.add(request.describe());
            }
        }
        assertThat(accepted).as("invalid requests the document accepts").isEmpty();
        assertThat(categories).contains("wrong type", "missing required", "out of range", "too long", "too short",
                "bad pattern", "not in enum", "bad format", "too many items", "too few items",
                ConstraintBreaks.UNKNOWN_FIELD, ConstraintBreaks.CONTROL_CHARACTERS);
    }

    @Test
    void shrinkingDropsOptionalPartsButNeverWhatIsBroken() {
        SplittableRandom random = new SplittableRandom(3);
        ValidRequests valid = new ValidRequests(new KnownValues(), random);
        RequestParts parts = valid.next(op);
        parts.removeQuery("page");
        parts.query.add(new String[] { "page", "3" });
        parts.headers.put("Idempotency-Key", "abc");
        ((com.fasterxml.jackson.databind.node.ObjectNode) parts.body).put("note", "Gọi trước");
        parts.breaks = "out of range at query:page (51)";
        parts.kept = "query:page";
        FuzzRequest failing = parts.toRequest(7, FuzzRequest.Kind.INVALID);

        Shrinker.Shrunk shrunk = new Shrinker(50).shrink(failing, candidate -> true);

        assertThat(shrunk.request().query()).as("the broken one and the required one")
                .containsExactlyInAnyOrder("page=3", shrunk.request().query().stream().filter(q -> q.startsWith("status="))
                        .findFirst().orElse("status missing"));
        assertThat(shrunk.request().headers()).doesNotContainKey("Idempotency-Key").containsKey("Content-Type");
        assertThat(shrunk.request().json().has("note")).isFalse();
        assertThat(shrunk.request().json().has("phone")).as("required").isTrue();
        assertThat(shrunk.request().json().get("items")).hasSize(1);
    }
}
