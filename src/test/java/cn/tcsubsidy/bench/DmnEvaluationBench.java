package cn.tcsubsidy.bench;

import cn.tcsubsidy.engine.EngineConfiguration;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Micro benchmark (test sources, run by hand): Jiyuan's tc-award with its three required decisions, evaluated on a
 * standalone DMN engine built exactly as the application builds its own ({@link EngineConfiguration#feelOnlyDmnEngine()}),
 * against a hand-written Java function for the same TECH_RETROFIT case class ({@link JiyuanRetrofitByHand}).
 *
 * <p>Before timing, both are run on every input case and must agree, entry by entry (else the run fails). Then each is
 * warmed up and timed on one thread over several rounds (each round a fixed amount of the thread's CPU time), cycling
 * through the cases; the best and the median round are printed in µs of CPU time per evaluation, with the ratio. Options (system properties): {@code bench.rounds} (default 10),
 * {@code bench.millis} of CPU time per round (default 1000), {@code bench.warmupMillis} (default 5000);
 * {@code bench.feel=stock} puts Camunda's own ScalaFeelEngineFactory back, for the figure before the caching engine.
 *
 * <pre>
 * ./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.tcsubsidy.bench.DmnEvaluationBench
 * </pre>
 */
public final class DmnEvaluationBench {

    private static final String[] FIGURES = {"totalInvestment", "equipmentInvestment", "robotInvestment",
            "informatizationInvestment", "rdInvestment", "loanAmount", "completedInvestmentThisYear", "nationalFunding",
            "purchasePrice", "smeEquipmentInvestment", "otherFundingCounty", "otherFundingCity", "otherFundingProvince",
            "otherFundingNational"};
    private static final String[] EMPTY = {"applicationDate", "policyDate", "awardYear", "mujuanClass",
            "certificationLevel", "expertScore", "county", "poolLevel", "lpr", "certificateNo", "certificateDate",
            "localMade", "listingYear", "productionStartDate", "schemeRate", "schemeProjectCap", "schemeEnterpriseCap",
            "schemeDocument"};

    private static volatile Object sink;

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 10);
        long millis = Long.getLong("bench.millis", 1000);
        long warmup = Long.getLong("bench.warmupMillis", 5000);

        DefaultDmnEngineConfiguration configuration = EngineConfiguration.feelOnlyDmnEngine();
        if ("stock".equals(System.getProperty("bench.feel"))) {
            // For the "before" figure: Camunda's own FEEL engine, as feelOnlyDmnEngine() had it before.
            configuration.setFeelEngineFactory(new ScalaFeelEngineFactory(configuration.getFeelCustomFunctionProviders()));
        }
        DmnEngine engine = configuration.buildEngine();
        DmnDecision award;
        try (InputStream in = Files.newInputStream(Path.of("dmn/jiyuan/jiyuan-award.dmn"))) {
            award = engine.parseDecision("tc-award", in);
        }
        List<VariableMap> cases = cases();

        // The two must agree on every case before either is timed.
        for (VariableMap c : cases) {
            Map<String, Object> dmn = engine.evaluateDecision(award, c).getSingleResult().getEntryMap();
            Map<String, Object> hand = JiyuanRetrofitByHand.award(c);
            if (!same(dmn, hand)) {
                throw new IllegalStateException("table and hand-written function disagree on " + c
                        + "\n table: " + dmn + "\n hand:  " + hand);
            }
        }

        System.out.printf("FEEL engine: %s; JVM %s; %d cases; %d rounds of %d ms after %d ms warm-up%n",
                configuration.getFeelEngine().getClass().getName(), System.getProperty("java.version"), cases.size(),
                rounds, millis, warmup);
        double[] dmn = time("DMN tc-award", () -> engine.evaluateDecision(award, next(cases)).getSingleResult(),
                rounds, millis, warmup);
        double[] hand = time("hand-written", () -> JiyuanRetrofitByHand.award(next(cases)), rounds, millis, warmup);
        System.out.printf("ratio DMN / hand-written: best %.0fx, median %.0fx%n", dmn[0] / hand[0], dmn[1] / hand[1]);
    }

    private static int cursor;

    private static VariableMap next(List<VariableMap> cases) {
        cursor = cursor + 1 == cases.size() ? 0 : cursor + 1;
        return cases.get(cursor);
    }

    /** Realistic TECH_RETROFIT inputs as JiyuanAwardTableTest passes them: eligible, and each way of being refused. */
    static List<VariableMap> cases() {
        List<VariableMap> cases = new ArrayList<>();
        cases.add(retrofit("2018-03-01", "8000000"));
        cases.add(retrofit("2018-03-01", "5000000"));
        cases.add(retrofit("2018-03-01", "4999999.99"));
        cases.add(retrofit("2018-03-01", "8000000").putValue("productionStartDate", null));
        cases.add(retrofit("2018-03-01", "8000000").putValue("productionStartDate", "2019-01-01"));
        cases.add(retrofit("2018-03-01", "8000000").putValue("awardYear", null));
        cases.add(retrofit("2017-08-01", "8000000"));
        cases.add(retrofit("2018-03-01", "8000000").putValue("policyDate", null));
        return cases;
    }

    private static VariableMap retrofit(String date, String completed) {
        VariableMap vars = Variables.createVariables().putValue("category", "TECH_RETROFIT");
        for (String f : FIGURES) {
            vars.putValue(f, BigDecimal.ZERO);
        }
        for (String f : EMPTY) {
            vars.putValue(f, null);
        }
        vars.putValue("echelonListed", false);
        vars.putValue("schemeSample", false);
        vars.putValue("applicationDate", date);
        vars.putValue("policyDate", date);
        vars.putValue("awardYear", Integer.valueOf(date.substring(0, 4)));
        vars.putValue("completedInvestmentThisYear", new BigDecimal(completed));
        vars.putValue("equipmentInvestment", new BigDecimal("5000000"));
        vars.putValue("rdInvestment", new BigDecimal("1000000"));
        vars.putValue("productionStartDate", date);
        return vars;
    }

    /** Entry by entry; numbers by value (the table's come back as Long or Double or BigDecimal). */
    static boolean same(Map<String, Object> table, Map<String, Object> hand) {
        Map<String, Object> t = new LinkedHashMap<>(table);
        Map<String, Object> h = new LinkedHashMap<>(hand);
        // An empty output cell leaves its entry out of the table's result; the hand-written one says null.
        h.entrySet().removeIf(e -> e.getValue() == null && !t.containsKey(e.getKey()));
        if (!t.keySet().equals(h.keySet())) {
            return false;
        }
        for (String k : t.keySet()) {
            Object a = t.get(k);
            Object b = h.get(k);
            if (a instanceof Number && b instanceof Number) {
                if (new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) != 0) {
                    return false;
                }
            } else if (!Objects.equals(a, b)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Best and median µs per evaluation over the rounds, in this thread's CPU time (the machine may be shared: time
     * spent waiting for a core is not the evaluation's); the wall-clock median is printed beside it.
     */
    private static double[] time(String name, java.util.function.Supplier<Object> evaluation, int rounds, long millis,
                                 long warmup) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + warmup * 1_000_000;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                sink = evaluation.get();
            }
        }
        double[] perEval = new double[rounds];
        double[] wall = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long n = 0;
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long stop = cpuStart + millis * 1_000_000;
            long cpu;
            do {
                for (int i = 0; i < 100; i++) {
                    sink = evaluation.get();
                }
                n += 100;
                cpu = threads.getCurrentThreadCpuTime();
            } while (cpu < stop);
            perEval[r] = (cpu - cpuStart) / 1000.0 / n;
            wall[r] = (System.nanoTime() - start) / 1000.0 / n;
        }
        Arrays.sort(wall);
        double[] sorted = perEval.clone();
        Arrays.sort(sorted);
        double best = sorted[0];
        double median = sorted[rounds / 2];
        System.out.printf("%-14s CPU best %10.3f µs/eval, median %10.3f µs/eval; wall median %10.3f (CPU rounds: %s)%n",
                name, best, median, wall[rounds / 2],
                Arrays.toString(Arrays.stream(perEval).map(v -> Math.round(v * 1000) / 1000.0).toArray()));
        return new double[] {best, median};
    }
}
