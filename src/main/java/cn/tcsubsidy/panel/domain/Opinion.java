package cn.tcsubsidy.panel.domain;

/** A panel member's overall opinion on a project. */
public enum Opinion {
    RECOMMEND("推荐"),
    NOT_RECOMMEND("不推荐");

    private final String label;

    Opinion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
