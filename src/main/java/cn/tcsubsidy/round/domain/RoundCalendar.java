package cn.tcsubsidy.round.domain;

import java.time.LocalDate;

/**
 * A round's dates as the jurisdiction's table {@code tc-round-calendar} gives them.
 *
 * @param completedFrom the earliest completion date the round takes, or null for no lower bound (Hekou: 上年度竣工项目,
 *                      000 三(五), so 1 January of the year before)
 */
public record RoundCalendar(LocalDate recommendationDeadline, LocalDate completedFrom, LocalDate completedBefore,
                            int noticeWorkingDays) {

    /** A calendar without a lower bound on the completion date. */
    public RoundCalendar(LocalDate recommendationDeadline, LocalDate completedBefore, int noticeWorkingDays) {
        this(recommendationDeadline, null, completedBefore, noticeWorkingDays);
    }
}
