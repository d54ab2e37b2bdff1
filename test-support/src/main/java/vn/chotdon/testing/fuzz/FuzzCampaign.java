package vn.chotdon.testing.fuzz;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Sends generated malformed requests to every operation of a running service's OpenAPI document
 * and records every answer that breaks the rule "bad input never gives a 5xx, and every 4xx is
 * application/problem+json".
 *
 * <p>Requests carry a token of a role the operation allows most of the time (found by first
 * calling each operation well-formed with each role), so that they get past authentication and
 * reach validation and the code behind it; some carry another role's token, none, or a forged
 * one. The seed is {@value #SEED_PROPERTY} (a system property) or a fixed default, so a run is
 * reproducible; every failure is printed with its seed and number.
 */
public final class FuzzCampaign {

    public static final String SEED_PROPERTY = "chotdon.fuzz.seed";
    public static final String REQUESTS_PROPERTY = "chotdon.fuzz.requests";
    public static final long DEFAULT_SEED = 20_261_130L;
    private static final String NO_TOKEN = "none";
    private static final String FORGED = "forged token";

    private final URI base;
    private final List<ApiOperation> operations;
    private final Map<String, List<String>> known = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
    private int requests = 3_400;
    private int threads = 4;
    private Predicate<ApiOperation> skip = op -> false;

    private FuzzCampaign(URI base, List<ApiOperation> operations) {
        this.base = base;
        this.operations = operations;
    }

    /** @param openApiJson the service's own document, as /q/openapi?format=json serves it */
    public static FuzzCampaign against(URI base, String openApiJson) {
        return new FuzzCampaign(base, OpenApiOperations.read(openApiJson));
    }

    /** Values that exist (ids, codes) for parameters and body fields of this name; well-formed requests use them. */
    public FuzzCampaign known(String name, Object... values) {
        known.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.of(values).stream().map(String::valueOf).toList());
        return this;
    }

    /** A bearer token that requests of this role carry. */
    public FuzzCampaign caller(String role, String token) {
        tokens.put(role, token);
        return this;
    }

    /** At least this many requests unless {@value #REQUESTS_PROPERTY} asks for more. */
    public FuzzCampaign requests(int count) {
        this.requests = Math.max(count, Integer.getInteger(REQUESTS_PROPERTY, count));
        return this;
    }

    /** Operations not to send to, such as a text/event-stream that never ends by itself. */
    public FuzzCampaign skip(Predicate<ApiOperation> skip) {
        this.skip = skip;
        return this;
    }

    public FuzzReport run() {
        List<ApiOperation> targets = operations.stream().filter(skip.negate()).toList();
        if (targets.isEmpty()) {
            throw new IllegalStateException("the OpenAPI document has no operation to send to");
        }
        RawHttp http = new RawHttp(base);
        long started = System.nanoTime();
        FuzzReport report = new FuzzReport(seed);
        Map<String, List<String>> allowed = allowedRoles(targets, http);
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try {
            RandomGenerator random = new SplittableRandom(seed);
            MalformedRequests generator = new MalformedRequests(random, known);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                ApiOperation op = targets.get(random.nextInt(targets.size()));
                FuzzRequest request = build(i, op, generator.next(op), random, allowed.get(op.name()));
                sent.add(senders.submit(() -> send(http, request, report)));
            }
            for (Future<?> f : sent) {
                f.get(2, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the fuzz run did not finish", e);
        } finally {
            senders.shutdownNow();
        }
        report.finished(Duration.ofNanos(System.nanoTime() - started), targets.size());
        return report;
    }

    private FuzzRequest build(int number, ApiOperation op, MalformedRequests.Draft draft, RandomGenerator random,
            List<String> roles) {
        String caller;
        int draw = random.nextInt(20);
        if (draw == 0) {
            caller = NO_TOKEN;
        } else if (draw == 1) {
            caller = FORGED;
        } else if (draw == 2 || roles.isEmpty()) {
            List<String> all = new ArrayList<>(tokens.keySet());
            caller = all.isEmpty() ? NO_TOKEN : all.get(random.nextInt(all.size()));
        } else {
            caller = roles.get(random.nextInt(roles.size()));
        }
        Map<String, String> headers = new LinkedHashMap<>(draft.headers);
        if (caller.equals(FORGED)) {
            headers.put("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30." + Integer.toHexString(random.nextInt()));
        } else if (tokens.containsKey(caller)) {
            headers.put("Authorization", "Bearer " + tokens.get(caller));
        }
        return new FuzzRequest(number, op, op.method(), draft.rawPath(), String.join("&", draft.query),
                Collections.unmodifiableMap(headers), draft.bytes(), caller);
    }

    /**
     * The roles each operation answers without 401/403 when called well-formed; the public
     * operations (no security requirement) are called without a token.
     */
    private Map<String, List<String>> allowedRoles(List<ApiOperation> targets, RawHttp http) {
        Map<String, List<String>> allowed = new TreeMap<>();
        MalformedRequests wellFormed = new MalformedRequests(new SplittableRandom(seed), known);
        for (ApiOperation op : targets) {
            List<String> roles = new ArrayList<>();
            if (!op.secured()) {
                roles.add(NO_TOKEN);
            } else {
                for (Map.Entry<String, String> token : tokens.entrySet()) {
                    MalformedRequests.Draft draft = wellFormed.new Draft(op);
                    Map<String, String> headers = new LinkedHashMap<>(draft.headers);
                    headers.put("Authorization", "Bearer " + token.getValue());
                    try {
                        int status = http.send(op.method(), draft.rawPath(), headers, draft.bytes()).status();
                        if (!Set.of(401, 403).contains(status)) {
                            roles.add(token.getKey());
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot reach " + base + " for " + op.name(), e);
                    }
                }
            }
            allowed.put(op.name(), roles);
        }
        return allowed;
    }

    private static void send(RawHttp http, FuzzRequest request, FuzzReport report) {
        try {
            RawHttp.Answer answer = http.send(request.method(), request.target(), request.headers(), request.body());
            report.record(request, answer);
        } catch (IOException e) {
            report.noAnswer(request, e);
        }
    }
}
