package cn.tcsubsidy.round.domain;

/** Where a round stands. The label is what users read. */
public enum RoundStatus {
    RECOMMENDATION("镇街推荐中"),
    REVIEW("专家评审中"),
    LIST_DECISION("拟扶持审定中"),
    NOTICE("公示中"),
    CLOSED("已结束");

    private final String label;

    RoundStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
