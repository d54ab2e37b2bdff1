package vn.chotdon.livestream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.chotdon.livestream.LiveBoardTest.BoardStream;
import vn.chotdon.livestream.board.BoardHub;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;

/**
 * The board's streams with real HTTP SSE clients: a change another instance wrote to the shared
 * database reaches this instance's streams; connects are answered from memory (ten at once read the
 * board once); idle streams get
 * heartbeats; a session that is over ends its streams; and beyond the cap (12 in tests) a connect
 * is refused with 503 and Retry-After before any stream opens.
 */
@QuarkusTest
class LiveBoardStreamsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @CatalogStub.Server
    WireMockServer catalog;

    @Inject
    BoardHub hub;

    @Inject
    MeterRegistry registry;

    Db db = Db.ofApplication();

    /** What another instance's consumer does with an order event: counters and version, one transaction. */
    @Test
    void aChangeAnotherInstanceWroteToTheDatabaseReachesThisInstancesStreams() throws Exception {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.liveSession(coop);
        long item = LivestreamApi.item(session, "BG01", LivestreamApi.product(catalog, coop), 100);
        try (BoardStream first = BoardStream.open(session); BoardStream second = BoardStream.open(session)) {
            first.await(board -> ordered(board) == 0 && board.path("items").size() == 1);

            db.execute("UPDATE board_item SET ordered = ordered + 7, held = held + 7 WHERE item_id = ?", item);
            db.execute("UPDATE board_version SET version = version + 1 WHERE session_id = ?", session);

            first.await(board -> ordered(board) == 7 && board.path("items").get(0).path("remaining").asLong() == 93);
            second.await(board -> ordered(board) == 7);
        }
    }

    @Test
    void aConnectToAFollowedSessionIsAnsweredFromMemory() throws Exception {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.liveSession(coop);
        long item = LivestreamApi.item(session, "BG01", LivestreamApi.product(catalog, coop), 100);
        try (BoardStream first = BoardStream.open(session)) {
            first.await(board -> board.path("items").size() == 1);
            // Counters changed without the version: only a connect that reads the database would see them.
            db.execute("UPDATE board_item SET ordered = 5, held = 5 WHERE item_id = ?", item);
            try (BoardStream second = BoardStream.open(session)) {
                second.await(board -> board.path("items").size() == 1);
                assertThat(ordered(second.snapshots().get(0))).as("the snapshot in memory").isZero();

                db.execute("UPDATE board_version SET version = version + 1 WHERE session_id = ?", session);
                first.await(board -> ordered(board) == 5);
                second.await(board -> ordered(board) == 5);
            }
        }
    }

    @Test
    void manyConnectsAtOnceReadTheBoardOnce() throws Exception {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.liveSession(coop);
        LivestreamApi.item(session, "BG01", LivestreamApi.product(catalog, coop), 100);
        double before = reads();
        List<BoardStream> streams = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(10);
        try {
            List<Future<BoardStream>> connects = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                connects.add(clients.submit(() -> BoardStream.open(session)));
            }
            for (Future<BoardStream> connect : connects) {
                streams.add(connect.get());
            }
            for (BoardStream stream : streams) {
                stream.await(board -> board.path("items").size() == 1);
            }
            assertThat(reads() - before).as("snapshots read from the database for 10 connects").isEqualTo(1);
        } finally {
            clients.shutdownNow();
            streams.forEach(BoardStream::close);
        }
    }

    @Test
    void anIdleStreamGetsHeartbeats() throws Exception {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.liveSession(coop);
        try (BoardStream stream = BoardStream.open(session)) {
            await().atMost(WAIT).until(() -> stream.comments().size() >= 2);
            assertThat(stream.comments()).allMatch("heartbeat"::equals);
            assertThat(stream.snapshots()).hasSize(1);
            assertThat(stream.ended()).isFalse();
        }
    }

    @Test
    void aSessionThatEndsSendsItsLastSnapshotAndEndsItsStreams() throws Exception {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.liveSession(coop);
        int before = hub.openStreams();
        try (BoardStream stream = BoardStream.open(session)) {
            stream.await(board -> "LIVE".equals(board.path("status").asText()));
            LivestreamApi.end(session);
            stream.await(board -> "ENDED".equals(board.path("status").asText()));
            await().atMost(WAIT).until(stream::ended);
        }
        await().atMost(WAIT).until(() -> hub.openStreams() == before);

        try (BoardStream late = BoardStream.open(session)) {
            await().atMost(WAIT).until(late::ended);
            assertThat(late.snapshots()).hasSize(1);
            assertThat(late.snapshots().get(0).path("status").asText()).isEqualTo("ENDED");
        }

        long cancelled = LivestreamApi.session(coop);
        try (BoardStream stream = BoardStream.open(cancelled)) {
            stream.await(board -> "SCHEDULED".equals(board.path("status").asText()));
            given().post("/sessions/" + cancelled + "/cancel").then().statusCode(200);
            await().atMost(WAIT).until(stream::ended);
            assertThat(stream.snapshots().get(stream.snapshots().size() - 1).path("status").asText())
                    .isEqualTo("CANCELLED");
        }
    }

    @Test
    void beyondTheCapAConnectIsRefusedWith503AndRetryAfterAndClosedStreamsFreeTheirPlace() throws Exception {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.liveSession(coop);
        int free = 12 - hub.openStreams();
        List<BoardStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < free; i++) {
                streams.add(BoardStream.open(session));
            }
            assertThat(hub.openStreams()).isEqualTo(12);

            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    BoardStream.streamOf(session)).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofString());
            ContractCheck.answer(refused);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.path("type").asText()).isEqualTo("https://chotdon.vn/problems/board-streams-full");
            assertThat(hub.openStreams()).isEqualTo(12);

            streams.remove(0).close();
            await().atMost(WAIT).until(() -> hub.openStreams() == 11);
            streams.add(BoardStream.open(session));
            streams.get(streams.size() - 1).await(board -> board.path("sessionId").asLong() == session);
        } finally {
            streams.forEach(BoardStream::close);
        }
        await().atMost(WAIT).until(() -> hub.openStreams() == 12 - free);
    }

    private double reads() {
        return registry.counter("chotdon.board.snapshot.reads").count();
    }

    private static long ordered(JsonNode board) {
        return board.path("totals").path("ordered").asLong();
    }
}
