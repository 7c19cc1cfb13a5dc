package cn.tcsubsidy.bench;

import cn.tcsubsidy.TcSubsidyApplication;
import cn.tcsubsidy.support.Postgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One variant of {@link PerformanceBench}, in a JVM of its own (started by it; not meant to be run by hand): starts
 * the application on a fresh PostgreSQL database, runs the pipeline (when present), the quote load and the task list,
 * and prints one line {@value #RESULT_PREFIX}{@code {"variant":…,"figures":{…},"details":"…"}} before it exits.
 *
 * <p>Variant {@code tuned} is the application as shipped (application.yml untouched). Variant {@code default} puts
 * back Camunda 7.24's own default for every performance setting application.yml tunes, and nothing else:
 * <pre>
 * setting (camunda.bpm.…)                           app    Camunda 7.24 default
 * generic-properties.properties.cmmn-enabled        false  true    (ProcessEngineConfigurationImpl#cmmnEnabled)
 * job-execution.core-pool-size                      2      3       (starter JobExecutionProperty)
 * job-execution.max-pool-size                       4      10      (starter JobExecutionProperty)
 * job-execution.queue-capacity                      16     3       (starter JobExecutionProperty)
 * job-execution.max-jobs-per-acquisition            8      3       (JobExecutor#maxJobsPerAcquisition)
 * job-execution.wait-time-in-millis                 1000   5000    (JobExecutor#waitTimeInMillis)
 * job-execution.max-wait                            5000   60000   (JobExecutor#maxWait)
 * </pre>
 * (the defaults as the 7.24.0 jars on the class path hold them: {@code new JobExecutionProperty()},
 * {@code new DefaultJobExecutor()}, {@code new StandaloneInMemProcessEngineConfiguration()}; they agree with the
 * Spring Boot starter's configuration reference and the job executor reference on docs.camunda.org). Left as the app
 * sets them in both variants: lock-time-in-millis (300000, the same as Camunda's), history-level full (the starter's
 * default too), and every security or function setting: authorization, the login limits, the resource whitelist,
 * enforce-history-time-to-live, the JSON serialization format, the engine plugin's guards. standalone-tasks-enabled
 * (Camunda: true) is put back too, as are the app's own two measurement switches (below).
 *
 * <p>Settings the lead adds later come without code changes: a system property {@code bench.default.X=Y} becomes
 * application property {@code X=Y} in the default variant ({@code bench.tuned.X=Y} in the tuned one; e.g.
 * {@code -Dbench.default.tc.feel.engine=stock}); {@code tc.performance.*} system properties go to both as given.
 * They are passed as command-line arguments, so they win over application.yml.
 */
public final class BenchNode {

    static final String RESULT_PREFIX = "BENCH-RESULT ";

    /** Camunda 7.24's defaults for the performance settings application.yml tunes (see the class comment). */
    static final Map<String, String> CAMUNDA_DEFAULTS = camundaDefaults();

    private static Map<String, String> camundaDefaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("camunda.bpm.generic-properties.properties.cmmn-enabled", "true");
        m.put("camunda.bpm.generic-properties.properties.standalone-tasks-enabled", "true");
        // The app's own levers, put back to what they replaced (measurement switches, docs/performance.md): quote
        // previews through the engine's DecisionService, and Camunda's own FEEL engine (a JVM property, set below).
        m.put("tc.award-quote.preview-through-engine", "true");
        m.put("camunda.bpm.job-execution.core-pool-size", "3");
        m.put("camunda.bpm.job-execution.max-pool-size", "10");
        m.put("camunda.bpm.job-execution.queue-capacity", "3");
        m.put("camunda.bpm.job-execution.max-jobs-per-acquisition", "3");
        m.put("camunda.bpm.job-execution.wait-time-in-millis", "5000");
        m.put("camunda.bpm.job-execution.max-wait", "60000");
        return m;
    }

    private BenchNode() {
    }

    /** Ends the JVM in every case: the app's non-daemon threads would keep it alive after an uncaught error. */
    public static void main(String[] args) {
        int status;
        try {
            status = run();
        } catch (Throwable t) {
            t.printStackTrace();
            status = 3;
        }
        System.out.flush();
        System.exit(status);
    }

    private static int run() throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        HeapSampler heap = HeapSampler.start();
        String variant = System.getProperty("bench.variant", "tuned");
        String database = System.getProperty("bench.dbPrefix", "tc_bench_") + variant.replaceAll("[^a-z0-9_]", "_");

        // bench.mode=restart: start again on the database the measuring run left (schema, migrations and models in
        // place, the seeded tasks too), for the start-up of a restart; nothing else is run.
        boolean restart = "restart".equals(System.getProperty("bench.mode"));
        // The app runs with its job executor (both variants, each with its own settings): the pipeline leaves the
        // continuations to it and waits, rather than running them beside it (which measures contention, not the app).
        System.setProperty("bench.jobs", System.getProperty("bench.jobs", "wait"));
        Map<String, Object> figures = new LinkedHashMap<>();
        StringBuilder details = new StringBuilder();
        List<String> appArgs = applicationArguments(variant,
                restart ? Postgres.SERVER + database : Postgres.freshDatabase(database));
        details.append(restart ? "restart: " : "").append("variant ").append(variant).append(" on ")
                .append(restart ? "the existing" : "a fresh").append(" database ").append(database)
                .append("; arguments: ").append(String.join(" ", appArgs.subList(3, appArgs.size()))).append('\n');

        List<Class<?>> sources = new ArrayList<>(List.of(TcSubsidyApplication.class));
        // bench.sqlCounting=false: no counting proxy around the DataSource (the pipeline's SQL counts are then zero),
        // to measure the HTTP loads as the app runs in production; the proxy costs a quote about 10 % of its CPU.
        if (!"false".equals(System.getProperty("bench.sqlCounting"))) {
            optionalClass("cn.tcsubsidy.bench.SqlCounting").ifPresent(sources::add);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .profiles("postgres").run(appArgs.toArray(String[]::new));
        long startup = System.currentTimeMillis() - jvmStart;
        figures.put("startup.ms", startup);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        details.append(effectiveSettings(context)).append('\n');
        boolean failed = false;
        try {
            if (!restart) {
                measure(context, port, variant, figures, details);
            }
        } catch (Exception | AssertionError e) {
            failed = true;
            details.append("FAILED: ").append(e).append('\n');
            e.printStackTrace();
        }
        failed |= details.indexOf("FAILED: ") >= 0;

        // 5. Memory, at the end of everything.
        heap.stop();
        long poolPeaks = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                poolPeaks += pool.getPeakUsage().getUsed();
            }
        }
        long gcCount = 0;
        long gcMillis = 0;
        List<String> collectors = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
            collectors.add(gc.getName());
        }
        figures.put("heap.peakPoolsMB", poolPeaks / 1048576.0);
        figures.put("heap.peakSampledMB", heap.max() / 1048576.0);
        figures.put("gc.count", gcCount);
        figures.put("gc.timeMs", gcMillis);
        details.append(String.format(Locale.ROOT, "start-up %d ms (JVM start to context ready); heap: peak %.0f MB "
                        + "(sum of heap pools' peaks), %.0f MB (max sampled every 100 ms), -Xmx %.0f MB; GC %s: %d "
                        + "collections, %d ms%n", startup, poolPeaks / 1048576.0, heap.max() / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0, collectors, gcCount, gcMillis));

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("variant", variant);
        result.put("failed", failed);
        result.put("figures", figures);
        result.put("details", details.toString());
        System.out.println(RESULT_PREFIX + new ObjectMapper().writeValueAsString(result));
        System.out.flush();
        context.close();
        return failed ? 2 : 0;
    }

    /** Pipeline (when present), quote load, task list; a failure is written into the details as FAILED. */
    private static void measure(ApplicationContext context, int port, String variant, Map<String, Object> figures,
                                StringBuilder details) throws Exception {
        int projects = Integer.getInteger("bench.projects", 10000);
        int tasks = Integer.getInteger("bench.tasks", 50000);
        int quoteThreads = Integer.getInteger("bench.quoteThreads", 4);
        Duration quoteTime = Duration.ofSeconds(Long.getLong("bench.quoteSeconds", 20));
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 5));
        int taskListSamples = Integer.getInteger("bench.taskListSamples", 200);
        int taskListWarmup = Integer.getInteger("bench.taskListWarmup", 20);
        String pipelineSwitch = System.getProperty("bench.pipeline", "auto");

        // 1. The pipeline, when PipelineSimulation is there (another change brings it) and not switched off.
        boolean pipelinePresent = optionalClass("cn.tcsubsidy.bench.PipelineSimulation").isPresent();
        if ("true".equals(pipelineSwitch) && !pipelinePresent) {
            throw new IllegalStateException("bench.pipeline=true but there is no cn.tcsubsidy.bench.PipelineSimulation");
        }
        if (!"false".equals(pipelineSwitch) && pipelinePresent && projects > 0) {
            progress(variant, "pipeline: " + projects + " projects");
            pipeline(context, projects, figures, details);
        } else {
            details.append("pipeline: not run (").append(pipelinePresent ? "bench.projects=" + projects
                    + ", bench.pipeline=" + pipelineSwitch : "no PipelineSimulation on the class path").append(")\n");
        }

        // 2. Quote load, and GET /api/projects as the baseline of HTTP + sign-in.
        progress(variant, "quote load: " + quoteThreads + " threads, " + warmup.toSeconds() + " s warm-up, "
                + quoteTime.toSeconds() + " s");
        QuoteLoad load = new QuoteLoad(port);
        load.checkQuote();
        QuoteLoad.Stats quote = load.run("POST /api/award-quotes", load.quoteRequest(), quoteThreads, warmup, quoteTime);
        QuoteLoad.Stats list = load.run("GET /api/projects", load.projectsRequest(), quoteThreads, warmup, quoteTime);
        quote.putFigures("quote", figures);
        list.putFigures("projectsApi", figures);
        details.append(QuoteLoad.Stats.header()).append('\n').append(quote.row()).append('\n')
                .append(list.row()).append('\n');
        for (QuoteLoad.Stats s : List.of(quote, list)) {
            if (s.errorRate() > 0.001) {
                details.append("FAILED: ").append(s.name()).append(" errors ").append(s.errors()).append(" of ")
                        .append(s.count() + s.errors()).append(" (more than 0.1 %)\n");
            }
        }

        // 4. The town officer's task list with the open tasks seeded.
        progress(variant, "task list: seeding " + tasks + " tasks");
        TaskListLoad.Result taskList = new TaskListLoad(context, port).run(tasks,
                Integer.getInteger("bench.seedThreads", 2), !"false".equals(System.getProperty("bench.analyze")),
                taskListSamples, taskListWarmup);
        taskList.putFigures(figures);
        details.append(taskList.table());
    }

    /** Data source, server, demo identities, then the variant's settings; command-line arguments win over the yml. */
    public static List<String> applicationArguments(String variant, String url) {
        List<String> args = new ArrayList<>();
        args.add("--spring.datasource.url=" + url);
        args.add("--spring.datasource.username=" + Postgres.USER);
        args.add("--spring.datasource.password=" + Postgres.PASSWORD);
        args.add("--server.address=127.0.0.1");
        args.add("--server.port=0");
        args.add("--tc.demo.identities=true");
        args.add("--tc.demo.projects=false");
        Map<String, String> settings = new LinkedHashMap<>();
        if ("default".equals(variant)) {
            settings.putAll(CAMUNDA_DEFAULTS);
            // Read by EngineConfiguration.feelOnlyDmnEngine() when the engine and the previews build their DMN engines.
            System.setProperty("tc.feel.engine", "stock");
        } else if (!"tuned".equals(variant)) {
            throw new IllegalArgumentException("variant " + variant + ": default or tuned");
        }
        String own = "bench." + variant + ".";
        System.getProperties().stringPropertyNames().stream().sorted().forEach(name -> {
            if (name.startsWith("tc.performance.")) {
                settings.put(name, System.getProperty(name));
            } else if (name.startsWith(own)) {
                settings.put(name.substring(own.length()), System.getProperty(name));
            }
        });
        settings.forEach((k, v) -> args.add("--" + k + "=" + v));
        return args;
    }

    /** The engine's settings as the variant started it, read back from the engine (so a misspelt key shows). */
    public static String effectiveSettings(ApplicationContext context) {
        org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl c =
                (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) context
                        .getBean(org.camunda.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration();
        org.camunda.bpm.engine.impl.jobexecutor.JobExecutor jobs = c.getJobExecutor();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "effective: cmmnEnabled=%s, history=%s, jdbcBatch=%s, job executor maxJobsPerAcquisition=%d "
                        + "waitTimeInMillis=%d maxWait=%d lockTimeInMillis=%d", c.isCmmnEnabled(),
                c.getHistory(), c.isJdbcBatchProcessing(), jobs.getMaxJobsPerAcquisition(), jobs.getWaitTimeInMillis(),
                jobs.getMaxWait(), jobs.getLockTimeInMillis()));
        if (jobs instanceof org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor spring
                && spring.getTaskExecutor() instanceof org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor
                pool) {
            s.append(String.format(Locale.ROOT, " pool core=%d max=%d queue=%d", pool.getCorePoolSize(),
                    pool.getMaxPoolSize(), pool.getQueueCapacity()));
        }
        return s.toString();
    }

    /** PipelineSimulation by reflection until it is on every branch: {@code new PipelineSimulation(ctx).run(n)}. */
    private static void pipeline(ApplicationContext context, int projects, Map<String, Object> figures,
                                 StringBuilder details) throws ReflectiveOperationException {
        Class<?> type = Class.forName("cn.tcsubsidy.bench.PipelineSimulation");
        Object simulation = type.getConstructor(ApplicationContext.class).newInstance(context);
        Object result = type.getMethod("run", int.class).invoke(simulation, projects);
        details.append(result.getClass().getMethod("toTable").invoke(result)).append('\n');
        if (result.getClass().isRecord()) {
            for (RecordComponent c : result.getClass().getRecordComponents()) {
                c.getAccessor().setAccessible(true);
                if (c.getAccessor().invoke(result) instanceof Number n) {
                    figures.put("pipeline." + c.getName(), n);
                }
            }
        }
    }

    private static java.util.Optional<Class<?>> optionalClass(String name) {
        try {
            return java.util.Optional.of(Class.forName(name));
        } catch (ClassNotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    private static void progress(String variant, String what) {
        System.out.println("BENCH-PROGRESS [" + variant + "] " + what);
        System.out.flush();
    }

    /** The heap's used bytes, sampled every 100 ms by a daemon thread; the maximum seen. */
    static final class HeapSampler {
        private final AtomicLong max = new AtomicLong();
        private volatile boolean running = true;

        static HeapSampler start() {
            HeapSampler s = new HeapSampler();
            Thread t = new Thread(() -> {
                while (s.running) {
                    s.sample();
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap-sampler");
            t.setDaemon(true);
            t.start();
            return s;
        }

        void sample() {
            max.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        }

        void stop() {
            sample();
            running = false;
        }

        long max() {
            return max.get();
        }
    }
}
