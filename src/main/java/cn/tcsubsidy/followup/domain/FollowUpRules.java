package cn.tcsubsidy.followup.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The jurisdiction's follow-up tables (dmn/&lt;j&gt;/&lt;j&gt;-follow-up.dmn): the periods (tc-follow-up-period), the
 * indicators followed (tc-performance-indicators) and the suggested conclusion (tc-performance-evaluation).
 */
public interface FollowUpRules {

    /**
     * @param reportAfterMonths     months after the last payment when the enterprise is asked for its results
     * @param reportWorkingDays     working days it has to report
     * @param escalationWorkingDays working days after the due date when the bureau takes over the reminder
     * @param rectifyWorkingDays    working days a rectification may take
     * @param note                  the rule as users read it (常见做法)
     */
    record Period(int reportAfterMonths, int reportWorkingDays, int escalationWorkingDays, int rectifyWorkingDays,
                  String note) {
    }

    /** @param share of the net amount paid suggested for clawback, 0 to 1 */
    record Suggestion(String conclusion, BigDecimal share, String note) {
    }

    Period period(String jurisdiction, String category);

    List<Indicator> indicators(String jurisdiction, String category);

    /** @param lowestRatio the lowest result / target over the indicators with a target; null when none has one */
    Suggestion suggest(String jurisdiction, int round, BigDecimal lowestRatio);
}
