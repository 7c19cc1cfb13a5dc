package cn.tcsubsidy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.support.RequiresPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PerformanceBench end to end with tiny sizes: both variants in child JVMs, every figure produced, no quote error,
 * the officer's filter counting exactly the tasks seeded for the officer's unit, the table printed. It asserts that
 * the run completes and its figures are sane, never a timing.
 */
@RequiresPostgres
class PerformanceBenchSmokeTest {

    private static final boolean PIPELINE = present("cn.tcsubsidy.bench.PipelineSimulation");

    /** Every figure BenchNode reports whatever the variant (the pipeline's come on top, when it is there). */
    static final List<String> FIGURES = List.of("startup.ms",
            "quote.count", "quote.rate", "quote.p50Ms", "quote.p95Ms", "quote.p99Ms", "quote.maxMs", "quote.errors",
            "projectsApi.count", "projectsApi.rate", "projectsApi.p50Ms", "projectsApi.p95Ms", "projectsApi.p99Ms",
            "projectsApi.maxMs", "projectsApi.errors",
            "tasks.inDatabase", "tasks.authorizations", "tasks.seedSeconds", "tasks.seedPerSecond",
            "tasks.officerExpected", "tasks.officerCount", "tasklist.listSize",
            "tasklist.list.p50Ms", "tasklist.list.p95Ms", "tasklist.list.maxMs",
            "tasklist.count.p50Ms", "tasklist.count.p95Ms", "tasklist.count.maxMs",
            "heap.peakPoolsMB", "heap.peakSampledMB", "gc.count", "gc.timeMs");

    @Test
    void shouldRunBothVariantsAndPrintEveryFigure() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bench.variants", "default,tuned");
        settings.put("bench.projects", PIPELINE ? "5" : "0");
        settings.put("bench.tasks", "200");
        settings.put("bench.quoteThreads", "2");
        settings.put("bench.quoteSeconds", "2");
        settings.put("bench.warmupSeconds", "1");
        settings.put("bench.taskListSamples", "10");
        settings.put("bench.taskListWarmup", "2");
        settings.put("bench.dbPrefix", "tc_benchsmoke_");
        settings.put("bench.logDir", "target/bench-smoke");
        settings.put("bench.childTimeoutMinutes", "5");
        // The restart children (two more start-ups) would double the test's time; the full run has them.
        settings.put("bench.restart", "false");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        PerformanceBench.Report report = PerformanceBench.run(settings, out);
        String text = printed.toString(StandardCharsets.UTF_8);
        System.out.println(text);

        assertThat(report.nodes()).extracting(PerformanceBench.Node::variant).containsExactly("default", "tuned");
        for (PerformanceBench.Node n : report.nodes()) {
            assertThat(n.failed()).as("%s failed:%n%s", n.variant(), n.details()).isFalse();
            List<String> expected = new ArrayList<>(FIGURES);
            if (PIPELINE) {
                assertThat(n.figures().keySet()).as(n.variant()).anyMatch(k -> k.startsWith("pipeline."));
            }
            assertThat(n.figures()).as(n.variant()).containsKeys(expected.toArray(String[]::new));
            Map<String, Double> f = n.figures();
            assertThat(f.get("quote.errors")).as(n.variant()).isZero();
            assertThat(f.get("projectsApi.errors")).as(n.variant()).isZero();
            assertThat(f.get("quote.count")).as(n.variant()).isPositive();
            assertThat(f.get("projectsApi.count")).as(n.variant()).isPositive();
            assertThat(f.get("quote.p50Ms")).isLessThanOrEqualTo(f.get("quote.p95Ms"));
            assertThat(f.get("quote.p95Ms")).isLessThanOrEqualTo(f.get("quote.p99Ms"));
            assertThat(f.get("quote.p99Ms")).isLessThanOrEqualTo(f.get("quote.maxMs"));
            assertThat(f.get("tasks.inDatabase")).as(n.variant()).isGreaterThanOrEqualTo(200);
            // One authorization row per task and candidate group (the app's default task permission).
            assertThat(f.get("tasks.authorizations")).as(n.variant()).isGreaterThanOrEqualTo(200);
            assertThat(f.get("tasks.officerExpected")).as(n.variant()).isPositive();
            assertThat(f.get("tasks.officerCount")).as(n.variant()).isEqualTo(f.get("tasks.officerExpected"));
            assertThat(f.get("tasklist.listSize")).isEqualTo(Math.min(15, f.get("tasks.officerCount")));
            assertThat(f.get("startup.ms")).isPositive();
            assertThat(f.get("heap.peakPoolsMB")).isPositive();
            assertThat(f.get("heap.peakSampledMB")).isPositive();
        }
        assertThat(report.table()).startsWith("figure").contains("tuned/default");
        for (String figure : FIGURES) {
            assertThat(report.table()).contains(figure);
            assertThat(text).contains(figure);
        }
        assertThat(text).contains("targets (tuned):").contains("POST /api/award-quotes").contains("filter list");
    }

    private static boolean present(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
