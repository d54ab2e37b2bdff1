package vn.chotdon.simulation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuUseTest {

    private static final long S = 1_000_000_000L;

    @Test
    void sums_each_process_over_the_window_and_divides_the_stacks_total_by_the_accepted_orders() {
        List<ProcessSampler.Sample> samples = List.of(
                sample(1, "order-service", 0.3), sample(1, "database", 0.2),
                sample(2, "order-service", 0.9), sample(2, "database", 0.6), sample(2, "load generator", 0.4),
                sample(2, ProcessSampler.MACHINE, 1.9),
                sample(3, "order-service", 1.0), sample(3, "database", 0.5), sample(3, "load generator", 0.2),
                sample(4, "order-service", 0.7));

        CpuUse cpu = CpuUse.of(samples, List.of(), 1 * S, 3 * S, 150);

        // The intervals ending at 2 and 3 s; the load generator shown but not counted in the stack.
        assertThat(cpu.secondsByProcess()).containsExactly(entry("order-service", 1.9), entry("database", 1.1),
                entry("load generator", 0.6));
        assertThat(cpu.stackSeconds()).isEqualTo(3.0);
        assertThat(cpu.msPerAcceptedOrder()).isEqualTo(20.0);
        assertThat(cpu.describe()).isEqualTo("{order-service=1.9, database=1.1, load generator=0.6}; the stack 3.0,"
                + " 20.0 ms per accepted order");
    }

    @Test
    void no_accepted_order_leaves_the_cost_per_order_out() {
        CpuUse cpu = CpuUse.of(List.of(sample(1, "catalog-service", 0.4)), List.of(), 0, 2 * S, 0);

        assertThat(cpu.stackSeconds()).isEqualTo(0.4);
        assertThat(cpu.msPerAcceptedOrder()).isNull();
        assertThat(cpu.describe()).isEqualTo("{catalog-service=0.4}; the stack 0.4");
    }

    @Test
    void sums_what_each_kind_of_order_service_threads_ran_and_waited_over_the_window_the_most_run_first() {
        List<ProcessSampler.ThreadSample> threads = List.of(
                new ProcessSampler.ThreadSample(1 * S, "event loops", 0.5, 0.5),
                new ProcessSampler.ThreadSample(2 * S, "event loops", 0.2, 1.5),
                new ProcessSampler.ThreadSample(2 * S, "worker threads", 0.3, 2.25),
                new ProcessSampler.ThreadSample(3 * S, "event loops", 0.25, 1.25),
                new ProcessSampler.ThreadSample(3 * S, "worker threads", 0.5, 4.0),
                new ProcessSampler.ThreadSample(4 * S, "worker threads", 0.9, 0.1));

        CpuUse cpu = CpuUse.of(List.of(sample(2, "order-service", 1.25)), threads, 1 * S, 3 * S, 0);

        assertThat(cpu.orderServiceThreads()).containsExactly(
                Map.entry("worker threads", new CpuUse.ThreadTime(0.8, 6.3)),
                Map.entry("event loops", new CpuUse.ThreadTime(0.5, 2.8)));
        assertThat(cpu.describe()).isEqualTo("{order-service=1.3}; the stack 1.3; order-service's threads,"
                + " CPU-seconds ran / seconds waited for a core: {worker threads=0.8/6.3, event loops=0.5/2.8}");
    }

    @Test
    void threads_are_told_apart_by_the_names_linux_keeps() {
        assertThat(ProcessSampler.threadKind("vert.x-eventloo")).isEqualTo("event loops");
        assertThat(ProcessSampler.threadKind("executor-thread")).isEqualTo("worker threads");
        assertThat(ProcessSampler.threadKind("idempotency-key")).isEqualTo("key reads");
        assertThat(ProcessSampler.threadKind("VM Thread")).isEqualTo("collector");
        assertThat(ProcessSampler.threadKind("C1 CompilerThre")).isEqualTo("JIT");
        assertThat(ProcessSampler.threadKind("outbox-relay")).isEqualTo("other");
    }

    private static ProcessSampler.Sample sample(long second, String process, double cpuSeconds) {
        return new ProcessSampler.Sample(second * S, process, cpuSeconds, 100 * cpuSeconds, 100);
    }

    private static Map.Entry<String, Double> entry(String process, double seconds) {
        return Map.entry(process, seconds);
    }
}
