package cn.tcsubsidy.award.ledger;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A reserved award and the budgets of its paying funds after it, by fund code. {@code award.cutReason()} is set when
 * the enterprise cap cut it.
 */
public record Reservation(Award award, List<BudgetStatus> budgets) {

    public Reservation {
        budgets = List.copyOf(budgets);
    }

    public long awardId() {
        return award.id();
    }

    public boolean isCut() {
        return award.isCut();
    }

    /** Every paying fund's budget after the reservation, as the bureau reads it. */
    public String budgetNote() {
        return budgets.stream().map(BudgetStatus::note).collect(Collectors.joining(";"));
    }

}
