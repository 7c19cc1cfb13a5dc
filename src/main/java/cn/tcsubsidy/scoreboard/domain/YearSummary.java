package cn.tcsubsidy.scoreboard.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * The jurisdiction's year at a glance (年度概况), as {@link YearSummaryService} defines each figure. Money in yuan with
 * two decimals; {@code budget} null when no fund has a budget for the year.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record YearSummary(String jurisdiction, int year, List<StageCount> stages, BigDecimal awardDecided,
                          BigDecimal awardPaid, BigDecimal budget, String budgetSource, List<FundLine> funds) {

    public YearSummary {
        stages = List.copyOf(stages);
        funds = List.copyOf(funds);
    }

    public record StageCount(String stage, String stageName, int projects) {
    }

    /** One fund: its budget for the year (null: not entered), what live awards commit and what was paid. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FundLine(String fund, String fundName, BigDecimal budget, BigDecimal decided, BigDecimal paid,
                           String basis) {
    }
}
