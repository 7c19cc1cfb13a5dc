package cn.tcsubsidy.panel.domain;

/**
 * The four kinds of member of a jurisdiction's expert pool (专家库): 东河政发〔2020〕5号 三(五) 由专家、企业家、第三方机构以及相关部门负责人组成.
 */
public enum MemberKind {
    EXPERT("专家"),
    ENTREPRENEUR("企业家"),
    THIRD_PARTY("第三方机构"),
    DEPARTMENT_HEAD("相关部门负责人");

    private final String label;

    MemberKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
