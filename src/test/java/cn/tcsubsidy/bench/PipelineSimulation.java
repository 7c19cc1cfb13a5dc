package cn.tcsubsidy.bench;

import cn.tcsubsidy.award.budget.FundBudgetService;
import cn.tcsubsidy.award.ledger.Payers;
import cn.tcsubsidy.award.scheme.domain.DemoSchemes;
import cn.tcsubsidy.demo.DemoExpertPool;
import cn.tcsubsidy.engine.EngineClock;
import cn.tcsubsidy.evidence.domain.EvidenceRules;
import cn.tcsubsidy.followup.process.TcFollowUpProcess;
import cn.tcsubsidy.identity.IdentitySetup;
import cn.tcsubsidy.identity.SignIn;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.jurisdiction.RecommendingUnit;
import cn.tcsubsidy.panel.process.TcPanelProcesses;
import cn.tcsubsidy.payment.domain.PayeeService;
import cn.tcsubsidy.project.process.ProjectProcessFacade;
import cn.tcsubsidy.project.process.TcProjectProcess;
import cn.tcsubsidy.round.process.TcAnnualRoundProcess;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.shared.Roles;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives N projects through the whole pipeline of the running application, as its users would, and measures each
 * stage: time, and (with {@link SqlCounting} in the context) SQL statements, rows written and commits.
 * <p>
 * Usage, given a running application context (demo identities on: {@code tc.demo.identities=true}; no demo projects;
 * {@link SqlCounting} imported or added as a source so that the {@code DataSource} counts):
 * <pre>{@code
 * PipelineSimulation.Result r = new PipelineSimulation(context).run(10_000);
 * System.out.println(r.toTable());
 * }</pre>
 * The projects are spread evenly over the five jurisdictions ({@link #JURISDICTIONS}), each with its own category,
 * fields and evidence as its rules want them (the demo's data, {@code DemoProjects}), all completed in 2021 and
 * reviewed in the {@value #ROUND_YEAR} round of their jurisdiction (one round per jurisdiction holds all its
 * projects): so a database can take one run only (a second is refused: the round year is taken). The engine's clock,
 * which is the app's ({@link EngineClock}), is moved to {@code 2022-11-01 09:00} Beijing time for the run (so the
 * round's own recommendation deadline, 2022-11-30, lies ahead), moved on to the end of the notice period and to the
 * follow-up report's day as the tests move it, and reset at the end.
 * <p>
 * Stages run in batches, all projects through one stage before the next, each stage named to
 * {@link SqlCounting#stage(String)} and timed: {@link #STAGES}. Each step is done by the user whose job it is, signed
 * in to the engine as the app's SignIn does (groups and tenants, looked up once per user): the enterprise files
 * through {@link ProjectProcessFacade} (as {@code POST /api/projects}) and reports with the task forms, the town
 * recommends and accepts, the bureau opens and closes the round and decides, every drawn panel member scores, the
 * bureau confirms the payee with {@link PayeeService}, one finance officer prepares each payment order and the other
 * approves it (四眼原则). Tasks are completed with {@link FormService#submitTaskForm} as Tasklist submits them, so the
 * command guards and task listeners run. The asynchronous continuations (round steps, each project's answer, the
 * panel's draw and aggregate, the mails) are run to their end within each stage, as the tests' {@code RoundJobs} runs
 * them (or left to the job executor: {@code bench.jobs} below), so a stage's figures include the work its steps
 * caused (the town's recommendation, e.g., includes the panel draw it triggers). Timers are fired by this class after
 * the clock is moved; one the job executor took first is simply gone. A stage's figures also include the
 * simulation's own look-ups (one task query per jurisdiction and stage, the quoted amounts at the award decision).
 * <p>
 * Huanggang's projects are loan-interest projects (its investment subsidy pays an advance and waits for the next
 * year's settlement, a path of its own) under 20,000,000 (its loan-interest experts are too few for a panel of five).
 * Elsewhere every other project is 25,000,000 (a panel of five), the rest 12,000,000 (three). Every project is made
 * eligible, so each ends CLOSED (its follow-up passed).
 * <p>
 * System property {@code bench.threads} (default 2): the jurisdictions of a stage run on that many threads, each
 * jurisdiction's projects one after another on one thread (jurisdictions share no round, panel or budget).
 * System property {@code bench.jobs}: {@code run} (default) runs the due continuations on the simulation's threads
 * (with the job executor running too, both take jobs and some work is done twice and rolled back: see the rollbacks
 * in {@link Result#toCsv()}); {@code wait} leaves them to the job executor (it must be enabled) and only waits until
 * none is due, failing on an incident. Timers are fired by the simulation in both modes.
 */
public final class PipelineSimulation {

    public static final List<String> JURISDICTIONS = List.of("hekou", "huanggang", "jiyuan", "liaocheng", "yanzhou");
    public static final int ROUND_YEAR = 2022;
    static final int COMPLETED_IN = ROUND_YEAR - 1;
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Where the run's clock starts: a working day a month before the round's recommendation deadline. */
    static final Instant RUN_STARTS = LocalDateTime.of(ROUND_YEAR, 11, 1, 9, 0).atZone(BEIJING).toInstant();
    static final BigDecimal BUDGET_PER_FUND = new BigDecimal("100000000000");

    public static final String SETUP = "setup";
    public static final String DRIVER = "driver";
    public static final List<String> STAGES = List.of("filing", "completion-report", "round-start",
            "town-recommendation", "close-recommendation", "panel-scoring", "close-review", "award-decision",
            "proposed-list", "notice-period-end", "objection-check", "payee-confirmation", "prepare-payment",
            "approve-payment", "acceptance", "follow-up-report-timer", "report-results", "evaluate-performance");

    /**
     * Where a user's form submission goes: to this JVM's engine (the default), or, in a run over several nodes
     * ({@code reliability.TwoNodesPostgresTest}), part of them to another node over its REST API.
     */
    public interface Completions {
        Completions HERE = (userId, taskId, values, here) -> here.run();

        /**
         * Submits task {@code taskId}'s form with {@code values} as {@code userId}; {@code here} does it in this JVM
         * (signed in as the user, as Tasklist's login would), returning once it is committed.
         */
        void submit(String userId, String taskId, Map<String, Object> values, Runnable here);
    }

    /** Moves the app's clock: this JVM's ({@link EngineClock}) by default; in a cluster run every node's. */
    public interface ClockMover {
        ClockMover THIS_JVM = new ClockMover() {
            @Override
            public void moveTo(Instant at) {
                EngineClock.moveTo(at);
            }

            @Override
            public void reset() {
                EngineClock.reset();
            }
        };

        void moveTo(Instant at);

        void reset();
    }

    /** One stage's figures. */
    public record StageResult(String stage, long nanos, SqlCounting.Counts counts) {
    }

    /** A run's figures: per stage (setup first, not part of the pipeline's total), and the projects' final stages. */
    public record Result(int projects, long totalNanos, List<StageResult> stages, Map<String, Long> finalStages) {

        public double projectsPerSecond() {
            return projects / (totalNanos / 1e9);
        }

        /** The pipeline's stages summed (setup excluded). */
        public SqlCounting.Counts pipelineCounts() {
            SqlCounting.Counts sum = SqlCounting.Counts.ZERO;
            for (StageResult s : stages) {
                if (STAGES.contains(s.stage())) {
                    sum = sum.plus(s.counts());
                }
            }
            return sum;
        }

        public StageResult stage(String name) {
            return stages.stream().filter(s -> s.stage().equals(name)).findFirst().orElseThrow();
        }

        /**
         * A plain-text table: per stage its seconds, statements, selects, inserts, updates, deletes, rows written and
         * commits (explicit plus auto-committed statements) per project; the pipeline's total; projects/second.
         */
        public String toTable() {
            StringBuilder b = new StringBuilder();
            String head = String.format(Locale.ROOT, "%-24s %9s %10s %9s %9s %9s %9s %9s %9s%n", "stage", "s",
                    "stmts/p", "select/p", "insert/p", "update/p", "delete/p", "rows/p", "commits/p");
            b.append(head);
            b.append("-".repeat(head.length() - 1)).append('\n');
            long pipelineNanos = 0;
            for (StageResult s : stages) {
                b.append(row(s.stage(), s.nanos(), s.counts()));
                if (STAGES.contains(s.stage())) {
                    pipelineNanos += s.nanos();
                }
            }
            b.append("-".repeat(head.length() - 1)).append('\n');
            b.append(row("TOTAL (pipeline)", pipelineNanos, pipelineCounts()));
            b.append(String.format(Locale.ROOT, "%d projects in %.1f s end to end: %.2f projects/s; final stages %s%n",
                    projects, totalNanos / 1e9, projectsPerSecond(), finalStages));
            return b.toString();
        }

        /** The same figures as absolute numbers, one line per stage with a header, for a script to read. */
        public String toCsv() {
            StringBuilder b = new StringBuilder("stage,projects,seconds,statements,selects,inserts,updates,deletes,"
                    + "others,batches,rows_written,commits,auto_commits,rollbacks\n");
            for (StageResult s : stages) {
                SqlCounting.Counts c = s.counts();
                b.append(String.format(Locale.ROOT, "%s,%d,%.3f,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d%n", s.stage(), projects,
                        s.nanos() / 1e9, c.statements(), c.selects(), c.inserts(), c.updates(), c.deletes(), c.others(),
                        c.batches(), c.rowsWritten(), c.commits(), c.autoCommits(), c.rollbacks()));
            }
            return b.toString();
        }

        private String row(String name, long nanos, SqlCounting.Counts c) {
            double p = Math.max(projects, 1);
            return String.format(Locale.ROOT, "%-24s %9.2f %10.1f %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f%n", name,
                    nanos / 1e9, c.statements() / p, c.selects() / p, c.inserts() / p, c.updates() / p,
                    c.deletes() / p, c.rowsWritten() / p, c.allCommits() / p);
        }
    }

    /** One simulated project. */
    record Case(int serial, String jurisdiction, RecommendingUnit unit, String enterprise, String category, long total,
                Map<String, Object> filing, long[] projectId, String[] processInstanceId) {

        long id() {
            return projectId[0];
        }

        String pi() {
            return processInstanceId[0];
        }
    }

    private final JdbcClient jdbc;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final FormService forms;
    private final ManagementService management;
    private final ProjectProcessFacade projects;
    private final PayeeService payees;
    private final EvidenceRules evidenceRules;
    private final DemoSchemes schemes;
    private final FundBudgetService budgets;
    private final Payers payers;
    private final DemoExpertPool expertPool;
    private final JurisdictionDirectory directory;
    private final Clock clock;
    private final DataSource dataSource;
    private final int threads;
    /** {@code bench.jobs=wait}: the job executor runs the continuations, the simulation only waits for them. */
    private final boolean waitForJobExecutor;

    private Completions completions = Completions.HERE;
    private ClockMover clockMover = ClockMover.THIS_JVM;

    private final Map<String, Actor> actors = new ConcurrentHashMap<>();
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    /** Per jurisdiction, its cases; per process instance id, its case. */
    private final Map<String, List<Case>> cases = new LinkedHashMap<>();
    private final Map<String, Case> byInstance = new ConcurrentHashMap<>();
    private final Map<String, String> rounds = new ConcurrentHashMap<>();

    public PipelineSimulation(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.identity = context.getBean(IdentityService.class);
        this.runtime = context.getBean(RuntimeService.class);
        this.tasks = context.getBean(TaskService.class);
        this.forms = context.getBean(FormService.class);
        this.management = context.getBean(ManagementService.class);
        this.projects = context.getBean(ProjectProcessFacade.class);
        this.payees = context.getBean(PayeeService.class);
        this.evidenceRules = context.getBean(EvidenceRules.class);
        this.schemes = context.getBean(DemoSchemes.class);
        this.budgets = context.getBean(FundBudgetService.class);
        this.payers = context.getBean(Payers.class);
        this.expertPool = context.getBean(DemoExpertPool.class);
        this.directory = context.getBean(JurisdictionDirectory.class);
        this.clock = context.getBean(Clock.class);
        this.dataSource = context.getBean(DataSource.class);
        this.threads = Math.max(1, Integer.getInteger("bench.threads", 2));
        this.waitForJobExecutor = "wait".equals(System.getProperty("bench.jobs", "run"));
    }

    /** Sends the form submissions through {@code c} (see {@link Completions}); returns this. */
    public PipelineSimulation completions(Completions c) {
        this.completions = java.util.Objects.requireNonNull(c);
        return this;
    }

    /** Moves the clock with {@code m} (see {@link ClockMover}); returns this. */
    public PipelineSimulation clock(ClockMover m) {
        this.clockMover = java.util.Objects.requireNonNull(m);
        return this;
    }

    /** Drives {@code projects} projects (at least one per jurisdiction) through the whole pipeline; see the class. */
    public Result run(int projectCount) {
        if (projectCount < JURISDICTIONS.size()) {
            throw new IllegalArgumentException("at least one project per jurisdiction: " + projectCount);
        }
        if (!SqlCounting.isCounting(dataSource)) {
            throw new IllegalStateException("the context's DataSource does not count: import SqlCounting");
        }
        long taken = jdbc.sql("select count(*) from review_round where round_year = :y").param("y", ROUND_YEAR)
                .query(Long.class).single();
        if (taken > 0) {
            throw new IllegalStateException("a " + ROUND_YEAR + " round exists already: one run per database");
        }
        SqlCounting.reset();
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
        long started = System.nanoTime();
        try {
            clockMover.moveTo(RUN_STARTS);
            stage(SETUP, null, () -> setUp(projectCount));
            stage("filing", pool, this::file);
            stage("completion-report", pool, this::reportCompletion);
            stage("round-start", pool, this::startRound);
            stage("town-recommendation", pool, this::recommend);
            stage("close-recommendation", pool, j -> completeRoundTask(j,
                    TcAnnualRoundProcess.Elements.CLOSE_RECOMMENDATION, Map.of("closeNote", "推荐截止")));
            stage("panel-scoring", pool, this::score);
            stage("close-review", pool, j -> completeRoundTask(j, TcAnnualRoundProcess.Elements.CLOSE_REVIEW,
                    Map.of("reviewSummary", "专家评审完成")));
            stage("award-decision", pool, this::decideAwards);
            stage("proposed-list", pool, j -> completeRoundTask(j, TcAnnualRoundProcess.Elements.DECIDE_PROPOSED_LIST,
                    Map.of("listNote", ROUND_YEAR + "年度技术改造奖补拟扶持名单")));
            moveClockToNoticeEnd();
            stage("notice-period-end", pool, this::endNotice);
            stage("objection-check", pool, this::runJobs);
            stage("payee-confirmation", pool, this::confirmPayees);
            // One order per fund that pays a share (a split award has more than one): prepared, then approved.
            for (int pass = 0; pass < 5 && openTasks(TcProjectProcess.Elements.PREPARE_PAYMENT) > 0; pass++) {
                int voucher = pass + 1;
                stage("prepare-payment", pool, j -> preparePayments(j, voucher));
                stage("approve-payment", pool, j -> approvePayments(j, voucher));
            }
            stage("acceptance", pool, this::accept);
            moveClockToReportDay();
            stage("follow-up-report-timer", pool, this::openReports);
            stage("report-results", pool, this::reportResults);
            stage("evaluate-performance", pool, this::evaluate);
        } finally {
            SqlCounting.stage(DRIVER);
            clockMover.reset();
            identity.clearAuthentication();
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        long total = System.nanoTime() - started - nanos.getOrDefault(SETUP, 0L);
        Map<String, SqlCounting.Counts> counts = SqlCounting.snapshot();
        List<StageResult> stages = new ArrayList<>();
        for (String name : nanos.keySet()) {
            stages.add(new StageResult(name, nanos.get(name), counts.getOrDefault(name, SqlCounting.Counts.ZERO)));
        }
        return new Result(projectCount, total, List.copyOf(stages), finalStages());
    }

    /** The simulated projects' stages, counted (stage → projects). */
    private Map<String, Long> finalStages() {
        List<Long> ids = cases.values().stream().flatMap(List::stream).map(Case::id).toList();
        Map<String, Long> stages = new java.util.TreeMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("select stage, count(*) from project where id in (:ids) group by stage")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                    .forEach(e -> stages.merge(e.getKey(), e.getValue(), Long::sum));
        }
        return Collections.unmodifiableMap(stages);
    }

    // --- stages -------------------------------------------------------------------------------------------------

    private void stage(String name, ExecutorService pool, Consumer<String> perJurisdiction) {
        stage(name, pool, () -> {
            if (pool == null) {
                JURISDICTIONS.forEach(perJurisdiction);
                return;
            }
            List<Future<?>> running = new ArrayList<>();
            for (String j : JURISDICTIONS) {
                running.add(pool.submit(() -> {
                    try {
                        perJurisdiction.accept(j);
                    } finally {
                        identity.clearAuthentication();
                    }
                }));
            }
            RuntimeException failure = null;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted in stage " + name, e);
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        });
    }

    private void stage(String name, ExecutorService pool, Runnable work) {
        SqlCounting.stage(name);
        long t0 = System.nanoTime();
        try {
            work.run();
        } catch (RuntimeException e) {
            throw new IllegalStateException("stage " + name + " failed: " + e.getMessage(), e);
        } finally {
            nanos.merge(name, System.nanoTime() - t0, Long::sum);
            SqlCounting.stage(DRIVER);
        }
    }

    /**
     * The round year's sample schemes (DemoSchemes: Huanggang's rates are schemes), each fund's budget as finance
     * enters it (large enough for every project: the shipped budgets, e.g. Hekou's 20,000,000, leave most of a large
     * round below the budget line), the demo expert pools.
     */
    private void setUp(int projectCount) {
        schemes.enter(ROUND_YEAR);
        for (String j : JURISDICTIONS) {
            // Finance enters (or raises) each fund's budget so that every project fits under the budget line.
            Actor finance = actor(Roles.finance(j));
            for (Payers.Fund fund : payers.funds(j)) {
                as(finance.userId(), () -> budgets.enter(j, Map.of("fundCode", fund.code(), "budgetYear", ROUND_YEAR,
                        "amount", BUDGET_PER_FUND, "basis", "压测预算(非财政预算批复)",
                        "reason", "压测:预算足以安排全部项目"), finance));
            }
            expertPool.loadIfEmpty(j);
            cases.put(j, new ArrayList<>());
        }
        long serialBase = jdbc.sql("select coalesce(max(id), 0) from project").query(Long.class).single();
        for (int i = 0; i < projectCount; i++) {
            String j = JURISDICTIONS.get(i % JURISDICTIONS.size());
            int n = i / JURISDICTIONS.size();
            int serial = (int) serialBase + i + 1;
            List<RecommendingUnit> units = directory.units(j);
            RecommendingUnit unit = units.get(n % units.size());
            String enterprise = j + "-ent-" + (n % IdentitySetup.ENTERPRISES_PER_JURISDICTION + 1);
            String category = category(j);
            long total = "huanggang".equals(j) ? (n % 2 == 0 ? 12_000_000L : 18_000_000L)
                    : (n % 2 == 0 ? 12_000_000L : 25_000_000L);
            Case c = new Case(serial, j, unit, enterprise, category, total, null, new long[1], new String[1]);
            cases.get(j).add(new Case(serial, j, unit, enterprise, category, total, filing(c), c.projectId(),
                    c.processInstanceId()));
        }
    }

    static String category(String jurisdiction) {
        return switch (jurisdiction) {
            case "hekou" -> "DIRECT_SUBSIDY";
            case "huanggang" -> "LOAN_INTEREST";
            case "jiyuan" -> "TECH_RETROFIT";
            case "liaocheng", "yanzhou" -> "EQUIPMENT";
            default -> throw new IllegalArgumentException(jurisdiction);
        };
    }

    private Map<String, Object> filing(Case c) {
        int s = c.serial();
        long total = c.total();
        Map<String, Object> f = new HashMap<>();
        f.put("jurisdiction", c.jurisdiction());
        f.put("unitCode", c.unit().code());
        f.put("enterpriseName", c.unit().name() + "压测企业" + s + "有限公司");
        f.put("creditCode", CreditCode.withCheckCharacter("9137050" + String.format("%010d", 500_000_000L + s)));
        f.put("projectCode", String.format("%d-370503-34-03-%06d", COMPLETED_IN, s % 1_000_000));
        f.put("projectName", "技术改造压测项目" + s);
        f.put("category", c.category());
        f.put("plannedTotalInvestment", total);
        f.put("plannedEquipmentInvestment", total * 6 / 10);
        f.put("plannedRdInvestment", total / 10);
        if ("LOAN_INTEREST".equals(c.category())) {
            f.put("loanAmount", total / 2);
            f.put("loanBank", "中国工商银行" + c.jurisdiction() + "支行");
            f.put("loanBankAccount", "1614" + String.format("%012d", s));
            f.put("entrustedAgreementNo", "WTZF-" + COMPLETED_IN + "-" + String.format("%06d", s));
        } else {
            f.put("bankName", "中国银行" + c.unit().name() + "支行");
            f.put("bankAccount", "6222020" + String.format("%09d", s));
        }
        f.put("plannedStartDate", COMPLETED_IN + "-01-15");
        f.put("plannedEndDate", COMPLETED_IN + "-10-31");
        f.put("targetOutputValue", 5_000_000);
        f.put("targetTax", 300_000);
        f.put("targetNewJobs", 20);
        f.put("targetInvestmentCompletionRate", 100);
        f.put("contactEmail", "bench-" + s + "@example.test");
        return f;
    }

    private void file(String j) {
        EvidenceRules.Rule evidence = evidenceRules.of(j);
        for (Case c : cases.get(j)) {
            Map<String, Object> f = new HashMap<>(c.filing());
            if (evidence.statisticsIdRequired()) {
                f.put("statisticsReportId", String.format("TJZB-%d-%06d", COMPLETED_IN, c.serial() % 1_000_000));
            }
            ProjectProcessFacade.Started started = as(c.enterprise(), () -> projects.file(f));
            c.projectId()[0] = started.projectId();
            c.processInstanceId()[0] = started.processInstanceId();
            byInstance.put(started.processInstanceId(), c);
        }
        runJobs(j);
    }

    private void reportCompletion(String j) {
        EvidenceRules.Rule evidence = evidenceRules.of(j);
        completeProjectTasks(j, TcProjectProcess.Elements.REPORT_COMPLETION, Case::enterprise, c -> {
            long total = c.total();
            Map<String, Object> report = new HashMap<>(Map.of("completionDate", COMPLETED_IN + "-10-20",
                    "actualTotalInvestment", total, "actualEquipmentInvestment", total * 6 / 10,
                    "actualRdInvestment", total / 10, "completionNote", "项目已竣工投产",
                    "productionStartDate", COMPLETED_IN + "-10-25"));
            if ("LOAN_INTEREST".equals(c.category())) {
                report.putAll(Map.of("loanDrawnAmount", total / 2, "loanContractNo", "JK-" + COMPLETED_IN + "-" + c.serial(),
                        "loanContractAmount", total / 2, "entrustedAgreementNo", c.filing().get("entrustedAgreementNo")));
            }
            if (evidence.equipmentFromInvoices()) {
                report.put("invoices", SpinValues.jsonValue(String.format(
                        "[{\"invoiceNo\":\"%020d\",\"invoiceDate\":\"%d-09-30\",\"seller\":\"示范装备制造有限公司\","
                                + "\"amountExclVat\":%d}]", 26_000_000_000L + c.serial(), COMPLETED_IN, total * 6 / 10))
                        .create());
            }
            return report;
        });
    }

    private void startRound(String j) {
        String pi = as(Roles.bureau(j), () -> runtime.createProcessInstanceByKey(TcAnnualRoundProcess.KEY)
                .processDefinitionTenantId(j).setVariables(TcAnnualRoundProcess.Vars.ROUND_YEAR.entry(ROUND_YEAR)).execute()
                .getId());
        rounds.put(j, pi);
        runJobs(j);
    }

    private void recommend(String j) {
        completeProjectTasks(j, TcProjectProcess.Elements.RECOMMEND, c -> c.unit().groupId(), c -> Map.of(
                "recommendationDecision", "RECOMMEND", "recommendationOpinion", "项目真实,手续完整,同意推荐",
                "investmentAssessment", "投资已全部到位", "technologyAssessment", "达到国内先进水平",
                "benefitAssessment", "新增产值和税收明显,带动就业", "authenticityConfirmed", true,
                "formalitiesComplete", true));
    }

    private void completeRoundTask(String j, String taskKey, Map<String, Object> values) {
        Task task = tasks.createTaskQuery().processInstanceId(rounds.get(j)).taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new IllegalStateException(j + ": the round has no " + taskKey + "; it waits at "
                    + tasks.createTaskQuery().processInstanceId(rounds.get(j)).list().stream()
                    .map(Task::getTaskDefinitionKey).toList());
        }
        submit(Roles.bureau(j), task.getId(), values);
        runJobs(j);
    }

    /** Every drawn member scores each of its projects, close to the others (no consensus needed); until none is open. */
    private void score(String j) {
        for (int pass = 0; pass < 10; pass++) {
            List<Task> open = tasks.createTaskQuery().tenantIdIn(j)
                    .taskDefinitionKey(TcPanelProcesses.Elements.SCORE_PROJECT).list();
            if (open.isEmpty()) {
                return;
            }
            int i = 0;
            for (Task task : open) {
                int base = 86 + (i++ % 4);
                Map<String, Object> sheet = new HashMap<>();
                sheet.put("conflictDeclaration", "NO_CONFLICT");
                for (String criterion : List.of("INVESTMENT", "TECHNOLOGY", "ECONOMIC", "SOCIAL")) {
                    sheet.put("score_" + criterion, base);
                    sheet.put("comment_" + criterion, "技术先进,投资真实");
                }
                sheet.put("opinion", "RECOMMEND");
                sheet.put("overallComment", "效益明显,同意推荐");
                submit(task.getAssignee(), task.getId(), sheet);
            }
            runJobs(j);
        }
        throw new IllegalStateException(j + ": score tasks keep coming");
    }

    private void decideAwards(String j) {
        List<Long> ids = cases.get(j).stream().map(Case::id).toList();
        Map<Long, BigDecimal> quoted = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("select project_id, quoted_amount from project_award where project_id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query((rs, i) -> Map.entry(rs.getLong(1), rs.getBigDecimal(2))).list()
                    .forEach(e -> quoted.put(e.getKey(), e.getValue()));
        }
        completeProjectTasks(j, TcProjectProcess.Elements.DECIDE_AWARD, c -> Roles.bureau(j), c -> {
            BigDecimal amount = quoted.get(c.id());
            if (amount == null || amount.signum() <= 0) {
                throw new IllegalStateException("project " + c.id() + " of " + j + " quoted " + amount);
            }
            return Map.of("awardDecision", "PROPOSE", "proposedAmount", amount.toPlainString(),
                    "awardOpinion", "按专家评审结果和奖补规则测算列入拟扶持名单");
        });
    }

    /** Moves the engine's clock to the last of the rounds' notice ends (a minute after), as a demo skips the wait. */
    private void moveClockToNoticeEnd() {
        Instant latest = null;
        for (String j : JURISDICTIONS) {
            Job timer = noticeTimer(j);
            if (timer != null && (latest == null || timer.getDuedate().toInstant().isAfter(latest))) {
                latest = timer.getDuedate().toInstant();
            }
        }
        if (latest == null) {
            throw new IllegalStateException("no round waits for the end of its notice");
        }
        clockMover.moveTo(latest.plusSeconds(60));
    }

    private Job noticeTimer(String j) {
        return management.createJobQuery().processInstanceId(rounds.get(j))
                .activityId(TcAnnualRoundProcess.Elements.NOTICE_PERIOD_OVER).singleResult();
    }

    /** The notice's timer fires; the round closes the notice and tells its projects (the round's own jobs). */
    private void endNotice(String j) {
        Job timer = noticeTimer(j);
        if (timer != null) {
            executeUnlessGone(timer);
        }
        String round = rounds.get(j);
        for (int pass = 0; pass < 1000; pass++) {
            List<Job> due = management.createJobQuery().processInstanceId(round).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(this::executeUnlessGone);
        }
    }

    private void confirmPayees(String j) {
        Actor bureau = actor(Roles.bureau(j));
        for (Case c : cases.get(j)) {
            as(bureau.userId(), () -> payees.confirm(c.id(), Map.of("payeeId", payees.current(c.id()).orElseThrow().id()),
                    bureau));
        }
    }

    private void preparePayments(String j, int voucher) {
        String today = LocalDate.now(clock).toString();
        completeProjectTasks(j, TcProjectProcess.Elements.PREPARE_PAYMENT, voucher == 1, c -> Roles.finance(j), c -> Map.of(
                "paymentVoucherNo", j.toUpperCase(Locale.ROOT) + "-" + ROUND_YEAR + "-" + c.serial() + "-" + voucher,
                "paymentDate", today, "paymentNote", "按公示结果拨付"));
    }

    private void approvePayments(String j, int voucher) {
        completeProjectTasks(j, TcProjectProcess.Elements.APPROVE_PAYMENT, voucher == 1, c -> Roles.finance(j) + "-2",
                c -> Map.of("approvalDecision", "APPROVE"));
    }

    private void accept(String j) {
        String today = LocalDate.now(clock).toString();
        completeProjectTasks(j, TcProjectProcess.Elements.RECORD_ACCEPTANCE, c -> c.unit().groupId(), c -> Map.of(
                "acceptanceDate", today,
                "acceptanceFindings", "建设内容与备案一致,设备已安装调试并投产运行,投资全部完成",
                "acceptanceDocument", j.toUpperCase(Locale.ROOT) + "-YS-" + ROUND_YEAR + "-" + c.serial()));
    }

    /** Moves the clock an hour past the last follow-up report's day (twelve months after the payment). */
    private void moveClockToReportDay() {
        Instant latest = null;
        for (String j : JURISDICTIONS) {
            for (Job timer : reportTimers(j)) {
                if (latest == null || timer.getDuedate().toInstant().isAfter(latest)) {
                    latest = timer.getDuedate().toInstant();
                }
            }
        }
        if (latest == null) {
            throw new IllegalStateException("no follow-up waits for its report's day");
        }
        clockMover.moveTo(latest.plusSeconds(3600));
    }

    private List<Job> reportTimers(String j) {
        return management.createJobQuery().tenantIdIn(j).timers().activityId(TcFollowUpProcess.Elements.REPORT_DUE)
                .list();
    }

    private void openReports(String j) {
        reportTimers(j).forEach(this::executeUnlessGone);
        runJobs(j);
    }

    private void reportResults(String j) {
        Map<String, Object> results = new HashMap<>(Map.of("resultOutputValue", 5_200_000, "resultTax", 320_000,
                "resultNewJobs", 22, "resultInvestmentCompletionRate", 101, "reportNote", "按备案绩效目标报送"));
        if ("jiyuan".equals(j)) {
            results.put("resultEnergySaved", 120);
        }
        if ("huanggang".equals(j)) {
            results.put("resultDevelopmentContributionRate", 15);
        }
        completeTasks(j, TcFollowUpProcess.Elements.REPORT_RESULTS, Task::getAssignee, t -> results);
    }

    private void evaluate(String j) {
        completeTasks(j, TcFollowUpProcess.Elements.EVALUATE, t -> Roles.bureau(j), t -> Map.of(
                "performanceConclusion", "PASS", "performanceOpinion", "绩效目标全部完成"));
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** Completes the jurisdiction's open tasks {@code taskKey} of the simulated projects' instances, then the jobs. */
    private void completeProjectTasks(String j, String taskKey, Function<Case, String> user,
                                      Function<Case, Map<String, Object>> values) {
        completeProjectTasks(j, taskKey, true, user, values);
    }

    private void completeProjectTasks(String j, String taskKey, boolean required, Function<Case, String> user,
                                      Function<Case, Map<String, Object>> values) {
        completeTasks(j, taskKey, required, task -> {
            Case c = caseOf(task);
            return c == null ? null : user.apply(c);
        }, task -> values.apply(caseOf(task)));
    }

    private Case caseOf(Task task) {
        return byInstance.get(task.getProcessInstanceId());
    }

    private void completeTasks(String j, String taskKey, Function<Task, String> user,
                               Function<Task, Map<String, Object>> values) {
        completeTasks(j, taskKey, true, user, values);
    }

    /** @param required whether the jurisdiction must have such a task open (else none is fine) */
    private void completeTasks(String j, String taskKey, boolean required, Function<Task, String> user,
                               Function<Task, Map<String, Object>> values) {
        if (required) {
            awaitTasks(j, taskKey, cases.get(j).size());
        }
        List<Task> open = tasks.createTaskQuery().tenantIdIn(j).taskDefinitionKey(taskKey).list();
        int done = 0;
        for (Task task : open) {
            String userId = user.apply(task);
            if (userId == null) {
                continue;
            }
            Map<String, Object> v = values.apply(task);
            submit(userId, task.getId(), v);
            done++;
        }
        if (done == 0 && required) {
            throw new IllegalStateException(j + ": no open task " + taskKey);
        }
        runJobs(j);
    }

    /**
     * Waits (up to a minute) until the jurisdiction has {@code expected} open tasks {@code taskKey}: with the job
     * executor running, the job that creates the last of them may still be running in it when this stage begins.
     */
    private void awaitTasks(String j, String taskKey, int expected) {
        long until = System.nanoTime() + 60_000_000_000L;
        while (tasks.createTaskQuery().tenantIdIn(j).taskDefinitionKey(taskKey).count() < expected
                && System.nanoTime() < until) {
            runJobs(j);
            pause();
        }
    }

    private long openTasks(String taskKey) {
        return tasks.createTaskQuery().tenantIdIn(JURISDICTIONS.toArray(String[]::new)).taskDefinitionKey(taskKey)
                .count();
    }

    /**
     * Runs the tenant's due continuations (the round's steps, each project's answer, the panel's draw and aggregate,
     * the mails) until none is due, as the system, the way {@code RoundJobs} runs them for the tests; a job the job
     * executor ran first (gone, or a conflict) is fine, a job that failed is thrown after the others ran.
     */
    private void runJobs(String tenantId) {
        if (waitForJobExecutor) {
            awaitJobExecutor(tenantId);
            return;
        }
        RuntimeException failure = null;
        for (int pass = 0; pass < 100_000; pass++) {
            List<Job> due = management.createJobQuery().tenantIdIn(tenantId).messages().executable().listPage(0, 100);
            if (due.isEmpty()) {
                if (failure != null) {
                    throw failure;
                }
                return;
            }
            boolean progress = false;
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                    progress = true;
                } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
                    progress = true;
                } catch (RuntimeException e) {
                    Job left = management.createJobQuery().jobId(job.getId()).singleResult();
                    if (left == null) {
                        progress = true;
                    } else if (failure == null) {
                        failure = e;
                    }
                }
            }
            if (!progress && failure != null) {
                throw failure;
            }
        }
        throw new IllegalStateException("jobs of tenant " + tenantId + " keep coming");
    }

    /**
     * Executes the job now, until it is gone: a conflict means the job executor locked it (then it is tried again) or
     * ran it first (then it is gone); a failure of its own is thrown.
     */
    /**
     * With {@code bench.jobs=wait}: waits until the job executor has run every due continuation of the tenant (none
     * is executable); fails on an incident of the tenant.
     */
    private void awaitJobExecutor(String tenantId) {
        long until = System.nanoTime() + 600_000_000_000L;
        while (management.createJobQuery().tenantIdIn(tenantId).messages().executable().count() > 0) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the job executor has not run the jobs of " + tenantId + " in 10 minutes");
            }
            pause();
        }
        long incidents = runtime.createIncidentQuery().tenantIdIn(tenantId).count();
        if (incidents > 0) {
            throw new IllegalStateException(tenantId + ": " + incidents + " incident(s), e.g. "
                    + runtime.createIncidentQuery().tenantIdIn(tenantId).listPage(0, 1).get(0).getIncidentMessage());
        }
    }

    private void executeUnlessGone(Job job) {
        for (int attempt = 0; attempt < 500; attempt++) {
            try {
                management.executeJob(job.getId());
                return;
            } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
                // Locked or run by the job executor at the same time: look again.
            } catch (RuntimeException e) {
                if (management.createJobQuery().jobId(job.getId()).count() > 0) {
                    throw e;
                }
                return;
            }
            if (management.createJobQuery().jobId(job.getId()).count() == 0) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("job " + job.getId() + " keeps conflicting");
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A user's form submission, through {@link #completions}. */
    private void submit(String userId, String taskId, Map<String, Object> values) {
        completions.submit(userId, taskId, values, () -> as(userId, () -> {
            forms.submitTaskForm(taskId, values);
            return null;
        }));
    }

    private Actor actor(String userId) {
        return actors.computeIfAbsent(userId, u -> {
            identity.clearAuthentication();
            return SignIn.actorOf(identity, u);
        });
    }

    /** Runs {@code action} signed in as {@code userId}, as Tasklist's login does; signed out after. */
    private <T> T as(String userId, Supplier<T> action) {
        Actor a = actor(userId);
        identity.setAuthentication(a.userId(), a.groups(), a.tenants());
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
