package cn.tcsubsidy.followup.domain;

/** Where a project's follow-up stands (table follow_up). */
public enum FollowUpStatus {
    AWAITING_REPORT("待企业报送绩效目标完成情况"),
    REPORTED("已报送,待工信局评价"),
    RECTIFYING("限期整改中"),
    RECTIFIED("已整改,待工信局再次评价"),
    RECTIFY_MISSED("整改逾期,待工信局再次评价"),
    CLAWBACK("绩效未达标,追回中"),
    PASSED("绩效评价通过"),
    CLAWED_BACK("追回资金已全部缴回");

    private final String label;

    FollowUpStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
