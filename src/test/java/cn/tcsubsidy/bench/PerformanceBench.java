package cn.tcsubsidy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The performance figures of issue 15, for Camunda's default configuration and the app's tuned one, side by side in
 * one run (the machine is shared and noisy: the ratios hold better than the absolute figures). Each variant runs in
 * a child JVM of its own ({@link BenchNode}: same java, same class path, {@code -Xmx1g}), one after the other, on a
 * fresh PostgreSQL database ({@code tc_bench_default}, {@code tc_bench_tuned}); the child prints its figures as one
 * JSON line, this prints the table {@code figure | default | tuned | ratio (tuned/default)}, the targets and each
 * child's detail tables. A child's whole output goes to {@code target/bench/<variant>.log}.
 *
 * <p>Figures: (1) the pipeline's projects/s and SQL per project (PipelineSimulation, run by reflection when that
 * class is on the class path and {@code bench.projects > 0}; {@code bench.pipeline=false} skips it); (2)
 * {@code POST /api/award-quotes} at a fixed concurrency (count, rate, p50/p95/p99/max, errors) and
 * {@code GET /api/projects} as the baseline of HTTP + sign-in ({@link QuoteLoad}); (4) a Liaocheng town officer's
 * 我的待办 first page and count with {@code bench.tasks} open tasks ({@link TaskListLoad}); (5) start-up time (JVM
 * start to context ready, ApplicationReadyEvent listeners included), peak heap and GC. {@code startup.ms} is the
 * first start, on an empty database (engine schema, Flyway migrations, model deployments, identities included);
 * {@code restart.startup.ms} a second child JVM of the variant started on the database the first left (its tasks
 * still in it), which does nothing else ({@code bench.restart=false} skips it). Targets (tuned): quote ≥ 1,000/s with p99 ≤ 20 ms, task list p95 ≤ 50 ms,
 * start-up ≤ 20 s, peak heap ≤ 768 MB.
 *
 * <p>Options (system properties): {@code bench.variants} (default {@code default,tuned}), {@code bench.projects}
 * (10000), {@code bench.tasks} (50000), {@code bench.quoteThreads} (4), {@code bench.quoteSeconds} (20),
 * {@code bench.warmupSeconds} (5), {@code bench.taskListSamples} (200), {@code bench.taskListWarmup} (20 requests),
 * {@code bench.seedThreads} (2), {@code bench.analyze} (true: ANALYZE after seeding),
 * {@code bench.xmx} (1g), {@code bench.pipeline} (auto|true|false), {@code bench.dbPrefix} (tc_bench_),
 * {@code bench.restart} (true), {@code bench.logDir} (target/bench), {@code bench.childTimeoutMinutes} (60). {@code bench.default.X=Y} / {@code bench.tuned.X=Y} set application
 * property X in that variant only, {@code tc.performance.*} in both (see {@link BenchNode}). PostgreSQL as the
 * tests have it (support/Postgres: TC_TEST_PG_URL, default 127.0.0.1:5432, user postgres).
 *
 * <pre>
 * ./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.tcsubsidy.bench.PerformanceBench
 * # smaller, e.g. no pipeline and a shorter quote load:
 * java -Dbench.projects=0 -Dbench.quoteSeconds=10 -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *      cn.tcsubsidy.bench.PerformanceBench
 * </pre>
 * The exit status is 0 when every child produced its figures without failing (quote errors ≤ 0.1 %), else 1; the
 * targets are printed as met or not, they do not change the exit status.
 */
public final class PerformanceBench {

    /** Settings with these prefixes go to the children as system properties. */
    static final List<String> PASSED_THROUGH = List.of("bench.", "tc.performance.");

    /** A child's outcome. */
    record Node(String variant, boolean failed, Map<String, Double> figures, String details, Path log) {
    }

    record Report(List<Node> nodes, String table) {

        boolean failed() {
            return nodes.stream().anyMatch(Node::failed);
        }
    }

    private PerformanceBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream().sorted()
                .filter(n -> PASSED_THROUGH.stream().anyMatch(n::startsWith))
                .forEach(n -> settings.put(n, System.getProperty(n)));
        Report report = run(settings, System.out);
        System.exit(report.failed() ? 1 : 0);
    }

    /** Runs each variant's child in turn, prints the figures table, the targets and the details to {@code out}. */
    public static Report run(Map<String, String> settings, PrintStream out) throws IOException, InterruptedException {
        List<String> variants = List.of(settings.getOrDefault("bench.variants", "default,tuned").split(","));
        Path logs = Path.of(settings.getOrDefault("bench.logDir", "target/bench"));
        Files.createDirectories(logs);
        out.println("PerformanceBench: variants " + variants + ", settings " + settings + ", load " + loadAverage());
        List<Node> nodes = new ArrayList<>();
        boolean restart = !"false".equals(settings.get("bench.restart"));
        for (String v : variants) {
            Node node = runChild(v.trim(), false, settings, logs, out);
            if (restart && !node.figures().isEmpty()) {
                // The same variant started again on the database it left: a restart's start-up and heap.
                Node again = runChild(v.trim(), true, settings, logs, out);
                Map<String, Double> figures = new LinkedHashMap<>(node.figures());
                for (String f : List.of("startup.ms", "heap.peakPoolsMB")) {
                    if (again.figures().containsKey(f)) {
                        figures.put("restart." + f, again.figures().get(f));
                    }
                }
                node = new Node(node.variant(), node.failed() || again.failed(), figures,
                        node.details() + again.details(), node.log());
            }
            nodes.add(node);
        }
        String table = table(nodes);
        out.println();
        out.println(table);
        for (Node n : nodes) {
            out.println("---- " + n.variant() + (n.failed() ? " (FAILED)" : "") + " — log " + n.log());
            out.println(n.details());
        }
        out.println("load after the run: " + loadAverage());
        out.flush();
        return new Report(nodes, table);
    }

    private static Node runChild(String variant, boolean restart, Map<String, String> settings, Path logs,
                                 PrintStream out)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + settings.getOrDefault("bench.xmx", "1g"));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Dbench.variant=" + variant);
        command.add("-Dbench.mode=" + (restart ? "restart" : "measure"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BenchNode.class.getName());
        Path log = logs.resolve(variant + (restart ? "-restart" : "") + ".log");
        out.println("[" + variant + "] starting child JVM" + (restart ? " again on its database" : "") + " (log "
                + log + ")");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String resultLine = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter logWriter = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                logWriter.println(line);
                if (line.startsWith(BenchNode.RESULT_PREFIX)) {
                    resultLine = line.substring(BenchNode.RESULT_PREFIX.length());
                } else if (line.startsWith("BENCH-PROGRESS ")) {
                    out.println(line.substring("BENCH-PROGRESS ".length()));
                    out.flush();
                }
            }
        }
        long timeout = Long.parseLong(settings.getOrDefault("bench.childTimeoutMinutes", "60"));
        if (!child.waitFor(timeout, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new IllegalStateException(variant + ": child JVM did not end within " + timeout + " min; see " + log);
        }
        int exit = child.exitValue();
        if (resultLine == null) {
            return new Node(variant, true, Map.of(), "no " + BenchNode.RESULT_PREFIX.trim() + " line (exit " + exit
                    + "); last lines of " + log + ":\n" + tail(log, 40), log);
        }
        JsonNode result = new ObjectMapper().readTree(resultLine);
        Map<String, Double> figures = new LinkedHashMap<>();
        result.get("figures").fields().forEachRemaining(e -> figures.put(e.getKey(), e.getValue().asDouble()));
        boolean failed = exit != 0 || result.path("failed").asBoolean();
        return new Node(variant, failed, figures, result.path("details").asText(), log);
    }

    /** figure | variant… | ratio (second/first, with two variants), then the targets of the tuned variant. */
    static String table(List<Node> nodes) {
        Set<String> names = new LinkedHashSet<>();
        nodes.forEach(n -> names.addAll(n.figures().keySet()));
        boolean ratio = nodes.size() == 2;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-26s", "figure"));
        nodes.forEach(n -> s.append(String.format(Locale.ROOT, " | %12s", n.variant())));
        if (ratio) {
            s.append(String.format(Locale.ROOT, " | %8s", nodes.get(1).variant() + "/" + nodes.get(0).variant()));
        }
        s.append('\n');
        for (String name : names) {
            s.append(String.format(Locale.ROOT, "%-26s", name));
            for (Node n : nodes) {
                s.append(String.format(Locale.ROOT, " | %12s", format(n.figures().get(name))));
            }
            if (ratio) {
                Double a = nodes.get(0).figures().get(name);
                Double b = nodes.get(1).figures().get(name);
                s.append(String.format(Locale.ROOT, " | %8s", a == null || b == null || a == 0 || a.isNaN() || b.isNaN()
                        ? "" : String.format(Locale.ROOT, "%.2f", b / a)));
            }
            s.append('\n');
        }
        nodes.stream().filter(n -> n.variant().equals("tuned")).findFirst().ifPresent(t -> s.append(targets(t)));
        return s.toString();
    }

    private static String targets(Node tuned) {
        Map<String, Double> f = tuned.figures();
        StringBuilder s = new StringBuilder("targets (tuned):\n");
        target(s, "quote rate ≥ 1,000/s", f.get("quote.rate"), v -> v >= 1000);
        target(s, "quote p99 ≤ 20 ms", f.get("quote.p99Ms"), v -> v <= 20);
        target(s, "task list p95 ≤ 50 ms", f.get("tasklist.list.p95Ms"), v -> v <= 50);
        target(s, "start-up ≤ 20 s (empty db)", seconds(f.get("startup.ms")), v -> v <= 20);
        target(s, "start-up ≤ 20 s (restart)", seconds(f.get("restart.startup.ms")), v -> v <= 20);
        target(s, "peak heap ≤ 768 MB", f.get("heap.peakPoolsMB"), v -> v <= 768);
        return s.toString();
    }

    private static Double seconds(Double millis) {
        return millis == null ? null : millis / 1000;
    }

    private static void target(StringBuilder s, String what, Double value, java.util.function.DoublePredicate ok) {
        s.append(String.format(Locale.ROOT, "  %-28s %10s  %s%n", what, format(value),
                value == null || value.isNaN() ? "not measured" : ok.test(value) ? "met" : "NOT met"));
    }

    private static String format(Double v) {
        if (v == null) {
            return "-";
        }
        if (v.isNaN()) {
            return "NaN";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String tail(Path log, int lines) throws IOException {
        List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
