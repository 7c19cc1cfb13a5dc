package cn.tcsubsidy.panel.domain;

import java.time.LocalDateTime;

/**
 * One member's time on a seat of a project's panel (评审席位): who, of which kind, drawn in which draw, since when,
 * due when, and how it ended (scored, stepped aside for a conflict, replaced for being late) with the reason.
 */
public record Seat(long id, long roundId, long projectId, int seatNo, String memberUserId, long memberId,
                   String memberName, MemberKind kind, long drawId, Status status, LocalDateTime assignedAt,
                   LocalDateTime dueAt, LocalDateTime endedAt, String endedBy, String endReason) {

    public enum Status {
        /** 评审中 */
        ACTIVE("评审中"),
        /** 已评分 */
        SCORED("已评分"),
        /** 申请回避 */
        RECUSED("已回避"),
        /** 逾期更换 */
        REPLACED("逾期已更换");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Scoring and past the due time. */
    public boolean overdue(LocalDateTime now) {
        return status == Status.ACTIVE && now.isAfter(dueAt);
    }

    /** The seat counts toward the panel's make-up: scoring, or scored. */
    public boolean holds() {
        return status == Status.ACTIVE || status == Status.SCORED;
    }
}
