package cn.tcsubsidy.panel.domain;

/**
 * The panel rule of {@code tc-panel-size} as the table gives it, e.g. "3 members, at least 2 experts and at least
 * one non-expert of any kind"; {@link PanelRule} carries the least number of non-experts itself.
 */
public record PanelComposition(PanelRule rule, int minNonExperts) {

    public PanelComposition {
        if (rule == null || minNonExperts < 0) {
            throw new IllegalArgumentException("panel composition: rule " + rule + ", non-experts " + minNonExperts);
        }
        rule = new PanelRule(rule.size(), rule.minimumPerKind(), Math.max(rule.minNonExperts(), minNonExperts),
                rule.reserves(), rule.dueWorkingDays());
    }

    /** The least number of non-expert members the panel must have. */
    public int nonExpertsNeeded() {
        return rule.nonExpertsNeeded();
    }
}
