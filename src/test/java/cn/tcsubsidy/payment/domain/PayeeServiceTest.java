package cn.tcsubsidy.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.award.domain.AwardDecisionService;
import cn.tcsubsidy.objection.domain.NoticeOutcome;
import cn.tcsubsidy.project.domain.ProjectEvent;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.ValidationException;
import cn.tcsubsidy.support.StageFixture;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A project's payee from filing to payment: recorded, confirmed by the bureau, changed (superseding the row before,
 * needing a new confirmation), and the payment that goes to the confirmed row whatever the submission says. Each
 * refusal leaves the payee rows, the project's history and the payments as they were.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-payee;DB_CLOSE_DELAY=-1",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class PayeeServiceTest {

    static final Actor BUREAU = new Actor("liaocheng-bureau", List.of("liaocheng-bureau"), List.of("liaocheng"));
    static final Actor FINANCE = new Actor("liaocheng-finance", List.of("liaocheng-finance"), List.of("liaocheng"));
    static final Actor FINANCE_2 = new Actor("liaocheng-finance-2", List.of("liaocheng-finance"), List.of("liaocheng"));
    /** StageFixture's projects are filed by liaocheng-ent-1. */
    static final Actor FILER = new Actor("liaocheng-ent-1", List.of("liaocheng-enterprise"), List.of("liaocheng"));
    static final Actor OTHER_ENTERPRISE = new Actor("liaocheng-ent-2", List.of("liaocheng-enterprise"), List.of("liaocheng"));
    static final Actor OTHER_BUREAU = new Actor("hekou-bureau", List.of("hekou-bureau"), List.of("hekou"));
    static final String ACCOUNT = "6217000012340001";

    @Autowired PayeeService payees;
    @Autowired PaymentService payment;
    @Autowired AwardCases awards;
    @Autowired AwardDecisionService decisions;
    @Autowired NoticeOutcome noticeOutcome;
    @Autowired ProjectRepository projects;
    @Autowired ProjectHistory history;
    @Autowired JdbcClient jdbc;

    StageFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new StageFixture(projects, history, jdbc);
    }

    /** A project with the payee its filing named, awaiting confirmation. */
    long filedWithPayee(Stage stage) {
        long p = fixture.project(stage, stage == Stage.IN_PROGRESS ? null : fixture.round("CLOSED"));
        payees.recordAtFiling(p, new Payee(PayeeType.ENTERPRISE, projects.get(p).enterpriseName(), "中国银行聊城分行",
                ACCOUNT, null), FILER);
        return p;
    }

    /** A project whose notice passed, its award of 400,000 awaiting payment in one order; no payee recorded. */
    long awaitingPayment() {
        long p = fixture.project(Stage.AWARD_DECISION, fixture.round("CLOSED"));
        awards.quote(p);
        decisions.decide(p, Map.of("awardDecision", "PROPOSE", "proposedAmount", 400_000, "awardOpinion", "列入"), BUREAU);
        projects.setStage(p, Stage.NOTICE_OUTCOME);
        noticeOutcome.settle(p);
        payment.openOrders(p);
        return p;
    }

    static Map<String, Object> change(String bank, String account, String reason) {
        Map<String, Object> v = new HashMap<>();
        v.put(PayeeFields.BANK_NAME, bank);
        v.put(PayeeFields.BANK_ACCOUNT, account);
        v.put(PayeeFields.REASON, reason);
        return v;
    }

    long live(long projectId) {
        return payees.current(projectId).orElseThrow().id();
    }

    Map<String, Object> confirmation(long projectId) {
        return Map.of(PayeeFields.PAYEE_ID, live(projectId));
    }

    Map<String, Object> payment(Map<String, Object> extra) {
        Map<String, Object> v = new HashMap<>(Map.of("paymentVoucherNo", "LC-P1",
                "paymentDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
        v.putAll(extra);
        return v;
    }

    /** Everything a payee step may write: the project's payee rows, its history, the payments and its row. */
    String snapshot(long projectId) {
        return jdbc.sql("select * from payee_account where project_id = :p order by id").param("p", projectId).query().listOfRows()
                + "\n" + history.of(projectId)
                + "\n" + jdbc.sql("select * from payment where project_id = :p").param("p", projectId).query().listOfRows()
                + "\n" + jdbc.sql("select * from payment_order where project_id = :p order by id").param("p", projectId)
                        .query().listOfRows()
                + "\n" + projects.get(projectId);
    }

    void assertRefused(long projectId, ThrowingCallable step, Class<? extends Throwable> refusal, String message) {
        String before = snapshot(projectId);
        assertThatThrownBy(step).isInstanceOf(refusal).hasMessageContaining(message);
        assertThat(snapshot(projectId)).isEqualTo(before);
    }

    List<String> actions(long projectId) {
        return history.of(projectId).stream().map(ProjectEvent::action).toList();
    }

    @Test
    void shouldRecordTheFiledPayeeAwaitingTheBureausConfirmation() {
        long p = filedWithPayee(Stage.IN_PROGRESS);
        PayeeAccount recorded = payees.current(p).orElseThrow();
        assertThat(recorded.status()).isEqualTo(PayeeStatus.RECORDED);
        assertThat(recorded.payee().account()).isEqualTo(ACCOUNT);
        assertThat(recorded.recordedBy()).isEqualTo(FILER.userId());
        assertThat(recorded.confirmedBy()).isNull();
        assertThat(payees.paymentFormSummary(p)).isEqualTo("中国银行聊城分行 · " + projects.get(p).enterpriseName()
                + " · 账号尾号 0001(待工信局核实,核实后方可拨付)");
    }

    @Test
    void shouldLetOnlyTheProjectsBureauConfirmThePayeeItChecked() {
        long p = filedWithPayee(Stage.COMPLETED);
        for (Actor wrong : List.of(FINANCE, FILER, OTHER_ENTERPRISE)) {
            assertRefused(p, () -> payees.confirm(p, confirmation(p), wrong), AccessDeniedException.class, "只有本辖区工信局");
        }
        assertRefused(p, () -> payees.confirm(p, confirmation(p), OTHER_BUREAU), AccessDeniedException.class, "无权办理辖区 liaocheng");
        assertRefused(p, () -> payees.confirm(p, Map.of(), BUREAU), ValidationException.class, "payeeId");
        assertRefused(p, () -> payees.confirm(p, Map.of(PayeeFields.PAYEE_ID, live(p) + 1000), BUREAU),
                ValidationException.class, "收款账户已变更,现行记录编号为 " + live(p));

        PayeeAccount confirmed = payees.confirm(p, confirmation(p), BUREAU);
        assertThat(confirmed.status()).isEqualTo(PayeeStatus.CONFIRMED);
        assertThat(confirmed.confirmedBy()).isEqualTo(BUREAU.userId());
        assertThat(confirmed.confirmedAt()).isNotNull();
        assertThat(history.of(p)).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("PAYEE_CONFIRMED");
            assertThat(e.actor()).isEqualTo(BUREAU.userId());
            assertThat(e.summary()).contains("账号尾号 0001").doesNotContain(ACCOUNT);
        });
        assertRefused(p, () -> payees.confirm(p, confirmation(p), BUREAU), ValidationException.class, "已经核实");
    }

    @Test
    void shouldSupersedeTheOldPayeeOnAChangeAndRequireANewConfirmation() {
        long p = filedWithPayee(Stage.EXPERT_REVIEW);
        long first = live(p);
        payees.confirm(p, confirmation(p), BUREAU);

        PayeeAccount changed = payees.change(p, change("中国农业银行聊城分行", "6228480012349999", "原账户销户"), FILER);
        assertThat(changed.id()).isNotEqualTo(first);
        assertThat(changed.status()).isEqualTo(PayeeStatus.RECORDED);
        assertThat(changed.changeReason()).isEqualTo("原账户销户");
        assertThat(changed.payee()).isEqualTo(new Payee(PayeeType.ENTERPRISE, projects.get(p).enterpriseName(),
                "中国农业银行聊城分行", "6228480012349999", null));
        Map<String, Object> old = jdbc.sql("select * from payee_account where id = :id").param("id", first).query().singleRow();
        assertThat(old).containsEntry("STATUS", "SUPERSEDED").containsEntry("ACCOUNT_NO", ACCOUNT)
                .containsEntry("CONFIRMED_BY", BUREAU.userId()).containsEntry("LIVE_PROJECT_ID", null);
        assertThat(old.get("SUPERSEDED_AT")).isNotNull();
        assertThat(history.of(p)).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("PAYEE_CHANGED");
            assertThat(e.actor()).isEqualTo(FILER.userId());
            assertThat(e.summary()).contains("账号尾号 0001", "账号尾号 9999", "原账户销户", "待工信局核实")
                    .doesNotContain(ACCOUNT).doesNotContain("6228480012349999");
        });

        // The bureau changes it too, with its own reason; the enterprise's change is superseded in turn, unconfirmed.
        long enterprisesChange = changed.id();
        payees.change(p, change("中国农业银行聊城分行", "6228480012340000", "企业来函更正账号"), BUREAU);
        assertThat(jdbc.sql("select status from payee_account where id = :id").param("id", enterprisesChange)
                .query(String.class).single()).isEqualTo("SUPERSEDED");
        assertThat(jdbc.sql("select count(*) from payee_account where project_id = :p").param("p", p).query(Long.class).single())
                .as("append-only: every payee the project had is kept").isEqualTo(3);
        assertThat(payees.confirm(p, confirmation(p), BUREAU).payee().account()).isEqualTo("6228480012340000");
    }

    @Test
    void shouldRefuseChangesFromOthersWithoutReasonOrWithoutChangeAndAfterPayment() {
        long p = filedWithPayee(Stage.IN_PROGRESS);
        Map<String, Object> valid = change("中国农业银行聊城分行", "6228480012349999", "原账户销户");
        for (Actor wrong : List.of(FINANCE, OTHER_ENTERPRISE)) {
            assertRefused(p, () -> payees.change(p, valid, wrong), AccessDeniedException.class, "只有备案企业或本辖区工信局");
        }
        assertRefused(p, () -> payees.change(p, valid, OTHER_BUREAU), AccessDeniedException.class, "无权办理辖区");
        assertRefused(p, () -> payees.change(p, change("中国农业银行聊城分行", "6228480012349999", " "), FILER),
                ValidationException.class, "变更原因不能为空");
        assertRefused(p, () -> payees.change(p, change("中国农业银行聊城分行", "6228-4800", "更正"), FILER),
                ValidationException.class, "bankAccount");
        assertRefused(p, () -> payees.change(p, change("中国银行聊城分行", ACCOUNT, "重复"), FILER),
                ValidationException.class, "与现有记录相同");
        Map<String, Object> agreement = new HashMap<>(valid);
        agreement.put(PayeeFields.AGREEMENT_NO, "WTZF-1");
        assertRefused(p, () -> payees.change(p, agreement, FILER), ValidationException.class, PayeeFields.AGREEMENT_NO);

        long paid = filedWithPayee(Stage.FOLLOW_UP);
        assertRefused(paid, () -> payees.change(paid, valid, BUREAU), ValidationException.class, "不能办理此事项");
        assertRefused(paid, () -> payees.confirm(paid, confirmation(paid), BUREAU), ValidationException.class, "不能办理此事项");
    }

    @Test
    void shouldRecordAFirstPayeeThroughTheChangePathForAProjectFiledWithoutOne() {
        long p = fixture.project(Stage.COMPLETED, null);
        assertThat(payees.current(p)).isEmpty();
        payees.change(p, change("中国银行聊城分行", ACCOUNT, "补登记收款账户"), BUREAU);
        assertThat(payees.current(p).orElseThrow().status()).isEqualTo(PayeeStatus.RECORDED);
        assertThat(history.of(p)).last().extracting(ProjectEvent::summary).asString().startsWith("登记收款账户 中国银行聊城分行");
    }

    @Test
    void shouldRefusePaymentUntilTheBureauConfirmedThePayee() {
        long p = awaitingPayment();
        assertRefused(p, () -> payment.prepare(p, payment(Map.of()), FINANCE), ValidationException.class, "尚未登记收款账户");

        payees.recordAtFiling(p, new Payee(PayeeType.ENTERPRISE, projects.get(p).enterpriseName(), "中国银行聊城分行",
                ACCOUNT, null), FILER);
        assertRefused(p, () -> payment.prepare(p, payment(Map.of()), FINANCE), ValidationException.class, "尚未经工信局核实");

        payees.confirm(p, confirmation(p), BUREAU);
        payees.change(p, change("中国农业银行聊城分行", "6228480012349999", "原账户冻结"), FILER);
        assertRefused(p, () -> payment.prepare(p, payment(Map.of()), FINANCE), ValidationException.class, "尚未经工信局核实");
        assertThat(projects.get(p).stage()).isEqualTo(Stage.PAYMENT);
    }

    @Test
    void shouldRefuseToApproveAnOrderWhosePayeeChangedSinceItWasPrepared() {
        long p = awaitingPayment();
        payees.recordAtFiling(p, new Payee(PayeeType.ENTERPRISE, projects.get(p).enterpriseName(), "中国银行聊城分行",
                ACCOUNT, null), FILER);
        payees.confirm(p, confirmation(p), BUREAU);
        payment.prepare(p, payment(Map.of()), FINANCE);
        long prepared = live(p);
        payees.change(p, change("中国农业银行聊城分行", "6228480012349999", "原账户冻结"), FILER);
        payees.confirm(p, confirmation(p), BUREAU);
        assertRefused(p, () -> payment.approve(p, Map.of("approvalDecision", "APPROVE"), FINANCE_2),
                ValidationException.class, "拨付申请提交后收款账户已变更(申请所列记录 " + prepared);

        // Returned, prepared again for the payee now confirmed, and approved: paid there.
        payment.approve(p, Map.of("approvalDecision", "RETURN", "approvalNote", "收款账户已变更"), FINANCE_2);
        payment.prepare(p, payment(Map.of()), FINANCE);
        payment.approve(p, Map.of("approvalDecision", "APPROVE"), FINANCE_2);
        assertThat(jdbc.sql("select payee_account_id from payment where project_id = :p").param("p", p).query(Long.class)
                .single()).isEqualTo(live(p)).isNotEqualTo(prepared);
    }

    @Test
    void shouldPayTheConfirmedPayeeWhateverTheSubmissionSays() {
        long p = awaitingPayment();
        payees.recordAtFiling(p, new Payee(PayeeType.ENTERPRISE, projects.get(p).enterpriseName(), "中国银行聊城分行",
                ACCOUNT, null), FILER);
        long confirmed = live(p);
        payees.confirm(p, confirmation(p), BUREAU);

        // The command guard refuses these fields before any service sees them; the service does not read them anyway.
        payment.prepare(p, payment(Map.of("payeeType", "BANK", "payeeName", "攻击者有限公司", "payeeAccount", "6222999999999999")),
                FINANCE);
        payment.approve(p, Map.of("approvalDecision", "APPROVE"), FINANCE_2);
        Map<String, Object> row = jdbc.sql("select * from payment where project_id = :p").param("p", p).query().singleRow();
        assertThat(row).containsEntry("PAYEE_TYPE", "ENTERPRISE").containsEntry("PAYEE_NAME", projects.get(p).enterpriseName())
                .containsEntry("PAYEE_ACCOUNT", ACCOUNT).containsEntry("PAYEE_ACCOUNT_ID", confirmed)
                .containsEntry("PREPARED_BY", FINANCE.userId()).containsEntry("RECORDED_BY", FINANCE_2.userId());
        assertThat(actions(p)).endsWith("PAYMENT_PREPARED", "PAID", "PAYMENT_COMPLETED");
        assertThat(history.of(p).stream().filter(e -> "PAID".equals(e.action())).findFirst().orElseThrow().summary())
                .contains("中国银行聊城分行", "账号尾号 0001").doesNotContain(ACCOUNT).doesNotContain("攻击者");

        // Once paid the payee is the payment's evidence: no more changes.
        assertThat(projects.get(p).stage()).isEqualTo(Stage.ACCEPTANCE);
        assertRefused(p, () -> payees.change(p, change("中国农业银行聊城分行", "6228480012349999", "改"), BUREAU),
                ValidationException.class, "不能办理此事项");
    }
}
