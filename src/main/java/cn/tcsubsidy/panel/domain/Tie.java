package cn.tcsubsidy.panel.domain;

import java.time.LocalDate;

/** A declared tie of a pool member to an enterprise (by credit code); {@code endsOn} null: the tie still holds. */
public record Tie(String creditCode, TieKind kind, LocalDate endsOn) {

    /** Whether the tie held on or after {@code since}. */
    public boolean heldSince(LocalDate since) {
        return endsOn == null || !endsOn.isBefore(since);
    }
}
