package cn.tcsubsidy.rules.guardrail;

/**
 * One policy invariant a candidate rule table breaks, as the rule administrator reads it (Chinese).
 *
 * @param table     the decision key checked (e.g. {@code tc-award})
 * @param invariant what the policy demands, e.g. 直接奖补比例不得超过设备投资额的6%
 * @param source    the source sentence the invariant restates, with its document and article
 * @param example   one case of the grid that breaks it and what the table answered, e.g.
 *                  类别 DIRECT_SUBSIDY、设备投资 7,000,000.00 元、政策适用日 2021-05-10:测算 630,000.00 元,政策上限 420,000.00 元
 */
public record Violation(String table, String invariant, String source, String example) {

    public String text() {
        return table + ":" + invariant + "(" + source + ");例:" + example;
    }
}
