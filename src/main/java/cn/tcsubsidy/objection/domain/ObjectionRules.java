package cn.tcsubsidy.objection.domain;

/**
 * The jurisdiction's table of objection handling ({@code tc-objection-rules}): which channels it accepts. Common
 * practice (常见做法), not any policy's text.
 */
public interface ObjectionRules {

    Channel channel(String jurisdiction, ObjectionChannel channel);

    /** @param basis what the table says the rule rests on, shown beside the refusal */
    record Channel(boolean accepted, String basis) {
    }
}
