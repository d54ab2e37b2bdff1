package vn.chotdon.simulation.comments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A live sale's comments as order-service sees them: a forwarder posting the stream's batches to
 * {@code POST /sessions/{id}/comments} (with a service token, as the forwarder runs beside the
 * platform's API), the outcome of every comment counted; then staff working the review queue a
 * little ({@code GET /sessions/{id}/comments?state=WAITING}, {@code POST …/{commentId}/decision}):
 * a repeat accepted as it is, a new buyer's comment accepted with the address staff got on the
 * phone, a question rejected. Safe to post batches from several threads.
 */
public final class CommentFeed {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where staff deliver a new buyer's first order, once they have called the buyer. */
    private static final Map<String, String> ADDRESS_BY_PHONE = Map.of("province", "Hà Nội",
            "commune", "Xã Đan Phượng", "detail", "Thôn Thượng Thôn, số 12");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String order;
    private final long session;
    private final String forwarderToken;
    private final String staffToken;
    private final Map<String, StreamComment> byId = new LinkedHashMap<>();
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicInteger resentBatches = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> waitingByReason = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<String> decisions = new ArrayList<>();
    private final Instant firstCommentAt;
    private final Duration betweenComments;

    /**
     * @param firstCommentAt  when the stream's first comment was written
     * @param betweenComments the time between two comments of the stream
     */
    public CommentFeed(String order, long session, List<StreamComment> stream, String forwarderToken, String staffToken,
            Instant firstCommentAt, Duration betweenComments) {
        this.order = order;
        this.session = session;
        this.forwarderToken = forwarderToken;
        this.staffToken = staffToken;
        this.firstCommentAt = firstCommentAt;
        this.betweenComments = betweenComments;
        stream.forEach(comment -> byId.put(comment.platformCommentId(), comment));
    }

    /** Posts one batch as the forwarder does and counts what became of each comment. */
    public void post(ForwarderBatch batch) {
        List<Map<String, Object>> comments = new ArrayList<>();
        for (StreamComment comment : batch.comments()) {
            comments.add(Map.of("platform", "TIKTOK", "platformCommentId", comment.platformCommentId(),
                    "commenterName", comment.commenterName(), "commenterId", comment.commenterId(),
                    "text", comment.text(), "commentedAt", firstCommentAt.plus(betweenComments.multipliedBy(comment.index()))
                            .toString()));
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(order + "/sessions/" + session + "/comments"))
                .header("Authorization", "Bearer " + forwarderToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("comments", comments)))).build());
        batches.incrementAndGet();
        if (batch.resent()) {
            resentBatches.incrementAndGet();
        }
        sent.addAndGet(comments.size());
        if (response.statusCode() != 200) {
            failures.add("batch " + batch.number() + " answered " + response.statusCode() + ": " + response.body());
            return;
        }
        for (JsonNode outcome : read(response.body()).path("outcomes")) {
            String kind = outcome.path("outcome").asText();
            outcomes.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            if (kind.equals("WAITING_FOR_REVIEW") || kind.equals("REFUSED")) {
                waitingByReason.computeIfAbsent(outcome.path("reasons").path(0).path("code").asText("?"),
                        k -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    /**
     * Staff take three comments off the review queue: a repeat accepted as it is (the buyer does
     * want a second lot), a new buyer's comment edited with the address staff got on the phone and
     * accepted, a question rejected (answered on the stream). A comment whose order is refused (its
     * item sold out meanwhile) stays waiting, and staff take the next one.
     */
    public void staffWorkTheQueue() {
        List<JsonNode> waiting = waiting();
        decide(waiting, "ACCEPT", "REPEAT", comment -> Map.of("note", "Khách xác nhận lấy thêm"));
        decide(waiting, "EDIT_THEN_ACCEPT", "ADDRESS_MISSING", comment -> {
            StreamComment written = byId.get(comment.path("platformCommentId").asText());
            List<Map<String, Object>> lines = new ArrayList<>();
            comment.path("lines").forEach(line -> lines.add(Map.of("code", line.path("code").asText(),
                    "quantity", line.path("quantity").asInt())));
            return Map.of("lines", lines, "phone", written.phone(),
                    "address", ADDRESS_BY_PHONE, "note", "Đã gọi khách, khách đọc địa chỉ");
        });
        decide(waiting, "REJECT", "QUESTION", comment -> Map.of("note", "Khách hỏi, chị Huệ đã trả lời trên live"));
    }

    private List<JsonNode> waiting() {
        List<JsonNode> waiting = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode found = read(send(HttpRequest.newBuilder(URI.create(order + "/sessions/" + session
                    + "/comments?state=WAITING&size=100&page=" + page)).header("Authorization", "Bearer " + staffToken)
                    .build()).body());
            found.path("items").forEach(waiting::add);
            if (page + 1 >= found.path("totalPages").asInt()) {
                return waiting;
            }
        }
    }

    /**
     * The first comment waiting for this reason that staff can decide, decided: one whose items all
     * still have units (order-service would refuse the others) or, for a rejection, any.
     */
    private void decide(List<JsonNode> waiting, String kind, String reason, Function<JsonNode, Map<String, Object>> details) {
        Map<String, Long> remaining = new LinkedHashMap<>();
        read(send(HttpRequest.newBuilder(URI.create(order + "/sessions/" + session + "/orderable")).build()).body())
                .path("items").forEach(item -> remaining.put(item.path("code").asText(), item.path("remaining").asLong()));
        Predicate<JsonNode> orderable = comment -> {
            for (JsonNode line : comment.path("lines")) {
                if (remaining.getOrDefault(line.path("code").asText(), 0L) < line.path("quantity").asLong()) {
                    return false;
                }
            }
            return true;
        };
        Predicate<JsonNode> forReason = comment -> reason.equals(comment.path("reasons").path(0).path("code").asText());
        for (JsonNode comment : waiting.stream().filter(forReason.and(orderable)).toList()) {
            Map<String, Object> body = new LinkedHashMap<>(details.apply(comment));
            body.put("decision", kind);
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(order + "/sessions/" + session
                    + "/comments/" + comment.path("id").asLong() + "/decision")).header("Authorization", "Bearer " + staffToken)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
            if (response.statusCode() == 200) {
                JsonNode decided = read(response.body());
                decisions.add(String.format(Locale.ROOT, "    %-17s %-16s %-44s %s", kind, reason,
                        "\"" + comment.path("text").asText() + "\"", decided.path("orderCode").isTextual()
                                ? "→ order " + decided.path("orderCode").asText() : "\"" + decided.path("decisionNote").asText() + "\""));
                decisions.add("      by " + decided.path("decidedBy").asText() + " at " + decided.path("decidedAt").asText());
                return;
            }
        }
        decisions.add(String.format(Locale.ROOT, "    %-17s %-16s none: no such comment waits whose items are left", kind,
                reason));
    }

    /** What the forwarder sent, what became of it, and what staff decided. */
    public void report() {
        System.out.println();
        System.out.println("== Orders from live comments (order-service) ==");
        int duplicates = count("DUPLICATE");
        row("comments sent by the forwarder", sent.get(), String.format(Locale.ROOT, "in %d batches of up to %d, %d of"
                + " them posted twice", batches.get(), CommentStream.BATCH_SIZE + CommentStream.OVERLAP, resentBatches.get()));
        row("stored, each once", total(null), "GET /sessions/" + session + "/comments");
        row("duplicates ignored (sent again)", duplicates, "");
        row("became orders", count("ORDERED"), "");
        row("waiting for review", count("WAITING_FOR_REVIEW") + count("REFUSED"), "the first reason of each:");
        new TreeMap<>(waitingByReason).forEach((reason, n) -> row("  " + reason, n.get(), ""));
        row("joined the waitlist (sold out)", count("WAITLISTED"), "see the waitlists below");
        row("ignored (chatter)", count("IGNORED"), "");
        System.out.println("  staff decisions (POST /sessions/" + session + "/comments/{id}/decision):");
        decisions.forEach(System.out::println);
        row("still waiting for staff", total("WAITING"), "GET /sessions/" + session + "/comments?state=WAITING");
        failures.forEach(failure -> System.out.println("  FAILED: " + failure));
    }

    /** The session's stored comments in this state (all when null), as order-service counts them. */
    private int total(String state) {
        return read(send(HttpRequest.newBuilder(URI.create(order + "/sessions/" + session + "/comments?size=1"
                + (state == null ? "" : "&state=" + state))).header("Authorization", "Bearer " + staffToken).build())
                .body()).path("totalItems").asInt();
    }

    private int count(String outcome) {
        AtomicInteger n = outcomes.get(outcome);
        return n == null ? 0 : n.get();
    }

    private static void row(String what, int n, String note) {
        System.out.printf(Locale.ROOT, "  %-40s %5d  %s%n", what, n, note);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
