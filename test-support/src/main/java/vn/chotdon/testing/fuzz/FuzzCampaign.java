package vn.chotdon.testing.fuzz;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import vn.chotdon.testing.contract.ApiContract;

/**
 * A property-based campaign generated from a running service's own OpenAPI document, over every
 * operation: requests the document allows (schema-aware values, ids of fixtures the test made, a
 * token of a role the operation allows), requests that break exactly one of its constraints, and
 * malformed requests. Every answer is checked against the document ({@link ApiContract}) and the
 * properties of {@link AnswerJudge}; a failure is shrunk to the smallest request that still fails
 * the same way; every operation must succeed (2xx) at least once, except those the test says
 * cannot.
 *
 * <p>Requests are generated in batches from one seeded random, {@value #SEED_PROPERTY} (a system
 * property) or a fixed default; a batch is sent on a few connections at once, then the ids its
 * answers created (their Location) become known values for the next batches. The number of
 * requests is {@value #REQUESTS_PROPERTY} or what the test asks for.
 */
public final class FuzzCampaign {

    public static final String SEED_PROPERTY = "chotdon.fuzz.seed";
    public static final String REQUESTS_PROPERTY = "chotdon.fuzz.requests";
    public static final long DEFAULT_SEED = 20_261_130L;
    private static final String NO_TOKEN = "none";
    private static final String FORGED = "forged token";
    private static final int BATCH = 48;
    private static final int THREADS = 4;
    private static final int SHRINK_BUDGET = 20;
    private static final int MAX_SHRUNK = 60;

    private final URI base;
    private final String document;
    private final List<ApiOperation> operations;
    private final KnownValues known = new KnownValues();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> cannotSucceed = new TreeMap<>();
    private long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
    private int requests = Integer.getInteger(REQUESTS_PROPERTY, 3_000);
    private Predicate<ApiOperation> skip = op -> false;

    private FuzzCampaign(URI base, String document) {
        this.base = base;
        this.document = document;
        this.operations = OpenApiOperations.read(document);
    }

    /** @param openApiJson the service's own document, as /q/openapi?format=json serves it */
    public static FuzzCampaign against(URI base, String openApiJson) {
        return new FuzzCampaign(base, openApiJson);
    }

    /**
     * Values that exist (ids, codes) for what {@code key} names: a path template up to a parameter
     * ({@code /products/{id}}), an operation and a name ({@code placeOrder.code}), or a bare name
     * of parameters, headers and body fields ({@code productId}). Valid requests use them.
     */
    public FuzzCampaign known(String key, Object... values) {
        known.add(key, List.of(values).stream().map(String::valueOf).toList());
        return this;
    }

    /** Values that only work together (an order's code and its access token), by key as in {@link #known}. */
    public FuzzCampaign knownTogether(Map<String, ?> values) {
        Map<String, String> bundle = new LinkedHashMap<>();
        values.forEach((key, value) -> bundle.put(key, String.valueOf(value)));
        known.bundle(bundle);
        values.forEach((key, value) -> known.add(key, List.of(String.valueOf(value))));
        return this;
    }

    /** A bearer token that requests of this role carry. */
    public FuzzCampaign caller(String role, String token) {
        tokens.put(role, token);
        return this;
    }

    /** This many requests, unless {@value #REQUESTS_PROPERTY} says otherwise. */
    public FuzzCampaign requests(int count) {
        this.requests = Integer.getInteger(REQUESTS_PROPERTY, count);
        return this;
    }

    /** Operations not to send to, such as a text/event-stream that never ends by itself. */
    public FuzzCampaign skip(Predicate<ApiOperation> skip) {
        this.skip = skip;
        return this;
    }

    /** An operation no valid request can make succeed in the test's setup, and why; its 2xx is not required. */
    public FuzzCampaign cannotSucceed(String operationId, String reason) {
        cannotSucceed.put(operationId, reason);
        return this;
    }

    public FuzzReport run() {
        List<ApiOperation> targets = operations.stream().filter(skip.negate()).toList();
        if (targets.isEmpty()) {
            throw new IllegalStateException("the OpenAPI document has no operation to send to");
        }
        String origin = base.getScheme() + "://" + base.getAuthority();
        AnswerJudge judge = new AnswerJudge(ApiContract.of(origin));
        RequestCheck check = new RequestCheck(document);
        RawHttp http = new RawHttp(base);
        long started = System.nanoTime();
        FuzzReport report = new FuzzReport(seed, cannotSucceed, targets);
        Map<String, List<String>> allowed = allowedRoles(targets, http);
        RandomGenerator random = new SplittableRandom(seed);
        Generators generators = new Generators(random);
        ExecutorService senders = Executors.newFixedThreadPool(THREADS);
        try {
            for (int first = 0; first < requests; first += BATCH) {
                List<FuzzRequest> batch = new ArrayList<>();
                for (int i = first; i < Math.min(requests, first + BATCH); i++) {
                    FuzzRequest request = generators.next(i, targets, allowed, check, report);
                    if (request != null) {
                        batch.add(request);
                    }
                }
                List<Future<Judged>> answers = new ArrayList<>();
                for (FuzzRequest request : batch) {
                    answers.add(senders.submit(() -> {
                        RawHttp.Answer answer = http.send(request.method(), request.target(), request.headers(),
                                request.body());
                        return new Judged(answer, judge.judge(request, answer));
                    }));
                }
                for (int i = 0; i < batch.size(); i++) {
                    FuzzRequest request = batch.get(i);
                    try {
                        Judged judged = answers.get(i).get(2, TimeUnit.MINUTES);
                        report.record(request, judged.answer(), judged.failure());
                        learnFrom(request, judged.answer());
                    } catch (ExecutionException e) {
                        report.noAnswer(request, (Exception) e.getCause());
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("the fuzz run did not finish", e);
        } finally {
            senders.shutdownNow();
        }
        shrinkFailures(report, judge, http);
        report.finished(Duration.ofNanos(System.nanoTime() - started));
        return report;
    }

    private record Judged(RawHttp.Answer answer, AnswerJudge.Failure failure) {
    }

    /** The three generators, drawing from the one seeded random in a fixed order. */
    private final class Generators {
        private final RandomGenerator random;
        private final ValidRequests valid;
        private final ConstraintBreaks breaks;
        private final MalformedRequests malformed;

        Generators(RandomGenerator random) {
            this.random = random;
            this.valid = new ValidRequests(known, random);
            this.breaks = new ConstraintBreaks(random);
            this.malformed = new MalformedRequests(random, known);
        }

        /** Four in ten requests are valid, three break one constraint, three are malformed. */
        FuzzRequest next(int number, List<ApiOperation> targets, Map<String, List<String>> allowed, RequestCheck check,
                FuzzReport report) {
            ApiOperation op = targets.get(random.nextInt(targets.size()));
            List<String> roles = allowed.get(op.id());
            int draw = random.nextInt(10);
            if (draw >= 7) {
                return malformedRequest(number, op, roles);
            }
            boolean wantValid = draw < 4;
            for (int attempt = 0; attempt < 4; attempt++) {
                RequestParts parts = valid.next(op);
                parts.caller = roles.isEmpty() ? NO_TOKEN : roles.get(random.nextInt(roles.size()));
                authorise(parts.headers, parts.caller);
                if (wantValid) {
                    FuzzRequest request = parts.toRequest(number, FuzzRequest.Kind.VALID);
                    List<String> problems = check.problems(request);
                    if (problems.isEmpty()) {
                        return request;
                    }
                    report.generatorGap(request, "a valid request the document refuses: " + problems);
                    continue;
                }
                RequestParts broken = breaks.next(parts);
                if (broken == null) {
                    return malformedRequest(number, op, roles);
                }
                FuzzRequest request = broken.toRequest(number, FuzzRequest.Kind.INVALID);
                if (!check.problems(request).isEmpty() || byIssueRule(broken.breaks)) {
                    return request;
                }
                report.generatorGap(request, "breaks " + broken.breaks + " but the document accepts it");
            }
            return null;
        }

        private FuzzRequest malformedRequest(int number, ApiOperation op, List<String> roles) {
            MalformedRequests.Draft draft = malformed.next(op);
            String caller = malformedCaller(roles);
            Map<String, String> headers = new LinkedHashMap<>(draft.headers);
            if (caller.equals(FORGED)) {
                headers.put("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30." + Integer.toHexString(random.nextInt()));
            } else {
                authorise(headers, caller);
            }
            return draft.toRequest(number, caller, headers);
        }

        /** Mostly a role the operation allows, so that the request reaches validation; now and then none, another or a forged one. */
        private String malformedCaller(List<String> roles) {
            int draw = random.nextInt(20);
            if (draw == 0) {
                return NO_TOKEN;
            }
            if (draw == 1) {
                return FORGED;
            }
            if (draw == 2 || roles.isEmpty()) {
                List<String> all = new ArrayList<>(tokens.keySet());
                return all.isEmpty() ? NO_TOKEN : all.get(random.nextInt(all.size()));
            }
            return roles.get(random.nextInt(roles.size()));
        }
    }

    /** Unknown fields and control characters must be refused by the rule of issue 10, even where the schema is silent. */
    private static boolean byIssueRule(String breaks) {
        return breaks.startsWith(ConstraintBreaks.UNKNOWN_FIELD) || breaks.startsWith(ConstraintBreaks.CONTROL_CHARACTERS);
    }

    private void authorise(Map<String, String> headers, String caller) {
        if (tokens.containsKey(caller)) {
            headers.put("Authorization", "Bearer " + tokens.get(caller));
        }
    }

    /** What a success created (its Location) becomes a known value for the path template it matches. */
    private void learnFrom(FuzzRequest request, RawHttp.Answer answer) {
        if (answer.status() < 200 || answer.status() >= 300 || !answer.headers().containsKey("location")) {
            return;
        }
        String path = URI.create(answer.headers().get("location").get(0)).getPath();
        if (path == null) {
            return;
        }
        for (ApiOperation op : operations) {
            String template = op.pathTemplate();
            if (!template.endsWith("}") || template.chars().filter(c -> c == '/').count()
                    != path.chars().filter(c -> c == '/').count()) {
                continue;
            }
            String regex = "\\Q" + template.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            if (path.matches(regex)) {
                known.add(template, List.of(path.substring(path.lastIndexOf('/') + 1)));
                return;
            }
        }
    }

    /** The first request of each kind of failure, shrunk while it still fails the same way. */
    private void shrinkFailures(FuzzReport report, AnswerJudge judge, RawHttp http) {
        Shrinker shrinker = new Shrinker(SHRINK_BUDGET);
        report.failureGroups().stream().limit(MAX_SHRUNK).forEach(group -> {
            Shrinker.Shrunk shrunk = shrinker.shrink(group.first, candidate -> {
                try {
                    RawHttp.Answer answer = http.send(candidate.method(), candidate.target(), candidate.headers(),
                            candidate.body());
                    AnswerJudge.Failure failure = judge.judge(candidate, answer);
                    return failure != null && failure.kind().equals(group.kind);
                } catch (IOException e) {
                    return group.kind.equals("no answer");
                }
            });
            report.shrunk(group, shrunk.request(), shrunk.tries());
        });
    }

    /**
     * The roles each operation allows: those its document names, else those that a well-formed
     * call is not refused for (401/403); the public operations (no security requirement) are
     * called without a token.
     */
    private Map<String, List<String>> allowedRoles(List<ApiOperation> targets, RawHttp http) {
        Map<String, List<String>> allowed = new TreeMap<>();
        ValidRequests wellFormed = new ValidRequests(known, new SplittableRandom(seed));
        for (ApiOperation op : targets) {
            List<String> roles = new ArrayList<>();
            if (!op.secured()) {
                roles.add(NO_TOKEN);
            } else if (!op.roles().isEmpty()) {
                op.roles().stream().filter(tokens::containsKey).forEach(roles::add);
            } else {
                for (Map.Entry<String, String> token : tokens.entrySet()) {
                    RequestParts parts = wellFormed.next(op);
                    parts.headers.put("Authorization", "Bearer " + token.getValue());
                    FuzzRequest request = parts.toRequest(-1, FuzzRequest.Kind.VALID);
                    try {
                        int status = http.send(op.method(), request.target(), request.headers(), request.body()).status();
                        if (!Set.of(401, 403).contains(status)) {
                            roles.add(token.getKey());
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot reach " + base + " for " + op.name(), e);
                    }
                }
            }
            allowed.put(op.id(), roles);
        }
        return allowed;
    }
}
