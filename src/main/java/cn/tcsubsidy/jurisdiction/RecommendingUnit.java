package cn.tcsubsidy.jurisdiction;

/** A town, street, zone or county that follows projects and recommends them (推荐单位). */
public record RecommendingUnit(String jurisdiction, String code, String name) {

    /** The town officers' group, e.g. {@code hekou-town-yihe}. */
    public String groupId() {
        return cn.tcsubsidy.shared.Roles.town(jurisdiction, code);
    }
}
