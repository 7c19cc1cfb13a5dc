package cn.tcsubsidy.followup.domain;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** What the follow-up recorded: reports with their results, reminders, evaluations (the API's read model). */
public final class FollowUpRecords {

    public record Report(long id, int round, String note, String reportedBy, LocalDateTime reportedAt,
                         Map<Indicator, BigDecimal> results) {
    }

    public record Urge(String level, String note, String urgedBy, LocalDateTime urgedAt) {
    }

    public record Evaluation(int round, BigDecimal lowestRatio, String suggestedConclusion, BigDecimal suggestedShare,
                             String ruleNote, String conclusion, String departureReason, BigDecimal clawbackAmount,
                             String clawbackBasis, String opinion, String evaluatedBy, LocalDateTime evaluatedAt) {
    }

    public record All(FollowUp followUp, List<Report> reports, List<Urge> urges, List<Evaluation> evaluations) {
    }

    private FollowUpRecords() {
    }
}
