package cn.tcsubsidy.panel.domain;

import static cn.tcsubsidy.panel.domain.Sheets.CRITERIA;
import static cn.tcsubsidy.panel.domain.Sheets.scores;
import static cn.tcsubsidy.panel.domain.Sheets.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A member's score sheet: every refused field named in Chinese, and the weighted total on 0–100. */
class ScoreSheetTest {

    static List<FieldError> refused(List<CriterionScore> scores, Opinion opinion, String comment) {
        try {
            ScoreSheet.of(1L, 2L, "hekou-expert-1", CRITERIA, scores, opinion, comment);
        } catch (ValidationException e) {
            return e.errors();
        }
        throw new AssertionError("sheet accepted");
    }

    @Test
    void shouldWeighEachCriterionOnItsScaleToATotalOutOfOneHundred() {
        // 80×0.25 + 90×0.35 + 70×0.25 + 60×0.15 = 20 + 31.5 + 17.5 + 9 = 78
        assertThat(sheet("e1", Opinion.RECOMMEND, "80", "90", "70", "60").weightedTotal()).isEqualByComparingTo("78.00");
        assertThat(Sheets.flat("e1", "100").weightedTotal()).isEqualByComparingTo("100");
        assertThat(Sheets.flat("e1", "0").weightedTotal()).isEqualByComparingTo("0");
    }

    @Test
    void shouldRoundTheTotalHalfUpToTheFen() {
        // 80.01×0.25 + 0 + 0 + 0.01×0.15 = 20.0025 + 0.0015 = 20.004 -> 20.00; 0.03×0.15 + 80.01×0.25 = 20.007 -> 20.01
        assertThat(sheet("e1", Opinion.RECOMMEND, "80.01", "0", "0", "0.01").weightedTotal()).isEqualTo(new BigDecimal("20.00"));
        assertThat(sheet("e1", Opinion.RECOMMEND, "80.01", "0", "0", "0.03").weightedTotal()).isEqualTo(new BigDecimal("20.01"));
        // 0.01×0.25 + 0.01×0.25 = 0.005 -> 0.01 (half-up)
        assertThat(sheet("e1", Opinion.RECOMMEND, "0.01", "0", "0.01", "0").weightedTotal()).isEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void shouldScaleACriterionWithAnotherMaximum() {
        List<Criterion> thirty = List.of(new Criterion("INVESTMENT", "投资", new BigDecimal("30"), new BigDecimal("0.5")),
                new Criterion("SOCIAL", "社会效益", new BigDecimal("70"), new BigDecimal("0.5")));
        ScoreSheet s = ScoreSheet.of(1L, 2L, "e1", thirty, List.of(new CriterionScore("INVESTMENT", new BigDecimal("10"), "一般"),
                new CriterionScore("SOCIAL", new BigDecimal("70"), "好")), Opinion.RECOMMEND, "推荐");
        // 10/30×100×0.5 + 70/70×100×0.5 = 16.666… + 50 = 66.67
        assertThat(s.weightedTotal()).isEqualTo(new BigDecimal("66.67"));
    }

    @Test
    void shouldKeepScoresInTheOrderOfTheCriteria() {
        List<CriterionScore> reversed = new ArrayList<>(scores("1", "2", "3", "4"));
        java.util.Collections.reverse(reversed);
        ScoreSheet s = ScoreSheet.of(1L, 2L, "e1", CRITERIA, reversed, Opinion.NOT_RECOMMEND, " 不推荐 ");
        assertThat(s.scores()).extracting(CriterionScore::criterion)
                .containsExactly("INVESTMENT", "TECHNOLOGY", "ECONOMIC", "SOCIAL");
        assertThat(s.score("SOCIAL")).isEqualByComparingTo("4");
        assertThat(s.comment()).isEqualTo("不推荐");
    }

    @Test
    void shouldRefuseScoresOutsideTheScaleOrWithMoreThanTwoDecimals() {
        assertThat(refused(scores("-0.01", "100.01", "70.125", "100.00"), Opinion.RECOMMEND, "意见"))
                .containsExactly(new FieldError("score_INVESTMENT", "「投资」评分须在 0 至 100 分之间"),
                        new FieldError("score_TECHNOLOGY", "「技术水平」评分须在 0 至 100 分之间"),
                        new FieldError("score_ECONOMIC", "「经济效益」评分最多保留两位小数"));
    }

    @Test
    void shouldRefuseAMissingScoreOrOneOfACriterionTheTableDoesNotHave() {
        List<CriterionScore> s = new ArrayList<>(scores("80", null, "70"));
        s.add(new CriterionScore("BEAUTY", BigDecimal.TEN, "好看"));
        s.add(new CriterionScore("INVESTMENT", BigDecimal.ONE, "再评一次"));
        assertThat(refused(s, Opinion.RECOMMEND, "意见")).containsExactly(
                new FieldError("score_BEAUTY", "评分项目 BEAUTY 不在本辖区的评分表中"),
                new FieldError("score_INVESTMENT", "「投资」重复评分"),
                new FieldError("score_TECHNOLOGY", "请填写「技术水平」评分"),
                new FieldError("score_SOCIAL", "请填写「社会效益」评分"),
                new FieldError("comment_SOCIAL", "请填写「社会效益」评语"));
    }

    @Test
    void shouldRequireACommentPerCriterionOfAtMostFiveHundredCharacters() {
        List<CriterionScore> s = new ArrayList<>(scores("80", "80", "80", "80"));
        s.set(0, new CriterionScore("INVESTMENT", BigDecimal.TEN, "  "));
        s.set(1, new CriterionScore("TECHNOLOGY", BigDecimal.TEN, "技".repeat(501)));
        s.set(2, new CriterionScore("ECONOMIC", BigDecimal.TEN, "效".repeat(500)));
        assertThat(refused(s, Opinion.RECOMMEND, "意见")).containsExactly(
                new FieldError("comment_INVESTMENT", "请填写「投资」评语"),
                new FieldError("comment_TECHNOLOGY", "「技术水平」评语不超过 500 字"));
    }

    @Test
    void shouldRequireAnOpinionAndAnOverallCommentOfAtMostOneThousandCharacters() {
        assertThat(refused(scores("1", "2", "3", "4"), null, null)).containsExactly(
                new FieldError("opinion", "请选择总体意见(推荐或不推荐)"),
                new FieldError("overallComment", "请填写总体评审意见"));
        assertThat(refused(scores("1", "2", "3", "4"), Opinion.NOT_RECOMMEND, "意".repeat(1001))).containsExactly(
                new FieldError("overallComment", "总体评审意见不超过 1000 字"));
        assertThat(ScoreSheet.of(1L, 2L, "e1", CRITERIA, scores("1", "2", "3", "4"), Opinion.NOT_RECOMMEND,
                "意".repeat(1000)).opinion()).isEqualTo(Opinion.NOT_RECOMMEND);
    }

    @Test
    void shouldNameEveryRefusedFieldInTheMessage() {
        assertThatThrownBy(() -> ScoreSheet.of(1L, 2L, "e1", CRITERIA, List.of(), null, ""))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("score_INVESTMENT: 请填写「投资」评分")
                .hasMessageContaining("comment_SOCIAL: 请填写「社会效益」评语")
                .hasMessageContaining("opinion: ")
                .hasMessageContaining("overallComment: ");
    }

    @Test
    void shouldRefuseCriteriaWhoseWeightsDoNotSumToOne() {
        List<Criterion> lopsided = List.of(new Criterion("INVESTMENT", "投资", BigDecimal.TEN, new BigDecimal("0.5")),
                new Criterion("SOCIAL", "社会效益", BigDecimal.TEN, new BigDecimal("0.4")));
        assertThatThrownBy(() -> Criterion.checkedSet(lopsided)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sum to 0.9");
        assertThatThrownBy(() -> Criterion.checkedSet(List.of(CRITERIA.get(0), CRITERIA.get(0))))
                .hasMessageContaining("named twice");
        assertThatThrownBy(() -> new Criterion("X", "x", BigDecimal.ZERO, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
