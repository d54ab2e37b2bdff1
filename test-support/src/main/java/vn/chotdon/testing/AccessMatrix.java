package vn.chotdon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Checks a service's access rules against the running service: for every protected endpoint no
 * token gives 401, a role it does not allow 403, an allowed owner or staff member of another
 * cooperative 404, and an allowed caller of the home cooperative its answer; a public endpoint
 * answers without a token. {@link #assertCoversOpenApi} then makes the rules complete: an
 * operation in the service's OpenAPI document without a rule fails the build.
 */
public final class AccessMatrix {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROLES = List.of("service", "admin", "staff", "owner");

    private final long homeCooperative;
    private final long otherCooperative;

    /** @param homeCooperative the cooperative the rules' paths point into; otherCooperative any other */
    public AccessMatrix(long homeCooperative, long otherCooperative) {
        this.homeCooperative = homeCooperative;
        this.otherCooperative = otherCooperative;
    }

    public Stream<DynamicTest> tests(List<AccessRule> rules) {
        List<DynamicTest> tests = new ArrayList<>();
        for (AccessRule rule : rules) {
            if (rule.isPublic()) {
                tests.add(DynamicTest.dynamicTest(rule.operation() + " is public",
                        () -> expect(rule, call(rule, null), rule.allowedStatus())));
                continue;
            }
            tests.add(DynamicTest.dynamicTest(rule.operation() + ": no token → 401", () -> {
                Response answer = call(rule, null);
                expect(rule, answer, 401);
                assertThat(answer.header("WWW-Authenticate")).as("challenge of " + rule.operation()).startsWith("Bearer");
            }));
            ROLES.stream().filter(role -> !rule.roles().contains(role)).findFirst().ifPresent(wrong ->
                    tests.add(DynamicTest.dynamicTest(rule.operation() + ": role " + wrong + " → 403",
                            () -> expect(rule, call(rule, token(wrong, homeCooperative)), 403))));
            if (rule.cooperativeBound()) {
                rule.roles().stream().filter(AccessMatrix::boundToCooperative).findFirst().ifPresent(role ->
                        tests.add(DynamicTest.dynamicTest(rule.operation() + ": " + role + " of another cooperative → "
                                + rule.foreignStatus(), () -> expect(rule, call(rule, token(role, otherCooperative)),
                                        rule.foreignStatus()))));
            }
            for (String role : rule.roles()) {
                tests.add(DynamicTest.dynamicTest(rule.operation() + ": " + role + " → " + rule.allowedStatus(),
                        () -> expect(rule, call(rule, token(role, homeCooperative)), rule.allowedStatus())));
            }
        }
        return tests.stream();
    }

    /**
     * Every operation of the OpenAPI document has a rule, and the document declares the bearer
     * requirement exactly on the protected ones.
     */
    public static void assertCoversOpenApi(String openApiJson, List<AccessRule> rules) {
        JsonNode document;
        try {
            document = JSON.readTree(openApiJson);
        } catch (IOException e) {
            throw new AssertionError("the OpenAPI document is not JSON", e);
        }
        Map<String, AccessRule> byOperation = rules.stream()
                .collect(Collectors.toMap(AccessRule::operation, rule -> rule, (a, b) -> a));
        Set<String> documented = new TreeSet<>();
        Set<String> withoutRule = new TreeSet<>();
        Set<String> wrongSecurity = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String operation = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(op.getKey().toUpperCase(Locale.ROOT))) {
                    continue;
                }
                documented.add(operation);
                AccessRule rule = byOperation.get(operation);
                if (rule == null) {
                    withoutRule.add(operation);
                    continue;
                }
                boolean declaresBearer = op.getValue().path("security").size() > 0;
                if (declaresBearer == rule.isPublic()) {
                    wrongSecurity.add(operation + (rule.isPublic() ? " (public, but documents a security requirement)"
                            : " (protected, but documents no security requirement)"));
                }
            }
        }
        assertThat(withoutRule).as("operations with no access rule: declare who may call them and add a rule").isEmpty();
        assertThat(wrongSecurity).as("operations whose documented security differs from their rule").isEmpty();
        Set<String> stale = new TreeSet<>(byOperation.keySet());
        stale.removeAll(documented);
        assertThat(stale).as("rules for operations the document does not have").isEmpty();
    }

    private static boolean boundToCooperative(String role) {
        return role.equals("owner") || role.equals("staff");
    }

    private static String token(String role, long cooperative) {
        return TestTokens.of(role, boundToCooperative(role) ? cooperative : null);
    }

    private static Response call(AccessRule rule, String token) {
        Callers.anonymous();
        RequestSpecification request = token == null ? RestAssured.given() : Callers.as(token);
        if (rule.body() != null) {
            request = request.contentType("application/json").body(rule.body());
        }
        return request.request(rule.method(), rule.path());
    }

    private static void expect(AccessRule rule, Response answer, int status) {
        assertThat(answer.statusCode()).as(rule.method() + " " + rule.path() + " answered " + answer.asString())
                .isEqualTo(status);
        if (status >= 400) {
            assertThat(answer.contentType()).as("content type of " + rule.operation()).startsWith("application/problem+json");
        }
    }
}
