package cn.tcsubsidy.round.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.ValidationException;
import cn.tcsubsidy.support.StageFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The round's record of who answered the quote step: the last answer (and only it) moves the round on, a late answer
 * after the bureau went on moves nothing, and the bureau goes on early only with a reason, named projects refused.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-round-answers;DB_CLOSE_DELAY=-1",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class RoundStepAnswersTest {

    static final Actor BUREAU = new Actor("liaocheng-bureau", List.of("liaocheng-bureau"), List.of("liaocheng"));

    @Autowired RoundService rounds;
    @Autowired RoundStepAnswers answers;
    @Autowired ProjectRepository projects;
    @Autowired ProjectHistory history;
    @Autowired JdbcClient jdbc;
    @Autowired cn.tcsubsidy.award.domain.AwardCases awards;

    StageFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new StageFixture(projects, history, jdbc);
    }

    @Test
    void shouldMoveTheRoundOnAtTheLastAnswerOnly() {
        long round = fixture.round("LIST_DECISION");
        long a = fixture.project(Stage.AWARD_DECISION, round);
        long b = fixture.project(Stage.AWARD_DECISION, round);
        answers.expect(round, RoundStepAnswers.QUOTE_AWARD, List.of(a, b));

        assertThat(rounds.quoted(round, a)).isFalse();
        assertThat(rounds.quoted(round, a)).as("the same answer twice is not the last one").isFalse();
        assertThat(rounds.unanswered(round, RoundStepAnswers.QUOTE_AWARD)).extracting(p -> p.id()).containsExactly(b);
        assertThat(rounds.quoted(round, b)).isTrue();
        assertThat(answers.done(round, RoundStepAnswers.QUOTE_AWARD)).containsExactly(a, b);
        rounds.checkQuotesAnswered(round, Map.of(), BUREAU);
    }

    @Test
    void shouldGoOnWithoutUnansweredProjectsOnlyWithAReason() {
        long round = fixture.round("LIST_DECISION");
        long a = fixture.project(Stage.AWARD_DECISION, round);
        long b = fixture.project(Stage.AWARD_DECISION, round);
        answers.expect(round, RoundStepAnswers.QUOTE_AWARD, List.of(a, b));
        rounds.quoted(round, a);

        assertThatThrownBy(() -> rounds.checkQuotesAnswered(round, Map.of(), BUREAU))
                .isInstanceOf(ValidationException.class)
                .hasMessage("proceedReason: 尚有 1 个项目未完成奖补测算:" + projects.get(b).enterpriseName() + "「"
                        + projects.get(b).projectName() + "」;如不等待这些项目,请填写原因");
        assertThat(answers.pending(round, RoundStepAnswers.QUOTE_AWARD)).as("nothing recorded").containsExactly(b);

        rounds.checkQuotesAnswered(round, Map.of("proceedReason", "该项目数据待核实,下轮再议"), BUREAU);
        assertThat(answers.list(round, RoundStepAnswers.QUOTE_AWARD)).extracting(RoundStepAnswers.Answer::status)
                .containsExactly(RoundStepAnswers.Status.DONE, RoundStepAnswers.Status.SKIPPED);
        assertThat(answers.list(round, RoundStepAnswers.QUOTE_AWARD).get(1).note()).isEqualTo("该项目数据待核实,下轮再议");
        assertThat(rounds.quoted(round, b)).as("a late answer after the bureau went on moves nothing").isFalse();
        assertThat(answers.done(round, RoundStepAnswers.QUOTE_AWARD)).as("and is not ranked").containsExactly(a);
    }

    @Test
    void shouldGatherOnlyProjectsCompletedInsideTheRoundsWindow() {
        long before = fixture.project(Stage.COMPLETED, null);
        long first = fixture.project(Stage.COMPLETED, null);
        long last = fixture.project(Stage.COMPLETED, null);
        long after = fixture.project(Stage.COMPLETED, null);
        completedOn(before, java.time.LocalDate.of(2024, 12, 31));
        completedOn(first, java.time.LocalDate.of(2025, 1, 1));
        completedOn(last, java.time.LocalDate.of(2025, 12, 31));
        completedOn(after, java.time.LocalDate.of(2026, 1, 1));

        List<Long> previousYearOnly = projects.findAwaitingRound(StageFixture.JURISDICTION,
                java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 12, 31)).stream().map(p -> p.id()).toList();
        assertThat(previousYearOnly).as("上年度竣工项目: the window's first and last day are inside")
                .contains(first, last).doesNotContain(before, after);
        List<Long> noLowerBound = projects.findAwaitingRound(StageFixture.JURISDICTION, null,
                java.time.LocalDate.of(2025, 12, 31)).stream().map(p -> p.id()).toList();
        assertThat(noLowerBound).contains(before, first, last).doesNotContain(after);
    }

    private void completedOn(long projectId, java.time.LocalDate day) {
        jdbc.sql("update project set completion_date = :d where id = :p").param("d", day).param("p", projectId).update();
    }

    @Test
    void shouldRankARoundHoldingAnIneligibleProjectAndStopOnlyOnAProjectWithoutAQuote() {
        long round = fixture.round("LIST_DECISION");
        long eligible = fixture.project(Stage.AWARD_DECISION, round);
        long ineligible = fixture.project(Stage.AWARD_DECISION, round);
        // 总投资500万元以上 (Liaocheng): 4,999,999.99 is refused by the table.
        jdbc.sql("update project set actual_total_investment = 4999999.99 where id = :p").param("p", ineligible).update();
        answers.expect(round, RoundStepAnswers.QUOTE_AWARD, List.of(eligible, ineligible));
        awards.quote(eligible);
        awards.quote(ineligible);
        rounds.quoted(round, eligible);
        rounds.quoted(round, ineligible);

        Map<Long, String> notes = rounds.rankAgainstBudget(round);
        assertThat(notes.get(eligible)).startsWith("预算排序第 1 名,在预算线内,可拟扶持 400,000.00 元");
        assertThat(notes.get(ineligible)).startsWith("预算排序第 2 名,按规则不予奖补,列于预算线外").contains("500万元");

        long unquoted = fixture.project(Stage.AWARD_DECISION, round);
        answers.expect(round, RoundStepAnswers.QUOTE_AWARD, List.of(unquoted));
        rounds.quoted(round, unquoted);
        assertThatThrownBy(() -> rounds.rankAgainstBudget(round)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("(编号 " + unquoted + ")没有奖补测算结果");
    }
}
