package cn.tcsubsidy.award.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.followup.domain.FollowUpService;
import cn.tcsubsidy.objection.ObjectionFixture;
import cn.tcsubsidy.objection.domain.NoticeOutcome;
import cn.tcsubsidy.objection.domain.ObjectionChannel;
import cn.tcsubsidy.objection.domain.ObjectionService;
import cn.tcsubsidy.payment.PaymentSteps;
import cn.tcsubsidy.payment.domain.AcceptanceService;
import cn.tcsubsidy.payment.domain.Payee;
import cn.tcsubsidy.payment.domain.PayeeService;
import cn.tcsubsidy.payment.domain.PayeeType;
import cn.tcsubsidy.payment.domain.PaymentService;
import cn.tcsubsidy.project.domain.NewProject;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A project's award from quote to clawback through the stage services, on Liaocheng's real tables (10 % of equipment,
 * 2,000,000 per enterprise) and the ledger.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-award-cases;DB_CLOSE_DELAY=-1",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class AwardCasesTest {

    static final Actor BUREAU = new Actor("liaocheng-bureau", List.of("liaocheng-bureau"), List.of("liaocheng"));
    static final Actor FINANCE = new Actor("liaocheng-finance", List.of("liaocheng-finance"), List.of("liaocheng"));
    static final Actor ENTERPRISE = new Actor("liaocheng-ent-1", List.of("liaocheng-enterprise"), List.of("liaocheng"));
    static final String CREDIT = cn.tcsubsidy.shared.CreditCode.withCheckCharacter("91371500MA3N0000X");

    @Autowired AwardCases cases;
    @Autowired AwardDecisionService decisions;
    @Autowired ObjectionService objections;
    @Autowired NoticeOutcome noticeOutcome;
    @Autowired java.time.Clock clock;
    @Autowired PaymentService payment;
    @Autowired AcceptanceService acceptance;
    @Autowired PayeeService payees;
    @Autowired FollowUpService followUp;
    @Autowired ProjectRepository projects;
    @Autowired JdbcClient jdbc;

    long round;
    int filed;

    long project(String enterprise, long total, long equipment) {
        if (round == 0) {
            round = jdbc.sql("""
                    insert into review_round (jurisdiction_code, round_year, recommendation_deadline, completed_before,
                      status, opened_by, opened_at) values ('liaocheng', 2026, DATE '2026-11-30', DATE '2025-12-31',
                      'LIST_DECISION', 'test', CURRENT_TIMESTAMP)
                    """).update() > 0
                    ? jdbc.sql("select id from review_round where jurisdiction_code = 'liaocheng' and round_year = 2026")
                            .query(Long.class).single() : 0;
            cn.tcsubsidy.support.StageFixture.budget(jdbc, "liaocheng", "liaocheng", 2026, new BigDecimal("20000000"));
        }
        long id = projects.insert(new NewProject("liaocheng", "chiping", enterprise, CREDIT,
                String.format("2025-371523-34-03-%06d", ++filed), "设备更新", "EQUIPMENT",
                BigDecimal.valueOf(total), BigDecimal.valueOf(equipment), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 9, 30)), Stage.IN_PROGRESS, "liaocheng-ent-1");
        projects.recordCompletion(id, LocalDate.of(2025, 9, 30), BigDecimal.valueOf(total), BigDecimal.valueOf(equipment),
                BigDecimal.ZERO, BigDecimal.ZERO);
        projects.setRound(id, round);
        projects.setExpertScore(id, BigDecimal.valueOf(85));
        projects.setStage(id, Stage.AWARD_DECISION);
        return id;
    }

    String award(long projectId) {
        return jdbc.sql("select status || ':' || granted_amount || ':' || coalesce(recovered_amount, 0) from award where project_id = :p")
                .param("p", projectId).query(String.class).single();
    }

    void propose(long projectId, long amount) {
        decisions.decide(projectId, Map.of("awardDecision", "PROPOSE", "proposedAmount", amount, "awardOpinion", "列入"), BUREAU);
    }

    @Test
    void shouldCutToTheEnterpriseCapCancelOnUpheldObjectionAndRecoverOnMissedPerformance() {
        long first = project("聊城市茌平区示例机械有限公司", 6_000_000, 4_000_000);
        assertThat(cases.quote(first)).as("digest example").contains("400,000.00 元");
        assertThatThrownBy(() -> propose(first, 400_001)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("不能超过按奖补规则测算");
        propose(first, 400_000);
        assertThat(award(first)).startsWith("PROPOSED:400000.00");

        // The same enterprise's second project: the table quotes 2,000,000; 400,000 of the cap is used.
        long second = project("聊城市茌平区示例机械有限公司", 25_000_000, 20_000_000);
        assertThat(cases.quote(second)).contains("2,000,000.00 元");
        propose(second, 2_000_000);
        assertThat(award(second)).startsWith("PROPOSED:1600000.00");
        assertThat(projects.get(second).proposedAmount()).isEqualByComparingTo("1600000");

        // An upheld objection on the first cancels its award: the cap room returns.
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("update review_round set notice_starts_on = :a, notice_ends_on = :b where id = :r")
                .param("a", today).param("b", today.plusDays(7)).param("r", round).update();
        projects.setStage(first, Stage.PUBLIC_NOTICE);
        long objection = objections.file(first, ObjectionChannel.WRITTEN,
                ObjectionFixture.objector("设备发票重复使用"), ObjectionFixture.scan(), BUREAU).id();
        objections.decide(objection, ObjectionFixture.outcome("UPHELD", "实名举报设备发票重复使用,经核查属实"), BUREAU);
        assertThat(award(first)).startsWith("CANCELLED:");
        projects.setStage(first, Stage.NOTICE_OUTCOME);
        assertThat(noticeOutcome.settle(first)).isEqualTo(ObjectionService.Standing.UPHELD);
        assertThat(projects.get(first).stage()).isEqualTo(Stage.REJECTED);

        // The second is paid, misses its targets and repays part of the award.
        projects.setStage(second, Stage.NOTICE_OUTCOME);
        assertThat(noticeOutcome.settle(second)).isEqualTo(ObjectionService.Standing.NONE);
        payees.recordAtFiling(second, new Payee(PayeeType.ENTERPRISE, "聊城市茌平区示例机械有限公司", "中国银行聊城分行",
                "6222000011", null), BUREAU);
        payees.confirm(second, Map.of("payeeId", payees.current(second).orElseThrow().id()), BUREAU);
        PaymentSteps steps = new PaymentSteps(payment, acceptance);
        steps.payAll(second, "liaocheng", "LC");
        assertThat(award(second)).startsWith("PAID:1600000.00");
        steps.accept(second, "liaocheng");
        payment.exitPool(second);
        followUp.open(second);
        cn.tcsubsidy.engine.EngineClock.moveTo(java.time.Instant.now().plus(java.time.Duration.ofDays(400)));
        try {
            followUp.report(second, Map.of("resultOutputValue", 0, "resultTax", 0, "resultNewJobs", 0,
                    "resultInvestmentCompletionRate", 60, "reportNote", "投资未完成"), ENTERPRISE);
            followUp.evaluate(second, Map.of("performanceConclusion", "CLAWBACK", "departureReason", "投资完成率仅 60%",
                    "clawbackAmount", 300_000, "clawbackBasis", "奖补协议第八条", "performanceOpinion", "投资完成率不足"),
                    BUREAU);
            assertThat(projects.get(second).stage()).isEqualTo(Stage.CLAWBACK);
            followUp.recordRepayment(second, Map.of("recoveredAmount", 300_000, "recoveryVoucherNo", "LC-R1",
                    "recoveryDate", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(400).toString()), FINANCE);
        } finally {
            cn.tcsubsidy.engine.EngineClock.reset();
        }
        assertThat(award(second)).isEqualTo("PAID:1600000.00:300000.00");
        assertThat(projects.get(second).stage()).isEqualTo(Stage.CLOSED);
    }
}
