package vn.chotdon.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * One viewer following a session's live board on one livestream instance, as the overlay does:
 * reads the Server-Sent Events stream on a thread of its own and keeps every board it was sent.
 * It never reconnects: a reconnect would fetch a fresh snapshot and hide a stream that stopped
 * moving.
 */
final class BoardStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceProcess instance;
    private final List<JsonNode> boards = new CopyOnWriteArrayList<>();
    private final Stream<String> lines;
    private final Thread reader;
    private volatile String ending;

    private BoardStream(ServiceProcess instance, long session, HttpClient http) {
        this.instance = instance;
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.url() + "/sessions/" + session + "/board/stream"))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot follow the board on " + instance, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IllegalStateException("the board stream on " + instance + " answered " + response.statusCode());
        }
        lines = response.body();
        reader = new Thread(this::read, "board-stream " + instance.name());
        reader.setDaemon(true);
        reader.start();
    }

    static BoardStream follow(ServiceProcess instance, long session, HttpClient http) {
        return new BoardStream(instance, session, http);
    }

    ServiceProcess instance() {
        return instance;
    }

    /** Every board received, oldest first. */
    List<JsonNode> boards() {
        return List.copyOf(boards);
    }

    /** The board the viewer sees now: the latest one sent; fails if none came yet. */
    JsonNode latest() {
        if (boards.isEmpty()) {
            throw new AssertionError("no board yet on the stream of " + instance + (ending == null ? "" : "; " + ending));
        }
        return boards.get(boards.size() - 1);
    }

    /** Why the stream ended, or null while it runs. */
    String ending() {
        return ending;
    }

    /** Follows the event stream format: data lines up to a blank line make one event; comments and other fields are skipped. */
    private void read() {
        StringBuilder data = new StringBuilder();
        try {
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        accept(data.toString());
                        data.setLength(0);
                    }
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
                }
            });
            ending = "the server completed the stream";
        } catch (RuntimeException e) {
            ending = "the stream broke: " + e;
        }
    }

    private void accept(String data) {
        try {
            JsonNode event = JSON.readTree(data);
            // A heartbeat or another kind of event has no items; only boards count.
            if (event.has("items")) {
                boards.add(event);
            }
        } catch (IOException e) {
            ending = "an event is not JSON: " + data;
        }
    }

    @Override
    public void close() {
        lines.close();
        reader.interrupt();
    }
}
