package vn.chotdon.livestream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.events.order.OrderData;
import vn.chotdon.livestream.OrderEvents.Line;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.EventPublisher;
import vn.chotdon.testing.TestTokens;

/**
 * Order events published to the real broker as order-service would, duplicates and a replay
 * included: the board counts each once, and a Server-Sent Events client sees the numbers climb.
 */
@QuarkusTest
class LiveBoardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @CatalogStub.Server
    WireMockServer catalog;

    @Test
    void countsEveryOrderOnceAndStreamsTheBoard() throws Exception {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.session(coop);
        long a = LivestreamApi.item(session, "BG01", LivestreamApi.product(catalog, coop), 600);
        long b = LivestreamApi.item(session, "CM02", LivestreamApi.product(catalog, coop), 100);
        LivestreamApi.start(session);
        long otherSession = LivestreamApi.liveSession(coop);

        try (EventPublisher publisher = EventPublisher.open(); BoardStream stream = BoardStream.open(session)) {
            stream.await(board -> board.path("items").size() == 2 && board.path("totals").path("ordered").asLong() == 0);
            assertThat(stream.snapshots().get(0).path("status").asText()).isEqualTo("LIVE");

            List<EventEnvelope<OrderData>> sent = new ArrayList<>();
            List<Line> first = List.of(new Line(a, "BG01", 3, 12000), new Line(b, "CM02", 1, 50000));
            List<Line> second = List.of(new Line(a, "BG01", 5, 12000));
            List<Line> third = List.of(new Line(b, "CM02", 2, 50000));
            List<Line> fourth = List.of(new Line(a, "BG01", 10, 12000));
            sent.add(OrderEvents.event(101, session, coop, "PLACED", null, first));
            sent.add(OrderEvents.event(102, session, coop, "PLACED", null, second));
            sent.add(OrderEvents.event(103, session, coop, "PLACED", null, third));
            sent.add(OrderEvents.event(101, session, coop, "CONFIRMED", "PLACED", first));
            sent.add(OrderEvents.event(102, session, coop, "CANCELLED", "PLACED", second));
            sent.add(OrderEvents.event(103, session, coop, "EXPIRED", "PLACED", third));
            sent.add(OrderEvents.event(101, session, coop, "PAID", "CONFIRMED", first));
            sent.add(OrderEvents.event(104, session, coop, "PLACED", null, fourth));
            sent.add(OrderEvents.event(104, session, coop, "CONFIRMED", "PLACED", fourth));
            sent.add(OrderEvents.event(104, session, coop, "CANCELLED", "CONFIRMED", fourth));
            sent.add(OrderEvents.event(105, otherSession, coop, "PLACED", null, List.of(new Line(a, "BG01", 7, 12000))));
            sent.add(OrderEvents.event(106, session, coop + 1, "PLACED", null, List.of(new Line(a, "BG01", 9, 12000))));
            sent.add(OrderEvents.event(107, session, coop, "PLACED", null, List.of(new Line(a + 1_000_000, "X", 4, 1))));
            for (EventEnvelope<OrderData> event : sent) {
                OrderEvents.publish(publisher, event);
                if (event.data().orderId() == 101) {
                    OrderEvents.publish(publisher, event);
                }
            }

            Predicate<JsonNode> expected = view -> item(view, "BG01").equals(counts(18, 0, 3, 15, 597))
                    && item(view, "CM02").equals(counts(3, 0, 1, 2, 99));
            await().atMost(WAIT).until(() -> expected.test(board(session)));
            stream.await(expected);

            JsonPath snapshot = given().get("/sessions/" + session + "/board").then().statusCode(200)
                    .body("sessionId", is((int) session))
                    .body("status", is("LIVE"))
                    .body("items.code", contains("BG01", "CM02"))
                    .body("items[0].label", is("Đã chốt 3/600 cái"))
                    .body("items[0].confirmedRevenueVnd", is(36000))
                    .body("items[1].confirmedRevenueVnd", is(50000))
                    .body("totals.quota", is(700))
                    .body("totals.ordered", is(21))
                    .body("totals.confirmed", is(4))
                    .body("totals.cancelled", is(17))
                    .body("totals.remaining", is(696))
                    .body("totals.confirmedRevenueVnd", is(86000))
                    .extract().jsonPath();
            assertThat(snapshot.getString("computedAt")).endsWith("Z");
            given().get("/sessions/" + otherSession + "/board").then().body("totals.ordered", is(0));

            for (EventEnvelope<OrderData> event : sent) {
                OrderEvents.publish(publisher, event);
            }
            OrderEvents.publish(publisher, OrderEvents.event(108, session, coop, "PLACED", null,
                    List.of(new Line(b, "CM02", 1, 50000))));
            Predicate<JsonNode> afterReplay = view -> item(view, "BG01").equals(counts(18, 0, 3, 15, 597))
                    && item(view, "CM02").equals(counts(4, 1, 1, 2, 98));
            await().atMost(WAIT).until(() -> afterReplay.test(board(session)));
            stream.await(afterReplay);
        }
    }

    @Test
    void lineupChangesAndPinsReachTheStream() throws Exception {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.liveSession(coop);
        try (BoardStream stream = BoardStream.open(session)) {
            stream.await(board -> board.path("items").isEmpty());
            long item = LivestreamApi.item(session, "GA05", LivestreamApi.product(catalog, coop), 30);
            stream.await(board -> board.path("items").size() == 1 && !board.path("items").get(0).path("pinned").asBoolean());
            given().post(LineupTest.lineup(session, item) + "/pin").then().statusCode(200);
            stream.await(board -> board.path("items").size() == 1 && board.path("items").get(0).path("pinned").asBoolean());
        }
    }

    @Test
    void aStreamOfAnUnknownSessionIsNotFound() {
        given().get("/sessions/999999999999/board/stream").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/sessions/999999999999/board").then().statusCode(404);
    }

    private static JsonNode board(long session) throws Exception {
        return JSON.readTree(given().get("/sessions/" + session + "/board").then().statusCode(200).extract().asString());
    }

    private static List<Long> item(JsonNode board, String code) {
        for (JsonNode item : board.path("items")) {
            if (code.equals(item.path("code").asText())) {
                return counts(item.path("ordered").asLong(), item.path("held").asLong(), item.path("confirmed").asLong(),
                        item.path("cancelled").asLong(), item.path("remaining").asLong());
            }
        }
        return List.of();
    }

    private static List<Long> counts(long ordered, long held, long confirmed, long cancelled, long remaining) {
        return List.of(ordered, held, confirmed, cancelled, remaining);
    }

    /** A real SSE client: reads the text/event-stream lines of the board stream on its own thread. */
    static final class BoardStream implements AutoCloseable {

        private final HttpResponse<Stream<String>> response;
        private final List<JsonNode> snapshots = new CopyOnWriteArrayList<>();
        private final List<String> comments = new CopyOnWriteArrayList<>();
        private volatile boolean ended;

        private BoardStream(HttpResponse<Stream<String>> response) {
            this.response = response;
            Thread reader = new Thread(() -> {
                try {
                    response.body().forEach(this::read);
                    ended = true;
                } catch (UncheckedIOException closedHere) {
                    // the test closed the stream
                }
            }, "sse-client");
            reader.setDaemon(true);
            reader.start();
        }

        static BoardStream open(long session) throws Exception {
            return open(HttpRequest.newBuilder(streamOf(session)));
        }

        /** Follows the board as the bearer of this token. */
        static BoardStream open(long session, String token) throws Exception {
            return open(HttpRequest.newBuilder(streamOf(session)).header("Authorization", "Bearer " + token));
        }

        static URI streamOf(long session) {
            return URI.create("http://localhost:" + RestAssured.port + "/sessions/" + session + "/board/stream");
        }

        private static BoardStream open(HttpRequest.Builder builder) throws Exception {
            HttpRequest request = builder.header("Accept", "text/event-stream").build();
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            ContractCheck.streamOpened(response);
            return new BoardStream(response);
        }

        private void read(String line) {
            if (line.startsWith("data:")) {
                try {
                    snapshots.add(JSON.readTree(line.substring("data:".length()).strip()));
                } catch (Exception e) {
                    throw new IllegalStateException("not JSON: " + line, e);
                }
            } else if (line.startsWith(":")) {
                comments.add(line.substring(1).strip());
            }
        }

        List<JsonNode> snapshots() {
            return snapshots;
        }

        /** The comment lines (heartbeats) received so far. */
        List<String> comments() {
            return comments;
        }

        /** Whether the server ended the stream. */
        boolean ended() {
            return ended;
        }

        void await(Predicate<JsonNode> match) {
            Awaitility.await().atMost(WAIT).until(() -> snapshots.stream().anyMatch(match));
        }

        @Override
        public void close() {
            response.body().close();
        }
    }
}
