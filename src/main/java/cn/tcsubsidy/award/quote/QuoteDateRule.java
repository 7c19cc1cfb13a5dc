package cn.tcsubsidy.award.quote;

import java.time.LocalDate;

/** Which of a project's dates a quote date setting names (竣工日期 or 申请日期). */
public enum QuoteDateRule {
    COMPLETION_DATE("竣工日期"),
    APPLICATION_DATE("申请日期");

    private final String label;

    QuoteDateRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The date this rule names for a request: the completion date when the rule names it and it is known, else the
     * application date.
     */
    public LocalDate pick(LocalDate applicationDate, LocalDate completionDate) {
        return this == COMPLETION_DATE && completionDate != null ? completionDate : applicationDate;
    }
}
