package cn.tcsubsidy.round.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.project.domain.ProjectEvent;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.StepRefusedException;
import cn.tcsubsidy.shared.ValidationException;
import cn.tcsubsidy.support.StageFixture.Snapshot;
import cn.tcsubsidy.support.StageFixture;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The round's steps refuse a round that does not stand where the step belongs, and the notice closes only once its
 * last working day is over by the app's clock, which is the engine's: whoever fires the timer early, the step fails
 * (the job then retries and becomes an incident) and neither the round nor its projects move.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-round-steps;DB_CLOSE_DELAY=-1",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class RoundStepStatusTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final Actor BUREAU = new Actor("liaocheng-bureau", List.of("liaocheng-bureau"), List.of("liaocheng"));

    @Autowired RoundService rounds;
    @Autowired ProjectRepository projects;
    @Autowired ProjectHistory history;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    StageFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new StageFixture(projects, history, jdbc);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    static void setEngineClock(LocalDateTime beijingTime) {
        ClockUtil.setCurrentTime(Date.from(beijingTime.atZone(BEIJING).toInstant()));
    }

    /** The step fails naming the round, where it stands and where the step belongs; round and project unchanged. */
    void assertRefused(long roundId, long projectId, ThrowingCallable step, String... messageParts) {
        Map<String, Object> round = fixture.roundRow(roundId);
        Snapshot project = fixture.snapshot(projectId);
        assertThatThrownBy(step).isInstanceOf(StepRefusedException.class)
                .hasMessageContaining("评审轮次 " + roundId).hasMessageContainingAll(messageParts);
        assertThat(fixture.roundRow(roundId)).isEqualTo(round);
        assertThat(fixture.snapshot(projectId)).isEqualTo(project);
    }

    @Test
    void shouldCloseRecommendationOnlyWhileTheRoundRecommends() {
        long round = fixture.round("REVIEW");
        long late = fixture.project(Stage.RECOMMENDATION, round);
        assertRefused(round, late, () -> rounds.closeRecommendation(round), "「专家评审中」(REVIEW)", "「镇街推荐中」(RECOMMENDATION)");

        long open = fixture.round("RECOMMENDATION");
        long waiting = fixture.project(Stage.RECOMMENDATION, open);
        assertThat(rounds.closeRecommendation(open)).extracting(p -> p.id()).containsExactly(waiting);
        assertThat(rounds.get(open).status()).isEqualTo(RoundStatus.REVIEW);
    }

    @Test
    void shouldConcludeReviewOnlyWhileTheRoundReviews() {
        long round = fixture.round("RECOMMENDATION");
        long reviewed = fixture.project(Stage.REVIEWED, round);
        assertRefused(round, reviewed, () -> rounds.concludeReview(round), "(RECOMMENDATION)", "(REVIEW)");

        long reviewing = fixture.round("REVIEW");
        long passed = fixture.project(Stage.REVIEWED, reviewing);
        assertThat(rounds.concludeReview(reviewing)).extracting(p -> p.id()).containsExactly(passed);
        assertThat(projects.get(passed).stage()).isEqualTo(Stage.AWARD_DECISION);
    }

    @Test
    void shouldRankAndOpenTheNoticeOnlyWhileTheListIsDecided() {
        long round = fixture.round("REVIEW");
        long listed = fixture.project(Stage.AWAITING_NOTICE, round);
        assertRefused(round, listed, () -> rounds.rankAgainstBudget(round), "(REVIEW)", "(LIST_DECISION)");
        assertRefused(round, listed, () -> rounds.openNotice(round, 5), "(REVIEW)", "(LIST_DECISION)");

        long deciding = fixture.round("LIST_DECISION");
        long proposed = fixture.project(Stage.AWAITING_NOTICE, deciding);
        setEngineClock(LocalDateTime.of(2026, 12, 2, 10, 0));
        RoundService.NoticePeriod period = rounds.openNotice(deciding, 5);
        assertThat(period.firstDay()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(period.lastDay()).as("five working days, Wednesday to Tuesday").isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(projects.get(proposed).stage()).isEqualTo(Stage.PUBLIC_NOTICE);
    }

    @Test
    void shouldRefuseToCloseTheNoticeBeforeItsLastWorkingDayIsOver() {
        long round = fixture.round("NOTICE", LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 8));
        long listed = fixture.project(Stage.PUBLIC_NOTICE, round);

        // The timer fired five seconds after the notice opened, and again in the last minute of its last day.
        setEngineClock(LocalDateTime.of(2026, 12, 2, 10, 0, 5));
        assertRefused(round, listed, () -> rounds.closeNotice(round), "公示期至 2026-12-08 止", "2026-12-09 00:00",
                "2026-12-02T10:00:05", "不能提前结束公示");
        setEngineClock(LocalDateTime.of(2026, 12, 8, 23, 59, 59));
        assertRefused(round, listed, () -> rounds.closeNotice(round), "不能提前结束公示");

        // At the start of the next day the notice is over: the round closes it, and the app's clock is the engine's.
        setEngineClock(LocalDateTime.of(2026, 12, 9, 0, 0));
        assertThat(LocalDateTime.now(clock)).isEqualTo(LocalDateTime.of(2026, 12, 9, 0, 0));
        assertThat(rounds.closeNotice(round)).extracting(p -> p.id()).containsExactly(listed);
        assertThat(rounds.get(round).status()).isEqualTo(RoundStatus.CLOSED);
        assertThat(projects.get(listed).stage()).isEqualTo(Stage.NOTICE_OUTCOME);
        assertThat(history.of(listed)).last().extracting(ProjectEvent::action, ProjectEvent::occurredAt)
                .containsExactly("NOTICE_CLOSED", LocalDateTime.of(2026, 12, 9, 0, 0));
    }

    @Test
    void shouldRefuseToCloseTheNoticeOfARoundNotInNotice() {
        long round = fixture.round("LIST_DECISION");
        long listed = fixture.project(Stage.AWAITING_NOTICE, round);
        assertRefused(round, listed, () -> rounds.closeNotice(round), "(LIST_DECISION)", "(NOTICE)");
    }

    @Test
    void shouldRefuseTheBureausRoundDecisionsOutsideTheirStatus() {
        long round = fixture.round("REVIEW");
        Map<String, Object> before = fixture.roundRow(round);
        assertThatThrownBy(() -> rounds.checkCloseRecommendation(round, Map.of("closeNote", "推荐截止"), BUREAU))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).message())
                        .isEqualTo("评审轮次当前处于「专家评审中」阶段,不能办理此事项"));
        assertThatThrownBy(() -> rounds.checkListComplete(round, Map.of("listNote", "名单"), BUREAU))
                .isInstanceOf(ValidationException.class).hasMessageContaining("专家评审中");
        rounds.checkReviewComplete(round, Map.of("reviewSummary", "评审完成"), BUREAU);
        assertThat(fixture.roundRow(round)).isEqualTo(before);
    }
}
