package vn.chotdon.simulation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** The flash sale, the rising steps and the flash sale through a Kafka outage, each on a sale of its own. */
final class Scenarios {

    /** Per-buyer limit of every item: distinct buyers never reach it. */
    private static final int PER_BUYER_LIMIT = 4;
    /** Past this the steps stop: the sustained target (p99 ≤ 100 ms, no 5xx). */
    static final double STEP_P99_LIMIT_MS = 100;
    /** Share of the taps for each of the three items, in percent. */
    private static final int[] FLASH_MIX = {60, 25, 15};

    private final Services services;
    private final SaleSetup setup;
    private final Invariants invariants;
    private final Database database;
    private final OpenLoad load;
    private final WallClock clock;
    private final long benchStart;
    private final Random random = new Random(20261130);
    /** Every tap of the run is a distinct buyer: 09xxxxxxxx numbers counted up from a random start. */
    private final AtomicLong phones = new AtomicLong(10_000_000L + new Random().nextInt(40_000_000));

    Scenarios(Services services, Database database, OpenLoad load, WallClock clock, long benchStart) {
        this.services = services;
        this.setup = new SaleSetup(services);
        this.invariants = new Invariants(services, database);
        this.database = database;
        this.load = load;
        this.clock = clock;
        this.benchStart = benchStart;
    }

    /**
     * Wakes the services' code paths (JIT, pools) on a sale of its own; nothing of it is reported. Its items sell
     * out about halfway, as the flash sale's do, so that the refusals' paths are compiled before the flash sale as
     * on a service that has sold before (they were first compiled during it while the warm-up never sold out).
     */
    void warmUp(int taps, double seconds) throws Exception {
        // At least 20 of the hot item, so that the other two get a unit each even for a warm-up of no taps.
        Sale sale = setup.open("warm-up", flashOffers(Math.max(20, taps * 3L / 10)), PER_BUYER_LIMIT);
        load.play(taps(sale, taps, seconds, FLASH_MIX));
    }

    /**
     * Issue 11's flash sale: 600 units of the hot item and little of the two others, so about 94% of the taps are
     * refused, as in the issue's own measurement.
     */
    ScenarioResult flash(int buyers, double seconds, long hotQuota) throws Exception {
        Sale sale = setup.open("flash sale", flashOffers(hotQuota), PER_BUYER_LIMIT);
        return playOnce("flash", String.format(Locale.ROOT, "%,d distinct buyers in %.0f s for %s", buyers, seconds,
                describe(flashOffers(hotQuota))), sale, taps(sale, buyers, seconds, FLASH_MIX), null);
    }

    /**
     * The flash sale with enough of the two other items for most of their taps: about 39% of the taps are
     * accepted, some 390 orders a second for 10 s besides the refusals (the benchmark's flash sale until
     * 1 December, kept to compare with its numbers).
     */
    ScenarioResult wideFlash(int buyers, double seconds, long hotQuota) throws Exception {
        Sale sale = setup.open("wide flash sale", wideFlashOffers(hotQuota), PER_BUYER_LIMIT);
        return playOnce("flash-wide", String.format(Locale.ROOT, "%,d distinct buyers in %.0f s for %s", buyers, seconds,
                describe(wideFlashOffers(hotQuota))), sale, taps(sale, buyers, seconds, FLASH_MIX), null);
    }

    /**
     * The wide flash sale through a Kafka outage: its orders are committed all through the outage, where most of
     * {@link #flash}'s are committed in its first seconds, before the broker is gone.
     */
    ScenarioResult outage(int buyers, double seconds, long hotQuota, KafkaSwitch kafka, double stopAt, double outage)
            throws Exception {
        Sale sale = setup.open("flash sale through a Kafka outage", wideFlashOffers(hotQuota), PER_BUYER_LIMIT);
        return playOnce("outage", String.format(Locale.ROOT, "the wide flash sale (%,d buyers in %.0f s) with Kafka stopped %.0f s"
                + " after the first tap and started again %.0f s after it stopped", buyers, seconds, stopAt, outage),
                sale, taps(sale, buyers, seconds, FLASH_MIX), new Outage(kafka, stopAt, outage));
    }

    ScenarioResult steps(int[] rates, double seconds) throws Exception {
        Sale sale = setup.open("rising steps", offers(1_000_000), PER_BUYER_LIMIT);
        Watch watch = Watch.start(services, sale);
        long origin = System.nanoTime();
        List<Attempts> runs = new ArrayList<>();
        List<ScenarioResult.Step> steps = new ArrayList<>();
        long late = 0;
        for (int rate : rates) {
            Attempts attempts = load.play(taps(sale, (int) Math.round(rate * seconds), seconds, FLASH_MIX));
            late += load.lateSends();
            runs.add(attempts);
            Answers step = new Answers(List.of(attempts), origin);
            Map<String, Percentiles> latency = step.latency();
            Percentiles all = latency.get("all");
            long serverErrors = step.count(Outcome.SERVER_ERROR);
            long transport = step.count(Outcome.TRANSPORT_ERROR);
            boolean held = all.p99() <= STEP_P99_LIMIT_MS && serverErrors == 0 && transport == 0;
            long accepted = step.count(Outcome.ACCEPTED);
            steps.add(new ScenarioResult.Step(rate, seconds, attempts.size(), accepted, Math.round(accepted / seconds),
                    all, latency.getOrDefault(Outcome.ACCEPTED.label, Percentiles.of(Percentiles.histogram())),
                    serverErrors, transport, held));
            System.out.printf(Locale.ROOT, "  step %,5d/s: p99 %,.1f ms, %,d accepted, %d 5xx%s%n", rate, all.p99(), accepted,
                    serverErrors, held ? "" : " — past the target: the steps stop here");
            if (!held) {
                break;
            }
        }
        Answers answers = new Answers(runs, origin);
        long offeredTaps = answers.taps();
        return finish("steps", String.format(Locale.ROOT, "sustained rates rising %s taps/s, %.0f s each, quotas no step"
                + " can exhaust; stops after the first step whose p99 is over %.0f ms or that has a 5xx",
                java.util.Arrays.toString(rates), seconds, STEP_P99_LIMIT_MS), sale, answers, watch, origin,
                offeredTaps / (steps.size() * seconds), late, steps, Map.of(), -1);
    }

    private ScenarioResult playOnce(String name, String description, Sale sale, List<Tap> taps, Outage outage)
            throws Exception {
        Watch watch = Watch.start(services, sale);
        long origin = System.nanoTime();
        Thread switcher = outage == null ? null : outage.begin(origin);
        Attempts attempts = load.play(taps);
        Map<String, Double> catchUp = new LinkedHashMap<>();
        long returned = -1;
        if (switcher != null) {
            switcher.join();
            if (outage.failure != null) {
                throw new IllegalStateException("the Kafka outage could not be played", outage.failure);
            }
            returned = outage.returnedAt;
            // ./chotdon kafka stop is a graceful shutdown: the broker goes away between these two moments.
            catchUp.put("kafkaStopAskedAtSecond", (outage.stopAskedAt - origin) / 1e9);
            catchUp.put("kafkaStoppedAtSecond", (outage.stoppedAt - origin) / 1e9);
            catchUp.put("kafkaReturnedAtSecond", (returned - origin) / 1e9);
        }
        double seconds = taps.isEmpty() ? 1 : taps.get(taps.size() - 1).offsetNanos() / 1e9;
        return finish(name, description, sale, new Answers(List.of(attempts), origin), watch, origin,
                taps.size() / Math.max(seconds, 1e-9), load.lateSends(), List.of(), catchUp, returned);
    }

    private ScenarioResult finish(String name, String description, Sale sale, Answers answers, Watch watch, long origin,
            double offered, long late, List<ScenarioResult.Step> steps, Map<String, Double> catchUp, long kafkaReturned)
            throws Exception {
        // Taps that timed out may have been committed too: the views must come to what the tally counts.
        long units = Math.max(answers.acceptedUnits(), tallyUnits(sale));
        int settleSeconds = kafkaReturned > 0 ? 60 : 30;
        boolean settled = watch.settle(units, settleSeconds);
        watch.stop();
        List<EventLag.Committed> committed = CommittedOrders.of(database, sale.sessionId(), clock, answers.receipts());
        List<EventLag.Result> lag = List.of(EventLag.of("live board (SSE)", committed, watch.board.progress),
                EventLag.of("catalog stock ledger (polled every " + LedgerWatch.EVERY_MILLIS + " ms)", committed,
                        watch.ledger.progress));
        Map<String, Double> caughtUp = new LinkedHashMap<>(catchUp);
        if (kafkaReturned > 0) {
            caughtUp.put("boardCaughtUpSecondsAfterReturn", secondsAfter(watch.board.progress, units, kafkaReturned));
            caughtUp.put("ledgerCaughtUpSecondsAfterReturn", secondsAfter(watch.ledger.progress, units, kafkaReturned));
        }
        JsonNode board = services.get(services.livestream + "/sessions/" + sale.sessionId() + "/board", null);
        List<Invariants.Check> checks = invariants.check(sale, answers, board,
                settled ? null : "the board or the ledger had not settled " + settleSeconds + " s after the load: ");
        Map<String, List<double[]>> progress = new LinkedHashMap<>();
        progress.put("committed", cumulative(committed, origin));
        progress.put("live board", points(watch.board.progress, origin));
        progress.put("stock ledger", points(watch.ledger.progress, origin));
        long accepted = answers.count(Outcome.ACCEPTED);
        double window = steps.isEmpty() ? answers.answeredWithinSeconds() : steps.size() * steps.get(0).seconds();
        return new ScenarioResult(name, description, (origin - benchStart) / 1e9, (System.nanoTime() - benchStart) / 1e9,
                answers.taps(), Math.round(offered), answers.counts(), answers.refusals(), answers.latency(),
                answers.answeredWithinSeconds(), Math.round(accepted / Math.max(window, 1e-9)), late,
                load.worstSendDelayMillis(), lag, caughtUp, checks, steps, answers.timeline(), progress, null);
    }

    private long tallyUnits(Sale sale) {
        JsonNode tally = services.get(services.order + "/sessions/" + sale.sessionId() + "/tally", sale.ownerToken());
        JsonNode totals = tally == null ? null : tally.path("totals");
        return totals == null ? 0 : totals.path("held").asLong() + totals.path("confirmed").asLong()
                + totals.path("cancelled").asLong();
    }

    private static Double secondsAfter(Progress progress, long units, long after) {
        long reached = progress.firstReached(units, Long.MIN_VALUE);
        return reached < 0 ? null : Math.max(0, (reached - after) / 1e9);
    }

    private static List<double[]> points(Progress progress, long origin) {
        return progress.all().stream().map(s -> new double[] {(s.at() - origin) / 1e9, s.units()}).toList();
    }

    private static List<double[]> cumulative(List<EventLag.Committed> committed, long origin) {
        List<double[]> points = new ArrayList<>();
        long units = 0;
        for (EventLag.Committed c : committed) {
            units += c.units();
            points.add(new double[] {(c.at() - origin) / 1e9, units});
        }
        return points;
    }

    private List<SaleSetup.Offer> flashOffers(long hotQuota) {
        return List.of(new SaleSetup.Offer("BG01", "Bánh gio Đan Phượng", 15_000, hotQuota),
                new SaleSetup.Offer("BC02", "Bánh chưng Tranh Khúc", 60_000, hotQuota / 4),
                new SaleSetup.Offer("MO03", "Mật ong bạc hà", 200_000, hotQuota * 3 / 20));
    }

    private List<SaleSetup.Offer> wideFlashOffers(long hotQuota) {
        return List.of(new SaleSetup.Offer("BG01", "Bánh gio Đan Phượng", 15_000, hotQuota),
                new SaleSetup.Offer("BC02", "Bánh chưng Tranh Khúc", 60_000, hotQuota * 5),
                new SaleSetup.Offer("MO03", "Mật ong bạc hà", 200_000, hotQuota * 33));
    }

    /** "600 units of BG01 (60% of taps), 150 of BC02 (25%) and 90 of MO03 (15%)". */
    private static String describe(List<SaleSetup.Offer> offers) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < offers.size(); i++) {
            parts.add(String.format(Locale.ROOT, "%,d units of %s (%d%%%s)", offers.get(i).quota(), offers.get(i).code(),
                    FLASH_MIX[i], i == 0 ? " of taps" : ""));
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private List<SaleSetup.Offer> offers(long quota) {
        return List.of(new SaleSetup.Offer("BG01", "Bánh gio Đan Phượng", 15_000, quota),
                new SaleSetup.Offer("BC02", "Bánh chưng Tranh Khúc", 60_000, quota),
                new SaleSetup.Offer("MO03", "Mật ong bạc hà", 200_000, quota));
    }

    /** count taps evenly spread over the seconds; each a distinct buyer wanting 1 or 2 units of one item by the mix. */
    private List<Tap> taps(Sale sale, int count, double seconds, int[] mix) {
        List<Tap> taps = new ArrayList<>(count);
        int total = mix[0] + mix[1] + mix[2];
        for (int n = 0; n < count; n++) {
            int pick = random.nextInt(total);
            int item = pick < mix[0] ? 0 : pick < mix[0] + mix[1] ? 1 : 2;
            int units = 1 + random.nextInt(2);
            long phone = phones.getAndIncrement();
            Map<String, Object> body = Map.of("sessionId", sale.sessionId(),
                    "items", List.of(Map.of("code", sale.items().get(item).code(), "quantity", units)),
                    "buyerName", "Người mua " + phone,
                    "phone", String.format(Locale.ROOT, "09%08d", phone % 100_000_000),
                    "address", Map.of("province", "Hà Nội", "commune", "Xã Đan Phượng", "detail", "Thôn " + (n % 50 + 1)),
                    "paymentMethod", n % 3 == 0 ? "BANK_TRANSFER" : "COD");
            taps.add(new Tap((long) (seconds * 1e9 * n / count), Services.json(body), item, units));
        }
        return taps;
    }

    /** The board stream and the ledger poller of one sale. */
    private record Watch(BoardStream board, LedgerWatch ledger) {

        static Watch start(Services services, Sale sale) {
            return new Watch(BoardStream.follow(services, sale.sessionId()), LedgerWatch.follow(services, sale));
        }

        /** Until both show every accepted unit, or the time is up (then the lag counts what they never showed). */
        boolean settle(long units, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < deadline && !shows(units)) {
                Thread.sleep(50);
            }
            return shows(units);
        }

        private boolean shows(long units) {
            return board.progress.latest() >= units && ledger.progress.latest() >= units;
        }

        void stop() {
            board.stop();
            ledger.stop();
        }
    }

    /** Stops the broker at a moment of the scenario and starts it again after the outage, on a thread of its own. */
    private static final class Outage {
        private final KafkaSwitch kafka;
        private final double stopAt;
        private final double seconds;
        volatile long stopAskedAt;
        volatile long stoppedAt;
        volatile long returnedAt;
        volatile Exception failure;

        Outage(KafkaSwitch kafka, double stopAt, double seconds) {
            this.kafka = kafka;
            this.stopAt = stopAt;
            this.seconds = seconds;
        }

        Thread begin(long origin) {
            Thread thread = new Thread(() -> {
                try {
                    sleepUntil(origin + (long) (stopAt * 1e9));
                    stopAskedAt = System.nanoTime();
                    kafka.stop();
                    stoppedAt = System.nanoTime();
                    System.out.printf(Locale.ROOT, "  Kafka stopped at %.1f s%n", (stoppedAt - origin) / 1e9);
                    sleepUntil(stoppedAt + (long) (seconds * 1e9));
                    kafka.start();
                    returnedAt = System.nanoTime();
                    System.out.printf(Locale.ROOT, "  Kafka back at %.1f s%n", (returnedAt - origin) / 1e9);
                } catch (Exception e) {
                    failure = e;
                }
            }, "kafka-outage");
            thread.start();
            return thread;
        }

        private static void sleepUntil(long nanoTime) throws InterruptedException {
            for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
                Thread.sleep(Math.max(1, wait / 1_000_000));
            }
        }
    }
}
