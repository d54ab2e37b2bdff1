package vn.chotdon.testing.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a fuzz run sent and what broke the rules: answers by status, and each failing request in
 * full. An empty 400/414/431 that Vert.x's HTTP codec gives to a request line or headers it
 * cannot parse is counted apart and allowed: no application code runs for it, and Quarkus gives
 * no hook to answer it otherwise.
 */
public final class FuzzReport {

    private static final int MAX_SHOWN = 25;
    private final long seed;
    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final Map<String, Integer> byOperation = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger codecRefusals = new AtomicInteger();
    private Duration took = Duration.ZERO;
    private int operations;

    FuzzReport(long seed) {
        this.seed = seed;
    }

    synchronized void record(FuzzRequest request, RawHttp.Answer answer) {
        sent.incrementAndGet();
        byStatus.merge(answer.status(), 1, Integer::sum);
        byOperation.merge(request.operation().name(), 1, Integer::sum);
        String contentType = answer.contentType() == null ? "" : answer.contentType();
        if (answer.status() >= 500) {
            fail(request, answer.status() + " " + contentType + "\n" + abbreviate(answer.body()));
        } else if (answer.isCodecRefusal()) {
            codecRefusals.incrementAndGet();
        } else if (answer.status() >= 400 && !contentType.startsWith("application/problem+json")) {
            fail(request, answer.status() + " answered as '" + contentType + "', not application/problem+json\n"
                    + abbreviate(answer.body()));
        }
    }

    synchronized void noAnswer(FuzzRequest request, Exception e) {
        sent.incrementAndGet();
        byStatus.merge(0, 1, Integer::sum);
        fail(request, "no answer: " + e);
    }

    private void fail(FuzzRequest request, String what) {
        failures.add("--- seed " + seed + ", request " + request.describe() + "\n=> " + what);
    }

    synchronized void finished(Duration took, int operations) {
        this.took = took;
        this.operations = operations;
    }

    public int sent() {
        return sent.get();
    }

    public Duration took() {
        return took;
    }

    public long seed() {
        return seed;
    }

    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    public synchronized String summary() {
        return sent.get() + " requests to " + operations + " operations in " + took.toMillis() + " ms, seed " + seed
                + " (-D" + FuzzCampaign.SEED_PROPERTY + "=" + seed + " repeats it); answers by status " + byStatus
                + "; of the 4xx, " + codecRefusals.get() + " empty ones from the HTTP codec (unparseable request line"
                + " or headers); failures " + failures.size();
    }

    /** Writes the summary and every failing request in full, for a run with more failures than a message shows. */
    public synchronized void writeTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, summary() + "\n\n" + String.join("\n\n", failures) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with the first failing requests in full when any answer was a 5xx, no answer, or a 4xx not in problem+json. */
    public synchronized void assertNoFailures() {
        if (failures.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(summary()).append('\n');
        failures.stream().limit(MAX_SHOWN).forEach(f -> message.append(f).append("\n\n"));
        throw new AssertionError(message.toString());
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }
}
