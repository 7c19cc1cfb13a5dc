package cn.tcsubsidy.bench;

import cn.tcsubsidy.jurisdiction.Jurisdiction;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.jurisdiction.RecommendingUnit;
import cn.tcsubsidy.shared.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A town officer's Tasklist with many open tasks in the database.
 *
 * <p>Seeding: a small bench model ({@link #KEY}: one user task offered the way tc-project offers 镇街审核推荐, to
 * {@code ${execution.tenantId}-town-${unitCode}}, dated by the model like it, historyTimeToLive set) is deployed by
 * the administrator once per jurisdiction (tenant), then instances are started {@link #BATCH} per engine command
 * (by {@code bench.seedThreads} threads, default 2),
 * round-robin over every recommending unit of the five jurisdictions, so each unit (the officer's too) holds about
 * 1/(number of units) of them. The engine does everything it does for a real task: the app's parse listeners (card
 * variables copied to the task, the card's name), the candidate group's identity link and, with the app's default
 * task permission (TASK_WORK), one authorization row per candidate group and task; history level full. Then the
 * database is analyzed ({@code bench.analyze}, default true), as autovacuum would have done on a server running it.
 *
 * <p>Measured: the default filter 我的待办 (IdentitySetup) as Tasklist asks it, through the engine REST API with HTTP
 * Basic as the town officer (authorization and tenant checks on): {@code POST /engine-rest/filter/{id}/list
 * ?firstResult=0&maxResults=15} with Tasklist's body and {@code Accept: application/hal+json} (so the filter's card
 * variables are embedded, as Tasklist shows them), and {@code POST /engine-rest/filter/{id}/count}, one request at a
 * time.
 */
final class TaskListLoad {

    static final String KEY = "tc-bench-town-task";
    static final int BATCH = 500;
    static final String FILTER = "我的待办";
    /** What Tasklist 7.24 posts for a filter's first page (sorted by creation, newest first). */
    static final String TASKLIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";

    static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                              id="Definitions_BenchTownTask" targetNamespace="http://tcsubsidy.cn/bench">
              <bpmn:process id="tc-bench-town-task" name="基准:镇街待办" isExecutable="true" camunda:historyTimeToLive="3650">
                <bpmn:startEvent id="Event_Start"/>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_BenchRecommend"/>
                <bpmn:userTask id="Task_BenchRecommend" name="镇街审核推荐"
                               camunda:candidateGroups="${execution.tenantId}-town-${unitCode}"
                               camunda:dueDate="${recommendationDueAt}"/>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_BenchRecommend" targetRef="Event_End"/>
                <bpmn:endEvent id="Event_End"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    record Result(long tasksInDatabase, long taskAuthorizations, int seeded, int seedThreads, double seedSeconds,
                  double analyzeSeconds, String officer,
                  long officerExpected, long officerCount, int listSize, Latencies.Sorted list, Latencies.Sorted count) {

        void putFigures(Map<String, Object> figures) {
            figures.put("tasks.inDatabase", tasksInDatabase);
            figures.put("tasks.authorizations", taskAuthorizations);
            figures.put("tasks.seedSeconds", seedSeconds);
            figures.put("tasks.seedPerSecond", seeded / seedSeconds);
            figures.put("tasks.officerExpected", officerExpected);
            figures.put("tasks.officerCount", officerCount);
            figures.put("tasklist.listSize", listSize);
            figures.put("tasklist.list.p50Ms", list.percentileMillis(50));
            figures.put("tasklist.list.p95Ms", list.percentileMillis(95));
            figures.put("tasklist.list.maxMs", list.maxMillis());
            figures.put("tasklist.count.p50Ms", count.percentileMillis(50));
            figures.put("tasklist.count.p95Ms", count.percentileMillis(95));
            figures.put("tasklist.count.maxMs", count.maxMillis());
        }

        String table() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "seeded %d instances in %.1f s (%.0f/s, %d threads, %d per transaction); "
                            + "ACT_RU_TASK %d rows, authorizations on tasks %d; officer %s: filter %s counts %d "
                            + "(own unit seeded %d)%n",
                    seeded, seedSeconds, seeded / seedSeconds, seedThreads, BATCH, tasksInDatabase,
                    taskAuthorizations, officer, FILTER, officerCount, officerExpected));
            s.append(Double.isNaN(analyzeSeconds) ? "database not analyzed after seeding (bench.analyze=false)\n"
                    : String.format(Locale.ROOT, "database analyzed after seeding in %.1f s%n", analyzeSeconds));
            s.append(String.format(Locale.ROOT, "%-26s %7s %8s %8s %8s%n", "task list", "samples", "p50 ms", "p95 ms",
                    "max ms"));
            s.append(String.format(Locale.ROOT, "%-26s %7d %8s %8s %8s%n", "filter list (15, HAL)", list.count(),
                    Latencies.ms(list.percentileMillis(50)), Latencies.ms(list.percentileMillis(95)),
                    Latencies.ms(list.maxMillis())));
            s.append(String.format(Locale.ROOT, "%-26s %7d %8s %8s %8s%n", "filter count", count.count(),
                    Latencies.ms(count.percentileMillis(50)), Latencies.ms(count.percentileMillis(95)),
                    Latencies.ms(count.maxMillis())));
            return s.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApplicationContext context;
    private final int port;

    TaskListLoad(ApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    Result run(int tasks, int seedThreads, boolean analyze, int samples, int warmupRequests)
            throws IOException, InterruptedException {
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        JurisdictionDirectory directory = context.getBean(JurisdictionDirectory.class);
        List<RecommendingUnit> units = new ArrayList<>();
        for (Jurisdiction j : directory.all()) {
            units.addAll(directory.units(j.code()));
        }
        RecommendingUnit officerUnit = directory.units("liaocheng").stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Liaocheng has no recommending unit"));
        String officer = officerUnit.groupId();
        if (engine.getIdentityService().createUserQuery().userId(officer).singleResult() == null) {
            throw new IllegalStateException("no demo user " + officer + " (tc.demo.identities=true?)");
        }

        deploy(engine, units);

        long t0 = System.nanoTime();
        int officerSeeded = seed(engine, units, tasks, seedThreads, officerUnit);
        double seedSeconds = (System.nanoTime() - t0) / 1e9;

        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        // The planner's statistics as a server running autovacuum would have them after such a load (this machine's
        // PostgreSQL runs with autovacuum off, and tables never analyzed get plans from guesses).
        double analyzeSeconds = Double.NaN;
        if (analyze) {
            long a0 = System.nanoTime();
            jdbc.execute("analyze");
            analyzeSeconds = (System.nanoTime() - a0) / 1e9;
        }
        long inDatabase = jdbc.queryForObject("select count(*) from act_ru_task", Long.class);
        long authorizations = jdbc.queryForObject("select count(*) from act_ru_authorization where resource_type_ = ?",
                Long.class, Resources.TASK.resourceType());

        Filter filter = engine.getFilterService().createFilterQuery().filterName(FILTER).singleResult();
        if (filter == null) {
            throw new IllegalStateException("no filter " + FILTER + " (IdentitySetup)");
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((officer + ":" + officer)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest list = post(auth, "/engine-rest/filter/" + filter.getId() + "/list?firstResult=0&maxResults=15",
                "application/hal+json");
        HttpRequest count = post(auth, "/engine-rest/filter/" + filter.getId() + "/count", "application/json");

        // What the officer sees, checked once: the page and the count, as the officer's own unit was seeded.
        JsonNode page = JSON.readTree(send(http, list));
        JsonNode embedded = page.path("_embedded").path("task");
        int listSize = embedded.isArray() ? embedded.size() : -1;
        long officerCount = JSON.readTree(send(http, count)).path("count").asLong(-1);
        if (listSize != Math.min(15, officerCount)) {
            throw new IllegalStateException("the officer's first page holds " + listSize + " tasks, the count says "
                    + officerCount + ": " + page);
        }

        for (int i = 0; i < warmupRequests; i++) {
            send(http, list);
            send(http, count);
        }
        Latencies listNanos = new Latencies();
        Latencies countNanos = new Latencies();
        for (int i = 0; i < samples; i++) {
            long a = System.nanoTime();
            send(http, list);
            long b = System.nanoTime();
            send(http, count);
            long c = System.nanoTime();
            listNanos.add(b - a);
            countNanos.add(c - b);
        }
        return new Result(inDatabase, authorizations, tasks, seedThreads, seedSeconds, analyzeSeconds, officer, officerSeeded, officerCount,
                listSize, listNanos.sorted(), countNanos.sorted());
    }

    /** The bench model, once per jurisdiction, deployed by the administrator into that tenant. */
    private static void deploy(ProcessEngine engine, List<RecommendingUnit> units) {
        engine.getIdentityService().setAuthentication("admin", List.of(Actor.ADMIN_GROUP));
        try {
            units.stream().map(RecommendingUnit::jurisdiction).distinct().forEach(tenant ->
                    engine.getRepositoryService().createDeployment().name("bench-town-task").tenantId(tenant)
                            .addString("bench-town-task.bpmn", MODEL).deploy());
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /**
     * Starts {@code tasks} instances, {@link #BATCH} per engine command (one transaction each), the batches shared by
     * {@code threads} threads (the seeding mostly waits on the database); returns how many went to {@code own}.
     */
    private static int seed(ProcessEngine engine, List<RecommendingUnit> units, int tasks, int threads,
                            RecommendingUnit own) throws InterruptedException {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        RuntimeService runtime = engine.getRuntimeService();
        Date due = Date.from(java.time.Instant.now().plus(Duration.ofDays(30)));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<?>> batches = new ArrayList<>();
        for (int from = 0; from < tasks; from += BATCH) {
            int first = from;
            int last = Math.min(tasks, from + BATCH);
            batches.add(pool.submit(() -> configuration.getCommandExecutorTxRequired().execute(ctx -> {
                for (int i = first; i < last; i++) {
                    RecommendingUnit u = units.get(i % units.size());
                    VariableMap vars = Variables.createVariables()
                            .putValue("unitCode", u.code())
                            .putValue("enterpriseName", "基准企业" + i)
                            .putValue("projectName", "基准技改项目" + i)
                            .putValue("roundYear", 2024)
                            .putValue("recommendationDueAt", due);
                    runtime.createProcessInstanceByKey(KEY).processDefinitionTenantId(u.jurisdiction())
                            .businessKey("bench-" + i).setVariables(vars).execute();
                }
                return null;
            })));
        }
        pool.shutdown();
        try {
            for (java.util.concurrent.Future<?> b : batches) {
                b.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            pool.shutdownNow();
            throw new IllegalStateException("seeding failed", e.getCause());
        }
        int ownCount = 0;
        for (int i = 0; i < tasks; i++) {
            if (units.get(i % units.size()).equals(own)) {
                ownCount++;
            }
        }
        return ownCount;
    }

    private HttpRequest post(String auth, String path, String accept) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(TASKLIST_BODY, StandardCharsets.UTF_8)).build();
    }

    private static String send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
