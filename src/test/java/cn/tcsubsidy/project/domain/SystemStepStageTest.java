package cn.tcsubsidy.project.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.award.domain.AwardDecisionService;
import cn.tcsubsidy.filing.domain.FilingService;
import cn.tcsubsidy.notice.domain.NoticeService;
import cn.tcsubsidy.objection.domain.NoticeOutcome;
import cn.tcsubsidy.payment.domain.Payee;
import cn.tcsubsidy.payment.domain.PayeeService;
import cn.tcsubsidy.payment.domain.PayeeType;
import cn.tcsubsidy.payment.PaymentSteps;
import cn.tcsubsidy.payment.domain.AcceptanceService;
import cn.tcsubsidy.payment.domain.PaymentService;
import cn.tcsubsidy.recommendation.domain.RecommendationService;
import cn.tcsubsidy.review.domain.ReviewService;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.StepRefusedException;
import cn.tcsubsidy.support.StageFixture.Snapshot;
import cn.tcsubsidy.support.StageFixture;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The system's steps of tc-project (service tasks and the round's moves of each project) refuse a project that does
 * not stand where the step belongs, and leave it as it was: a caller who starts an instance in the middle, at
 * Task_ReturnToPool, Task_QuoteAward, Task_ExitPool or Task_CloseRejectedProject, with another project's id, moves
 * nothing. Each refusal has its allowed counterpart.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-system-steps;DB_CLOSE_DELAY=-1",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class SystemStepStageTest {

    static final Actor BUREAU = new Actor("liaocheng-bureau", List.of("liaocheng-bureau"), List.of("liaocheng"));
    static final Actor FINANCE = new Actor("liaocheng-finance", List.of("liaocheng-finance"), List.of("liaocheng"));

    @Autowired FilingService filing;
    @Autowired RecommendationService recommendation;
    @Autowired ReviewService review;
    @Autowired AwardCases awards;
    @Autowired AwardDecisionService decisions;
    @Autowired NoticeService notice;
    @Autowired NoticeOutcome noticeOutcome;
    @Autowired PaymentService payment;
    @Autowired AcceptanceService acceptance;
    @Autowired PayeeService payees;
    @Autowired ProjectLifecycle lifecycle;
    @Autowired ProjectRepository projects;
    @Autowired ProjectHistory history;
    @Autowired JdbcClient jdbc;

    StageFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new StageFixture(projects, history, jdbc);
    }

    /** The step fails naming the project, where it stands and where the step belongs; nothing of it changed. */
    void assertRefused(long projectId, ThrowingCallable step, String... messageParts) {
        Snapshot before = fixture.snapshot(projectId);
        assertThatThrownBy(step).isInstanceOf(StepRefusedException.class)
                .hasMessageContaining("项目 " + projectId).hasMessageContainingAll(messageParts);
        assertThat(fixture.snapshot(projectId)).isEqualTo(before);
    }

    @Test
    void shouldEnterAProjectIntoThePoolOnlyOnceAndOnlyWhileItIsBeingBuilt() {
        long completed = fixture.project(Stage.COMPLETED, null);
        assertRefused(completed, () -> filing.enterPool(completed, "CITY", "attacker"),
                "「纳入项目库」", "(IN_PROGRESS)");

        long building = fixture.project(Stage.IN_PROGRESS, null);
        filing.enterPool(building, null, Actor.SYSTEM);
        assertRefused(building, () -> filing.enterPool(building, "CITY", "attacker"), "已纳入项目库");
    }

    @Test
    void shouldRefuseToReturnARejectedProjectToThePool() {
        long round = fixture.round("REVIEW");
        long rejected = fixture.project(Stage.REJECTED, round);

        assertRefused(rejected, () -> recommendation.notRecommendedInTime(rejected),
                "「未通过」(REJECTED)", "「镇街推荐中」(RECOMMENDATION)");
    }

    @Test
    void shouldReturnAProjectToThePoolOnlyOnceItsRoundClosedRecommendation() {
        long open = fixture.round("RECOMMENDATION");
        long waiting = fixture.project(Stage.RECOMMENDATION, open);
        assertRefused(waiting, () -> recommendation.notRecommendedInTime(waiting), "尚未截止推荐");

        jdbc.sql("update review_round set status = 'REVIEW' where id = :r").param("r", open).update();
        recommendation.notRecommendedInTime(waiting);
        Project back = projects.get(waiting);
        assertThat(back.stage()).isEqualTo(Stage.COMPLETED);
        assertThat(back.roundId()).isNull();
    }

    @Test
    void shouldOpenRecommendationOnlyForACompletedProject() {
        long round = fixture.round("RECOMMENDATION");
        long building = fixture.project(Stage.IN_PROGRESS, null);
        assertRefused(building, () -> recommendation.opened(building, round, 2040), "(IN_PROGRESS)", "(COMPLETED)");

        long completed = fixture.project(Stage.COMPLETED, null);
        recommendation.opened(completed, round, 2040);
        assertThat(projects.get(completed).stage()).isEqualTo(Stage.RECOMMENDATION);
        assertThat(projects.get(completed).roundId()).isEqualTo(round);
    }

    @Test
    void shouldCloseReviewOnlyForAReviewedProject() {
        long round = fixture.round("LIST_DECISION");
        long unscored = fixture.project(Stage.EXPERT_REVIEW, round);
        assertRefused(unscored, () -> review.reviewClosed(unscored), "(EXPERT_REVIEW)", "(REVIEWED)");

        long reviewed = fixture.project(Stage.REVIEWED, round);
        review.reviewClosed(reviewed);
        assertThat(projects.get(reviewed).stage()).isEqualTo(Stage.AWARD_DECISION);
    }

    @Test
    void shouldQuoteOnlyAProjectAwaitingTheAwardDecisionAndOnlyOnce() {
        long round = fixture.round("LIST_DECISION");
        long inPool = fixture.project(Stage.COMPLETED, round);
        assertRefused(inPool, () -> awards.quote(inPool), "(COMPLETED)", "(AWARD_DECISION)");

        long awaiting = fixture.project(Stage.AWARD_DECISION, round);
        assertThat(awards.quote(awaiting)).as("10 % of the equipment").contains("400,000.00 元");
        assertRefused(awaiting, () -> awards.quote(awaiting), "已按奖补规则测算");
    }

    @Test
    void shouldOpenAndCloseTheNoticeOnlyForProjectsInTheirStage() {
        long round = fixture.round("NOTICE");
        long undecided = fixture.project(Stage.AWARD_DECISION, round);
        assertRefused(undecided, () -> notice.opened(undecided, LocalDate.of(2040, 12, 3), LocalDate.of(2040, 12, 9)),
                "(AWARD_DECISION)", "(AWAITING_NOTICE)");
        assertRefused(undecided, () -> notice.closed(undecided), "(AWARD_DECISION)", "(PUBLIC_NOTICE)");

        long listed = fixture.project(Stage.AWAITING_NOTICE, round);
        assertRefused(listed, () -> notice.closed(listed), "(AWAITING_NOTICE)", "(PUBLIC_NOTICE)");
        notice.opened(listed, LocalDate.of(2040, 12, 3), LocalDate.of(2040, 12, 9));
        assertThat(projects.get(listed).stage()).isEqualTo(Stage.PUBLIC_NOTICE);
        notice.closed(listed);
        assertThat(projects.get(listed).stage()).isEqualTo(Stage.NOTICE_OUTCOME);
    }

    @Test
    void shouldExitThePoolOnlyOnceTheLedgerRecordsThePayment() {
        long round = fixture.round("CLOSED");
        long p = fixture.project(Stage.AWARD_DECISION, round);
        awards.quote(p);
        decisions.decide(p, Map.of("awardDecision", "PROPOSE", "proposedAmount", 400_000, "awardOpinion", "列入"), BUREAU);
        projects.setStage(p, Stage.NOTICE_OUTCOME);
        noticeOutcome.settle(p);
        assertThat(projects.get(p).stage()).isEqualTo(Stage.PAYMENT);

        // Awaiting payment: no exit (the attack put such a project in follow-up).
        assertRefused(p, () -> payment.exitPool(p), "(PAYMENT)", "(ACCEPTANCE)");

        payees.recordAtFiling(p, new Payee(PayeeType.ENTERPRISE, projects.get(p).enterpriseName(), "中国银行聊城分行",
                "6222000011", null), BUREAU);
        payees.confirm(p, Map.of("payeeId", payees.current(p).orElseThrow().id()), BUREAU);
        PaymentSteps steps = new PaymentSteps(payment, acceptance);
        payment.openOrders(p);
        assertRefused(p, () -> payment.openOrders(p), "已生成拨付单");
        steps.payOpenOrders(p, "liaocheng", "LC-T");
        assertThat(projects.get(p).stage()).isEqualTo(Stage.ACCEPTANCE);
        // Paid, not yet accepted (验收): no exit.
        assertRefused(p, () -> payment.exitPool(p), "尚未登记验收");
        steps.accept(p, "liaocheng");
        payment.exitPool(p);
        assertThat(projects.get(p).stage()).isEqualTo(Stage.FOLLOW_UP);
        assertThat(history.of(p)).last().extracting(ProjectEvent::action).isEqualTo("EXITED_POOL");

        // Once out, it cannot exit again.
        assertRefused(p, () -> payment.exitPool(p), "(FOLLOW_UP)", "(ACCEPTANCE)");
    }

    @Test
    void shouldNotExitThePoolAProjectWithoutAnAward() {
        long rejected = fixture.project(Stage.REJECTED, fixture.round("CLOSED"));
        assertRefused(rejected, () -> payment.exitPool(rejected), "(REJECTED)", "(ACCEPTANCE)");
        assertRefused(rejected, () -> payment.openOrders(rejected), "(REJECTED)", "(PAYMENT)");

        long neverDecided = fixture.project(Stage.PAYMENT, fixture.round("CLOSED"));
        assertRefused(neverDecided, () -> payment.openOrders(neverDecided), "台账中没有待拨付的奖补");
        long notPaid = fixture.project(Stage.ACCEPTANCE, fixture.round("CLOSED"));
        assertRefused(notPaid, () -> payment.exitPool(notPaid), "尚未登记验收");
    }

    @Test
    void shouldCloseOnlyARejectedProjectAndOnlyOnce() {
        long completed = fixture.project(Stage.COMPLETED, null);
        assertRefused(completed, () -> lifecycle.closeRejected(completed), "(COMPLETED)", "(REJECTED)");

        long rejected = fixture.project(Stage.REJECTED, fixture.round("CLOSED"));
        lifecycle.closeRejected(rejected);
        assertThat(history.of(rejected)).last().extracting(ProjectEvent::action).isEqualTo("CLOSED_REJECTED");
        assertRefused(rejected, () -> lifecycle.closeRejected(rejected), "已经终止");
    }
}
