package vn.chotdon.simulation.bench;

import static vn.chotdon.simulation.bench.SvgChart.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** report.html: one self-contained page (inline SVG, no script, nothing fetched) a person can open. */
final class HtmlReport {

    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
        "#7f7f7f"};

    private HtmlReport() {
    }

    static String of(BenchRun run) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
                + "<title>Chốt Đơn benchmark " + escape(run.finishedAt()) + "</title><style>"
                + "body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}"
                + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
                + "th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}.miss{color:#b00;font-weight:bold}"
                + ".met{color:#070}</style></head><body>");
        html.append("<h1>Chốt Đơn benchmark</h1><p>").append(escape(run.finishedAt())).append(run.quick() ? " (quick run)" : "")
                .append(" — ").append(escape(run.machine().describe())).append("; load average ")
                .append(escape(run.loadAverageAtStart())).append(" at the start, ").append(escape(run.loadAverageAtEnd()))
                .append(" at the end.</p>");

        html.append("<h2>Targets of issue 11</h2><table><tr><th>what</th><th>target</th><th>measured</th><th></th></tr>");
        for (Target t : run.targets()) {
            String verdict = t.met() == null ? "n/a" : t.met() ? "<span class='met'>met</span>" : "<span class='miss'>missed</span>";
            html.append(row(escape(t.what()), escape(t.target()), escape(t.measured()), verdict));
        }
        html.append("</table>");

        html.append("<h2>JDBC ceiling</h2><p>One accepted order's work (idempotency row, order, line, outbox row, conditional"
                + " UPDATE of one hot quota row) per transaction, from a tight loop, on the same machine.</p>"
                + "<table><tr><th>connections</th><th>orders/s</th><th>transaction p50 ms</th><th>p99 ms</th><th>failed</th></tr>");
        for (JdbcCeiling.PoolResult c : run.jdbcCeiling()) {
            html.append(row(Integer.toString(c.connections()), f("%,.0f", c.ordersPerSecond()), f("%.1f", c.transaction().p50()),
                    f("%.1f", c.transaction().p99()), Long.toString(c.failures())));
        }
        html.append("</table>");
        if (!run.startupSeconds().isEmpty()) {
            html.append("<p>Start-up, process start → /q/health/ready, the three services started at once: ")
                    .append(escape(run.startupSeconds().toString())).append(" s.</p>");
        }

        for (ScenarioResult r : run.scenarios().values()) {
            scenario(html, r);
        }

        html.append("<h2>Processes</h2>");
        List<SvgChart.Series> cpu = new ArrayList<>();
        List<SvgChart.Series> rss = new ArrayList<>();
        int color = 0;
        for (Map.Entry<String, List<double[]>> e : run.processSamples().entrySet()) {
            String c = COLORS[color++ % COLORS.length];
            cpu.add(new SvgChart.Series(e.getKey(), c, e.getValue().stream().map(s -> new double[] {s[0], s[1]}).toList()));
            if (!e.getKey().startsWith("machine")) {
                rss.add(new SvgChart.Series(e.getKey(), c, e.getValue().stream().map(s -> new double[] {s[0], s[2]}).toList()));
            }
        }
        html.append("<p>Scenarios: ");
        run.scenarios().values().forEach(r -> html.append(escape(r.name())).append(f(" %.0f–%.0f s; ", r.startedAtSecond(),
                r.endedAtSecond())));
        html.append("(seconds since the benchmark's start).</p>");
        html.append(SvgChart.lines("CPU, % of one core (machine: % of all cores)", "seconds since the start", "%", false, cpu));
        html.append(SvgChart.lines("Resident memory (VmRSS)", "seconds since the start", "MB", false, rss));
        return html.append("</body></html>").toString();
    }

    private static void scenario(StringBuilder html, ScenarioResult r) {
        html.append("<h2>").append(escape(r.name())).append("</h2><p>").append(escape(r.description())).append(". ")
                .append(f("%,d taps offered at %,.0f/s; every answer within %.1f s of the first tap; %,.0f accepted orders/s.",
                        r.taps(), r.offeredPerSecond(), r.answeredWithinSeconds(), r.acceptedPerSecond()))
                .append("</p><p>Answers: ").append(escape(r.answers().toString()));
        if (!r.otherAnswers().isEmpty()) {
            html.append("; other: ").append(escape(r.otherAnswers().toString()));
        }
        html.append("</p><table><tr><th>latency from the scheduled send, ms</th><th>n</th><th>p50</th><th>p95</th><th>p99</th>"
                + "<th>p99.9</th><th>max</th></tr>");
        r.latencyMs().forEach((outcome, p) -> html.append(row(escape(outcome), f("%,d", p.count()), f("%,.1f", p.p50()),
                f("%,.1f", p.p95()), f("%,.1f", p.p99()), f("%,.1f", p.p999()), f("%,.1f", p.max()))));
        html.append("</table>");
        if (!r.steps().isEmpty()) {
            html.append("<table><tr><th>step</th><th>taps</th><th>accepted/s</th><th>p50 ms</th><th>p99 ms</th>"
                    + "<th>accepted p99 ms</th><th>5xx</th><th></th></tr>");
            for (ScenarioResult.Step s : r.steps()) {
                html.append(row(f("%,d/s", s.ratePerSecond()), f("%,d", s.taps()), f("%,.0f", s.acceptedPerSecond()),
                        f("%,.1f", s.all().p50()), f("%,.1f", s.all().p99()), f("%,.1f", s.acceptedLatency().p99()),
                        Long.toString(s.serverErrors()), s.held() ? "held" : "<span class='miss'>missed</span>"));
            }
            html.append("</table>");
        }
        html.append("<table><tr><th>commit → view</th><th>orders</th><th>never shown</th><th>p50 ms</th><th>p99 ms</th>"
                + "<th>max ms</th></tr>");
        for (EventLag.Result lag : r.eventLag()) {
            html.append(row(escape(lag.view()), f("%,d", lag.orders()), f("%,d", lag.neverSeen()), f("%,.0f", lag.lag().p50()),
                    f("%,.0f", lag.lag().p99()), f("%,.0f", lag.lag().max())));
        }
        html.append("</table>");
        if (!r.catchUp().isEmpty()) {
            html.append("<p>").append(escape(r.catchUp().toString())).append("</p>");
        }
        if (r.cpu() != null) {
            html.append("<p>").append(escape("CPU-seconds from the first tap until the views settled: " + r.cpu().describe()))
                    .append("</p>");
        }
        html.append("<table><tr><th>invariant</th><th>holds</th><th>detail</th></tr>");
        for (Invariants.Check c : r.invariants()) {
            html.append(row(escape(c.name()), c.holds() ? "<span class='met'>yes</span>" : "<span class='miss'>NO</span>",
                    escape(c.detail())));
        }
        html.append("</table>");

        List<double[]> p50 = new ArrayList<>();
        List<double[]> p99 = new ArrayList<>();
        List<double[]> acceptedP99 = new ArrayList<>();
        List<double[]> sent = new ArrayList<>();
        Map<String, List<double[]>> answered = new java.util.LinkedHashMap<>();
        for (Answers.Second s : r.timeline()) {
            if (s.sent() > 0) {
                p50.add(new double[] {s.second(), s.p50()});
                p99.add(new double[] {s.second(), s.p99()});
                if (s.acceptedP99() > 0) {
                    acceptedP99.add(new double[] {s.second(), s.acceptedP99()});
                }
            }
            sent.add(new double[] {s.second(), s.sent()});
            for (Outcome o : Outcome.values()) {
                answered.computeIfAbsent(o.label, k -> new ArrayList<>())
                        .add(new double[] {s.second(), s.answered().getOrDefault(o.label, 0L)});
            }
        }
        html.append(SvgChart.lines("Latency by the second the tap was due", "second of the scenario", "ms (log)", true,
                List.of(new SvgChart.Series("p50, all", COLORS[0], p50), new SvgChart.Series("p99, all", COLORS[1], p99),
                        new SvgChart.Series("p99, 201 accepted", COLORS[2], acceptedP99))));
        List<SvgChart.Series> throughput = new ArrayList<>();
        throughput.add(new SvgChart.Series("taps due", "#000", sent));
        int color = 0;
        for (Map.Entry<String, List<double[]>> e : answered.entrySet()) {
            if (e.getValue().stream().anyMatch(p -> p[1] > 0)) {
                throughput.add(new SvgChart.Series(e.getKey(), COLORS[color % COLORS.length], e.getValue()));
            }
            color++;
        }
        html.append(SvgChart.lines("Throughput: taps due and answers per second", "second of the scenario", "per second",
                false, throughput));
        List<SvgChart.Series> progress = new ArrayList<>();
        color = 0;
        for (Map.Entry<String, List<double[]>> e : r.progress().entrySet()) {
            progress.add(new SvgChart.Series(e.getKey(), COLORS[color++ % COLORS.length], e.getValue()));
        }
        html.append(SvgChart.lines("Units ordered: committed, on the live board, in the stock ledger", "second of the scenario",
                "units", false, progress));
    }

    private static String row(String... cells) {
        StringBuilder row = new StringBuilder("<tr>");
        for (String cell : cells) {
            row.append("<td>").append(cell).append("</td>");
        }
        return row.append("</tr>").toString();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
