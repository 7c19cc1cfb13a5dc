package cn.tcsubsidy.bench;

import cn.tcsubsidy.engine.EngineConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH micro benchmark (test sources only; the product keeps one source of truth, the DMN): Jiyuan's tc-award with its
 * three required decisions, evaluated on a standalone DMN engine built exactly as the application builds its own
 * ({@link EngineConfiguration#feelOnlyDmnEngine()}), side by side with a hand-written Java function for the same
 * TECH_RETROFIT rules ({@link JiyuanRetrofitByHand}) in the same JVM. The ratio of the two is the engine's overhead.
 *
 * <p>Both benchmarks cycle through the same {@link JiyuanAwardCases}; before any timing, the table and the
 * hand-written function must agree on every case, entry by entry (else the trial fails). {@code feel=stock} puts
 * Camunda's own ScalaFeelEngineFactory back, for the figure before the caching FEEL engine.
 *
 * <p>{@link #main} runs it through JMH's {@link Runner} with {@link ProcessCpuProfiler} (JMH command-line options may
 * be passed, e.g. {@code -p feel=caching -bm avgt -wi 15}), prints JMH's table and then one summary line per FEEL
 * engine. The warm-up is 15 s: on this 2-core machine, 3 s ended before the JIT had compiled the FEEL interpreter (the
 * summary says so when the JVM's CPU time during the DMN measurement is well above the benchmark thread's).
 * Percentiles: {@code -bm sample} (each mode is a fork of its own, so give it the same warm-up).
 *
 * <pre>
 * ./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.tcsubsidy.bench.DmnAwardJmh
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 5, time = 1)
public class DmnAwardJmh {

    static final String DMN = "dmn/jiyuan/jiyuan-award.dmn";

    @State(Scope.Thread)
    public static class Award {

        /** {@code caching}: the app's engine as it is; {@code stock}: with Camunda's own FEEL engine factory. */
        @Param({"caching", "stock"})
        public String feel;

        DmnEngine engine;
        DmnDecision award;
        VariableMap[] cases;
        int cursor;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            DefaultDmnEngineConfiguration configuration = EngineConfiguration.feelOnlyDmnEngine();
            if ("stock".equals(feel)) {
                // For the "before" figure: Camunda's own FEEL engine, as feelOnlyDmnEngine() had it before.
                configuration.setFeelEngineFactory(
                        new ScalaFeelEngineFactory(configuration.getFeelCustomFunctionProviders()));
            } else if (!"caching".equals(feel)) {
                throw new IllegalArgumentException("feel must be caching or stock: " + feel);
            }
            engine = configuration.buildEngine();
            try (InputStream in = Objects.requireNonNull(
                    DmnAwardJmh.class.getClassLoader().getResourceAsStream(DMN), DMN + " not on the classpath")) {
                award = engine.parseDecision("tc-award", in);
            }
            List<VariableMap> list = JiyuanAwardCases.cases();
            // The two must agree on every case before either is timed.
            for (VariableMap c : list) {
                Map<String, Object> dmn = engine.evaluateDecision(award, c).getSingleResult().getEntryMap();
                Map<String, Object> hand = JiyuanRetrofitByHand.award(c);
                if (!JiyuanAwardCases.same(dmn, hand)) {
                    throw new IllegalStateException("table and hand-written function disagree on " + c
                            + "\n table: " + dmn + "\n hand:  " + hand);
                }
            }
            cases = list.toArray(new VariableMap[0]);
        }

        VariableMap next() {
            cursor = cursor + 1 == cases.length ? 0 : cursor + 1;
            return cases[cursor];
        }
    }

    @Benchmark
    public DmnDecisionResultEntries dmnTcAward(Award state) {
        return state.engine.evaluateDecision(state.award, state.next()).getSingleResult();
    }

    @Benchmark
    public Map<String, Object> handWritten(Award state) {
        return JiyuanRetrofitByHand.award(state.next());
    }

    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(DmnAwardJmh.class.getName() + "\\.")
                .addProfiler(ProcessCpuProfiler.class)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        summary(results).forEach(System.out::println);
    }

    /** One line per FEEL engine: DMN and hand-written µs per call, and their ratio, for each mode that was run. */
    static List<String> summary(Collection<RunResult> results) {
        Map<String, Map<String, RunResult>> byFeel = new TreeMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark().substring(DmnAwardJmh.class.getName().length() + 1);
            byFeel.computeIfAbsent(r.getParams().getParam("feel"), k -> new TreeMap<>())
                    .put(method + "/" + r.getParams().getMode().shortLabel(), r);
        }
        List<String> lines = new ArrayList<>();
        byFeel.forEach((feel, runs) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "feel=%-8s", feel));
            RunResult dmn = runs.get("dmnTcAward/avgt");
            RunResult hand = runs.get("handWritten/avgt");
            if (dmn != null && hand != null) {
                double d = dmn.getPrimaryResult().getScore();
                double h = hand.getPrimaryResult().getScore();
                line.append(String.format(Locale.ROOT, " avgt: dmn %.3f µs, hand %.3f µs, ratio %.0fx;", d, h, d / h));
                Result dc = dmn.getSecondaryResults().get(ProcessCpuProfiler.LABEL);
                Result hc = hand.getSecondaryResults().get(ProcessCpuProfiler.LABEL);
                if (dc != null && hc != null) {
                    line.append(String.format(Locale.ROOT, " thread CPU: dmn %.3f µs, hand %.3f µs, ratio %.0fx;",
                            dc.getScore(), hc.getScore(), dc.getScore() / hc.getScore()));
                    Result dj = dmn.getSecondaryResults().get(ProcessCpuProfiler.JVM_LABEL);
                    if (dj != null && dj.getScore() > 1.2 * dc.getScore()) {
                        line.append(String.format(Locale.ROOT, " NOT STEADY: the JVM used %.1fx the benchmark"
                                + " thread's CPU during dmnTcAward's measurement (JIT still compiling; raise -wi);",
                                dj.getScore() / dc.getScore()));
                    }
                }
            }
            RunResult dmnS = runs.get("dmnTcAward/sample");
            RunResult handS = runs.get("handWritten/sample");
            if (dmnS != null && handS != null) {
                double d50 = dmnS.getPrimaryResult().getStatistics().getPercentile(50);
                double h50 = handS.getPrimaryResult().getStatistics().getPercentile(50);
                double d99 = dmnS.getPrimaryResult().getStatistics().getPercentile(99);
                double h99 = handS.getPrimaryResult().getStatistics().getPercentile(99);
                line.append(String.format(Locale.ROOT,
                        " sample p50: dmn %.3f µs, hand %.3f µs, ratio %.0fx; p99: dmn %.3f µs, hand %.3f µs",
                        d50, h50, d50 / h50, d99, h99));
            }
            lines.add(line.toString());
        });
        return lines;
    }
}
