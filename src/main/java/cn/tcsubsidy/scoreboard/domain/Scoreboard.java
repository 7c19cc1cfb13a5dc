package cn.tcsubsidy.scoreboard.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * The town scoreboard of a jurisdiction and year (镇街目标考核/排序通报), as {@link ScoreboardService} defines each
 * figure. Money in yuan with two decimals; progress as a fraction with four decimals (0.0150 = 1.50 %).
 *
 * @param asOf        when it was computed, Beijing time, ISO-8601 with offset
 * @param rankedBy    what the ranking orders by
 * @param practice    the ranking method, labelled 常见做法 (the source asks to rank, not how)
 * @param targetSource the document the year's targets come from; null when the year has none
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Scoreboard(String jurisdiction, String jurisdictionName, int year, String asOf, List<UnitRow> units,
                         Totals totals, String rankedBy, String practice, String targetSource) {

    public Scoreboard {
        units = List.copyOf(units);
    }

    /** One recommending unit's line; {@code targets} and {@code progress} null when the unit has no target for the year. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UnitRow(String unit, String unitName, int rank, int filed, int recommended, int awarded,
                          int enterprises, BigDecimal investment, BigDecimal awardAmount, Targets targets,
                          Progress progress) {
    }

    /** The sums over all units; {@code targets}/{@code progress} null when no unit has a target for the year. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Totals(int filed, int recommended, int awarded, int enterprises, BigDecimal investment,
                         BigDecimal awardAmount, Targets targets, Progress progress) {
    }

    public record Targets(BigDecimal industrialInvestment, BigDecimal retrofitInvestment, int retrofittingEnterprises) {
    }

    /** Achieved ÷ target, four decimals half-up; a ratio is null where its target is 0. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Progress(BigDecimal retrofitInvestment, BigDecimal retrofittingEnterprises) {
    }
}
