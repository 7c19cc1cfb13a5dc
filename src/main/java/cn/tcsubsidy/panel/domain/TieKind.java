package cn.tcsubsidy.panel.domain;

/** What ties a pool member to an enterprise; a tie to the applicant makes the member step aside (回避). */
public enum TieKind {
    EMPLOYMENT("任职"),
    BOARD("董事"),
    RELATIVE("亲属关系"),
    CONSULTING("咨询服务"),
    OTHER("其他利害关系");

    private final String label;

    TieKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
