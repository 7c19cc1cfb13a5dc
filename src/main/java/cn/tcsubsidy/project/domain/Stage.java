package cn.tcsubsidy.project.domain;

/** Where a project stands in the closed loop (闭环管理). The label is what users read. */
public enum Stage {
    IN_PROGRESS("建设推进中"),
    COMPLETED("已竣工,待年度推荐"),
    RECOMMENDATION("镇街推荐中"),
    EXPERT_REVIEW("专家评审中"),
    REVIEWED("已评审,待评审汇总"),
    AWARD_DECISION("拟扶持审定中"),
    AWAITING_NOTICE("已列入拟扶持名单,待公示"),
    PUBLIC_NOTICE("公示中"),
    NOTICE_OUTCOME("公示结果确认中"),
    PAYMENT("待拨付"),
    ACCEPTANCE("已拨付,待验收"),
    FOLLOW_UP("已拨付退库,绩效跟踪中"),
    CLAWBACK("绩效未达标,追回中"),
    CLOSED("已办结"),
    REJECTED("未通过");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
