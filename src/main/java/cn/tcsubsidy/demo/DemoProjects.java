package cn.tcsubsidy.demo;

import cn.tcsubsidy.award.budget.FundBudgetService;
import cn.tcsubsidy.award.scheme.domain.DemoSchemes;
import cn.tcsubsidy.calendar.domain.WorkingDays;
import cn.tcsubsidy.engine.EngineClock;
import cn.tcsubsidy.evidence.domain.EvidenceRules;
import cn.tcsubsidy.identity.IdentitySetup;
import cn.tcsubsidy.identity.SignIn;
import cn.tcsubsidy.jurisdiction.AwardCategories;
import cn.tcsubsidy.jurisdiction.Jurisdiction;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.jurisdiction.RecommendingUnit;
import cn.tcsubsidy.panel.process.TcPanelProcesses;
import cn.tcsubsidy.payment.domain.PayeeService;
import cn.tcsubsidy.project.process.ProjectProcessFacade;
import cn.tcsubsidy.project.process.TcProjectProcess.Elements;
import cn.tcsubsidy.project.process.TcProjectProcess;
import cn.tcsubsidy.round.process.RoundJobs;
import cn.tcsubsidy.round.process.TcAnnualRoundProcess;
import cn.tcsubsidy.scoreboard.domain.UnitTargets;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.shared.Roles;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo projects so Tasklist and Cockpit show something on first start: per jurisdiction, the 2022 round (projects
 * completed in 2021, when every jurisdiction's policy was in force) run to the end, with one project awarded what the
 * tables quote, its payee confirmed by the bureau, each payment order prepared and approved by two finance officers,
 * accepted by its town and in follow-up (in Huanggang: its advance paid, waiting for the year-end settlement), and one
 * not recommended;
 * two projects completed last year waiting for this year's round, and one still being built. Everything goes
 * through the processes as the demo users, exactly as people would do it in Tasklist.
 * <p>
 * Over some weeks, too: each jurisdiction's demo runs on a moved clock ({@link DemoTimeline}) that starts
 * {@value #TIMELINE_DAYS} calendar days before the real now and lets a varied amount of working time pass before each
 * step (seeded per jurisdiction, so every start tells the same story), so the engine's history, and the bottleneck
 * report read from it, shows waits of hours to days, different per jurisdiction and stage. The clock is set back to
 * real time at the end, also when the demo fails.
 */
@Component
@ConditionalOnProperty(name = "tc.demo.projects", havingValue = "true")
public class DemoProjects {

    private static final Logger LOG = LoggerFactory.getLogger(DemoProjects.class);
    /** Each demo fund's sample budget a year (示例预算, not a fiscal decision). */
    private static final BigDecimal DEMO_BUDGET_PER_FUND = new BigDecimal("30000000");
    /** A year in which all five policies were in force (Hekou's ran to 2022-12-31, Yanzhou's to 2023-08-14). */
    private static final int PAST_ROUND_YEAR = 2022;
    /**
     * How far before the real now each jurisdiction's demo timeline starts (calendar days): no further back than
     * 1 January, so the demo's projects are filed in the demo's year, unless that leaves less than
     * {@link #MIN_TIMELINE_DAYS} (the steps and the notice period need them).
     */
    static final int TIMELINE_DAYS = 60;
    static final int MIN_TIMELINE_DAYS = 40;

    private final JurisdictionDirectory directory;
    private final ProjectProcessFacade projects;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final PayeeService payees;
    private final RoundJobs jobs;
    private final EvidenceRules evidenceRules;
    private final DemoSchemes schemes;
    private final FundBudgetService budgets;
    private final org.springframework.beans.factory.ObjectProvider<DemoExpertPool> expertPool;
    private final UnitTargets targets;
    private final WorkingDays workingDays;
    private int serial;
    /** The real year when the demo began: the demo's own year, whatever day its moved clock shows. */
    private int thisYear;
    /** The current jurisdiction's moved time. */
    private DemoTimeline timeline;

    public DemoProjects(JurisdictionDirectory directory, ProjectProcessFacade projects, IdentityService identity,
                        RuntimeService runtime, TaskService tasks, ManagementService management, JdbcClient jdbc,
                        Clock clock, PayeeService payees, RoundJobs jobs, EvidenceRules evidenceRules,
                        DemoSchemes schemes, FundBudgetService budgets,
                        org.springframework.beans.factory.ObjectProvider<DemoExpertPool> expertPool,
                        UnitTargets targets, WorkingDays workingDays) {
        this.workingDays = workingDays;
        this.expertPool = expertPool;
        this.targets = targets;
        this.directory = directory;
        this.projects = projects;
        this.identity = identity;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.jdbc = jdbc;
        this.clock = clock;
        this.payees = payees;
        this.jobs = jobs;
        this.evidenceRules = evidenceRules;
        this.schemes = schemes;
        this.budgets = budgets;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(IdentitySetup.ORDER + 10)
    public void load() {
        // Jiyuan's 2017 targets come with V34; the demo's own year gets a copy, marked 示例目标 (idempotent).
        targets.enterSampleTargets(LocalDate.now(clock).getYear());
        if (jdbc.sql("select count(*) from project").query(Long.class).single() > 0) {
            return;
        }
        // No scheme, no award; no budget, no award: the demo enters a labelled 示例方案 and 示例预算 for its two years.
        for (int year : List.of(PAST_ROUND_YEAR, LocalDate.now(clock).getYear())) {
            schemes.enter(year);
            budgets.enterSampleBudgets(year, DEMO_BUDGET_PER_FUND);
        }
        thisYear = LocalDate.now(clock).getYear();
        Instant realNow = clock.instant();
        long sinceNewYear = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(thisYear, 1, 1),
                LocalDate.now(clock));
        int days = sinceNewYear >= MIN_TIMELINE_DAYS ? (int) Math.min(TIMELINE_DAYS, sinceNewYear) : TIMELINE_DAYS;
        try {
            for (Jurisdiction j : directory.all()) {
                timeline = DemoTimeline.start(workingDays, seed(j.code()), realNow, days);
                Instant from = timeline.now();
                load(j);
                LOG.info("Demo timeline of {}: {} to {}", j.code(), from, timeline.now());
            }
        } finally {
            timeline = null;
            EngineClock.reset();
        }
        LOG.info("Demo projects loaded: {}", serial);
    }

    private void load(Jurisdiction j) {
        String t = j.code();
        List<RecommendingUnit> units = directory.units(t);
        String category = AwardCategories.of(t).keySet().iterator().next();
        int lastRoundYear = PAST_ROUND_YEAR;

        // The previous round, for projects completed two years ago.
        String paid = file(t, units.get(0), category, "智能工厂建设项目", 25_000_000, lastRoundYear - 1);
        String notRecommended = file(t, units.get(1), category, "生产线自动化改造", 6_000_000, lastRoundYear - 1);
        expertPool.ifAvailable(p -> p.loadIfEmpty(t));
        timeline.advance(4, 32);
        String round = as(Roles.bureau(t), bureau -> runtime.createProcessInstanceByKey(TcAnnualRoundProcess.KEY)
                .processDefinitionTenantId(t).setVariables(TcAnnualRoundProcess.Vars.ROUND_YEAR.entry(lastRoundYear))
                .execute().getId());
        jobs.runDueWithoutFailures(t);
        complete(units.get(0).groupId(), paid, Elements.RECOMMEND, Map.of(
                "recommendationDecision", "RECOMMEND", "recommendationOpinion", "项目真实,手续完整,同意推荐",
                "investmentAssessment", "投资已全部到位", "technologyAssessment", "达到国内先进水平",
                "benefitAssessment", "新增产值和税收明显,带动就业", "authenticityConfirmed", true, "formalitiesComplete", true));
        complete(units.get(1).groupId(), notRecommended, Elements.RECOMMEND, Map.of(
                "recommendationDecision", "REJECT", "recommendationOpinion", "环评手续不完整,暂不推荐",
                "investmentAssessment", "投资基本到位", "technologyAssessment", "一般", "benefitAssessment", "一般"));
        complete(Roles.bureau(t), round, TcAnnualRoundProcess.Elements.CLOSE_RECOMMENDATION, Map.of("closeNote", "推荐截止"));
        scoreAsPanel(projectId(paid));
        complete(Roles.bureau(t), round, TcAnnualRoundProcess.Elements.CLOSE_REVIEW, Map.of("reviewSummary", "评审完成"));
        BigDecimal quoted = jdbc.sql("select quoted_amount from project_award where project_id = :p")
                .param("p", projectId(paid)).query(BigDecimal.class).single();
        complete(Roles.bureau(t), paid, Elements.DECIDE_AWARD, Map.of("awardDecision", "PROPOSE",
                "proposedAmount", quoted.toPlainString(), "awardOpinion", "按专家评审结果和奖补规则测算列入拟扶持名单"));
        complete(Roles.bureau(t), round, TcAnnualRoundProcess.Elements.DECIDE_PROPOSED_LIST,
                Map.of("listNote", lastRoundYear + "年度技术改造奖补拟扶持名单"));
        closeNoticeWhenDue(round);
        jobs.runDueWithoutFailures(t);
        // No objection was filed during the notice: its end moves the project to payment (Task_CheckObjections).
        // The bureau confirms (核实) the payee recorded at filing; the payment goes to that record.
        long paidId = projectId(paid);
        timeline.advance(2, 24);
        as(Roles.bureau(t), bureau -> payees.confirm(paidId,
                Map.of("payeeId", payees.current(paidId).orElseThrow().id()), bureau));
        // Each payment order: prepared by one finance officer, approved by the other (四眼原则). Huanggang's table pays
        // an advance share first (先期预拨): its project then waits for the year-end settlement's timer.
        int voucher = 0;
        while (task(paid, Elements.PREPARE_PAYMENT) != null) {
            String voucherNo = t.toUpperCase() + "-" + lastRoundYear + "-" + String.format("%03d", ++voucher);
            // The form's dates are the day it is sent: read after the wait before the step.
            complete(Roles.finance(t), paid, Elements.PREPARE_PAYMENT, () -> Map.of("paymentVoucherNo", voucherNo,
                    "paymentDate", LocalDate.now(clock).toString(), "paymentNote", "按公示结果拨付"));
            complete(Roles.finance(t) + "-2", paid, Elements.APPROVE_PAYMENT, Map.of("approvalDecision", "APPROVE"));
        }
        if (task(paid, Elements.RECORD_ACCEPTANCE) != null) {
            complete(units.get(0).groupId(), paid, Elements.RECORD_ACCEPTANCE, () -> Map.of(
                    "acceptanceDate", LocalDate.now(clock).toString(),
                    "acceptanceFindings", "建设内容与备案一致,设备已安装调试并投产运行,投资全部完成",
                    "acceptanceDocument", t.toUpperCase() + "-YS-" + lastRoundYear + "-001"));
        }

        // Completed last year, waiting for this year's round.
        file(t, units.get(2 % units.size()), category, "数字化车间改造", 12_000_000, thisYear - 1);
        file(t, units.get(3 % units.size()), category, "节能降耗技术改造", 8_000_000, thisYear - 1);
        // Still being built.
        file(t, units.get(4 % units.size()), category, "新建智能仓储系统", 5_500_000, 0);
    }

    /**
     * The demo does not wait out the notice period, nor cut it short: it moves the engine's clock (the app's too) to
     * the notice's end, runs the timer now due and goes on from there. The job executor may take the due timer
     * first; then it is gone, which is all this needs.
     */
    private void closeNoticeWhenDue(String round) {
        Job noticeOver = management.createJobQuery().processInstanceId(round)
                .activityId(TcAnnualRoundProcess.Elements.NOTICE_PERIOD_OVER).singleResult();
        timeline.jumpTo(noticeOver.getDuedate().toInstant());
        try {
            management.executeJob(noticeOver.getId());
        } catch (RuntimeException e) {
            if (management.createJobQuery().jobId(noticeOver.getId()).count() > 0) {
                throw e;
            }
        }
    }

    /** Files a project as the jurisdiction's first enterprise; completes it in {@code completedIn} unless 0. */
    private String file(String t, RecommendingUnit unit, String category, String name, long total, int completedIn) {
        serial++;
        int year = completedIn == 0 ? thisYear : completedIn;
        Map<String, Object> f = new HashMap<>();
        f.put("jurisdiction", t);
        f.put("unitCode", unit.code());
        f.put("enterpriseName", unit.name() + "示范企业" + serial + "有限公司");
        f.put("creditCode", CreditCode.withCheckCharacter("9137050" + String.format("%010d", 1000 + serial)));
        f.put("projectCode", String.format("%d-370503-34-03-%06d", year, serial));
        f.put("projectName", name);
        f.put("category", category);
        f.put("plannedTotalInvestment", total);
        f.put("plannedEquipmentInvestment", total * 6 / 10);
        f.put("plannedRdInvestment", total / 10);
        if ("LOAN_INTEREST".equals(category)) {
            f.put("loanAmount", total / 2);
            f.put("loanBank", bank(t));
            f.put("loanBankAccount", "1614" + String.format("%012d", serial));
            f.put("entrustedAgreementNo", "WTZF-" + year + "-" + String.format("%03d", serial));
        } else {
            f.put("bankName", "中国银行" + unit.name() + "支行");
            f.put("bankAccount", "6222020" + String.format("%09d", serial));
        }
        f.put("plannedStartDate", year + "-01-15");
        f.put("plannedEndDate", year + "-10-31");
        EvidenceRules.Rule evidence = evidenceRules.of(t);
        if (evidence.statisticsIdRequired()) {
            f.put("statisticsReportId", String.format("TJZB-%d-%06d", year, serial));
        }
        timeline.advance(2, 16);
        String pi = as(t + "-ent-1", enterprise -> projects.file(f).processInstanceId());
        if (completedIn != 0) {
            Map<String, Object> report = new HashMap<>(Map.of("completionDate", completedIn + "-10-20",
                    "actualTotalInvestment", total, "actualEquipmentInvestment", total * 6 / 10,
                    "actualRdInvestment", total / 10, "completionNote", "项目已竣工投产",
                    "productionStartDate", completedIn + "-10-25"));
            if ("LOAN_INTEREST".equals(category)) {
                report.putAll(Map.of("loanDrawnAmount", total / 2, "loanContractNo", "JK-" + year + "-" + serial,
                        "loanContractAmount", total / 2, "entrustedAgreementNo", f.get("entrustedAgreementNo")));
            }
            if (evidence.equipmentFromInvoices()) {
                // One invoice for the whole equipment figure, as the rule wants it (以购置增值税发票数额为准).
                report.put("invoices", SpinValues.jsonValue(String.format(
                        "[{\"invoiceNo\":\"%020d\",\"invoiceDate\":\"%d-09-30\",\"seller\":\"示范装备制造有限公司\","
                                + "\"amountExclVat\":%d}]", 25_000_000_000L + serial, completedIn, total * 6 / 10)).create());
            }
            complete(t + "-ent-1", pi, Elements.REPORT_COMPLETION, report);
        }
        return pi;
    }

    /**
     * The working hours that pass before each kind of step (the enterprise's reports are quick, a town's
     * recommendation and the bureau's decisions take days), so the demo's history has its bottlenecks; any other
     * step: 2 to 40 hours.
     */
    private static final Map<String, int[]> WORKING_HOURS = Map.of(
            Elements.REPORT_COMPLETION, new int[] {2, 16},
            Elements.RECOMMEND, new int[] {8, 40},
            TcAnnualRoundProcess.Elements.CLOSE_RECOMMENDATION, new int[] {2, 24},
            TcAnnualRoundProcess.Elements.CLOSE_REVIEW, new int[] {2, 24},
            Elements.DECIDE_AWARD, new int[] {4, 32},
            TcAnnualRoundProcess.Elements.DECIDE_PROPOSED_LIST, new int[] {4, 32},
            Elements.PREPARE_PAYMENT, new int[] {2, 24},
            Elements.APPROVE_PAYMENT, new int[] {1, 16},
            Elements.RECORD_ACCEPTANCE, new int[] {8, 40});

    /** Each jurisdiction's own, fixed sequence of waits. */
    private static long seed(String jurisdiction) {
        return 0x7C5B_2022L * 31 + jurisdiction.hashCode();
    }

    private long projectId(String processInstanceId) {
        return jdbc.sql("select id from project where process_instance_id = :pi").param("pi", processInstanceId)
                .query(Long.class).single();
    }

    private static String bank(String t) {
        return "中国工商银行" + t + "支行";
    }

    private Task task(String processInstanceId, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
    }

    private void complete(String user, String processInstanceId, String taskKey, Map<String, Object> values) {
        complete(user, processInstanceId, taskKey, () -> values);
    }

    /** Lets the step's working time pass, then completes the task with the values as of then. */
    private void complete(String user, String processInstanceId, String taskKey,
                          java.util.function.Supplier<Map<String, Object>> values) {
        int[] hours = WORKING_HOURS.getOrDefault(taskKey, new int[] {2, 40});
        timeline.advance(hours[0], hours[1]);
        String tenant = as(user, actor -> {
            Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
            tasks.complete(task.getId(), values.get());
            return task.getTenantId();
        });
        // The round's steps and the projects' answers run as jobs: the demo waits for them, as the system.
        jobs.runDueWithoutFailures(tenant);
    }

    /** Each drawn member of the project's panel declares no conflict and scores (the demo's scores lie close). */
    private void scoreAsPanel(long projectId) {
        String[] opinions = {"技术先进,投资真实", "效益明显,带动就业", "工艺先进,节能降耗", "智能化水平较高", "投资强度大,示范性强"};
        for (int round = 0; round < 3; round++) {
            List<Task> open = tasks.createTaskQuery().taskDefinitionKey(TcPanelProcesses.Elements.SCORE_PROJECT)
                    .processVariableValueEquals(TcProjectProcess.Vars.PROJECT_ID.name(), projectId).list();
            int i = 0;
            for (Task task : open) {
                String note = opinions[i % opinions.length];
                int base = 88 + (i++ % 4);
                Map<String, Object> sheet = new java.util.HashMap<>();
                sheet.put("conflictDeclaration", "NO_CONFLICT");
                for (String c : List.of("INVESTMENT", "TECHNOLOGY", "ECONOMIC", "SOCIAL")) {
                    sheet.put("score_" + c, base);
                    sheet.put("comment_" + c, note);
                }
                sheet.put("opinion", "RECOMMEND");
                sheet.put("overallComment", note + ",同意推荐");
                // The members score side by side: each sheet comes in a few hours after the one before.
                timeline.advance(1, 12);
                String tenant = as(task.getAssignee(), actor -> {
                    tasks.complete(task.getId(), sheet);
                    return task.getTenantId();
                });
                jobs.runDueWithoutFailures(tenant);
            }
        }
    }

    private <T> T as(String user, Function<Actor, T> action) {
        Actor actor = SignIn.as(identity, user);
        try {
            return action.apply(actor);
        } finally {
            identity.clearAuthentication();
        }
    }
}
