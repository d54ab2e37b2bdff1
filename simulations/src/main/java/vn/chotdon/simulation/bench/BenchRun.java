package vn.chotdon.simulation.bench;

import java.util.List;
import java.util.Map;

/** One whole run of the benchmark, as bench.json holds it. */
record BenchRun(
        String finishedAt,
        boolean quick,
        Machine machine,
        String loadAverageAtStart,
        String loadAverageAtEnd,
        String catalog,
        String livestream,
        String order,
        Map<String, Double> startupSeconds,
        List<JdbcCeiling.PoolResult> jdbcCeiling,
        Map<String, ScenarioResult> scenarios,
        Map<String, Double> rssAfterFlashMb,
        double stackPeakRssMb,
        List<Target> targets,
        Map<String, List<double[]>> processSamples,
        Map<String, Long> pids) {
}
