package cn.tcsubsidy.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.award.domain.AwardDecisionService;
import cn.tcsubsidy.engine.EngineClock;
import cn.tcsubsidy.objection.domain.NoticeOutcome;
import cn.tcsubsidy.payment.PaymentSteps;
import cn.tcsubsidy.payment.domain.AcceptanceService;
import cn.tcsubsidy.payment.domain.Payee;
import cn.tcsubsidy.payment.domain.PayeeService;
import cn.tcsubsidy.payment.domain.PayeeType;
import cn.tcsubsidy.payment.domain.PaymentService;
import cn.tcsubsidy.project.domain.NewProject;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The follow-up's guards in the domain, whoever calls: the report by the filing user only and not before its day,
 * the reminders by the project's own town and only while the report is awaited, the evaluation by the bureau only,
 * one rectification, a clawback within what was paid and with its basis, repayments by finance within what is
 * outstanding; a refusal writes nothing.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-follow-up-service;DB_CLOSE_DELAY=-1",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class FollowUpServiceTest {

    static final String J = "liaocheng";
    static final Actor BUREAU = new Actor("liaocheng-bureau", List.of("liaocheng-bureau"), List.of(J));
    static final Actor FINANCE = new Actor("liaocheng-finance", List.of("liaocheng-finance"), List.of(J));
    static final Actor ENTERPRISE = new Actor("liaocheng-ent-1", List.of("liaocheng-enterprise"), List.of(J));
    static final Actor OTHER_ENTERPRISE = new Actor("liaocheng-ent-2", List.of("liaocheng-enterprise"), List.of(J));
    static final Actor TOWN = new Actor("liaocheng-town-chiping", List.of("liaocheng-town-chiping"), List.of(J));
    static final Actor OTHER_TOWN = new Actor("liaocheng-town-linqing", List.of("liaocheng-town-linqing"), List.of(J));
    static final Actor ADMIN = new Actor("admin", List.of(Actor.ADMIN_GROUP), List.of());
    static int filed;

    @Autowired FollowUpService followUp;
    @Autowired PerformanceTargets targets;
    @Autowired AwardCases cases;
    @Autowired AwardDecisionService decisions;
    @Autowired NoticeOutcome noticeOutcome;
    @Autowired PaymentService payment;
    @Autowired AcceptanceService acceptance;
    @Autowired PayeeService payees;
    @Autowired ProjectRepository projects;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void realTime() {
        EngineClock.reset();
    }

    /** A project paid 400,000 with its targets, out of the pool, its follow-up scheduled. */
    long followedUp() {
        long round = jdbc.sql("select count(*) from review_round where jurisdiction_code = 'liaocheng' and round_year = 2026")
                .query(Long.class).single() > 0 ? 0 : jdbc.sql("""
                insert into review_round (jurisdiction_code, round_year, recommendation_deadline, completed_before,
                  status, opened_by, opened_at) values ('liaocheng', 2026, DATE '2026-11-30', DATE '2025-12-31',
                  'LIST_DECISION', 'test', CURRENT_TIMESTAMP)
                """).update();
        if (round > 0) {
            cn.tcsubsidy.support.StageFixture.budget(jdbc, J, J, 2026, new BigDecimal("20000000"));
        }
        long roundId = jdbc.sql("select id from review_round where jurisdiction_code = 'liaocheng' and round_year = 2026")
                .query(Long.class).single();
        int n = ++filed;
        String enterprise = "聊城市绩效服务测试" + n + "有限公司";
        long id = projects.insert(new NewProject(J, "chiping", enterprise,
                CreditCode.withCheckCharacter(String.format("9137152%010d", 600 + n)),
                String.format("2025-371523-34-03-%06d", 800_000 + n), "设备更新", "EQUIPMENT",
                BigDecimal.valueOf(6_000_000), BigDecimal.valueOf(4_000_000), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 9, 30)), Stage.IN_PROGRESS,
                ENTERPRISE.userId());
        projects.recordCompletion(id, LocalDate.of(2025, 9, 30), BigDecimal.valueOf(6_000_000),
                BigDecimal.valueOf(4_000_000), BigDecimal.ZERO, BigDecimal.ZERO);
        projects.setRound(id, roundId);
        projects.setExpertScore(id, BigDecimal.valueOf(85));
        projects.setStage(id, Stage.AWARD_DECISION);
        cases.quote(id);
        decisions.decide(id, Map.of("awardDecision", "PROPOSE", "proposedAmount", 400_000, "awardOpinion", "列入"), BUREAU);
        projects.setStage(id, Stage.NOTICE_OUTCOME);
        noticeOutcome.settle(id);
        payees.recordAtFiling(id, new Payee(PayeeType.ENTERPRISE, enterprise, "中国银行聊城分行", "6222000011", null), BUREAU);
        payees.confirm(id, Map.of("payeeId", payees.current(id).orElseThrow().id()), BUREAU);
        PaymentSteps steps = new PaymentSteps(payment, acceptance);
        steps.payAll(id, J, "FU" + n);
        steps.accept(id, J);
        payment.exitPool(id);
        targets.store(id, Map.of(Indicator.OUTPUT_VALUE, new BigDecimal("5000000.00"), Indicator.NEW_JOBS,
                new BigDecimal("20.00")), ENTERPRISE.userId(), LocalDateTime.now());
        followUp.open(id);
        return id;
    }

    void reportDay() {
        EngineClock.moveTo(java.time.Instant.now().plus(java.time.Duration.ofDays(370)));
    }

    static Map<String, Object> results(long output, int jobs) {
        Map<String, Object> r = new HashMap<>();
        r.put("resultOutputValue", output);
        r.put("resultTax", 100_000);
        r.put("resultNewJobs", jobs);
        r.put("resultInvestmentCompletionRate", 100);
        r.put("reportNote", "报送");
        return r;
    }

    String status(long id) {
        return jdbc.sql("select status from follow_up where project_id = :p").param("p", id).query(String.class).single();
    }

    @Test
    void shouldTakeTheReportOnlyFromTheFilingUserAndNotBeforeItsDay() {
        long p = followedUp();
        assertThatThrownBy(() -> followUp.report(p, results(5_000_000, 20), ENTERPRISE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("起报送");
        reportDay();
        assertThatThrownBy(() -> followUp.report(p, results(5_000_000, 20), OTHER_ENTERPRISE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> followUp.report(p, results(5_000_000, 20), ADMIN))
                .isInstanceOf(AccessDeniedException.class);
        Map<String, Object> missing = results(5_000_000, 20);
        missing.remove("resultTax");
        assertThatThrownBy(() -> followUp.report(p, missing, ENTERPRISE)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("实际新增税收");
        assertThat(status(p)).isEqualTo("AWAITING_REPORT");
        followUp.report(p, results(5_000_000, 20), ENTERPRISE);
        assertThat(status(p)).isEqualTo("REPORTED");
        assertThatThrownBy(() -> followUp.report(p, results(5_000_000, 20), ENTERPRISE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("已报送");
    }

    @Test
    void shouldTakeRemindersFromTheProjectsOwnTownOnlyWhileTheReportIsAwaited() {
        long p = followedUp();
        assertThatThrownBy(() -> followUp.urge(p, FollowUpService.TOWN, Map.of("urgeNote", "督促"), OTHER_TOWN))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> followUp.urge(p, FollowUpService.BUREAU, Map.of("urgeNote", "督办"), TOWN))
                .isInstanceOf(AccessDeniedException.class);
        followUp.urge(p, FollowUpService.TOWN, Map.of("urgeNote", "电话督促"), TOWN);
        followUp.urge(p, FollowUpService.BUREAU, Map.of("urgeNote", "发督办函"), BUREAU);
        reportDay();
        followUp.report(p, results(5_000_000, 20), ENTERPRISE);
        assertThatThrownBy(() -> followUp.urge(p, FollowUpService.TOWN, Map.of("urgeNote", "督促"), TOWN))
                .isInstanceOf(ValidationException.class).hasMessageContaining("无需督促");
        assertThat(jdbc.sql("select level from follow_up_urge where project_id = :p order by id").param("p", p)
                .query(String.class).list()).containsExactly("TOWN", "BUREAU");
    }

    @Test
    void shouldEvaluateByTheBureauRectifyOnceAndClawBackWithinWhatWasPaid() {
        long p = followedUp();
        reportDay();
        followUp.report(p, results(3_000_000, 20), ENTERPRISE);
        FollowUpService.Assessment a = followUp.assess(p);
        assertThat(a.lowestRatio()).isEqualByComparingTo("0.6");
        assertThat(a.suggestion().conclusion()).isEqualTo("RECTIFY");
        assertThat(a.recoverable()).isEqualByComparingTo("400000");
        Map<String, Object> rectify = Map.of("performanceConclusion", "RECTIFY", "performanceOpinion", "限期整改");
        assertThatThrownBy(() -> followUp.evaluate(p, rectify, FINANCE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> followUp.evaluate(p, Map.of("performanceConclusion", "PASS", "performanceOpinion", "过"),
                BUREAU)).isInstanceOf(ValidationException.class).hasMessageContaining("不采纳建议的理由");
        followUp.evaluate(p, rectify, BUREAU);
        assertThat(status(p)).isEqualTo("RECTIFYING");
        assertThat(followUp.rectifyDueOn(p)).isAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(370));
        Map<String, Object> measures = new HashMap<>(results(3_100_000, 20));
        measures.remove("reportNote");
        measures.put("rectificationMeasures", "增加订单");
        assertThatThrownBy(() -> followUp.rectify(p, measures, OTHER_ENTERPRISE)).isInstanceOf(AccessDeniedException.class);
        followUp.rectify(p, measures, ENTERPRISE);

        assertThatThrownBy(() -> followUp.evaluate(p, Map.of("performanceConclusion", "RECTIFY", "departureReason", "再来",
                "performanceOpinion", "再整改"), BUREAU)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("不能再次要求整改");
        assertThatThrownBy(() -> followUp.evaluate(p, Map.of("performanceConclusion", "CLAWBACK", "clawbackAmount", 400_000.01,
                "clawbackBasis", "协议第八条", "performanceOpinion", "追回"), BUREAU))
                .isInstanceOf(ValidationException.class).hasMessageContaining("不超过已拨付");
        assertThatThrownBy(() -> followUp.evaluate(p, Map.of("performanceConclusion", "CLAWBACK", "clawbackAmount", 120_000,
                "performanceOpinion", "追回"), BUREAU)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("追回依据");
        assertThat(jdbc.sql("select count(*) from recovery_order where project_id = :p").param("p", p).query(Long.class)
                .single()).as("nothing half-written").isZero();
        followUp.evaluate(p, Map.of("performanceConclusion", "CLAWBACK", "clawbackAmount", 120_000,
                "clawbackBasis", "协议第八条", "performanceOpinion", "追回部分"), BUREAU);
        assertThat(projects.get(p).stage()).isEqualTo(Stage.CLAWBACK);

        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(370).toString();
        assertThatThrownBy(() -> followUp.recordRepayment(p, Map.of("recoveredAmount", 20_000, "recoveryVoucherNo", "V1",
                "recoveryDate", day), BUREAU)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> followUp.recordRepayment(p, Map.of("recoveredAmount", 120_000.01, "recoveryVoucherNo", "V1",
                "recoveryDate", day), FINANCE)).isInstanceOf(ValidationException.class).hasMessageContaining("不超过");
        followUp.recordRepayment(p, Map.of("recoveredAmount", 20_000, "recoveryVoucherNo", "V1", "recoveryDate", day), FINANCE);
        assertThat(followUp.clawbackOutstanding(p)).isTrue();
        followUp.recordRepayment(p, Map.of("recoveredAmount", 100_000, "recoveryVoucherNo", "V2", "recoveryDate", day), FINANCE);
        assertThat(followUp.clawbackOutstanding(p)).isFalse();
        assertThat(status(p)).isEqualTo("CLAWED_BACK");
        assertThat(projects.get(p).stage()).isEqualTo(Stage.CLOSED);
        assertThat(projects.get(p).recoveredAmount()).isEqualByComparingTo("120000");
    }
}
