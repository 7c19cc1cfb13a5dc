package cn.tcsubsidy.panel.domain;

/**
 * The panel rule of {@code tc-panel-size} with what {@link PanelRule} cannot say: the least number of members who are
 * not experts (企业家、第三方机构、相关部门负责人 together), the table's {@code minNonExperts}, e.g. "3 members, at
 * least 2 experts and at least one non-expert of any kind". The non-experts a panel needs are the larger of
 * {@code minNonExperts} and the sum of the per-kind minimums of the three non-expert kinds.
 */
public record PanelComposition(PanelRule rule, int minNonExperts) {

    public PanelComposition {
        if (rule == null || minNonExperts < 0) {
            throw new IllegalArgumentException("panel composition: rule " + rule + ", non-experts " + minNonExperts);
        }
        int needed = rule.minimum(MemberKind.EXPERT) + nonExpertsNeeded(rule, minNonExperts);
        if (needed > rule.size()) {
            throw new IllegalArgumentException("panel composition asks for " + needed + " members in a panel of " + rule.size());
        }
    }

    /** The least number of non-expert members the panel must have. */
    public int nonExpertsNeeded() {
        return nonExpertsNeeded(rule, minNonExperts);
    }

    private static int nonExpertsNeeded(PanelRule rule, int minNonExperts) {
        int perKind = 0;
        for (MemberKind k : MemberKind.values()) {
            if (k != MemberKind.EXPERT) {
                perKind += rule.minimum(k);
            }
        }
        return Math.max(minNonExperts, perKind);
    }
}
