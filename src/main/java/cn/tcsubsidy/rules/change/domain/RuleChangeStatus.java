package cn.tcsubsidy.rules.change.domain;

/** Where a rule change stands. Only PENDING_APPROVAL is decided; SCHEDULED becomes ACTIVE on its date. */
public enum RuleChangeStatus {
    PENDING_APPROVAL("待审批"),
    SCHEDULED("已批准,待生效"),
    ACTIVE("已生效"),
    REJECTED("已驳回");

    private final String label;

    RuleChangeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
