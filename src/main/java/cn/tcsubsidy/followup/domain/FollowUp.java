package cn.tcsubsidy.followup.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A project's follow-up: its schedule from the table, who reports, where it stands. */
public record FollowUp(long projectId, FollowUpStatus status, LocalDate lastPaymentOn, LocalDate reportOpensOn,
                       LocalDate reportDueOn, LocalDate escalationDueOn, int rectifyWorkingDays, LocalDate rectifyDueOn,
                       String reporter, String ruleNote, LocalDateTime openedAt, LocalDateTime closedAt) {
}
