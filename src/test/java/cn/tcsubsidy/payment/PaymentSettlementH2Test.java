package cn.tcsubsidy.payment;

import static cn.tcsubsidy.payment.PaymentSteps.bureau;
import static cn.tcsubsidy.payment.PaymentSteps.finance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.award.ledger.Award;
import cn.tcsubsidy.award.ledger.AwardClaim;
import cn.tcsubsidy.award.ledger.AwardLedger;
import cn.tcsubsidy.award.ledger.AwardStatus;
import cn.tcsubsidy.award.ledger.Payers;
import cn.tcsubsidy.payment.domain.AcceptanceService;
import cn.tcsubsidy.payment.domain.Payee;
import cn.tcsubsidy.payment.domain.PayeeService;
import cn.tcsubsidy.payment.domain.PayeeType;
import cn.tcsubsidy.payment.domain.PaymentOrder;
import cn.tcsubsidy.payment.domain.PaymentPhase;
import cn.tcsubsidy.payment.domain.PaymentPlan;
import cn.tcsubsidy.payment.domain.PaymentService;
import cn.tcsubsidy.payment.domain.RecoveryOrder;
import cn.tcsubsidy.project.domain.NewProject;
import cn.tcsubsidy.project.domain.ProjectEvent;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.shared.ValidationException;
import cn.tcsubsidy.support.StageFixture;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 先期预拨+年终结算 in the domain, on a 黄州 project whose award two funds share half and half (市区一体财政体制): each
 * fund's order advances half of its part (Huanggang's table), paid by two finance officers; the settlement, due on
 * 15 January after the advance and refused before, either orders each fund's rest (the award then closed at the
 * settled sum, the unpaid grant freed in both budgets) or, below the advance, opens a recovery order per fund,
 * repaid and recorded in the ledger. The settled award never exceeds the grant.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-payment-settlement;DB_CLOSE_DELAY=-1",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class PaymentSettlementH2Test {

    static final AtomicInteger SERIAL = new AtomicInteger();
    static final AtomicInteger YEARS = new AtomicInteger(2070);
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired PaymentService payment;
    @Autowired AcceptanceService acceptance;
    @Autowired PayeeService payees;
    @Autowired AwardLedger ledger;
    @Autowired Payers payers;
    @Autowired ProjectRepository projects;
    @Autowired ProjectHistory history;
    @Autowired JdbcClient jdbc;

    int year;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    /** A 黄州 investment subsidy of {@code amount} proposed in the ledger, its notice passed and its payee confirmed. */
    long awarded(String amount) {
        year = YEARS.incrementAndGet();
        StageFixture.budget(jdbc, "huanggang", "huanggang", year, new BigDecimal("10000000"));
        StageFixture.budget(jdbc, "huanggang", "huangzhou", year, new BigDecimal("10000000"));
        int n = SERIAL.incrementAndGet();
        String credit = CreditCode.withCheckCharacter(String.format("9142110%010d", 300 + n));
        String name = "黄冈市结算测试" + n + "有限公司";
        long p = projects.insert(new NewProject("huanggang", "huangzhou", name, credit,
                String.format("2025-421102-34-03-%06d", 700_000 + n), "智能化改造" + n, "INVESTMENT_SUBSIDY",
                new BigDecimal("25000000"), new BigDecimal("15000000"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 9, 30)), Stage.IN_PROGRESS, "huanggang-ent-1");
        ledger.reserve(new AwardClaim(p, "huanggang", credit, "INVESTMENT_SUBSIDY", Set.of("INVESTMENT_SUBSIDY"),
                "huanggang-2021", null, null, false, payers.of("huanggang", "huangzhou"), year, new BigDecimal(amount),
                null, null), Actor.system());
        projects.setProposedAmount(p, new BigDecimal(amount));
        projects.setStage(p, Stage.PAYMENT);
        history.record(p, Stage.NOTICE_OUTCOME, "NOTICE_PASSED", "huanggang-bureau", "公示期满无异议");
        payees.recordAtFiling(p, new Payee(PayeeType.ENTERPRISE, name, "中国银行黄冈分行", "6217000012345678", null),
                Actor.system());
        payees.confirm(p, Map.of("payeeId", payees.current(p).orElseThrow().id()), bureau("huanggang"));
        return p;
    }

    List<String> orders(long p) {
        return payment.orders(p).stream().map(o -> o.kind() + ":" + o.fundCode() + ":" + o.amount() + ":" + o.status())
                .toList();
    }

    Award award(long p) {
        return ledger.awardsOf(p).get(0);
    }

    LocalDate advanced(long p) {
        PaymentSteps steps = new PaymentSteps(payment, acceptance);
        PaymentPlan plan = payment.openOrders(p);
        assertThat(plan.mode()).isEqualTo(PaymentPlan.Mode.ADVANCE);
        assertThat(plan.advanceShare()).isEqualByComparingTo("0.5");
        assertThat(plan.ruleNote()).contains("四(二)", "示例");
        assertThat(steps.payOpenOrders(p, "huanggang", "HG-YB")).isEqualTo(2);
        LocalDate due = LocalDate.of(LocalDate.now(BEIJING).getYear() + 1, 1, 15);
        assertThat(payment.progress(p)).isEqualTo(new PaymentService.Progress(PaymentPhase.SETTLEMENT_DUE, due));
        assertThat(history.of(p)).extracting(ProjectEvent::action).contains("ADVANCE_PAID");
        assertThat(projects.get(p).stage()).isEqualTo(Stage.PAYMENT);
        return due;
    }

    void onTheDay(LocalDate due) {
        ClockUtil.setCurrentTime(java.util.Date.from(due.atTime(10, 0).atZone(BEIJING).toInstant()));
    }

    Map<String, Object> settlement(String amount) {
        return Map.of("settledAmount", amount, "settlementBasis", "年度实际完成投资,黄财审〔2026〕7号");
    }

    @Test
    void shouldAdvanceEachFundsHalfAndPayEachFundsRestAfterTheSettlement() {
        long p = awarded("100000.01");
        LocalDate due = advanced(p);
        assertThat(orders(p)).containsExactly("ADVANCE:huanggang:25000.01:PAID", "ADVANCE:huangzhou:25000.00:PAID");
        assertThat(award(p).status()).isEqualTo(AwardStatus.PROPOSED);
        assertThat(award(p).paidAmount()).isEqualTo(new BigDecimal("50000.01"));
        assertThat(ledger.budget("huanggang", "huangzhou", year).committed()).as("the grant stays committed")
                .isEqualTo(new BigDecimal("50000.00"));

        assertThatThrownBy(() -> payment.settle(p, settlement("80000"), bureau("huanggang")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("年终结算日为 " + due + ",尚未到期");
        onTheDay(due);
        assertThatThrownBy(() -> payment.settle(p, settlement("80000"), finance("huanggang")))
                .hasMessageContaining("年终结算由本辖区工信局办理");
        assertThatThrownBy(() -> payment.settle(p, settlement("100000.02"), bureau("huanggang")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("不能超过台账核定的奖补 100,000.01 元");

        payment.settle(p, settlement("80000"), bureau("huanggang"));
        assertThat(orders(p)).containsExactly("ADVANCE:huanggang:25000.01:PAID", "ADVANCE:huangzhou:25000.00:PAID",
                "SETTLEMENT:huanggang:14999.99:OPEN", "SETTLEMENT:huangzhou:15000.00:OPEN");
        assertThat(payment.progress(p).phase()).isEqualTo(PaymentPhase.ORDERS_DUE);
        assertThatThrownBy(() -> payment.settle(p, settlement("80000"), bureau("huanggang")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("已完成年终结算");

        new PaymentSteps(payment, acceptance).payOpenOrders(p, "huanggang", "HG-JS");
        Award closed = award(p);
        assertThat(closed.status()).isEqualTo(AwardStatus.PAID);
        assertThat(closed.paidAmount()).isEqualTo(new BigDecimal("80000.00"));
        assertThat(closed.fundShares()).containsExactly(Map.entry("huanggang", new BigDecimal("40000.00")),
                Map.entry("huangzhou", new BigDecimal("40000.00")));
        assertThat(ledger.budget("huanggang", "huanggang", year).committed()).as("the unpaid grant is freed")
                .isEqualTo(new BigDecimal("40000.00"));
        assertThat(projects.get(p).paidAmount()).isEqualByComparingTo("80000");
        assertThat(projects.get(p).stage()).isEqualTo(Stage.ACCEPTANCE);
        assertThat(payment.progress(p).phase()).isEqualTo(PaymentPhase.PAID);
        assertThat(jdbc.sql("select count(*) from payment where project_id = :p").param("p", p).query(Long.class).single())
                .isEqualTo(4);
    }

    @Test
    void shouldOpenARecoveryOrderPerFundWhenTheAdvanceExceededTheSettledAward() {
        long p = awarded("100000.01");
        LocalDate due = advanced(p);
        onTheDay(due);
        payment.settle(p, settlement("30000.01"), bureau("huanggang"));
        assertThat(orders(p)).as("nothing more to pay").hasSize(2);
        assertThat(payment.recoveries(p)).extracting(RecoveryOrder::fundCode, RecoveryOrder::amount, RecoveryOrder::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("huanggang", new BigDecimal("10000.00"), RecoveryOrder.Status.OPEN),
                        org.assertj.core.groups.Tuple.tuple("huangzhou", new BigDecimal("10000.00"), RecoveryOrder.Status.OPEN));
        assertThat(award(p).status()).as("closed at what was paid").isEqualTo(AwardStatus.PAID);
        assertThat(award(p).paidAmount()).isEqualTo(new BigDecimal("50000.01"));
        assertThat(payment.progress(p).phase()).isEqualTo(PaymentPhase.RECOVERY_DUE);

        String day = due.toString();
        assertThatThrownBy(() -> payment.recordRepayment(p, Map.of("recoveredAmount", "10000.01", "recoveryVoucherNo", "JH-1",
                "recoveryDate", day), finance("huanggang"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("尚欠的 10,000.00 元");
        assertThatThrownBy(() -> payment.recordRepayment(p, Map.of("recoveredAmount", "100", "recoveryVoucherNo", "JH-1",
                "recoveryDate", day), bureau("huanggang"))).hasMessageContaining("拨付由本辖区财政局经办人办理");
        for (String[] part : new String[][] {{"4000", "JH-1"}, {"6000", "JH-2"}, {"10000", "JH-3"}}) {
            payment.recordRepayment(p, Map.of("recoveredAmount", part[0], "recoveryVoucherNo", part[1],
                    "recoveryDate", day), finance("huanggang"));
        }
        assertThat(payment.recoveries(p)).extracting(RecoveryOrder::status).containsOnly(RecoveryOrder.Status.REPAID);
        assertThat(award(p).recoveredAmount()).isEqualTo(new BigDecimal("20000.00"));
        assertThat(projects.get(p).recoveredAmount()).isEqualByComparingTo("20000");
        assertThat(projects.get(p).stage()).isEqualTo(Stage.ACCEPTANCE);
        assertThat(history.of(p)).extracting(ProjectEvent::action).endsWith("AWARD_SETTLED", "RECOVERED", "RECOVERED",
                "RECOVERED", "PAYMENT_COMPLETED");

        // Accepted, the project leaves the pool on this day.
        acceptance.accept(p, Map.of("acceptanceDate", day, "acceptanceFindings", "结算完毕,设备运行正常",
                "acceptanceDocument", "黄州验字〔2027〕1号"), bureau("huanggang"));
        assertThatThrownBy(() -> acceptance.accept(p, Map.of("acceptanceDate", day, "acceptanceFindings", "再次",
                "acceptanceDocument", "X"), bureau("huanggang"))).isInstanceOf(ValidationException.class);
        payment.exitPool(p);
        assertThat(projects.get(p).stage()).isEqualTo(Stage.FOLLOW_UP);
        assertThat(payment.acceptance(p).orElseThrow().exitedPoolOn()).isEqualTo(due);
    }

    @Test
    void shouldPayAtOnceWhereTheTableGivesNoAdvance() {
        long p = awarded("1000.00");
        jdbc.sql("update project set category = 'LOAN_INTEREST' where id = :p").param("p", p).update();
        assertThat(payment.openOrders(p).mode()).isEqualTo(PaymentPlan.Mode.FULL);
        assertThat(payment.orders(p)).extracting(PaymentOrder::kind).containsOnly(PaymentOrder.Kind.FULL);
    }
}
