package vn.chotdon.livestream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.chotdon.livestream.LiveBoardTest.BoardStream;
import vn.chotdon.livestream.OrderEvents.Line;
import vn.chotdon.platform.security.Roles;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.EventPublisher;
import vn.chotdon.testing.TestTokens;

/**
 * Public reads show what a viewer may see: a session's notes only to its cooperative's owner and
 * staff, the board's revenue only to its owner, and the board's stream to nobody.
 */
@QuarkusTest
class WhatEachCallerSeesTest {

    private static final String NOTES = "Freeship nội thành Hà Nội";

    @CatalogStub.Server
    WireMockServer catalog;

    @Test
    void notesAreForTheSessionsOwnCooperative() {
        long home = LivestreamApi.cooperative();
        long other = LivestreamApi.cooperative();
        long session = LivestreamApi.session(home);
        LivestreamApi.session(other);

        for (String token : List.of(TestTokens.owner(home), TestTokens.staff(home))) {
            Callers.as(token).get("/sessions/" + session).then().statusCode(200).body("notes", is(NOTES));
            Callers.as(token).queryParam("cooperativeId", home).get("/sessions").then().statusCode(200)
                    .body("items.notes", contains(NOTES));
            Callers.as(token).queryParam("cooperativeId", other).get("/sessions").then().statusCode(200)
                    .body("items.notes", contains(nullValue()));
        }
        for (String token : List.of(TestTokens.owner(other), TestTokens.staff(other), TestTokens.admin(),
                TestTokens.service())) {
            Callers.as(token).get("/sessions/" + session).then().statusCode(200)
                    .body("title", is("Chốt đơn bánh gio Đan Phượng")).body("notes", nullValue());
        }
        Callers.anonymous();
        given().get("/sessions/" + session).then().statusCode(200).body("notes", nullValue());
        given().queryParam("cooperativeId", home).get("/sessions").then().statusCode(200)
                .body("items", hasSize(1)).body("items.notes", everyItem(nullValue()));
    }

    @Test
    void revenueIsForTheOwnerOnlyAndNeverOnTheStream() throws Exception {
        long home = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(home));
        long session = LivestreamApi.session(home);
        long item = LivestreamApi.item(session, "BG01", LivestreamApi.product(catalog, home), 100);
        LivestreamApi.start(session);
        List<Line> lines = List.of(new Line(item, "BG01", 2, 12000));
        try (EventPublisher publisher = EventPublisher.open()) {
            OrderEvents.publish(publisher, OrderEvents.event(1, session, home, "PLACED", null, lines));
            OrderEvents.publish(publisher, OrderEvents.event(1, session, home, "CONFIRMED", "PLACED", lines));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Callers.as(TestTokens.owner(home))
                .get("/sessions/" + session + "/board").jsonPath().getLong("totals.confirmed") == 2);

        Callers.as(TestTokens.owner(home)).get("/sessions/" + session + "/board").then().statusCode(200)
                .body("items[0].confirmedRevenueVnd", is(24000))
                .body("totals.confirmedRevenueVnd", is(24000));
        for (String token : List.of(TestTokens.staff(home), TestTokens.owner(LivestreamApi.cooperative()),
                TestTokens.admin(), TestTokens.service())) {
            Callers.as(token).get("/sessions/" + session + "/board").then().statusCode(200)
                    .body("totals.confirmed", is(2))
                    .body("items[0].confirmedRevenueVnd", nullValue())
                    .body("totals.confirmedRevenueVnd", nullValue());
        }
        Callers.anonymous();
        given().get("/sessions/" + session + "/board").then().statusCode(200)
                .body("items[0].confirmed", is(2))
                .body("items[0].confirmedRevenueVnd", nullValue())
                .body("totals.confirmedRevenueVnd", nullValue());

        try (BoardStream stream = BoardStream.open(session, TestTokens.owner(home))) {
            stream.await(board -> board.path("totals").path("confirmed").asLong() == 2);
            for (JsonNode board : stream.snapshots()) {
                assertThat(board.path("totals").path("confirmedRevenueVnd").isNull()).isTrue();
                board.path("items").forEach(i -> assertThat(i.path("confirmedRevenueVnd").isNull()).isTrue());
            }
        }
    }

    /**
     * The public reads that show more to some callers read the token when one comes, so a bad one is
     * refused, as their documented 401 says; the others never look at it.
     */
    @Test
    void aPublicReadThatDependsOnTheCallerRefusesABadToken() {
        long session = LivestreamApi.session(LivestreamApi.cooperative());
        for (String path : List.of("/sessions/" + session, "/sessions", "/sessions/" + session + "/board")) {
            Callers.as("not-a-token").get(path).then().statusCode(401).contentType("application/problem+json");
        }
        Callers.as("not-a-token").get("/sessions/" + session + "/lineup").then().statusCode(200);
        Callers.anonymous();
    }

    @Test
    void theApiDocumentSaysWhatIsLeftOut() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.BoardItem.properties.confirmedRevenueVnd.nullable", is(true))
                .body("components.schemas.BoardTotals.properties.confirmedRevenueVnd.nullable", is(true))
                .body("components.schemas.Session.properties.notes.nullable", is(true))
                .body("paths.'/sessions/{sessionId}/board'.get.security", hasSize(0))
                .body("paths.'/sessions/{sessionId}/board'.get.responses.'401'.description", containsString("not valid"))
                .body("paths.'/sessions/{id}/start'.post.'x-roles'", contains(Roles.OWNER, Roles.STAFF));
    }
}
