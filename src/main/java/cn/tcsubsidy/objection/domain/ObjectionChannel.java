package cn.tcsubsidy.objection.domain;

/** How an objection reached the bureau. */
public enum ObjectionChannel {
    WRITTEN("书面实名异议(工信局登记)"),
    ONLINE("网上实名异议(企业提交)");

    private final String label;

    ObjectionChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
