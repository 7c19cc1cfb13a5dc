package cn.tcsubsidy.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.demo.DemoExpertPool;
import cn.tcsubsidy.engine.EngineClock;
import cn.tcsubsidy.evidence.domain.EvidenceRules;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.identity.IdentitySetup;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.identity.SignIn;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.jurisdiction.RecommendingUnit;
import cn.tcsubsidy.project.process.ProjectProcessFacade;
import cn.tcsubsidy.project.process.TcProjectProcess;
import cn.tcsubsidy.round.process.TcAnnualRoundProcess;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.support.PrivatePostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL restarts in the middle of a run; the app (the same context, never restarted) reconnects and the run
 * completes. The database is a private server of this test ({@link PrivatePostgres}): the machine's shared server
 * is never touched.
 * <p>
 * The run, on Liaocheng projects completed in {@value #COMPLETED_IN}: a driver thread files {@value #PROJECTS}
 * projects one after another and reports each one's completion, as its enterprise would (the restart happens while
 * it does); then the bureau starts the {@value #ROUND_YEAR} round, and the job executor gathers the projects and
 * opens each one's recommendation (one job per project); the town recommends each, and the job executor draws each
 * project's panel. A driver call that fails during the outage is retried as a user would click again, after looking
 * whether the first attempt went through (the filed project or the completed task is there); the retries are
 * counted and printed. Nothing may be half-written: one project row, one filing and one recommendation event and one
 * filing mail per project, one process instance per project, no incident.
 */
@PrivatePostgres.Required
@ActiveProfiles("postgres")
@SpringBootTest(properties = {
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=true"})
class DatabaseRestartPostgresTest {

    static final int PROJECTS = 10;
    static final int ROUND_YEAR = 2022;
    static final int COMPLETED_IN = ROUND_YEAR - 1;
    static final String J = "liaocheng";
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** How long the server stays down (on top of its stop and start). */
    static final Duration DOWN = Duration.ofSeconds(3);

    private static PrivatePostgres server;
    private static ApplicationContext started;

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired ManagementService management;
    @Autowired ProjectProcessFacade filings;
    @Autowired EvidenceRules evidenceRules;
    @Autowired JurisdictionDirectory directory;
    @Autowired DemoExpertPool expertPool;

    /** Driver calls that failed (during the outage) and were tried again. */
    private final AtomicInteger retried = new AtomicInteger();
    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger conflicts = new AtomicInteger();
    private final AtomicInteger filed = new AtomicInteger();
    private final AtomicInteger recommended = new AtomicInteger();

    /** One restart: how long the server did not answer, and when it answered again (engine clock). */
    record Outage(long millis, Date endedAt) {
    }

    /**
     * Waits until {@code due} (the driver is in the middle of its work), stops the server (fast: every connection
     * closed, open transactions rolled back), keeps it down for {@link #DOWN}, starts it again.
     */
    private Outage restartWhen(BooleanSupplier due, CompletableFuture<?> driver) throws InterruptedException {
        waitUntil(Duration.ofSeconds(60), () -> due.getAsBoolean() || driver.isDone());
        assertThat(driver.isDone()).as("the driver is still at work when the server goes down").isFalse();
        Instant down = Instant.now();
        server.stop("fast");
        assertThat(server.answers()).as("the server is down").isFalse();
        Thread.sleep(DOWN.toMillis());
        server.startServer();
        long millis = Duration.between(down, Instant.now()).toMillis();
        assertThat(server.answers()).isTrue();
        return new Outage(millis, org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
    }

    private void recommendAll(List<String> instances) {
        for (String pi : instances) {
            Task task = withRetry("town's task of " + pi, () -> tasks.createTaskQuery().processInstanceId(pi)
                    .taskDefinitionKey(TcProjectProcess.Elements.RECOMMEND).singleResult(), () -> null);
            String town = withRetry("unit of " + pi, () -> townOf(pi), () -> null);
            completeWithRetry(task, town, Map.of(
                    "recommendationDecision", "RECOMMEND", "recommendationOpinion", "项目真实,手续完整,同意推荐",
                    "investmentAssessment", "投资已全部到位", "technologyAssessment", "达到国内先进水平",
                    "benefitAssessment", "新增产值和税收明显,带动就业", "authenticityConfirmed", true,
                    "formalitiesComplete", true));
            recommended.incrementAndGet();
        }
    }

    private static synchronized PrivatePostgres server() {
        if (server == null) {
            server = PrivatePostgres.start();
            server.createDatabase("tc_restart_test");
        }
        return server;
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> server().url("tc_restart_test"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stopServer() {
        EngineClock.reset();
        try {
            // The app first (its job executor and pool would otherwise spend their shutdown on a server gone), then
            // the server; the test context's own close later is a no-op.
            if (started instanceof ConfigurableApplicationContext c) {
                c.close();
            }
        } finally {
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }

    @Test
    void shouldReconnectAndCompleteTheRunWhenPostgresRestartsInTheMiddle() throws Exception {
        started = context;
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        assertThat(jobExecutor.isActive()).as("the job executor runs").isTrue();
        EngineClock.moveTo(LocalDateTime.of(ROUND_YEAR, 11, 1, 9, 0).atZone(BEIJING).toInstant());
        expertPool.loadIfEmpty(J);
        long runStarted = System.nanoTime();

        // Restart 1: while the driver files projects and reports their completion.
        CompletableFuture<List<String>> filing = CompletableFuture.supplyAsync(this::fileAndReportAll);
        Outage first = restartWhen(() -> filed.get() >= PROJECTS / 3, filing);
        List<String> instances = filing.get(90, TimeUnit.SECONDS);
        int retriedInFiling = retried.get();
        int conflictsInFiling = conflicts.get();

        startRound();
        // The first outage may have left a project's job locked or backed off: the same waits as at the end.
        driveJobsUntil(() -> openTasks(TcProjectProcess.Elements.RECOMMEND) == PROJECTS, Duration.ofSeconds(100),
                () -> "recommendation did not open for every project: " + openTasks(TcProjectProcess.Elements.RECOMMEND)
                        + " of " + PROJECTS + " town tasks", jobExecutor);

        // Restart 2: while the town recommends and the job executor draws each recommended project's panel.
        CompletableFuture<Void> recommending = CompletableFuture.runAsync(() -> recommendAll(instances));
        Outage second = restartWhen(() -> recommended.get() >= PROJECTS / 3, recommending);
        recommending.get(90, TimeUnit.SECONDS);

        // A job that failed in an outage waits its model's retry back-off (R3/PT5M); a job whose run and whose
        // failure's record both fell in the outage keeps its lock until the lock expires (lock-time-in-millis). When
        // nothing has run for a while (no job is running), that wait passes: the engine's clock moves past the due
        // date or lock, and the job executor runs the job again.
        driveJobsUntil(() -> scoreTasks() == expectedSeats() && management.createJobQuery().executable().count() == 0
                && management.createJobQuery().withException().count() == 0, Duration.ofSeconds(100),
                () -> "the run did not complete: " + scoreTasks() + " score tasks", jobExecutor);
        long runMillis = (System.nanoTime() - runStarted) / 1_000_000;

        long failedJobRuns = jdbc.sql("select count(*) from act_hi_job_log where job_exception_msg_ is not null")
                .query(Long.class).single();
        long jobRunsAfterRestarts = jdbc.sql("select count(*) from act_hi_job_log where job_exception_msg_ is null"
                + " and timestamp_ > :t and (job_def_type_ is null or job_def_type_ <> 'history-cleanup')")
                .param("t", new java.sql.Timestamp(second.endedAt().getTime())).query(Long.class).single();
        System.out.printf("database restart: outages %d ms and %d ms (down %d ms held each); driver calls failed"
                        + " and retried: filing and reporting %d (%d of them optimistic-locking conflicts with a job, not"
                        + " the outage), recommending %d (%d conflicts) %s; job runs failed: %d (%s); waits passed (clock moved) %d time(s), for %d job(s) in back-off and %d job(s) left"
                        + " locked by a run the outage broke;"
                        + " %d successful job runs after the second restart; run %d ms%n",
                first.millis(), second.millis(), DOWN.toMillis(), retriedInFiling, conflictsInFiling,
                retried.get() - retriedInFiling, conflicts.get() - conflictsInFiling, failures, failedJobRuns, jdbc.sql("select coalesce(string_agg(distinct"
                        + " left(job_exception_msg_, 80), ' | '), '') from act_hi_job_log where job_exception_msg_"
                        + " is not null").query(String.class).single(), clockMoves, backedOff, staleLocks, jobRunsAfterRestarts, runMillis);

        // The same app: the same pool, reconnected; the job executor went on after the restart.
        assertThat(context.getBean(DataSource.class)).isSameAs(dataSource);
        assertThat(((HikariDataSource) unwrap(dataSource)).getHikariPoolMXBean().getTotalConnections()).isPositive();
        assertThat(jobExecutor.isActive()).as("the job executor still runs").isTrue();
        assertThat(jobRunsAfterRestarts).as("panel draws and seats ran in the job executor after the restart")
                .isGreaterThanOrEqualTo((long) PROJECTS);

        // Whole and nothing twice.
        assertThat(jdbc.sql("select count(*) from project").query(Long.class).single()).isEqualTo(PROJECTS);
        assertThat(jdbc.sql("select count(distinct project_code) from project").query(Long.class).single())
                .isEqualTo(PROJECTS);
        assertThat(jdbc.sql("select count(*) from project where stage = 'EXPERT_REVIEW'").query(Long.class).single())
                .as("every project under review by its panel").isEqualTo(PROJECTS);
        for (String action : List.of("FILED", "RECOMMENDED")) {
            assertThat(jdbc.sql("select count(*) from project p where (select count(*) from project_event e"
                    + " where e.project_id = p.id and e.action = :a) = 1").param("a", action).query(Long.class).single())
                    .as("one " + action + " event per project").isEqualTo(PROJECTS);
        }
        assertThat(jdbc.sql("select count(*) from project_event where action = 'FILED'").query(Long.class).single())
                .isEqualTo(PROJECTS);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(TcProjectProcess.KEY).count())
                .as("one instance per project, none half-started").isEqualTo(PROJECTS);
        assertThat(jdbc.sql("select count(*) from mail_outbox where template_key = 'filing-received'")
                .query(Long.class).single()).as("one filing mail per project").isEqualTo(PROJECTS);
        assertThat(jdbc.sql("select count(*) from mail_outbox where status in ('PENDING', 'FAILED')")
                .query(Long.class).single()).as("every mail handled").isZero();
        assertThat(runtime.createIncidentQuery().count()).as("no incident").isZero();
        assertThat(management.createJobQuery().withException().count()).as("no job left failing").isZero();
    }

    /** The driver: files every project and reports its completion; returns the instances. */
    private List<String> fileAndReportAll() {
        EvidenceRules.Rule evidence = evidenceRules.of(J);
        List<RecommendingUnit> units = directory.units(J);
        List<String> instances = new ArrayList<>();
        for (int i = 1; i <= PROJECTS; i++) {
            int n = i;
            String enterprise = J + "-ent-" + ((n - 1) % IdentitySetup.ENTERPRISES_PER_JURISDICTION + 1);
            RecommendingUnit unit = units.get(n % units.size());
            String code = String.format("%d-371500-34-03-%06d", COMPLETED_IN, n);
            String pi = withRetry("filing " + n, () -> as(enterprise, () -> filings.file(filing(n, unit, code, evidence)))
                    .processInstanceId(), () -> instanceOf(code));
            instances.add(pi);
            filed.incrementAndGet();
            Task report = withRetry("completion task of " + pi, () -> tasks.createTaskQuery().processInstanceId(pi)
                    .taskDefinitionKey(TcProjectProcess.Elements.REPORT_COMPLETION).singleResult(), () -> null);
            completeWithRetry(report, enterprise, completion(n, evidence));
        }
        return instances;
    }

    private Map<String, Object> filing(int n, RecommendingUnit unit, String code, EvidenceRules.Rule evidence) {
        long total = 12_000_000L;
        Map<String, Object> f = new HashMap<>();
        f.put("jurisdiction", J);
        f.put("unitCode", unit.code());
        f.put("enterpriseName", unit.name() + "重启测试企业" + n + "有限公司");
        f.put("creditCode", CreditCode.withCheckCharacter("9137150" + String.format("%010d", 700_000_000L + n)));
        f.put("projectCode", code);
        f.put("projectName", "技术改造重启测试项目" + n);
        f.put("category", "EQUIPMENT");
        f.put("plannedTotalInvestment", total);
        f.put("plannedEquipmentInvestment", total * 6 / 10);
        f.put("plannedRdInvestment", total / 10);
        f.put("bankName", "中国银行" + unit.name() + "支行");
        f.put("bankAccount", "6222020" + String.format("%09d", n));
        f.put("plannedStartDate", COMPLETED_IN + "-01-15");
        f.put("plannedEndDate", COMPLETED_IN + "-10-31");
        f.put("targetOutputValue", 5_000_000);
        f.put("targetTax", 300_000);
        f.put("targetNewJobs", 20);
        f.put("targetInvestmentCompletionRate", 100);
        f.put("contactEmail", "restart-" + n + "@example.test");
        if (evidence.statisticsIdRequired()) {
            f.put("statisticsReportId", String.format("TJZB-%d-%06d", COMPLETED_IN, n));
        }
        return f;
    }

    private Map<String, Object> completion(int n, EvidenceRules.Rule evidence) {
        long total = 12_000_000L;
        Map<String, Object> report = new HashMap<>(Map.of("completionDate", COMPLETED_IN + "-10-20",
                "actualTotalInvestment", total, "actualEquipmentInvestment", total * 6 / 10,
                "actualRdInvestment", total / 10, "completionNote", "项目已竣工投产",
                "productionStartDate", COMPLETED_IN + "-10-25"));
        if (evidence.equipmentFromInvoices()) {
            report.put("invoices", SpinValues.jsonValue(String.format(
                    "[{\"invoiceNo\":\"%020d\",\"invoiceDate\":\"%d-09-30\",\"seller\":\"示范装备制造有限公司\","
                            + "\"amountExclVat\":%d}]", 27_000_000_000L + n, COMPLETED_IN, total * 6 / 10)).create());
        }
        return report;
    }

    private void startRound() {
        withRetry("round start", () -> as(Roles.bureau(J), () -> runtime.createProcessInstanceByKey(TcAnnualRoundProcess.KEY)
                        .processDefinitionTenantId(J).setVariables(TcAnnualRoundProcess.Vars.ROUND_YEAR.entry(ROUND_YEAR))
                        .execute().getId()),
                () -> runtime.createProcessInstanceQuery().processDefinitionKey(TcAnnualRoundProcess.KEY).list().stream()
                        .map(p -> p.getId()).findFirst().orElse(null));
    }

    private String townOf(String pi) {
        String unit = (String) runtime.getVariable(pi, "unitCode");
        return Roles.town(J, unit);
    }

    private void completeWithRetry(Task task, String user, Map<String, Object> values) {
        withRetry("task " + task.getTaskDefinitionKey() + " of " + task.getProcessInstanceId(), () -> {
            as(user, () -> {
                forms.submitTaskForm(task.getId(), values);
                return null;
            });
            return task.getId();
        }, () -> tasks.createTaskQuery().taskId(task.getId()).count() == 0 ? task.getId() : null);
    }

    /**
     * Runs {@code call}; when it fails, looks (until the database answers) whether it went through all the same
     * ({@code done} gives its result, or null), and else calls again, as a user would after an error page.
     */
    private <T> T withRetry(String what, Supplier<T> call, Supplier<T> done) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (System.nanoTime() > until) {
                    throw e;
                }
                retried.incrementAndGet();
                if (e instanceof org.camunda.bpm.engine.OptimisticLockingException) {
                    conflicts.incrementAndGet();
                }
                failures.add(what + ": " + e.getClass().getSimpleName() + ": "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse("").substring(0,
                        Math.min(160, String.valueOf(e.getMessage()).lines().findFirst().orElse("").length())));
                T result = null;
                while (true) {
                    try {
                        pause(500);
                        result = done.get();
                        break;
                    } catch (RuntimeException stillDown) {
                        if (System.nanoTime() > until) {
                            throw stillDown;
                        }
                    }
                }
                if (result != null) {
                    return result;
                }
            }
        }
    }

    private String instanceOf(String projectCode) {
        return jdbc.sql("select process_instance_id from project where project_code = :c").param("c", projectCode)
                .query(String.class).optional().orElse(null);
    }

    private long openTasks(String key) {
        return tasks.createTaskQuery().tenantIdIn(J).taskDefinitionKey(key).count();
    }

    private long scoreTasks() {
        return tasks.createTaskQuery().tenantIdIn(J).taskDefinitionKey("Task_ScoreProject").count();
    }

    private long expectedSeats() {
        return 3L * PROJECTS;
    }

    private <T> T as(String userId, Supplier<T> action) {
        Actor a = SignIn.actorOf(identity, userId);
        identity.setAuthentication(a.userId(), a.groups(), a.tenants());
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Whether a thread of the job executor is running a job now. */
    private static boolean jobsRunning(JobExecutor jobExecutor) {
        if (jobExecutor instanceof org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor spring
                && spring.getTaskExecutor() instanceof org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor pool) {
            return pool.getActiveCount() > 0;
        }
        throw new IllegalStateException("unexpected job executor " + jobExecutor);
    }

    private static DataSource unwrap(DataSource ds) {
        try {
            return ds.isWrapperFor(HikariDataSource.class) ? ds.unwrap(HikariDataSource.class) : ds;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits passed (the clock moved past them), and the jobs they were for, over the whole run. */
    private int clockMoves;
    private int staleLocks;
    private int backedOff;

    /**
     * Waits until {@code done}, letting the job executor run; when nothing has run for 4 s, moves the engine's clock
     * past the latest lock or back-off of a job that still has retries, so that the job runs again.
     */
    private void driveJobsUntil(BooleanSupplier done, Duration limit, java.util.function.Supplier<String> what,
                                JobExecutor jobExecutor) throws InterruptedException {
        long quietSince = System.nanoTime();
        long lastJobLog = -1;
        long until = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError(what.get() + "; engine time "
                        + org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant() + "; jobs failing or"
                        + " locked " + jdbc.sql("select id_, type_, handler_type_, retries_, duedate_, lock_exp_time_,"
                        + " lock_owner_, left(exception_msg_, 120) as msg from act_ru_job where exception_msg_ is not"
                        + " null or lock_owner_ is not null").query().listOfRows());
            }
            long jobLog = jdbc.sql("select count(*) from act_hi_job_log").query(Long.class).single();
            if (jobLog != lastJobLog || jobsRunning(jobExecutor)) {
                lastJobLog = jobLog;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > Duration.ofSeconds(4).toNanos()) {
                assertThat(management.createJobQuery().noRetriesLeft().count()).as("no incident").isZero();
                Date now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();
                List<Map<String, Object>> waiting = jdbc.sql("""
                        select lock_exp_time_ as locked, duedate_ as due from act_ru_job
                        where retries_ > 0 and (lock_exp_time_ > :now or (exception_msg_ is not null and duedate_ > :now))
                        """).param("now", new java.sql.Timestamp(now.getTime())).query().listOfRows();
                Instant latest = null;
                for (Map<String, Object> w : waiting) {
                    java.sql.Timestamp t = (java.sql.Timestamp) (w.get("locked") != null ? w.get("locked") : w.get("due"));
                    if (w.get("locked") != null) {
                        staleLocks++;
                    } else {
                        backedOff++;
                    }
                    if (latest == null || t.toInstant().isAfter(latest)) {
                        latest = t.toInstant();
                    }
                }
                if (latest != null) {
                    EngineClock.moveTo(latest.plusSeconds(1));
                    clockMoves++;
                }
                quietSince = System.nanoTime();
            }
            Thread.sleep(200);
        }
    }

    private static void waitUntil(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + limit);
            }
            Thread.sleep(100);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
