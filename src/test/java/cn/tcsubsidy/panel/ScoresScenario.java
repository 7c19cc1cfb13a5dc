package cn.tcsubsidy.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.panel.domain.ConsensusRule;
import cn.tcsubsidy.panel.domain.Criterion;
import cn.tcsubsidy.panel.domain.CriterionScore;
import cn.tcsubsidy.panel.domain.Opinion;
import cn.tcsubsidy.panel.domain.PanelOutcome;
import cn.tcsubsidy.panel.domain.ScoreAggregation;
import cn.tcsubsidy.panel.domain.ScoreSheet;
import cn.tcsubsidy.panel.domain.Scores;
import cn.tcsubsidy.panel.process.CamundaPanelRules;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.ValidationException;
import cn.tcsubsidy.support.StageFixture;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The panel's stored sheets and outcomes on the app's database (V23), scored on the criteria the deployed
 * tc-score-criteria gives: one sheet per member, project and round; read back as scored; the outcome recorded once
 * and its consensus once. Run on H2 and on PostgreSQL.
 */
abstract class ScoresScenario {

    @Autowired Scores scores;
    @Autowired CamundaPanelRules rules;
    @Autowired ProjectRepository projects;
    @Autowired ProjectHistory history;
    @Autowired JdbcClient jdbc;

    StageFixture fixture;
    List<Criterion> criteria;
    long round;
    long project;

    @BeforeEach
    void fixture() {
        fixture = new StageFixture(projects, history, jdbc);
        criteria = rules.criteria(StageFixture.JURISDICTION);
        round = fixture.round("REVIEW");
        project = fixture.project(Stage.EXPERT_REVIEW, round);
    }

    ScoreSheet sheet(long projectId, String member, String score, Opinion opinion) {
        List<CriterionScore> s = new ArrayList<>();
        for (Criterion c : criteria) {
            s.add(new CriterionScore(c.key(), new BigDecimal(score), c.label() + ":符合要求"));
        }
        return ScoreSheet.of(round, projectId, member, criteria, s, opinion, "总体意见:" + opinion.label());
    }

    long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void shouldReadASheetBackAsItWasScored() {
        List<CriterionScore> s = List.of(new CriterionScore("INVESTMENT", new BigDecimal("80.5"), "投资到位"),
                new CriterionScore("TECHNOLOGY", new BigDecimal("90"), "工艺先进"),
                new CriterionScore("ECONOMIC", new BigDecimal("70.25"), "效益一般"),
                new CriterionScore("SOCIAL", new BigDecimal("60"), "带动就业"));
        ScoreSheet sheet = ScoreSheet.of(round, project, "liaocheng-expert-1", criteria, s, Opinion.RECOMMEND, "建议支持");
        scores.save(sheet);

        List<ScoreSheet> stored = scores.byProject(round, project);
        assertThat(stored).hasSize(1);
        ScoreSheet back = stored.get(0);
        assertThat(back.criteria()).isEqualTo(criteria);
        assertThat(back.scores()).extracting(CriterionScore::comment).containsExactly("投资到位", "工艺先进", "效益一般", "带动就业");
        assertThat(back.score("ECONOMIC")).isEqualByComparingTo("70.25");
        assertThat(back.opinion()).isEqualTo(Opinion.RECOMMEND);
        assertThat(back.comment()).isEqualTo("建议支持");
        assertThat(back.weightedTotal()).isEqualTo(sheet.weightedTotal()).isEqualTo(new BigDecimal("78.19"));
        assertThat(jdbc.sql("select weighted_total from panel_score where project_id = :p").param("p", project)
                .query(BigDecimal.class).single()).isEqualByComparingTo("78.19");
    }

    @Test
    void shouldRefuseASecondSheetOfTheSameMemberAndKeepTheFirst() {
        scores.save(sheet(project, "liaocheng-expert-1", "80", Opinion.RECOMMEND));
        long criteriaRows = rows("panel_score_criterion");

        assertThatThrownBy(() -> scores.save(sheet(project, "liaocheng-expert-1", "20", Opinion.NOT_RECOMMEND)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("memberUserId", "您已提交该项目本轮的评分,不能重复提交")));
        assertThat(rows("panel_score_criterion")).as("nothing half-written").isEqualTo(criteriaRows);
        assertThat(scores.byProject(round, project)).singleElement()
                .satisfies(s -> assertThat(s.opinion()).isEqualTo(Opinion.RECOMMEND));

        long other = fixture.project(Stage.EXPERT_REVIEW, round);
        scores.save(sheet(other, "liaocheng-expert-1", "20", Opinion.NOT_RECOMMEND));
        scores.save(sheet(project, "liaocheng-expert-2", "20", Opinion.NOT_RECOMMEND));
        assertThat(scores.byProject(round, project)).extracting(ScoreSheet::memberUserId)
                .containsExactly("liaocheng-expert-1", "liaocheng-expert-2");
        assertThat(scores.submissions(round, other)).extracting(Scores.Submission::memberUserId)
                .containsExactly("liaocheng-expert-1");
        assertThat(scores.submissions(round, other).get(0).submittedAt()).isNotNull();
    }

    @Test
    void shouldRecordTheTrimmedOutcomeOnceWithItsBreakdown() {
        String[] totals = {"90", "60", "75", "80", "70"};
        for (int i = 0; i < totals.length; i++) {
            scores.save(sheet(project, "liaocheng-expert-" + (i + 1), totals[i], i == 1 ? Opinion.NOT_RECOMMEND : Opinion.RECOMMEND));
        }
        ConsensusRule rule = rules.consensus(StageFixture.JURISDICTION);
        PanelOutcome outcome = ScoreAggregation.aggregate(scores.byProject(round, project), rule);
        assertThat(outcome.aggregateScore()).isEqualTo(new BigDecimal("75.00"));
        assertThat(outcome.needsConsensus()).as("spread 30 > 20").isTrue();

        scores.saveOutcome(outcome, "system");
        PanelOutcome stored = scores.outcome(round, project).orElseThrow();
        assertThat(stored.aggregateScore()).isEqualTo(new BigDecimal("75.00"));
        assertThat(stored.spread()).isEqualByComparingTo("30");
        assertThat(stored.breakdown()).containsOnlyKeys("INVESTMENT", "TECHNOLOGY", "ECONOMIC", "SOCIAL");
        assertThat(stored.breakdown().values()).allSatisfy(v -> assertThat(v).isEqualByComparingTo("75"));
        assertThat(stored.droppedMembers()).containsExactly("liaocheng-expert-2", "liaocheng-expert-1");
        assertThat(stored.droppedPerCriterion().get("SOCIAL")).containsExactly("liaocheng-expert-2", "liaocheng-expert-1");
        assertThat(stored.count(Opinion.NOT_RECOMMEND)).isEqualTo(1);
        assertThat(stored.finalScore()).as("awaiting the consensus").isNull();
        assertThatThrownBy(() -> scores.saveOutcome(outcome, "system")).isInstanceOf(IllegalStateException.class);

        scores.saveAgreement(stored.agreed(new BigDecimal("76"), "经合议,维持去掉最高最低分后的意见并略作调整"), "liaocheng-expert-3");
        PanelOutcome agreed = scores.outcome(round, project).orElseThrow();
        assertThat(agreed.finalScore()).isEqualByComparingTo("76");
        assertThat(agreed.agreedReason()).isEqualTo("经合议,维持去掉最高最低分后的意见并略作调整");
        assertThat(jdbc.sql("select agreed_by from panel_outcome where project_id = :p").param("p", project)
                .query(String.class).single()).isEqualTo("liaocheng-expert-3");
        assertThatThrownBy(() -> scores.saveAgreement(stored.agreed(new BigDecimal("50"), "再议"), "liaocheng-expert-3"))
                .isInstanceOf(ValidationException.class);
        assertThat(scores.outcome(round, project).orElseThrow().agreedScore()).isEqualByComparingTo("76");
    }

    @Test
    void shouldKeepAnOutcomeThatNeedsNoConsensusFromAnAgreement() {
        scores.save(sheet(project, "liaocheng-expert-1", "80", Opinion.RECOMMEND));
        scores.save(sheet(project, "liaocheng-expert-2", "70", Opinion.RECOMMEND));
        PanelOutcome outcome = ScoreAggregation.aggregate(scores.byProject(round, project),
                rules.consensus(StageFixture.JURISDICTION));
        scores.saveOutcome(outcome, "system");
        assertThat(scores.outcome(round, project).orElseThrow().finalScore()).isEqualByComparingTo("75");

        PanelOutcome forced = new PanelOutcome(round, project, outcome.aggregateScore(), outcome.breakdown(),
                outcome.opinions(), outcome.spread(), true, List.of(), outcome.droppedPerCriterion(),
                new BigDecimal("90"), "强行合议");
        assertThatThrownBy(() -> scores.saveAgreement(forced, "liaocheng-expert-1")).isInstanceOf(ValidationException.class);
        assertThat(scores.outcome(round, project).orElseThrow().agreedScore()).isNull();
        assertThat(scores.outcome(round, fixture.project(Stage.EXPERT_REVIEW, round))).isEmpty();
    }
}
