package cn.tcsubsidy.award.quote;

/** Which table decided: the decision key, its deployed version and the tenant (jurisdiction). */
public record DecisionRef(String key, int version, String tenant) {
}
