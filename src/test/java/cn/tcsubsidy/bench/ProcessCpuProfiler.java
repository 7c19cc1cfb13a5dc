package cn.tcsubsidy.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, beside JMH's wall-clock score: the machine the benchmarks run on is shared, and time spent
 * waiting for a core is not the evaluation's. Two figures per iteration, each divided by the iteration's operations:
 * {@code ·cpu}, the CPU time of JMH's worker threads (the evaluations themselves, as a thread's CPU time), and
 * {@code ·cpuJvm}, the whole JVM's (JIT compiler and GC threads too, so the JVM should run nothing else: forks &ge; 1).
 */
public class ProcessCpuProfiler implements InternalProfiler {

    static final String LABEL = "·cpu";
    static final String JVM_LABEL = "·cpuJvm";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long processStart;
    private final Map<Long, Long> workerStart = new HashMap<>();

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        workerStart.clear();
        workerStart.putAll(workerCpuNanos());
        processStart = processCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        long process = processCpuNanos() - processStart;
        long workers = 0;
        for (Map.Entry<Long, Long> e : workerCpuNanos().entrySet()) {
            // A worker started during this iteration counts from zero.
            workers += e.getValue() - workerStart.getOrDefault(e.getKey(), 0L);
        }
        long ops = result.getMetadata().getAllOps();
        if (ops <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult(LABEL, workers / 1000.0 / ops, "µs/op", AggregationPolicy.AVG),
                new ScalarResult(JVM_LABEL, process / 1000.0 / ops, "µs/op", AggregationPolicy.AVG));
    }

    @Override
    public String getDescription() {
        return "CPU time per operation: JMH worker threads (·cpu) and the whole JVM (·cpuJvm)";
    }

    /** JMH names its benchmark threads {@code <benchmark>-jmh-worker-<n>}. */
    private static Map<Long, Long> workerCpuNanos() {
        Map<Long, Long> cpu = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().contains("-jmh-worker-")) {
                long nanos = THREADS.getThreadCpuTime(t.getId());
                if (nanos >= 0) {
                    cpu.put(t.getId(), nanos);
                }
            }
        }
        return cpu;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
