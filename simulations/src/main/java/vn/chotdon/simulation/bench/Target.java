package vn.chotdon.simulation.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One of issue 11's targets for this machine, what was measured against it, and whether it was met. */
record Target(String what, String target, String measured, Boolean met) {

    static List<Target> judge(Map<String, ScenarioResult> scenarios, List<JdbcCeiling.PoolResult> ceiling,
            Map<String, Double> startup, Map<String, Double> rssAfterFlash, double stackPeakMb) {
        List<Target> targets = new ArrayList<>();
        ScenarioResult flash = scenarios.get("flash");
        if (flash != null) {
            Percentiles soldOut = flash.latencyMs().get(Outcome.SOLD_OUT.label);
            Percentiles accepted = flash.latencyMs().get(Outcome.ACCEPTED.label);
            boolean invariants = flash.invariants().stream().allMatch(Invariants.Check::holds);
            targets.add(new Target("flash sale: no oversell, no duplicate, tally = board = ledger", "all hold",
                    invariants ? "all hold" : "broken (see the invariants)", invariants));
            long errors = flash.answers().get(Outcome.SERVER_ERROR.label) + flash.answers().get(Outcome.TRANSPORT_ERROR.label);
            targets.add(new Target("flash sale: 5xx and transport errors", "0", Long.toString(errors), errors == 0));
            targets.add(ms("flash sale: sold-out answers p99", 20, soldOut == null ? null : soldOut.p99()));
            targets.add(ms("flash sale: accepted orders p99", 250, accepted == null ? null : accepted.p99()));
            targets.add(new Target("flash sale: everything answered after the first tap", "≤ 11 s",
                    f("%.1f s", flash.answeredWithinSeconds()), flash.answeredWithinSeconds() <= 11));
            lag(targets, "flash sale", flash);
        }
        ScenarioResult steps = scenarios.get("steps");
        if (steps != null) {
            ScenarioResult.Step best = steps.steps().stream().filter(ScenarioResult.Step::held)
                    .reduce((a, b) -> b).orElse(null);
            int rate = best == null ? 0 : best.ratePerSecond();
            targets.add(new Target("sustained attempts/s with p99 ≤ 100 ms and no 5xx", "≥ 1,000/s",
                    best == null ? "none (the first step missed)" : f("%,d/s (p99 %.1f ms)", rate, best.all().p99()),
                    rate >= 1000));
            double ceilingBest = ceiling.stream().mapToDouble(JdbcCeiling.PoolResult::ordersPerSecond).max().orElse(0);
            double acceptedBest = steps.steps().stream().filter(ScenarioResult.Step::held)
                    .mapToDouble(ScenarioResult.Step::acceptedPerSecond).max().orElse(0);
            targets.add(new Target("accepted orders/s (within the p99 target) vs the JDBC ceiling", "≥ 70%",
                    ceilingBest == 0 ? "no ceiling measured"
                            : f("%,.0f/s of %,.0f/s = %.0f%%", acceptedBest, ceilingBest, 100 * acceptedBest / ceilingBest),
                    ceilingBest == 0 ? null : acceptedBest >= 0.7 * ceilingBest));
            lag(targets, "steps", steps);
        }
        ScenarioResult outage = scenarios.get("outage");
        if (outage != null) {
            Double board = outage.catchUp().get("boardCaughtUpSecondsAfterReturn");
            targets.add(new Target("after a 10 s Kafka outage, the board caught up after the broker's return", "≤ 10 s",
                    board == null ? "never (within 60 s)" : f("%.1f s", board), board != null && board <= 10));
        }
        startup.forEach((svc, seconds) -> targets.add(new Target(svc + "-service ready after its start (three at once)",
                "≤ 3 s", f("%.1f s", seconds), seconds <= 3)));
        rssAfterFlash.forEach((svc, mb) -> targets.add(new Target(svc + " resident memory after the flash sale", "≤ 300 MB",
                f("%.0f MB", mb), mb <= 300)));
        if (stackPeakMb > 0) {
            targets.add(new Target("the whole stack's resident memory (services, Kafka, database; peak)", "≤ 2,048 MB",
                    f("%,.0f MB", stackPeakMb), stackPeakMb <= 2048));
        }
        return targets;
    }

    private static void lag(List<Target> targets, String scenario, ScenarioResult result) {
        result.eventLag().stream().filter(l -> l.view().startsWith("live board")).findFirst().ifPresent(l ->
                targets.add(new Target(scenario + ": commit → live board lag p99", "≤ 500 ms",
                        f("%,.0f ms", l.lag().p99()) + (l.neverSeen() > 0 ? f(" (%,d never shown)", l.neverSeen()) : ""),
                        l.lag().p99() <= 500 && l.neverSeen() == 0)));
    }

    private static Target ms(String what, double limit, Double p99) {
        return new Target(what, f("≤ %.0f ms", limit), p99 == null ? "none answered" : f("%,.1f ms", p99),
                p99 == null ? null : p99 <= limit);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
