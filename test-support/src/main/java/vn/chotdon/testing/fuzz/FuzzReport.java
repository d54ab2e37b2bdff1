package vn.chotdon.testing.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a run sent and what broke the properties: answers by status; per operation, how many
 * valid, invalid and malformed requests it got and how many valid ones succeeded (2xx); each kind
 * of failure per operation with its first request, shrunk, and the seed to replay it; the
 * operations no valid request succeeded on. An empty 400/414/431 that Vert.x's HTTP codec gives
 * to a request line or headers it cannot parse is counted apart and allowed: no application code
 * runs for it.
 */
public final class FuzzReport {

    private static final int MAX_SHOWN = 30;
    private final long seed;
    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final Map<Integer, Integer> codecRefusals = new TreeMap<>();
    private final Map<String, OperationTally> byOperation = new TreeMap<>();
    private final Map<String, FailureGroup> failures = new LinkedHashMap<>();
    private final Map<String, String> generatorGaps = new TreeMap<>();
    private final Map<String, String> cannotSucceed;
    private int sent;
    private int shrinkRequests;
    private Duration took = Duration.ZERO;

    FuzzReport(long seed, Map<String, String> cannotSucceed, List<ApiOperation> operations) {
        this.seed = seed;
        this.cannotSucceed = Map.copyOf(cannotSucceed);
        operations.forEach(op -> byOperation.put(op.id(), new OperationTally()));
    }

    /** Requests of each kind one operation got, and its valid ones that succeeded. */
    static final class OperationTally {
        final Map<FuzzRequest.Kind, Integer> sent = new TreeMap<>();
        int succeeded;
        final Map<Integer, Integer> validAnswers = new TreeMap<>();

        @Override
        public String toString() {
            return "valid " + sent.getOrDefault(FuzzRequest.Kind.VALID, 0) + " (2xx " + succeeded + ", answers "
                    + validAnswers + "), invalid " + sent.getOrDefault(FuzzRequest.Kind.INVALID, 0) + ", malformed "
                    + sent.getOrDefault(FuzzRequest.Kind.MALFORMED, 0);
        }
    }

    /** One kind of failure of one operation: how often, and its first request. */
    static final class FailureGroup {
        final String operation;
        final String kind;
        final FuzzRequest first;
        final String details;
        final Set<String> places = new TreeSet<>();
        int count = 1;
        String shrunk;

        FailureGroup(String operation, String kind, FuzzRequest first, String details) {
            this.operation = operation;
            this.kind = kind;
            this.first = first;
            this.details = details;
        }

        String line() {
            return operation + " | " + kind + " (" + count + ")" + (places.isEmpty() ? "" : " at " + places);
        }
    }

    synchronized void record(FuzzRequest request, RawHttp.Answer answer, AnswerJudge.Failure failure) {
        sent++;
        byStatus.merge(answer.status(), 1, Integer::sum);
        OperationTally tally = byOperation.get(request.operation().id());
        tally.sent.merge(request.kind(), 1, Integer::sum);
        if (request.kind() == FuzzRequest.Kind.VALID) {
            tally.validAnswers.merge(answer.status(), 1, Integer::sum);
            if (answer.status() >= 200 && answer.status() < 300) {
                tally.succeeded++;
            }
        }
        if (answer.isCodecRefusal()) {
            codecRefusals.merge(answer.status(), 1, Integer::sum);
        }
        if (failure != null) {
            fail(request, failure.kind(), failure.details()).places.addAll(failure.places());
        }
    }

    synchronized void noAnswer(FuzzRequest request, Exception e) {
        sent++;
        byStatus.merge(0, 1, Integer::sum);
        byOperation.get(request.operation().id()).sent.merge(request.kind(), 1, Integer::sum);
        fail(request, "no answer", e.toString());
    }

    private FailureGroup fail(FuzzRequest request, String kind, String details) {
        String key = request.operation().id() + " | " + kind;
        FailureGroup group = failures.get(key);
        if (group == null) {
            group = new FailureGroup(request.operation().id(), kind, request, details);
            failures.put(key, group);
        } else {
            group.count++;
        }
        return group;
    }

    /** A generated request the document itself refuses (valid) or accepts (invalid): the generator's gap, not the service's. */
    synchronized void generatorGap(FuzzRequest request, String why) {
        generatorGaps.merge(request.operation().id() + " " + request.kind(), why, (a, b) -> a);
    }

    synchronized List<FailureGroup> failureGroups() {
        return List.copyOf(failures.values());
    }

    synchronized void shrunk(FailureGroup group, FuzzRequest smallest, int tries) {
        shrinkRequests += tries;
        group.shrunk = smallest == group.first ? "(nothing could be dropped; " + tries + " tries)"
                : smallest.describe() + "\n  (shrunk in " + tries + " tries)";
    }

    synchronized void finished(Duration took) {
        this.took = took;
    }

    public synchronized int sent() {
        return sent;
    }

    public Duration took() {
        return took;
    }

    public long seed() {
        return seed;
    }

    /** Operations that no valid request succeeded on, and that the test did not say cannot succeed. */
    public synchronized List<String> neverSucceeded() {
        return byOperation.entrySet().stream()
                .filter(e -> e.getValue().succeeded == 0 && !cannotSucceed.containsKey(e.getKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** Each kind of failure, as "operation | kind (count) at the places it was seen". */
    public synchronized List<String> failures() {
        return failures.values().stream().map(FailureGroup::line).toList();
    }

    public synchronized String summary() {
        int codec = codecRefusals.values().stream().mapToInt(Integer::intValue).sum();
        return sent + " requests to " + byOperation.size() + " operations in " + took.toMillis() + " ms (" + shrinkRequests
                + " of them shrinking), seed " + seed + " (-D" + FuzzCampaign.SEED_PROPERTY + "=" + seed
                + " repeats it); answers by status " + byStatus + "; " + codec + " empty answers from the HTTP codec"
                + " (unparseable request line or headers, no application code ran) " + codecRefusals
                + "; kinds of failure " + failures.size() + "; operations never answered 2xx " + neverSucceeded();
    }

    /** Everything: the summary, per operation, each kind of failure in full, the generator's gaps. */
    public synchronized String full() {
        StringBuilder out = new StringBuilder(summary()).append("\n\nPer operation:\n");
        byOperation.forEach((op, tally) -> out.append("  ").append(op).append(": ").append(tally)
                .append(cannotSucceed.containsKey(op) ? " — cannot succeed here: " + cannotSucceed.get(op) : "")
                .append('\n'));
        out.append("\nKinds of failure:\n");
        failures.values().forEach(g -> out.append("  ").append(g.line()).append('\n'));
        out.append('\n');
        failures.values().forEach(g -> out.append(describe(g)).append("\n\n"));
        if (!generatorGaps.isEmpty()) {
            out.append("Requests the generator could not make as meant (not sent):\n");
            generatorGaps.forEach((op, why) -> out.append("  ").append(op).append(": ").append(why).append('\n'));
        }
        return out.toString();
    }

    private String describe(FailureGroup g) {
        return "--- " + g.operation + " | " + g.kind + " (" + g.count + " times), seed " + seed + ", first request:\n"
                + g.first.describe() + "\n=> " + g.details
                + (g.shrunk == null ? "" : "\nSmallest request that still fails the same way:\n" + g.shrunk);
    }

    public synchronized void writeTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, full() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails with every kind of failure (the first ones in full, shrunk) when an answer broke a
     * property, or when an operation never succeeded that the test did not excuse.
     */
    public synchronized void assertNoFailures() {
        List<String> never = neverSucceeded();
        if (failures.isEmpty() && never.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(summary()).append("\n\nKinds of failure:\n");
        failures.values().forEach(g -> message.append("  ").append(g.line()).append('\n'));
        if (!never.isEmpty()) {
            message.append("\nNo valid request succeeded (2xx) on: ").append(never).append('\n');
            never.forEach(op -> message.append("  ").append(op).append(": ").append(byOperation.get(op)).append('\n'));
        }
        message.append('\n');
        failures.values().stream().limit(MAX_SHOWN).forEach(g -> message.append(describe(g)).append("\n\n"));
        throw new AssertionError(message.toString());
    }
}
