package cn.tcsubsidy.panel.domain;

import static cn.tcsubsidy.panel.domain.Sheets.RULE;
import static cn.tcsubsidy.panel.domain.Sheets.flat;
import static cn.tcsubsidy.panel.domain.Sheets.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A panel's sheets averaged, trimmed from five, rounded once, and the spread that calls for a consensus. */
class ScoreAggregationTest {

    @Test
    void shouldAverageThreeSheetsWithoutTrimming() {
        PanelOutcome o = ScoreAggregation.aggregate(List.of(
                sheet("e1", Opinion.RECOMMEND, "80", "90", "70", "60"),     // 78.00
                sheet("e2", Opinion.RECOMMEND, "70", "80", "60", "50"),     // 68.00
                sheet("e3", Opinion.NOT_RECOMMEND, "60", "70", "50", "40")), // 58.00
                RULE);
        assertThat(o.aggregateScore()).isEqualTo(new BigDecimal("68.00"));
        assertThat(o.breakdown()).containsExactly(
                java.util.Map.entry("INVESTMENT", new BigDecimal("70.00")),
                java.util.Map.entry("TECHNOLOGY", new BigDecimal("80.00")),
                java.util.Map.entry("ECONOMIC", new BigDecimal("60.00")),
                java.util.Map.entry("SOCIAL", new BigDecimal("50.00")));
        assertThat(o.droppedMembers()).isEmpty();
        assertThat(o.droppedPerCriterion().get("SOCIAL")).isEmpty();
        assertThat(o.sheets()).isEqualTo(3);
        assertThat(o.count(Opinion.RECOMMEND)).isEqualTo(2);
        assertThat(o.count(Opinion.NOT_RECOMMEND)).isEqualTo(1);
        assertThat(o.opinions()).containsEntry("e3", Opinion.NOT_RECOMMEND);
        assertThat(o.spread()).isEqualByComparingTo("20");
        assertThat(o.needsConsensus()).isFalse();
        assertThat(o.finalScore()).isEqualTo(new BigDecimal("68.00"));
        assertThat(o.roundId()).isEqualTo(1L);
        assertThat(o.projectId()).isEqualTo(2L);
    }

    @Test
    void shouldDropTheHighestAndLowestOfFiveSheets() {
        PanelOutcome o = ScoreAggregation.aggregate(List.of(flat("e1", "90"), flat("e2", "60"), flat("e3", "75"),
                flat("e4", "80"), flat("e5", "70")), new ConsensusRule(new BigDecimal("40"), 5));
        assertThat(o.aggregateScore()).as("(75 + 80 + 70) / 3").isEqualTo(new BigDecimal("75.00"));
        assertThat(o.droppedMembers()).containsExactly("e2", "e1");
        assertThat(o.spread()).as("over all five sheets").isEqualByComparingTo("30");
        assertThat(o.needsConsensus()).isFalse();
    }

    @Test
    void shouldAverageFourSheetsWhenTrimmingStartsAtFive() {
        PanelOutcome o = ScoreAggregation.aggregate(List.of(flat("e1", "90"), flat("e2", "80"), flat("e3", "75"),
                flat("e4", "80")), RULE);
        assertThat(o.aggregateScore()).isEqualTo(new BigDecimal("81.25"));
        assertThat(o.droppedMembers()).isEmpty();
    }

    @Test
    void shouldTrimEachCriterionOnItsOwnScores() {
        PanelOutcome o = ScoreAggregation.aggregate(List.of(
                sheet("e1", Opinion.RECOMMEND, "100", "10", "50", "50"),
                sheet("e2", Opinion.RECOMMEND, "10", "100", "50", "50"),
                sheet("e3", Opinion.RECOMMEND, "50", "50", "50", "50"),
                sheet("e4", Opinion.RECOMMEND, "60", "60", "50", "50"),
                sheet("e5", Opinion.RECOMMEND, "40", "40", "50", "50")), new ConsensusRule(new BigDecimal("100"), 5));
        assertThat(o.droppedPerCriterion().get("INVESTMENT")).containsExactly("e2", "e1");
        assertThat(o.droppedPerCriterion().get("TECHNOLOGY")).containsExactly("e1", "e2");
        assertThat(o.breakdown().get("INVESTMENT")).isEqualTo(new BigDecimal("50.00"));
        assertThat(o.breakdown().get("TECHNOLOGY")).isEqualTo(new BigDecimal("50.00"));
        // totals: e1 48.5, e2 57.5, e3 50, e4 56, e5 44 -> drop e5 and e2, (48.5 + 50 + 56) / 3 = 51.5: the totals
        // keep e1, whose investment score the breakdown dropped
        assertThat(o.droppedMembers()).containsExactly("e5", "e2");
        assertThat(o.aggregateScore()).isEqualTo(new BigDecimal("51.50"));
    }

    @Test
    void shouldDropOneSheetEachOfTiedTotalsByMemberOrder() {
        PanelOutcome o = ScoreAggregation.aggregate(List.of(flat("e5", "60"), flat("e3", "60"), flat("e1", "80"),
                flat("e4", "80"), flat("e2", "70")), RULE);
        assertThat(o.droppedMembers()).as("lowest: first member id of the tied; highest: last").containsExactly("e3", "e4");
        assertThat(o.aggregateScore()).as("(60 + 80 + 70) / 3").isEqualTo(new BigDecimal("70.00"));
    }

    @Test
    void shouldRoundTheAverageHalfUpOnceAtTheEnd() {
        // 70.01 + 70.02 + 70.02 = 210.05 / 3 = 70.01666… -> 70.02
        PanelOutcome o = ScoreAggregation.aggregate(List.of(flat("e1", "70.01"), flat("e2", "70.02"),
                flat("e3", "70.02")), RULE);
        assertThat(o.aggregateScore()).isEqualTo(new BigDecimal("70.02"));
        // 70.01 + 70.00 = 140.01 / 2 = 70.005 -> 70.01 (half-up)
        PanelOutcome two = ScoreAggregation.aggregate(List.of(flat("e1", "70.01"), flat("e2", "70.00")), RULE);
        assertThat(two.aggregateScore()).isEqualTo(new BigDecimal("70.01"));
        assertThat(two.breakdown().get("SOCIAL")).isEqualTo(new BigDecimal("70.01"));
    }

    @Test
    void shouldNotCallForConsensusAtTheThresholdNorOneFenUnder() {
        assertThat(ScoreAggregation.aggregate(List.of(flat("e1", "80"), flat("e2", "60"), flat("e3", "70")), RULE)
                .needsConsensus()).as("spread 20.00 = threshold").isFalse();
        PanelOutcome under = ScoreAggregation.aggregate(List.of(flat("e1", "79.99"), flat("e2", "60"), flat("e3", "70")), RULE);
        assertThat(under.spread()).isEqualByComparingTo("19.99");
        assertThat(under.needsConsensus()).isFalse();
    }

    @Test
    void shouldCallForConsensusOneFenAboveTheThreshold() {
        PanelOutcome o = ScoreAggregation.aggregate(List.of(flat("e1", "80.01"), flat("e2", "60"), flat("e3", "70")), RULE);
        assertThat(o.spread()).isEqualByComparingTo("20.01");
        assertThat(o.needsConsensus()).isTrue();
        assertThat(o.decided()).isFalse();
        assertThat(o.finalScore()).as("nothing stands until the panel agrees").isNull();
        assertThat(o.aggregateScore()).isEqualTo(new BigDecimal("70.00"));

        PanelOutcome agreed = o.agreed(new BigDecimal("72.5"), "经合议,技术水平按中间值认定");
        assertThat(agreed.finalScore()).isEqualTo(new BigDecimal("72.50"));
        assertThat(agreed.agreedReason()).isEqualTo("经合议,技术水平按中间值认定");
        assertThat(agreed.decided()).isTrue();
        assertThat(agreed.aggregateScore()).as("the aggregate stays on record").isEqualTo(new BigDecimal("70.00"));
    }

    @Test
    void shouldRefuseAnAgreedScoreOutsideTheScaleWithoutReasonOrWithoutNeed() {
        PanelOutcome divergent = ScoreAggregation.aggregate(List.of(flat("e1", "95"), flat("e2", "60")), RULE);
        assertThatThrownBy(() -> divergent.agreed(new BigDecimal("100.01"), " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("agreedScore", "合议得分须在 0 至 100 分之间"),
                        new FieldError("agreedReason", "请填写合议理由")));
        assertThatThrownBy(() -> divergent.agreed(new BigDecimal("70.001"), "理由".repeat(501)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("agreedScore", "合议得分最多保留两位小数"),
                        new FieldError("agreedReason", "合议理由不超过 1000 字")));
        assertThatThrownBy(() -> divergent.agreed(null, "理由")).hasMessage("agreedScore: 请填写合议得分");
        PanelOutcome agreed = divergent.agreed(new BigDecimal("80"), "合议");
        assertThatThrownBy(() -> agreed.agreed(new BigDecimal("81"), "再议")).hasMessage("agreedScore: 合议得分已记录,不能再次修改");
        PanelOutcome close = ScoreAggregation.aggregate(List.of(flat("e1", "75"), flat("e2", "70")), RULE);
        assertThatThrownBy(() -> close.agreed(new BigDecimal("72"), "合议"))
                .hasMessage("agreedScore: 评分差距未超过合议阈值,以汇总得分为准,无需合议");
    }

    @Test
    void shouldRefuseSheetsOfDifferentProjectsOrTwoOfOneMember() {
        ScoreSheet other = ScoreSheet.of(1L, 3L, "e2", Sheets.CRITERIA, Sheets.scores("1", "1", "1", "1"),
                Opinion.RECOMMEND, "推荐");
        assertThatThrownBy(() -> ScoreAggregation.aggregate(List.of(flat("e1", "70"), other), RULE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScoreAggregation.aggregate(List.of(flat("e1", "70"), flat("e1", "80")), RULE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScoreAggregation.aggregate(List.of(), RULE)).isInstanceOf(IllegalArgumentException.class);
    }
}
