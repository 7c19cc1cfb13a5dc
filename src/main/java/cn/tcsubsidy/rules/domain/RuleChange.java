package cn.tcsubsidy.rules.domain;

/**
 * One change between two versions of a DMN file, readable: {@code table} is the decision key, {@code kind} one of
 * the constants below, {@code ruleId} the row's rule id for the ROW_* kinds (else null), {@code text} the sentence a
 * bureau reads, e.g. {@code tc-award-terms 第1行(直接奖补):奖补比例 6% → 9%}.
 */
public record RuleChange(String table, String kind, String ruleId, String text) {

    public static final String DECISION_ADDED = "DECISION_ADDED";
    public static final String DECISION_REMOVED = "DECISION_REMOVED";
    public static final String INPUT_ADDED = "INPUT_ADDED";
    public static final String INPUT_REMOVED = "INPUT_REMOVED";
    public static final String OUTPUT_ADDED = "OUTPUT_ADDED";
    public static final String OUTPUT_REMOVED = "OUTPUT_REMOVED";
    public static final String HIT_POLICY_CHANGED = "HIT_POLICY_CHANGED";
    public static final String ROW_ADDED = "ROW_ADDED";
    public static final String ROW_REMOVED = "ROW_REMOVED";
    public static final String ROW_CHANGED = "ROW_CHANGED";
}
