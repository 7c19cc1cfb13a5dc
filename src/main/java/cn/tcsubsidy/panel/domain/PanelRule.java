package cn.tcsubsidy.panel.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How a project's review panel (评审小组) is drawn, as the jurisdiction's table {@code tc-panel-size} says for the
 * project (common practice, not text of the sources): its size, the least number of members of each kind, the
 * reserves drawn beside it (候补) and the working days a member has to score.
 */
public record PanelRule(int size, Map<MemberKind, Integer> minimumPerKind, int reserves, int dueWorkingDays) {

    public PanelRule {
        EnumMap<MemberKind, Integer> copy = new EnumMap<>(MemberKind.class);
        if (minimumPerKind != null) {
            copy.putAll(minimumPerKind);
        }
        minimumPerKind = Collections.unmodifiableMap(copy);
        if (size < 1 || reserves < 0 || dueWorkingDays < 1) {
            throw new IllegalArgumentException("panel rule: size " + size + ", reserves " + reserves + ", due "
                    + dueWorkingDays + " working days");
        }
        int minimum = minimumPerKind.values().stream().mapToInt(Integer::intValue).sum();
        if (minimum > size) {
            throw new IllegalArgumentException("panel rule asks for " + minimum + " members of given kinds in a panel of " + size);
        }
    }

    public int minimum(MemberKind kind) {
        return minimumPerKind.getOrDefault(kind, 0);
    }
}
