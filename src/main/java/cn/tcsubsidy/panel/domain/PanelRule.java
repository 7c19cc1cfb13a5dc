package cn.tcsubsidy.panel.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How a project's review panel (评审小组) is drawn, as the jurisdiction's table {@code tc-panel-size} says for the
 * project (common practice, not text of the sources): its size, the least number of members of each kind, the least
 * number of members who are not experts (企业家、第三方机构、相关部门负责人 together), the reserves drawn beside it
 * (候补) and the working days a member has to score.
 */
public record PanelRule(int size, Map<MemberKind, Integer> minimumPerKind, int minNonExperts, int reserves,
                        int dueWorkingDays) {

    public PanelRule {
        EnumMap<MemberKind, Integer> copy = new EnumMap<>(MemberKind.class);
        if (minimumPerKind != null) {
            copy.putAll(minimumPerKind);
        }
        minimumPerKind = Collections.unmodifiableMap(copy);
        if (size < 1 || reserves < 0 || dueWorkingDays < 1 || minNonExperts < 0) {
            throw new IllegalArgumentException("panel rule: size " + size + ", reserves " + reserves + ", due "
                    + dueWorkingDays + " working days, non-experts " + minNonExperts);
        }
        int perKind = minimumPerKind.values().stream().mapToInt(Integer::intValue).sum();
        if (perKind > size) {
            throw new IllegalArgumentException("panel rule asks for " + perKind + " members of given kinds in a panel of " + size);
        }
        int needed = copy.getOrDefault(MemberKind.EXPERT, 0) + nonExpertsNeeded(copy, minNonExperts);
        if (needed > size) {
            throw new IllegalArgumentException("panel rule asks for " + needed + " members in a panel of " + size);
        }
    }

    /** A rule without a least number of non-experts beyond the per-kind minimums. */
    public PanelRule(int size, Map<MemberKind, Integer> minimumPerKind, int reserves, int dueWorkingDays) {
        this(size, minimumPerKind, 0, reserves, dueWorkingDays);
    }

    public int minimum(MemberKind kind) {
        return minimumPerKind.getOrDefault(kind, 0);
    }

    /** The least number of non-expert members the panel must have: the larger of minNonExperts and their kinds' minimums. */
    public int nonExpertsNeeded() {
        return nonExpertsNeeded(minimumPerKind, minNonExperts);
    }

    private static int nonExpertsNeeded(Map<MemberKind, Integer> minimum, int minNonExperts) {
        int perKind = 0;
        for (MemberKind k : MemberKind.values()) {
            if (k != MemberKind.EXPERT) {
                perKind += minimum.getOrDefault(k, 0);
            }
        }
        return Math.max(minNonExperts, perKind);
    }

    /**
     * How many more members {@code seated} needs to meet this rule's make-up: the missing experts plus the missing
     * non-experts (each non-expert kind's own minimum counted within the non-experts' least number).
     */
    public int shortfall(List<MemberKind> seated) {
        Map<MemberKind, Long> count = new EnumMap<>(MemberKind.class);
        seated.forEach(k -> count.merge(k, 1L, Long::sum));
        long experts = Math.max(0, minimum(MemberKind.EXPERT) - count.getOrDefault(MemberKind.EXPERT, 0L));
        long perKind = 0;
        long nonExperts = 0;
        for (MemberKind k : MemberKind.values()) {
            if (k != MemberKind.EXPERT) {
                perKind += Math.max(0, minimum(k) - count.getOrDefault(k, 0L));
                nonExperts += count.getOrDefault(k, 0L);
            }
        }
        return (int) (experts + Math.max(perKind, Math.max(0, nonExpertsNeeded() - nonExperts)));
    }
}
