package vn.chotdon.livestream;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.spi.CDI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.chotdon.events.Topics;
import vn.chotdon.platform.consumer.EventSubscriptions;
import vn.chotdon.platform.consumer.Subscription;
import vn.chotdon.platform.security.Roles;
import vn.chotdon.testing.AccessMatrix;
import vn.chotdon.testing.AccessRule;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.ParkedEventRows;
import vn.chotdon.testing.TestTokens;

/**
 * Who may call each endpoint of livestream-service, walked with real tokens: owner and staff plan
 * and run their own cooperative's sessions and lineups; anyone reads sessions, lineups and the
 * board. Another cooperative's session answers 404 as if it did not exist, and nothing of it
 * reaches catalog-service. A new endpoint without a rule here fails the OpenAPI coverage test.
 */
@QuarkusTest
class WhoMayDoWhatTest {

    private static final String[] WORKERS = { Roles.OWNER, Roles.STAFF };
    private static final List<String> ALL_ROLES = List.of(Roles.SERVICE, Roles.ADMIN, Roles.STAFF, Roles.OWNER);

    @CatalogStub.Server
    WireMockServer catalog;

    Db db = Db.ofApplication();

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersOnlyWhomItShould() {
        long home = LivestreamApi.cooperative();
        List<AccessRule> rules = rules(home);
        return Stream.concat(new AccessMatrix(home, LivestreamApi.cooperative()).tests(rules),
                everyOtherRoleIsRefused(home, rules));
    }

    @Test
    void everyOperationOfTheApiHasARule() {
        List<AccessRule> rules = rules(LivestreamApi.cooperative());
        Callers.anonymous();
        AccessMatrix.assertCoversOpenApi(given().get("/q/openapi?format=json").asString(), rules);
    }

    @Test
    void staffOfAnotherCooperativeNeverReachesCatalogForASession() {
        long home = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(home));
        long scheduled = LivestreamApi.session(home);
        long product = LivestreamApi.product(catalog, home);
        long item = LivestreamApi.item(scheduled, "BG01", product, 100);
        long live = LivestreamApi.liveSession(home);
        long liveItem = LivestreamApi.item(live, "BG01", LivestreamApi.product(catalog, home), 100);
        long fresh = LivestreamApi.product(catalog, home);
        int catalogCalls = catalog.getAllServeEvents().size();
        long outbox = db.number("SELECT COUNT(*) FROM outbox_event");

        Callers.actAs(TestTokens.staff(LivestreamApi.cooperative()));
        given().contentType(ContentType.JSON).body(LivestreamApi.itemBody("XX01", fresh, 500))
                .post("/sessions/" + scheduled + "/lineup").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/not-found"))
                .body("detail", is("Session " + scheduled + " does not exist"));
        given().contentType(ContentType.JSON).body(LineupTest.change("BG01", 900, 1))
                .put(LineupTest.lineup(scheduled, item)).then().statusCode(404);
        given().delete(LineupTest.lineup(scheduled, item)).then().statusCode(404);
        given().post("/sessions/" + scheduled + "/cancel").then().statusCode(404);
        given().post("/sessions/" + live + "/end").then().statusCode(404);
        given().post(LineupTest.lineup(live, liveItem) + "/pin").then().statusCode(404);

        assertThat(catalog.findAll(anyRequestedFor(urlPathMatching("/products/" + fresh + "(/.*)?"))))
                .as("calls about the product the foreign staff named").isEmpty();
        assertThat(catalog.getAllServeEvents()).as("catalog calls").hasSize(catalogCalls);
        assertThat(db.number("SELECT COUNT(*) FROM outbox_event")).as("events").isEqualTo(outbox);
        assertThat(db.number("SELECT quota FROM lineup_item WHERE id = ?", item)).isEqualTo(100);
        assertThat(db.text("SELECT status FROM sale_session WHERE id = ?", scheduled)).isEqualTo("SCHEDULED");
        assertThat(db.text("SELECT status FROM sale_session WHERE id = ?", live)).isEqualTo("LIVE");
    }

    @Test
    void aSessionIsPlannedOnlyForTheCallersOwnCooperative() {
        long home = LivestreamApi.cooperative();
        long other = LivestreamApi.cooperative();
        long sessions = db.number("SELECT COUNT(*) FROM sale_session");
        Callers.actAs(TestTokens.staff(home));
        given().contentType(ContentType.JSON).body(LivestreamApi.sessionBody(other)).post("/sessions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/invalid-reference"))
                .body("errors[0].field", is("cooperativeId"))
                .body("errors[0].message", is("must be your own cooperative"));
        assertThat(db.number("SELECT COUNT(*) FROM sale_session")).isEqualTo(sessions);
    }

    @Test
    void anOwnerOrStaffTokenWithoutItsCooperativeIsRefused() {
        Callers.actAs(TestTokens.claims().role(Roles.STAFF).sign());
        given().contentType(ContentType.JSON).body(LivestreamApi.sessionBody(LivestreamApi.cooperative()))
                .post("/sessions").then().statusCode(403).contentType("application/problem+json");
    }

    private static String boardConsumer() {
        return CDI.current().select(EventSubscriptions.class).get().all().stream()
                .filter(s -> s.topic().equals(Topics.ORDERS)).map(Subscription::group).findFirst().orElseThrow();
    }

    /**
     * The matrix tries one role an endpoint does not allow; this tries every other one (admin and
     * service included) on every protected endpoint.
     */
    private static Stream<DynamicTest> everyOtherRoleIsRefused(long home, List<AccessRule> rules) {
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        Map<String, AccessRule> example = new LinkedHashMap<>();
        for (AccessRule rule : rules) {
            if (!rule.isPublic()) {
                allowed.computeIfAbsent(rule.operation(), op -> new LinkedHashSet<>()).addAll(rule.roles());
                example.putIfAbsent(rule.operation(), rule);
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        example.forEach((operation, rule) -> ALL_ROLES.stream().filter(role -> !allowed.get(operation).contains(role))
                .forEach(role -> tests.add(DynamicTest.dynamicTest(operation + ": every " + role + " → 403", () -> {
                    Callers.anonymous();
                    var request = Callers.as(TestTokens.of(role, role.equals(Roles.OWNER) || role.equals(Roles.STAFF)
                            ? home : null));
                    if (rule.body() != null) {
                        request = request.contentType(ContentType.JSON).body(rule.body());
                    }
                    request.request(rule.method(), rule.path()).then().statusCode(403)
                            .contentType("application/problem+json");
                }))));
        return tests.stream();
    }

    /**
     * One rule per operation, in the order they run. A call that changes what a second call would
     * find (start, end, cancel, add, remove) gets a rule per allowed role, each with a fixture of
     * its own; together they declare the operation's roles.
     */
    private List<AccessRule> rules(long home) {
        Callers.actAs(TestTokens.owner(home));
        long scheduled = LivestreamApi.session(home);
        long item = LivestreamApi.item(scheduled, "BG01", LivestreamApi.product(catalog, home), 100);
        long live = LivestreamApi.liveSession(home);
        long liveItem = LivestreamApi.item(live, "BG01", LivestreamApi.product(catalog, home), 100);
        Map<String, Object> details = LivestreamApi.sessionBody(home);
        details.remove("cooperativeId");

        List<AccessRule> rules = new ArrayList<>();
        rules.add(AccessRule.protectedEndpoint("POST", "/sessions", "/sessions", 201, WORKERS)
                .withBody(LivestreamApi.json(LivestreamApi.sessionBody(home))).foreign(422));
        rules.add(AccessRule.publicEndpoint("GET", "/sessions", "/sessions?cooperativeId=" + home, 200));
        rules.add(AccessRule.publicEndpoint("GET", "/sessions/{id}", "/sessions/" + scheduled, 200));
        rules.add(AccessRule.protectedEndpoint("PUT", "/sessions/{id}", "/sessions/" + scheduled, 200, WORKERS)
                .withBody(LivestreamApi.json(details)));
        for (String role : WORKERS) {
            long toStart = LivestreamApi.session(home);
            long toEnd = LivestreamApi.liveSession(home);
            long toCancel = LivestreamApi.session(home);
            long toRemove = LivestreamApi.item(scheduled, "RM" + role.charAt(0), LivestreamApi.product(catalog, home), 5);
            long product = LivestreamApi.product(catalog, home);
            rules.add(AccessRule.protectedEndpoint("POST", "/sessions/{id}/start", "/sessions/" + toStart + "/start",
                    200, role));
            rules.add(AccessRule.protectedEndpoint("POST", "/sessions/{id}/end", "/sessions/" + toEnd + "/end", 200, role));
            rules.add(AccessRule.protectedEndpoint("POST", "/sessions/{id}/cancel", "/sessions/" + toCancel + "/cancel",
                    200, role));
            rules.add(AccessRule.protectedEndpoint("POST", "/sessions/{sessionId}/lineup",
                    "/sessions/" + scheduled + "/lineup", 201, role)
                    .withBody(LivestreamApi.json(LivestreamApi.itemBody("AD" + role.charAt(0), product, 10))));
            rules.add(AccessRule.protectedEndpoint("DELETE", "/sessions/{sessionId}/lineup/{itemId}",
                    LineupTest.lineup(scheduled, toRemove), 204, role));
        }
        rules.add(AccessRule.publicEndpoint("GET", "/sessions/{sessionId}/lineup", "/sessions/" + scheduled + "/lineup", 200));
        rules.add(AccessRule.publicEndpoint("GET", "/sessions/{sessionId}/lineup/{itemId}",
                LineupTest.lineup(scheduled, item), 200));
        rules.add(AccessRule.publicEndpoint("GET", "/sessions/{sessionId}/lineup-codes/{code}",
                "/sessions/" + scheduled + "/lineup-codes/bg01", 200));
        rules.add(AccessRule.protectedEndpoint("PUT", "/sessions/{sessionId}/lineup/{itemId}",
                LineupTest.lineup(scheduled, item), 200, WORKERS)
                .withBody(LivestreamApi.json(LineupTest.change("BG01", 120, 13000))));
        rules.add(AccessRule.protectedEndpoint("POST", "/sessions/{sessionId}/lineup/{itemId}/pin",
                LineupTest.lineup(live, liveItem) + "/pin", 200, WORKERS));
        rules.add(AccessRule.publicEndpoint("GET", "/sessions/{sessionId}/board", "/sessions/" + live + "/board", 200));
        rules.add(AccessRule.protectedEndpoint("GET", "/sessions/{sessionId}/board/host",
                "/sessions/" + live + "/board/host", 200, WORKERS));
        // The stream never ends, so its rule reads an unknown session: a 404 (not a 401) shows that
        // anyone gets through to it. LiveBoardTest and BoardVisibilityTest follow real streams.
        rules.add(AccessRule.publicEndpoint("GET", "/sessions/{sessionId}/board/stream",
                "/sessions/999999999999/board/stream", 404));
        String parked = "/admin/parked-events/" + ParkedEventRows.parkHarmless(db, boardConsumer(), home);
        rules.add(AccessRule.protectedEndpoint("GET", "/admin/parked-events", "/admin/parked-events", 200,
                Roles.ADMIN, Roles.OWNER).foreign(200));
        rules.add(AccessRule.protectedEndpoint("GET", "/admin/parked-events/{id}", parked, 200, Roles.ADMIN, Roles.OWNER));
        rules.add(AccessRule.protectedEndpoint("POST", "/admin/parked-events/{id}/replay", parked + "/replay", 200,
                Roles.ADMIN, Roles.OWNER));
        rules.add(AccessRule.protectedEndpoint("GET", "/admin/outbox/parked", "/admin/outbox/parked", 200, Roles.ADMIN));
        rules.add(AccessRule.protectedEndpoint("POST", "/admin/outbox/parked/{id}/retry", "/admin/outbox/parked/0/retry",
                404, Roles.ADMIN));
        Callers.anonymous();
        return rules;
    }
}
