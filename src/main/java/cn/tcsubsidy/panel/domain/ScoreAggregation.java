package cn.tcsubsidy.panel.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A panel's sheets for one project turned into its outcome (common practice, not text of the sources; the numbers
 * come from {@code tc-panel-consensus}):
 * <ul>
 *   <li>each member's total is the sheet's weighted total as the member sees it (rounded to 0.01);</li>
 *   <li>with {@link ConsensusRule#trimAtLeast()} sheets or more, the lowest and the highest total are dropped, one
 *       sheet each, and the rest averaged; with fewer, all are averaged. Of equal totals the sheet of the member id
 *       first in order is the one dropped as lowest, the one last in order as highest (the value is the same
 *       either way; the rule only fixes which sheet the record names);</li>
 *   <li>each criterion is trimmed on its own scores in the same way, independently of which sheets the totals
 *       dropped (so the breakdown need not add up to the total);</li>
 *   <li>averages are rounded half-up to 0.01 once, at the end;</li>
 *   <li>the spread is the highest minus the lowest total over all sheets; a spread strictly above
 *       {@link ConsensusRule#spreadThreshold()} needs a consensus.</li>
 * </ul>
 */
public final class ScoreAggregation {

    private ScoreAggregation() {
    }

    public static PanelOutcome aggregate(List<ScoreSheet> sheets, ConsensusRule rule) {
        check(sheets);
        boolean trim = sheets.size() >= rule.trimAtLeast();
        Trimmed total = trimmed(sheets, ScoreSheet::weightedTotal, trim);
        Map<String, BigDecimal> breakdown = new LinkedHashMap<>();
        Map<String, List<String>> droppedPerCriterion = new LinkedHashMap<>();
        for (Criterion c : sheets.get(0).criteria()) {
            Trimmed t = trimmed(sheets, s -> s.score(c.key()), trim);
            breakdown.put(c.key(), t.mean());
            droppedPerCriterion.put(c.key(), t.dropped());
        }
        Map<String, Opinion> opinions = new LinkedHashMap<>();
        sheets.forEach(s -> opinions.put(s.memberUserId(), s.opinion()));
        BigDecimal spread = total.highest().subtract(total.lowest());
        ScoreSheet first = sheets.get(0);
        return new PanelOutcome(first.roundId(), first.projectId(), total.mean(), breakdown, opinions, spread,
                spread.compareTo(rule.spreadThreshold()) > 0, total.dropped(), droppedPerCriterion, null, null);
    }

    private record Trimmed(BigDecimal mean, BigDecimal lowest, BigDecimal highest, List<String> dropped) {
    }

    private static Trimmed trimmed(List<ScoreSheet> sheets, Function<ScoreSheet, BigDecimal> value, boolean trim) {
        List<ScoreSheet> sorted = new ArrayList<>(sheets);
        sorted.sort(Comparator.comparing(value).thenComparing(ScoreSheet::memberUserId));
        BigDecimal lowest = value.apply(sorted.get(0));
        BigDecimal highest = value.apply(sorted.get(sorted.size() - 1));
        List<String> dropped = List.of();
        if (trim) {
            dropped = List.of(sorted.get(0).memberUserId(), sorted.get(sorted.size() - 1).memberUserId());
            sorted = sorted.subList(1, sorted.size() - 1);
        }
        BigDecimal sum = sorted.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(sorted.size()), 2, RoundingMode.HALF_UP);
        return new Trimmed(mean, lowest, highest, dropped);
    }

    /** One panel's sheets: at least one, all of one round and project, on one scale, one sheet per member. */
    private static void check(List<ScoreSheet> sheets) {
        if (sheets == null || sheets.isEmpty()) {
            throw new IllegalArgumentException("no score sheets to aggregate");
        }
        ScoreSheet first = sheets.get(0);
        Set<String> members = new HashSet<>();
        for (ScoreSheet s : sheets) {
            if (s.roundId() != first.roundId() || s.projectId() != first.projectId()) {
                throw new IllegalArgumentException("score sheets of different projects or rounds");
            }
            if (!s.criteria().equals(first.criteria())) {
                throw new IllegalArgumentException("score sheets on different scoring criteria");
            }
            if (!members.add(s.memberUserId())) {
                throw new IllegalArgumentException("two score sheets of member " + s.memberUserId());
            }
        }
    }
}
