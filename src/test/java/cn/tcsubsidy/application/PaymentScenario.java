package cn.tcsubsidy.application;

import static cn.tcsubsidy.support.Rest.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.award.domain.AwardDecisionService;
import cn.tcsubsidy.payment.domain.PayeeService;
import cn.tcsubsidy.payment.domain.PaymentService;
import cn.tcsubsidy.project.domain.ProjectEvent;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.shared.ValidationException;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment orders over the engine's REST API as Tasklist submits them, on a Liaocheng project of 400,000 whose notice
 * ends without objection: the order prepared by one finance officer, refused to the same officer's approval (四眼原则),
 * approved by the other and paid once; the town's acceptance and the exit from the pool. Duplicate approvals racing
 * each other (two threads in the service, two browser tabs submitting the same task, a REST retry) pay once, and the
 * database itself refuses a second payment of an order and an approval by its preparer.
 */
abstract class PaymentScenario {

    static final String BUREAU = "liaocheng-bureau";
    static final String FINANCE = "liaocheng-finance";
    static final String FINANCE_2 = "liaocheng-finance-2";
    static final String TOWN = "liaocheng-town-chiping";
    static final String OTHER_TOWN = "liaocheng-town-dongchangfu";
    static final String ACCOUNT = "6217000012340001";
    static final java.util.concurrent.atomic.AtomicInteger SERIAL = new java.util.concurrent.atomic.AtomicInteger();
    static final Actor BUREAU_ACTOR = new Actor(BUREAU, List.of(BUREAU), List.of("liaocheng"));
    static final Actor FINANCE_2_ACTOR = new Actor(FINANCE_2, List.of(FINANCE), List.of("liaocheng"));

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
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
    @Autowired
    PaymentService payment;
    @Autowired
    PlatformTransactionManager transactions;

    Rest rest;
    StageFixture fixture;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        rest = new Rest(port);
        fixture = new StageFixture(projects, history, jdbc);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    record Case(long id, String pi) {
    }

    /**
     * A project filed over REST by its enterprise, put by the domain's own steps where the notice closes (completed,
     * scored, quoted 400,000 and proposed, its payee confirmed), its instance moved by the system to the notice's
     * end: the earlier stages are other tests' business.
     */
    Case awaitingNoticeOutcome() {
        int n = SERIAL.incrementAndGet();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("jurisdiction", "liaocheng");
        f.put("unitCode", "chiping");
        f.put("enterpriseName", "聊城市拨付测试机械" + n + "有限公司");
        f.put("creditCode", CreditCode.withCheckCharacter(String.format("9137152%010d", 700 + n)));
        f.put("projectCode", String.format("2025-371523-34-03-%06d", 900_000 + n));
        f.put("projectName", "设备更新改造" + n);
        f.put("category", "EQUIPMENT");
        f.put("plannedTotalInvestment", 6_000_000);
        f.put("plannedEquipmentInvestment", 4_000_000);
        f.put("bankName", "中国银行聊城分行");
        f.put("bankAccount", ACCOUNT);
        f.put("plannedStartDate", "2025-01-01");
        f.put("plannedEndDate", "2025-09-30");
        Response filed = rest.post("liaocheng-ent-1", "/api/projects", f);
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        long p = filed.body().get("projectId").asLong();
        String pi = filed.body().get("processInstanceId").asText();
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
        return new Case(p, pi);
    }

    /** The notice ends without objection: the round's message, then the project's own job (the objections' check). */
    void confirmNotice(Case c) {
        runtime.createMessageCorrelation("NoticeClosed").processInstanceId(c.pi()).correlate();
        management.executeJob(cn.tcsubsidy.support.ProjectJobs.single(management, c.pi()).getId());
    }

    /** The notice ends; the first finance officer prepares the order over REST. */
    Case prepared() {
        Case c = awaitingNoticeOutcome();
        confirmNotice(c);
        Response r = complete(FINANCE, taskOf(FINANCE, c.pi(), "Task_PreparePayment"), "paymentVoucherNo", "LC-PZ-" + c.id(),
                "paymentDate", today(), "paymentNote", "按公示结果拨付");
        assertThat(r.status()).as(r.text()).isEqualTo(204);
        return c;
    }

    @Test
    void shouldRefuseThePreparersApprovalAndPayOnceOnTheOtherOfficersAndThenAcceptAndExit() {
        Case c = awaitingNoticeOutcome();
        confirmNotice(c);
        assertThat(stage(c.id())).isEqualTo("PAYMENT");
        assertThat(jdbc.sql("select kind || ':' || amount || ':' || status || ':' || fund_code from payment_order"
                + " where project_id = :p").param("p", c.id()).query(String.class).list())
                .as("one order: Liaocheng's own fund pays the whole award").containsExactly("FULL:400000.00:OPEN:liaocheng");
        assertThat(jdbc.sql("select mode from payment_plan where project_id = :p").param("p", c.id()).query(String.class)
                .single()).as("no advance table in Liaocheng").isEqualTo("FULL");

        // The preparation: finance's task, its form showing the order and the payee masked.
        String prepare = taskOf(FINANCE, c.pi(), "Task_PreparePayment");
        assertThat(complete(BUREAU, prepare, "paymentVoucherNo", "LC-PZ-1", "paymentDate", today()).status())
                .as("the bureau does not prepare payments").isEqualTo(403);
        assertThat(formVariable(FINANCE, prepare, "paymentOrderSummary")).contains("拨付单 #", "聊城市工业企业技术改造设备奖补资金",
                "全额拨付 400,000.00 元");
        assertThat(formVariable(FINANCE, prepare, "payeeSummary")).contains("账号尾号 0001", "工信局已核实")
                .doesNotContain(ACCOUNT);
        Response planted = complete(FINANCE, prepare, "paymentVoucherNo", "LC-PZ-1", "paymentDate", today(),
                "payeeAccount", "6222999999999999");
        assertThat(planted.status()).isEqualTo(400);
        assertThat(planted.text()).contains("payeeAccount");
        assertThat(complete(FINANCE, prepare, "paymentVoucherNo", "LC-PZ-1", "paymentDate", "2099-01-01").text())
                .contains("拨付日期不能晚于今天");
        assertThat(complete(FINANCE, prepare, "paymentVoucherNo", "LC-PZ-1", "paymentDate", today(),
                "paymentNote", "按公示结果拨付").status()).isEqualTo(204);

        // Four eyes: the preparer's own approval is refused, with the reason; nothing is paid.
        String approve = taskOf(FINANCE, c.pi(), "Task_ApprovePayment");
        assertThat(formVariable(FINANCE_2, approve, "paymentOrderSummary")).contains("由 " + FINANCE + " 于",
                "凭证号尾号 …PZ-1", "四眼原则").doesNotContain("LC-PZ-1");
        Response own = complete(FINANCE, approve, "approvalDecision", "APPROVE");
        assertThat(own.status()).isEqualTo(400);
        assertThat(own.body().get("message").asText()).startsWith("提交被拒绝:")
                .contains("四眼原则", "提交人不能审核本人的拨付申请", "另一名财政经办人");
        assertThat(payments(c.id())).isZero();
        assertThat(jdbc.sql("select status from payment_order where project_id = :p").param("p", c.id())
                .query(String.class).single()).isEqualTo("PREPARED");
        assertThat(complete(FINANCE_2, approve, "approvalDecision", "RETURN").text()).as("a return needs its reason")
                .contains("审核说明不能为空");

        // The other officer approves: paid once, to the confirmed payee, voucher and date as prepared.
        assertThat(complete(FINANCE_2, approve, "approvalDecision", "APPROVE", "approvalNote", "单据齐全").status())
                .isEqualTo(204);
        Map<String, Object> paid = jdbc.sql("select * from payment where project_id = :p").param("p", c.id()).query()
                .singleRow();
        assertThat(paid).containsEntry("PAYEE_TYPE", "ENTERPRISE")
                .containsEntry("PAYEE_ACCOUNT", ACCOUNT).containsEntry("VOUCHER_NO", "LC-PZ-1")
                .containsEntry("PREPARED_BY", FINANCE).containsEntry("RECORDED_BY", FINANCE_2);
        assertThat(jdbc.sql("select status || ':' || paid_amount from award where project_id = :p").param("p", c.id())
                .query(String.class).single()).isEqualTo("PAID:400000.00");
        assertThat(stage(c.id())).isEqualTo("ACCEPTANCE");
        assertThat(rest.post(FINANCE_2, "/engine-rest/task/" + approve + "/complete",
                variables("approvalDecision", "APPROVE")).status()).as("a REST retry of the approval").isEqualTo(404);
        assertThat(payments(c.id())).isEqualTo(1);

        // The database refuses a second payment of the order and an approval by its preparer, whoever bypasses the service.
        long order = jdbc.sql("select id from payment_order where project_id = :p").param("p", c.id()).query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("""
                insert into payment (project_id, amount, payee_type, payee_name, payee_account, voucher_no, paid_on,
                  recorded_by, recorded_at, payment_order_id)
                select project_id, amount, payee_type, payee_name, payee_account, voucher_no, paid_on, recorded_by,
                  recorded_at, payment_order_id from payment where payment_order_id = :o
                """).param("o", order).update()).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.sql("update payment_order set approved_by = prepared_by where id = :o")
                .param("o", order).update()).isInstanceOf(DataIntegrityViolationException.class);

        // The payments as the bureau, finance and the owner read them; nobody else reads them.
        JsonNode view = rest.get(FINANCE, "/api/projects/" + c.id() + "/payments").body();
        assertThat(view.at("/plan/mode").asText()).isEqualTo("FULL");
        assertThat(view.at("/orders/0/statusLabel").asText()).isEqualTo("已拨付");
        assertThat(view.at("/orders/0/preparedBy").asText()).isEqualTo(FINANCE);
        assertThat(view.at("/orders/0/approvedBy").asText()).isEqualTo(FINANCE_2);
        assertThat(view.at("/orders/0/voucherNo").asText()).isEqualTo("LC-PZ-1");
        assertThat(view.at("/paidTotal").decimalValue()).isEqualByComparingTo("400000");
        assertThat(rest.get("liaocheng-owner", "/api/projects/" + c.id() + "/payments").body().at("/orders/0/voucherNo")
                .asText()).isEqualTo("…PZ-1");
        for (String other : List.of("liaocheng-ent-1", TOWN, "hekou-bureau", "liaocheng-expert-1")) {
            assertThat(rest.get(other, "/api/projects/" + c.id() + "/payments").status()).as(other).isEqualTo(404);
        }

        // Acceptance by the project's town (not another town's), then the exit from the pool and the follow-up.
        String accept = taskOf(TOWN, c.pi(), "Task_RecordAcceptance");
        assertThat(formVariable(TOWN, accept, "paymentsSummary")).contains("已拨付 400,000.00 元");
        assertThat(tasks(OTHER_TOWN, c.pi())).isEmpty();
        assertThat(complete(TOWN, accept, "acceptanceDate", "2000-01-01", "acceptanceFindings", "已投产",
                "acceptanceDocument", "CP-YS-1").text()).contains("验收日期不能早于最后一笔拨付日期");
        assertThat(complete(TOWN, accept, "acceptanceDate", today(), "acceptanceFindings", "建设内容与备案一致,已投产运行",
                "acceptanceDocument", "茌平验字〔2026〕1号").status()).isEqualTo(204);
        assertThat(stage(c.id())).isEqualTo("FOLLOW_UP");
        assertThat(jdbc.sql("select accepted_on || ':' || exited_pool_on || ':' || recorded_by from project_acceptance"
                + " where project_id = :p").param("p", c.id()).query(String.class).single())
                .isEqualTo(today() + ":" + today() + ":" + TOWN);
        assertThat(history.of(c.id()).stream().map(ProjectEvent::action).toList()).endsWith("NOTICE_PASSED",
                "PAYMENT_ORDERS_OPENED", "PAYMENT_PREPARED", "PAID", "PAYMENT_COMPLETED", "ACCEPTED", "EXITED_POOL",
                "FOLLOW_UP_SCHEDULED");
        // The follow-up (tc-follow-up) waits for the report's day, twelve months after the payment (FollowUpScenario).
        String followUp = runtime.createProcessInstanceQuery().superProcessInstanceId(c.pi()).singleResult().getId();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(followUp).activityIdIn("Event_ReportPeriodOver")
                .count()).isEqualTo(1);
    }

    @Test
    void shouldPayOnceWhenTwoApprovalsOfTheSameOrderRaceInTheService() throws Exception {
        Case c = prepared();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            outcomes.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                try {
                    tx.executeWithoutResult(s -> payment.approve(c.id(), Map.of("approvalDecision", "APPROVE"),
                            FINANCE_2_ACTOR));
                    return "PAID";
                } catch (ValidationException e) {
                    return "REFUSED:" + e.getMessage();
                }
            }));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        assertThat(results).as(String.join(" | ", results)).filteredOn("PAID"::equals).hasSize(1);
        assertThat(results).filteredOn(r -> r.startsWith("REFUSED:")).singleElement().asString().contains("不能重复拨付");
        assertThat(payments(c.id())).isEqualTo(1);
        assertThat(jdbc.sql("select paid_amount from project where id = :p").param("p", c.id()).query(BigDecimal.class)
                .single()).isEqualByComparingTo("400000");
        assertThat(jdbc.sql("select status || ':' || paid_amount from award where project_id = :p").param("p", c.id())
                .query(String.class).single()).isEqualTo("PAID:400000.00");
        assertThat(history.of(c.id()).stream().filter(e -> "PAID".equals(e.action())).count()).isEqualTo(1);
    }

    @Test
    void shouldPayOnceWhenTheSameApprovalIsSubmittedFromTwoTabsAtOnce() throws Exception {
        Case c = prepared();
        String approve = taskOf(FINANCE_2, c.pi(), "Task_ApprovePayment");
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Response> tab = () -> {
            start.await(10, TimeUnit.SECONDS);
            return rest.post(FINANCE_2, "/engine-rest/task/" + approve + "/submit-form",
                    Map.of("variables", Map.of("approvalDecision", Map.of("value", "APPROVE"))));
        };
        Future<Response> first = pool.submit(tab);
        Future<Response> second = pool.submit(tab);
        List<Response> responses = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
        String seen = responses.stream().map(r -> r.status() + " " + r.text()).reduce((a, b) -> a + " | " + b).orElse("");
        assertThat(responses).as(seen).filteredOn(r -> r.status() == 204).hasSize(1);
        assertThat(responses).as(seen).filteredOn(r -> r.status() != 204).singleElement()
                // The payment order's row lock makes the second wait for the first's commit; the guard then refuses
                // it, naming the payment already made.
                .satisfies(r -> assertThat(r.status()).isEqualTo(400));
        assertThat(payments(c.id())).isEqualTo(1);
        assertThat(stage(c.id())).isEqualTo("ACCEPTANCE");
        assertThat(history.of(c.id()).stream().filter(e -> "PAID".equals(e.action())).count()).isEqualTo(1);
        assertThat(tasks(FINANCE_2, c.pi())).as("no approval left over").isEmpty();
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    long payments(long projectId) {
        return jdbc.sql("select count(*) from payment where project_id = :p").param("p", projectId).query(Long.class).single();
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
