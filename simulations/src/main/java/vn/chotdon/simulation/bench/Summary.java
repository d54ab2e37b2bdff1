package vn.chotdon.simulation.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** The terminal summary: each scenario as it ends, then the ceiling, start-up, memory and the targets. */
final class Summary {

    private Summary() {
    }

    static void scenario(PrintStream out, ScenarioResult r) {
        out.println();
        out.printf(Locale.ROOT, "== %s: %s%n", r.name(), r.description());
        out.printf(Locale.ROOT, "   %,d taps offered at %,.0f/s; answers: %s%n", r.taps(), r.offeredPerSecond(), r.answers());
        if (!r.otherAnswers().isEmpty()) {
            out.printf(Locale.ROOT, "   other answers: %s%n", r.otherAnswers());
        }
        out.printf(Locale.ROOT, "   all answered within %.1f s of the first tap; %,.0f accepted orders/s; %,d taps sent late"
                + " (worst %.0f ms)%n", r.answeredWithinSeconds(), r.acceptedPerSecond(), r.lateSends(), r.worstSendDelayMs());
        out.printf(Locale.ROOT, "   %-16s %7s %9s %9s %9s %9s %9s%n", "latency (ms)", "n", "p50", "p95", "p99", "p99.9", "max");
        r.latencyMs().forEach((outcome, p) -> out.printf(Locale.ROOT, "   %-16s %,7d %,9.1f %,9.1f %,9.1f %,9.1f %,9.1f%n",
                outcome, p.count(), p.p50(), p.p95(), p.p99(), p.p999(), p.max()));
        for (ScenarioResult.Step s : r.steps()) {
            out.printf(Locale.ROOT, "   step %,5d/s: %,6d taps, %,5.0f accepted/s, p50 %,8.1f ms, p99 %,8.1f ms, accepted p99"
                    + " %,8.1f ms, 5xx %d%s%n", s.ratePerSecond(), s.taps(), s.acceptedPerSecond(), s.all().p50(),
                    s.all().p99(), s.acceptedLatency().p99(), s.serverErrors(), s.held() ? "" : "  ← missed");
        }
        for (EventLag.Result lag : r.eventLag()) {
            out.printf(Locale.ROOT, "   commit → %s: p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms over %,d orders%s%n", lag.view(),
                    lag.lag().p50(), lag.lag().p99(), lag.lag().max(), lag.orders(),
                    lag.neverSeen() > 0 ? String.format(Locale.ROOT, " (%,d never shown)", lag.neverSeen()) : "");
        }
        r.catchUp().forEach((what, seconds) -> out.printf(Locale.ROOT, "   %s: %s%n", what,
                seconds == null ? "never" : String.format(Locale.ROOT, "%.1f s", seconds)));
        if (r.cpu() != null) {
            out.printf(Locale.ROOT, "   CPU-seconds from the first tap until the views settled (%.0f s): %s%n",
                    r.endedAtSecond() - r.startedAtSecond(), r.cpu().describe());
        }
        for (Invariants.Check check : r.invariants()) {
            out.printf(Locale.ROOT, "   %s %s: %s%n", check.holds() ? "ok    " : "BROKEN", check.name(), check.detail());
        }
    }

    static void end(PrintStream out, BenchRun run) {
        out.println();
        out.printf(Locale.ROOT, "== Machine: %s; load average %s at the start, %s at the end%n", run.machine().describe(),
                run.loadAverageAtStart(), run.loadAverageAtEnd());
        out.print("   JDBC ceiling (orders/s by connections):");
        run.jdbcCeiling().forEach(c -> out.printf(Locale.ROOT, "  %d → %,.0f", c.connections(), c.ordersPerSecond()));
        out.println();
        if (!run.startupSeconds().isEmpty()) {
            out.printf(Locale.ROOT, "   start-up to ready (three at once): %s s%n", run.startupSeconds());
        }
        out.printf(Locale.ROOT, "   resident memory after the flash sale: %s MB; stack peak %,.0f MB%n",
                rounded(run.rssAfterFlashMb()), run.stackPeakRssMb());
        out.println();
        out.println("== Targets of issue 11");
        for (Target t : run.targets()) {
            out.printf(Locale.ROOT, "   %-5s %-72s %-12s %s%n", t.met() == null ? "n/a" : t.met() ? "met" : "MISS", t.what(),
                    t.target(), t.measured());
        }
    }

    private static String rounded(Map<String, Double> mb) {
        StringBuilder s = new StringBuilder();
        mb.forEach((k, v) -> s.append(k).append(' ').append(Math.round(v)).append("  "));
        return s.toString().strip();
    }
}
