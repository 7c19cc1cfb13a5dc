package cn.tcsubsidy.objection.domain;

public enum ObjectionStatus {
    OPEN("核查中"),
    UPHELD("异议成立"),
    DISMISSED("异议不成立");

    private final String label;

    ObjectionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
