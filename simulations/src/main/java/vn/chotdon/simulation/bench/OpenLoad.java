package vn.chotdon.simulation.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An open-model load: each tap is sent at its scheduled moment whether or not the earlier ones
 * were answered, as thousands of phones would, and its latency counts from that scheduled moment
 * (not from when it could be sent), so a slow server cannot hide its queue by slowing the load
 * generator down (coordinated omission). Every tap carries its own Idempotency-Key. The client is
 * Vert.x's (Netty): the load generator shares the machine's cores with the stack it measures, and
 * java.net.http's client took about a fifth of them in a flash sale. Two event loops, not one: a
 * single loop, one thread among the stack's busy threads on 2 cores, was starved for seconds and
 * its 10 s connect timers fired before it got to connections the kernel had completed (1,505-2,890
 * connect time-outs per flash sale on JDK 25, none dropped by the server; 0 and 16 with two loops).
 */
final class OpenLoad implements AutoCloseable {

    private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*/problems/([a-z0-9-]+)\"");
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** One per core of the project's machine: with one, the load generator starved and its connects timed out. */
    private static final int EVENT_LOOPS = 2;

    private final Vertx vertx;
    private final HttpClient http;
    /** One context per event loop, each tap sent from one of them in turn. */
    private final List<Context> senders;
    private final String path;
    private final Semaphore inFlight;
    private final int maxInFlight;
    private long lateSends;
    private long worstSendDelayNanos;

    /** At most maxInFlight requests open at once: past that a tap waits, and its wait counts in its latency. */
    OpenLoad(String orderService, int maxInFlight) {
        URI base = URI.create(orderService);
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(EVENT_LOOPS));
        // As many connections as requests in flight: each waiting buyer has its own, as phones would.
        this.http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort()).setConnectTimeout((int) CONNECT_TIMEOUT.toMillis()),
                new PoolOptions().setHttp1MaxSize(maxInFlight));
        this.senders = contextsOnEachLoop(vertx);
        this.path = base.getPath() + "/orders";
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
    }

    /**
     * A context on each event loop, from a verticle instance each: {@code getOrCreateContext()} on
     * this thread would give the same context every time (Vert.x keeps it for a thread of its own),
     * and every connection would live on one event loop.
     */
    private static List<Context> contextsOnEachLoop(Vertx vertx) {
        List<Context> contexts = new CopyOnWriteArrayList<>();
        try {
            vertx.deployVerticle(() -> new AbstractVerticle() {
                @Override
                public void start() {
                    contexts.add(context);
                }
            }, new DeploymentOptions().setInstances(EVENT_LOOPS)).toCompletionStage().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the load generator", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot start the load generator's event loops", e.getCause());
        }
        return List.copyOf(contexts);
    }

    /** Plays the taps from now on; returns once every one was answered or timed out. */
    Attempts play(List<Tap> taps) throws InterruptedException {
        lateSends = 0;
        worstSendDelayNanos = 0;
        Attempts attempts = new Attempts(taps.size());
        CountDownLatch answered = new CountDownLatch(taps.size());
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (int i = 0; i < taps.size(); i++) {
            Tap tap = taps.get(i);
            long due = start + tap.offsetNanos();
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            long delay = System.nanoTime() - due;
            if (delay > TimeUnit.MILLISECONDS.toNanos(5)) {
                lateSends++;
            }
            worstSendDelayNanos = Math.max(worstSendDelayNanos, delay);
            int slot = i;
            attempts.intended[slot] = due;
            attempts.items[slot] = tap.item();
            attempts.units[slot] = tap.units();
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Idempotency-Key", UUID.randomUUID().toString())
                    .setIdleTimeout(ANSWER_TIMEOUT.toMillis());
            Buffer body = Buffer.buffer(tap.body());
            // Sent from an event loop: a chain built on this thread attached the body's reader after a
            // quick answer had arrived whenever this thread was descheduled in between, and read an empty
            // body (409s with Content-Length 199 and no body, 0 to 11 in 10,000 taps).
            senders.get(i % senders.size()).runOnContext(onLoop -> http.request(request)
                    .compose(sent -> sent.send(body))
                    .compose(response -> response.body().map(read -> new Answer(response.statusCode(),
                            read.toString(StandardCharsets.UTF_8), response.getHeader("Content-Type"),
                            response.getHeader("Content-Length"))))
                    .onComplete(done -> {
                        try {
                            attempts.answered[slot] = System.nanoTime();
                            record(attempts, slot, done.result(), done.cause());
                        } finally {
                            inFlight.release();
                            answered.countDown();
                        }
                    }));
        }
        answered.await();
        return attempts;
    }

    private record Answer(int status, String body, String contentType, String contentLength) {
    }

    private static void record(Attempts attempts, int slot, Answer response, Throwable error) {
        if (error != null) {
            attempts.outcomes[slot] = Outcome.TRANSPORT_ERROR;
            attempts.noteRefusal("transport: " + rootCause(error).getClass().getSimpleName());
            return;
        }
        Outcome outcome = Outcome.of(response.status(), response.body());
        attempts.outcomes[slot] = outcome;
        if (outcome == Outcome.ACCEPTED) {
            attempts.receipts[slot] = response.body();
        } else if (outcome != Outcome.SOLD_OUT) {
            attempts.noteRefusal(response.status() + " " + problemType(response));
        }
    }

    /** Taps sent more than 5 ms after their moment (the load generator or the in-flight cap was behind). */
    long lateSends() {
        return lateSends;
    }

    double worstSendDelayMillis() {
        return worstSendDelayNanos / 1e6;
    }

    int maxInFlight() {
        return maxInFlight;
    }

    private static String problemType(Answer answer) {
        String body = answer.body();
        Matcher type = body == null ? null : PROBLEM_TYPE.matcher(body);
        if (type != null && type.find()) {
            return type.group(1);
        }
        // Unexpected: what came says what it was (answers of one kind usually share it).
        String headers = "Content-Type " + answer.contentType() + ", Content-Length " + answer.contentLength();
        if (body == null || body.isBlank()) {
            return "(no problem type; " + headers + ", empty body)";
        }
        String start = body.strip().replaceAll("\\s+", " ");
        String shown = start.length() > 120 ? start.substring(0, 120) + "…" : start;
        return "(no problem type; " + headers + ", body: " + shown + ")";
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public void close() {
        http.close();
        vertx.close();
    }
}
