package vn.chotdon.livestream.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.chotdon.livestream.SessionStatus;
import vn.chotdon.livestream.service.BoardVersions;

/**
 * Reads a session's public board for its streams, with the version it was read at: the version is
 * read first, so the snapshot holds at least that version's changes, and a later change is a
 * higher version the watcher sees. The snapshot is serialised to JSON once, for every stream.
 */
@ApplicationScoped
class BoardSnapshots {

    /** Sessions per version query, so that a long list never makes an oversized IN clause. */
    private static final int SESSIONS_PER_QUERY = 500;
    /** An ended session's stream is over: a client that reconnects anyway need not do so soon. */
    private static final Duration AFTER_THE_END = Duration.ofMinutes(10);

    private final Board board;
    private final BoardVersions versions;
    private final ObjectMapper json;
    private final Counter reads;

    BoardSnapshots(Board board, BoardVersions versions, ObjectMapper json, MeterRegistry registry) {
        this.board = board;
        this.versions = versions;
        this.json = json;
        this.reads = Counter.builder("chotdon.board.snapshot.reads")
                .description("Board snapshots read from the database for the streams of this instance")
                .register(registry);
    }

    /** @throws vn.chotdon.platform.problem.ProblemException 404 if there is no such session */
    BoardFeed.Snapshot read(long sessionId) {
        reads.increment();
        long version = versions.of(List.of(sessionId)).getOrDefault(sessionId, 0L);
        BoardView view = board.snapshot(sessionId);
        boolean last = SessionStatus.valueOf(view.status()).closed();
        String text = text(view);
        return new BoardFeed.Snapshot(version, last,
                last ? BoardEvent.last(text, AFTER_THE_END.toMillis()) : BoardEvent.snapshot(text));
    }

    /** @return the board versions of these sessions; one without a version counts as 0 */
    Map<Long, Long> versions(Collection<Long> sessionIds) {
        Map<Long, Long> found = new HashMap<>();
        List<Long> all = new ArrayList<>(sessionIds);
        for (int from = 0; from < all.size(); from += SESSIONS_PER_QUERY) {
            found.putAll(versions.of(all.subList(from, Math.min(all.size(), from + SESSIONS_PER_QUERY))));
        }
        return found;
    }

    private String text(BoardView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The board of session " + view.sessionId() + " cannot be written as JSON", e);
        }
    }
}
