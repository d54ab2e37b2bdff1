package vn.chotdon.simulation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Flow;

/**
 * Follows a session's live board as a viewer's overlay does (Server-Sent Events from
 * livestream-service) and notes, for each snapshot, when it came and how many units it shows ordered.
 */
final class BoardStream implements Flow.Subscriber<String> {

    final Progress progress = new Progress();
    private volatile Flow.Subscription subscription;
    private volatile JsonNode last;

    static BoardStream follow(Services services, long session) {
        BoardStream stream = new BoardStream();
        HttpRequest request = HttpRequest.newBuilder(URI.create(services.livestream + "/sessions/" + session + "/board/stream"))
                .header("Accept", "text/event-stream").build();
        services.http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(stream));
        return stream;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (line.startsWith("data:")) {
            long at = System.nanoTime();
            JsonNode board = Services.read(line.substring(5));
            last = board;
            progress.saw(at, board.path("totals").path("ordered").asLong());
        }
    }

    @Override
    public void onError(Throwable error) {
        // A dropped stream shows as a board that stops moving; the settle wait then reports it.
    }

    @Override
    public void onComplete() {
        // The session ended; nothing more will come.
    }

    /** The latest snapshot the stream brought, or null. */
    JsonNode last() {
        return last;
    }

    void stop() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
