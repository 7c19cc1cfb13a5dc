package cn.tcsubsidy.award.ledger;

/** Where an award stands. A clawback does not change it: a paid award keeps PAID and records what was recovered. */
public enum AwardStatus {
    PROPOSED("已拟扶持"),
    PAID("已拨付"),
    CANCELLED("已撤销");

    private final String label;

    AwardStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
