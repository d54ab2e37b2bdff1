package vn.chotdon.simulation.bench;

import java.util.List;
import java.util.Map;

/** Everything one scenario measured; written as is into bench.json and drawn into report.html. */
record ScenarioResult(
        String name,
        String description,
        double startedAtSecond,
        double endedAtSecond,
        long taps,
        double offeredPerSecond,
        Map<String, Long> answers,
        Map<String, Long> otherAnswers,
        Map<String, Percentiles> latencyMs,
        double answeredWithinSeconds,
        double acceptedPerSecond,
        long lateSends,
        double worstSendDelayMs,
        List<EventLag.Result> eventLag,
        Map<String, Double> catchUp,
        List<Invariants.Check> invariants,
        List<Step> steps,
        List<Answers.Second> timeline,
        Map<String, List<double[]>> progress,
        CpuUse cpu) {

    /** The same result with the CPU the stack spent over it, which the process sampler knows. */
    ScenarioResult withCpu(CpuUse spent) {
        return new ScenarioResult(name, description, startedAtSecond, endedAtSecond, taps, offeredPerSecond, answers,
                otherAnswers, latencyMs, answeredWithinSeconds, acceptedPerSecond, lateSends, worstSendDelayMs, eventLag,
                catchUp, invariants, steps, timeline, progress, spent);
    }

    /** One rate of the steps scenario. */
    record Step(int ratePerSecond, double seconds, long taps, long accepted, double acceptedPerSecond, Percentiles all,
            Percentiles acceptedLatency, long serverErrors, long transportErrors, boolean held) {
    }
}
