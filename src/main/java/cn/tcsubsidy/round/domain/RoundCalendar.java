package cn.tcsubsidy.round.domain;

import java.time.LocalDate;

/** A round's dates as the jurisdiction's table {@code tc-round-calendar} gives them. */
public record RoundCalendar(LocalDate recommendationDeadline, LocalDate completedBefore, int noticeWorkingDays) {
}
