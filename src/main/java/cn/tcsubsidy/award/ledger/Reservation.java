package cn.tcsubsidy.award.ledger;

/**
 * A reserved award and its fund's budget after it. {@code award.cutReason()} is set when the enterprise cap cut it.
 */
public record Reservation(Award award, BudgetStatus budget) {

    public long awardId() {
        return award.id();
    }

    public boolean isCut() {
        return award.isCut();
    }
}
