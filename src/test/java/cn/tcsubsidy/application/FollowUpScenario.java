package cn.tcsubsidy.application;

import static cn.tcsubsidy.support.Rest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.award.domain.AwardDecisionService;
import cn.tcsubsidy.engine.EngineClock;
import cn.tcsubsidy.payment.domain.PayeeService;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.support.Rest.Response;
import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.StageFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The performance follow-up over the engine's REST API as Tasklist submits it, on Liaocheng projects of 400,000 filed
 * over REST with their targets (新增产值 5,000,000, 新增税收 300,000, 新增就业 20, 投资完成率 100%): no objection, paid
 * by two finance officers, accepted by the town, out of the pool; twelve months after the payment (the table's
 * period, the clock moved) the filing user reports, the bureau evaluates. Pass; rectify then pass; a clawback repaid
 * in two parts. Who may do what, what the follow-up API shows to whom.
 */
abstract class FollowUpScenario {

    static final String ENTERPRISE = "liaocheng-ent-1";
    static final String OTHER_ENTERPRISE = "liaocheng-ent-2";
    static final String BUREAU = "liaocheng-bureau";
    static final String FINANCE = "liaocheng-finance";
    static final String FINANCE_2 = "liaocheng-finance-2";
    static final String TOWN = "liaocheng-town-chiping";
    static final String OWNER = "liaocheng-owner";
    static final String AUDITOR = "liaocheng-auditor";
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final java.util.concurrent.atomic.AtomicInteger SERIAL = new java.util.concurrent.atomic.AtomicInteger();
    static final Actor BUREAU_ACTOR = new Actor(BUREAU, List.of(BUREAU), List.of("liaocheng"));

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    ProjectRepository projects;
    @Autowired
    ProjectHistory history;
    @Autowired
    AwardCases awards;
    @Autowired
    AwardDecisionService decisions;
    @Autowired
    PayeeService payees;

    Rest rest;
    StageFixture fixture;

    @BeforeEach
    void setUp() {
        rest = new Rest(port);
        fixture = new StageFixture(projects, history, jdbc);
    }

    @AfterEach
    void realTime() {
        EngineClock.reset();
    }

    record Case(long id, String pi) {
    }

    /**
     * Filed over REST with its targets, put by the domain's steps where the notice closes (as PaymentScenario does),
     * then over REST: no objection, prepared and approved by two finance officers, accepted by the town: out of the
     * pool, its follow-up waiting for the report's day.
     */
    Case paidAndOutOfPool() {
        int n = SERIAL.incrementAndGet();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("jurisdiction", "liaocheng");
        f.put("unitCode", "chiping");
        f.put("enterpriseName", "聊城市绩效测试机械" + n + "有限公司");
        f.put("creditCode", CreditCode.withCheckCharacter(String.format("9137152%010d", 800 + n)));
        f.put("projectCode", String.format("2025-371523-34-03-%06d", 950_000 + n));
        f.put("projectName", "设备更新改造" + n);
        f.put("category", "EQUIPMENT");
        f.put("plannedTotalInvestment", 6_000_000);
        f.put("plannedEquipmentInvestment", 4_000_000);
        f.put("bankName", "中国银行聊城分行");
        f.put("bankAccount", "6217000012340002");
        f.put("plannedStartDate", "2025-01-01");
        f.put("plannedEndDate", "2025-09-30");
        f.put("targetOutputValue", 5_000_000);
        f.put("targetTax", 300_000);
        f.put("targetNewJobs", 20);
        f.put("targetInvestmentCompletionRate", 100);
        Map<String, Object> bad = new LinkedHashMap<>(f);
        bad.put("targetNewJobs", 0);
        Response refused = rest.post(ENTERPRISE, "/api/projects", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().at("/errors/targetNewJobs").asText()).contains("新增就业", "应大于 0");
        Response filed = rest.post(ENTERPRISE, "/api/projects", f);
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        long p = filed.body().get("projectId").asLong();
        String pi = filed.body().get("processInstanceId").asText();
        assertThat(jdbc.sql("select indicator || ':' || target_value from performance_target where project_id = :p"
                + " order by indicator").param("p", p).query(String.class).list()).containsExactly(
                "INVESTMENT_COMPLETION_RATE:100.00", "NEW_JOBS:20.00", "OUTPUT_VALUE:5000000.00", "TAX:300000.00");
        projects.recordCompletion(p, LocalDate.of(2025, 9, 30), new BigDecimal("6000000"), new BigDecimal("4000000"),
                BigDecimal.ZERO, BigDecimal.ZERO);
        projects.setExpertScore(p, BigDecimal.valueOf(85));
        projects.setRound(p, fixture.round("CLOSED"));
        projects.setStage(p, Stage.AWARD_DECISION);
        awards.quote(p);
        decisions.decide(p, Map.of("awardDecision", "PROPOSE", "proposedAmount", 400_000, "awardOpinion", "列入"),
                BUREAU_ACTOR);
        projects.setStage(p, Stage.NOTICE_OUTCOME);
        payees.confirm(p, Map.of("payeeId", payees.current(p).orElseThrow().id()), BUREAU_ACTOR);
        runtime.createProcessInstanceModification(pi).cancelAllForActivity("Task_ReportCompletion")
                .startBeforeActivity("Event_NoticeClosed").execute();
        // The notice ends without objection: the round's message, then the project's own job (the objections' check).
        runtime.createMessageCorrelation("NoticeClosed").processInstanceId(pi).correlate();
        management.executeJob(cn.tcsubsidy.support.ProjectJobs.single(management, pi).getId());
        ok(complete(FINANCE, taskOf(FINANCE, pi, "Task_PreparePayment"), "paymentVoucherNo", "LC-JX-" + p,
                "paymentDate", today().toString()));
        ok(complete(FINANCE_2, taskOf(FINANCE_2, pi, "Task_ApprovePayment"), "approvalDecision", "APPROVE"));
        ok(complete(TOWN, taskOf(TOWN, pi, "Task_RecordAcceptance"), "acceptanceDate", today().toString(),
                "acceptanceFindings", "建设内容与备案一致,已投产", "acceptanceDocument", "茌平验字〔2026〕" + n + "号"));
        assertThat(stage(p)).isEqualTo("FOLLOW_UP");
        return new Case(p, pi);
    }

    /** The report's day comes (the clock moved past it) and its timer fires: the called report instance. */
    String reportOpens(Case c) {
        String followUp = followUpInstance(c);
        Job timer = management.createJobQuery().processInstanceId(followUp).activityId("Event_ReportPeriodOver")
                .singleResult();
        LocalDate opens = today().plusMonths(12);
        assertThat(timer.getDuedate().toInstant()).as("12 months after the payment (tc-follow-up-period)")
                .isEqualTo(opens.atStartOfDay(BEIJING).toInstant());
        assertThat(tasks(ENTERPRISE, followUp)).as("nothing to report before the day").isEmpty();
        EngineClock.moveTo(opens.atTime(9, 0).atZone(BEIJING).toInstant());
        management.executeJob(timer.getId());
        return runtime.createProcessInstanceQuery().superProcessInstanceId(followUp).singleResult().getId();
    }

    String followUpInstance(Case c) {
        ProcessInstance f = runtime.createProcessInstanceQuery().superProcessInstanceId(c.pi()).singleResult();
        return f.getId();
    }

    void report(String reportPi, Object... results) {
        List<Object> values = new ArrayList<>(List.of(results));
        values.addAll(List.of("reportNote", "按备案绩效目标报送"));
        ok(complete(ENTERPRISE, taskOf(ENTERPRISE, reportPi, "Task_ReportResults"), values.toArray()));
    }

    @Test
    void shouldPassTheFollowUpOfAProjectPaidAcceptedAndOutOfThePool() {
        Case c = paidAndOutOfPool();
        String reportPi = reportOpens(c);
        String reportTask = taskOf(ENTERPRISE, reportPi, "Task_ReportResults");
        assertThat(formVariable(ENTERPRISE, reportTask, "followUpSummary")).contains("新增产值 5,000,000.00 元",
                "新增就业 20 人", "须报送:新增产值、新增税收、新增就业、投资完成率", "常见做法");

        // Only the filing user works the report; a missing indicator is named; planted system values are refused.
        assertThat(tasks(OTHER_ENTERPRISE, reportPi)).isEmpty();
        assertThat(complete(OTHER_ENTERPRISE, reportTask, "resultOutputValue", 1, "reportNote", "冒名").status())
                .isEqualTo(403);
        assertThat(complete(BUREAU, reportTask, "resultOutputValue", 1, "reportNote", "代报").status()).isEqualTo(403);
        Response missing = complete(ENTERPRISE, reportTask, "resultOutputValue", 5_100_000, "reportNote", "漏报");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text()).contains("实际新增税收");
        Response planted = complete(ENTERPRISE, reportTask, "resultOutputValue", 5_100_000, "resultTax", 320_000,
                "resultNewJobs", 22, "resultInvestmentCompletionRate", 101, "reportNote", "达标", "projectId", 1);
        assertThat(planted.status()).isEqualTo(400);
        assertThat(planted.text()).contains("projectId");
        report(reportPi, "resultOutputValue", 5_100_000, "resultTax", 320_000, "resultNewJobs", 22,
                "resultInvestmentCompletionRate", 101);

        // The bureau evaluates with the table's suggestion beside the targets; a departure needs its reason.
        String followUp = followUpInstance(c);
        String evaluate = taskOf(BUREAU, followUp, "Task_EvaluatePerformance");
        assertThat(tasks(ENTERPRISE, followUp)).isEmpty();
        assertThat(formVariable(BUREAU, evaluate, "evaluationSummary")).contains("新增产值:目标 5,000,000.00 元,实际 5,100,000.00 元,完成 102%",
                "最低完成比例 101%", "评价建议:通过", "常见做法");
        Response departs = complete(BUREAU, evaluate, "performanceConclusion", "RECTIFY", "performanceOpinion", "整改");
        assertThat(departs.status()).isEqualTo(400);
        assertThat(departs.text()).contains("不采纳建议的理由");
        ok(complete(BUREAU, evaluate, "performanceConclusion", "PASS", "performanceOpinion", "绩效目标全部完成"));

        assertThat(stage(c.id())).isEqualTo("CLOSED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(c.pi()).count()).as("tc-project ended").isZero();
        JsonNode view = rest.get(ENTERPRISE, "/api/projects/" + c.id() + "/follow-up").body();
        assertThat(view.at("/schedule/status").asText()).isEqualTo("PASSED");
        assertThat(view.at("/reports/0/results/OUTPUT_VALUE").decimalValue()).isEqualByComparingTo("5100000");
        assertThat(view.at("/evaluations/0/conclusion").asText()).isEqualTo("PASS");
        assertThat(view.at("/practice").asText()).contains("常见做法");
        for (String reader : List.of(BUREAU, FINANCE, OWNER, AUDITOR, "admin")) {
            assertThat(rest.get(reader, "/api/projects/" + c.id() + "/follow-up").status()).as(reader).isEqualTo(200);
        }
        for (String other : List.of(OTHER_ENTERPRISE, TOWN, "liaocheng-expert-1", "liaocheng-rules", "hekou-bureau")) {
            assertThat(rest.get(other, "/api/projects/" + c.id() + "/follow-up").status()).as(other).isEqualTo(404);
        }
        assertThat(history.of(c.id()).stream().map(e -> e.action()).toList()).endsWith("ACCEPTED", "EXITED_POOL",
                "FOLLOW_UP_SCHEDULED", "PERFORMANCE_REPORTED", "PERFORMANCE_PASSED");
    }

    @Test
    void shouldRectifyOnceAndThenPass() {
        Case c = paidAndOutOfPool();
        report(reportOpens(c), "resultOutputValue", 3_000_000, "resultTax", 250_000, "resultNewJobs", 18,
                "resultInvestmentCompletionRate", 90);
        String followUp = followUpInstance(c);
        String evaluate = taskOf(BUREAU, followUp, "Task_EvaluatePerformance");
        assertThat(formVariable(BUREAU, evaluate, "evaluationSummary")).contains("最低完成比例 60%", "评价建议:限期整改");
        ok(complete(BUREAU, evaluate, "performanceConclusion", "RECTIFY", "performanceOpinion", "产值未达目标,限期整改"));

        String rectify = taskOf(ENTERPRISE, followUp, "Task_Rectify");
        JsonNode task = rest.get(ENTERPRISE, "/engine-rest/task/" + rectify).body();
        assertThat(task.get("due").asText()).as("the table's 60 working days").isNotBlank();
        assertThat(complete(OTHER_ENTERPRISE, rectify, "rectificationMeasures", "冒名").status()).isEqualTo(403);
        ok(complete(ENTERPRISE, rectify, "rectificationMeasures", "新增订单,二号产线满负荷", "resultOutputValue", 4_600_000,
                "resultTax", 290_000, "resultNewJobs", 20, "resultInvestmentCompletionRate", 100));

        String second = taskOf(BUREAU, followUp, "Task_EvaluatePerformance");
        assertThat(formVariable(BUREAU, second, "evaluationSummary")).contains("整改后再次评价", "最低完成比例 92%",
                "评价建议:通过");
        Response again = complete(BUREAU, second, "performanceConclusion", "RECTIFY", "departureReason", "再给一次机会",
                "performanceOpinion", "再整改");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.text()).contains("不能再次要求整改");
        ok(complete(BUREAU, second, "performanceConclusion", "PASS", "performanceOpinion", "整改后达标"));
        assertThat(stage(c.id())).isEqualTo("CLOSED");
        assertThat(jdbc.sql("select round || ':' || conclusion from follow_up_evaluation where project_id = :p order by round")
                .param("p", c.id()).query(String.class).list()).containsExactly("1:RECTIFY", "2:PASS");
    }

    @Test
    void shouldClawBackWithItsBasisAndTrackPartialRepaymentsUntilRepaid() {
        Case c = paidAndOutOfPool();
        report(reportOpens(c), "resultOutputValue", 1_000_000, "resultTax", 50_000, "resultNewJobs", 2,
                "resultInvestmentCompletionRate", 40);
        String followUp = followUpInstance(c);
        String evaluate = taskOf(BUREAU, followUp, "Task_EvaluatePerformance");
        assertThat(formVariable(BUREAU, evaluate, "evaluationSummary")).contains("评价建议:追回奖补资金 100%",
                "400,000.00 元");
        Response above = complete(BUREAU, evaluate, "performanceConclusion", "CLAWBACK", "clawbackAmount", 400_000.01,
                "clawbackBasis", "奖补协议第八条", "performanceOpinion", "追回");
        assertThat(above.status()).isEqualTo(400);
        assertThat(above.text()).contains("不超过已拨付");
        Response noBasis = complete(BUREAU, evaluate, "performanceConclusion", "CLAWBACK", "clawbackAmount", 150_000,
                "performanceOpinion", "追回");
        assertThat(noBasis.status()).isEqualTo(400);
        assertThat(noBasis.text()).contains("追回依据");
        ok(complete(BUREAU, evaluate, "performanceConclusion", "CLAWBACK", "clawbackAmount", 150_000,
                "departureReason", "企业已部分投产,酌情追回部分", "clawbackBasis", "《奖补资金协议》第八条",
                "performanceOpinion", "绩效未达标,追回部分奖补"));
        assertThat(stage(c.id())).isEqualTo("CLAWBACK");
        assertThat(jdbc.sql("select kind || ':' || amount || ':' || status from recovery_order where project_id = :p")
                .param("p", c.id()).query(String.class).single()).isEqualTo("CLAWBACK:150000.00:OPEN");

        // Finance records each repayment: not the enterprise, never above what is outstanding.
        String day = today().toString();
        String repay = taskOf(FINANCE, followUp, "Task_RecordRepayment");
        assertThat(formVariable(FINANCE, repay, "repaymentSummary")).contains("尚欠 150,000.00 元", "《奖补资金协议》第八条");
        assertThat(tasks(ENTERPRISE, followUp)).isEmpty();
        assertThat(complete(ENTERPRISE, repay, "recoveredAmount", 100_000, "recoveryVoucherNo", "JH-1",
                "recoveryDate", day).status()).isEqualTo(403);
        ok(complete(FINANCE, repay, "recoveredAmount", 100_000, "recoveryVoucherNo", "LC-JH-0001", "recoveryDate", day));
        String next = taskOf(FINANCE, followUp, "Task_RecordRepayment");
        assertThat(formVariable(FINANCE, next, "repaymentSummary")).contains("已缴回 100,000.00 元", "尚欠 50,000.00 元");
        Response over = complete(FINANCE, next, "recoveredAmount", 50_000.01, "recoveryVoucherNo", "LC-JH-0002",
                "recoveryDate", day);
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.text()).contains("不超过", "50,000.00 元");
        Response again = complete(FINANCE, next, "recoveredAmount", 50_000, "recoveryVoucherNo", "LC-JH-0001",
                "recoveryDate", day);
        assertThat(again.text()).as("one voucher once").contains("不能重复登记");
        ok(complete(FINANCE_2, next, "recoveredAmount", 50_000, "recoveryVoucherNo", "LC-JH-0002", "recoveryDate", day));

        assertThat(stage(c.id())).isEqualTo("CLOSED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(c.pi()).count()).isZero();
        assertThat(jdbc.sql("select status || ':' || paid_amount || ':' || recovered_amount from award where project_id = :p")
                .param("p", c.id()).query(String.class).single()).as("the ledger records the money recovered")
                .isEqualTo("PAID:400000.00:150000.00");
        assertThat(jdbc.sql("select recovered_amount from project where id = :p").param("p", c.id())
                .query(BigDecimal.class).single()).isEqualByComparingTo("150000");
        JsonNode audited = rest.get(AUDITOR, "/api/projects/" + c.id() + "/follow-up").body();
        assertThat(audited.at("/clawbacks/0/statusLabel").asText()).isEqualTo("已缴回");
        assertThat(audited.at("/repayments/0/voucherNo").asText()).isEqualTo("LC-JH-0001");
        assertThat(audited.at("/repayments/1/amount").decimalValue()).isEqualByComparingTo("50000");
        JsonNode own = rest.get(ENTERPRISE, "/api/projects/" + c.id() + "/follow-up").body();
        assertThat(own.at("/repayments/0/voucherNo").asText()).isEqualTo("…0001");
        assertThat(own.at("/evaluations/0/clawbackBasis").asText()).isEqualTo("《奖补资金协议》第八条");
    }

    /** The app's today, by the engine's clock (moved to the report's day in these tests). */
    static LocalDate today() {
        return LocalDate.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), BEIJING);
    }

    static void ok(Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(204);
    }

    String stage(long id) {
        return jdbc.sql("select stage from project where id = :id").param("id", id).query(String.class).single();
    }

    String formVariable(String user, String taskId, String name) {
        return rest.formVariable(user, taskId, name);
    }

    JsonNode tasks(String user, String processInstanceId) {
        return rest.tasks(user, processInstanceId);
    }

    String taskOf(String user, String processInstanceId, String taskKey) {
        return rest.taskOf(user, processInstanceId, taskKey);
    }

    Response complete(String user, String taskId, Object... keyValues) {
        return rest.complete(user, taskId, keyValues);
    }
}
