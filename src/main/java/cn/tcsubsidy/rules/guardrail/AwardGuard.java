package cn.tcsubsidy.rules.guardrail;

import cn.tcsubsidy.award.quote.AwardQuote;
import cn.tcsubsidy.award.quote.AwardTerms;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A candidate tc-award tried on every case of its policy's grid: what it pays is held against what the policy allows
 * for the case (nothing, or at most an amount at most at a rate), its caps against the policy's caps, and every
 * category of the policy must still be paid in some case. One violation per invariant, with the first case that
 * broke it.
 */
public final class AwardGuard {

    public static final String TABLE = "tc-award";

    /** What the candidate table answered for a case: its terms (the first eligible member's for a cluster) and the quote. */
    public record Outcome(AwardTerms terms, AwardQuote quote) {
    }

    /** Cases tried and invariants broken. */
    public record Result(int cases, List<Violation> violations) {
    }

    private AwardGuard() {
    }

    public static Result check(AwardPolicy policy, Function<GridCase, Outcome> evaluate) {
        Map<String, Violation> found = new LinkedHashMap<>();
        Set<String> paidCategories = new HashSet<>();
        List<GridCase> grid = policy.grid();
        List<Object> answers = grid.stream().map(c -> {
            try {
                return (Object) evaluate.apply(c);
            } catch (RuntimeException e) {
                return e;
            }
        }).toList();
        for (int i = 0; i < grid.size(); i++) {
            GridCase c = grid.get(i);
            if (answers.get(i) instanceof RuntimeException e) {
                add(found, "规则表对该情形求值出错,规则表必须对每个情形给出结论", "决策表须对全部情形可求值",
                        c.describe() + ":" + e.getMessage());
                continue;
            }
            Outcome o = (Outcome) answers.get(i);
            AwardQuote q = o.quote();
            boolean paid = q.eligible() && q.amount().signum() > 0;
            if (paid) {
                paidCategories.add(c.category());
            }
            Limit limit = policy.limit(c);
            if (limit.paysNothing()) {
                if (paid) {
                    add(found, limit.rule(), limit.source(), c.describe() + ":规则表测算 " + GridCase.yuan(q.amount())
                            + ",政策不予奖补");
                }
                continue;
            }
            if (!paid) {
                continue;
            }
            if (q.amount().compareTo(limit.maxAmount()) > 0) {
                add(found, limit.rule(), limit.source(), c.describe() + ":规则表测算 " + GridCase.yuan(q.amount())
                        + ",政策上限 " + GridCase.yuan(limit.maxAmount()));
            }
            if (limit.maxRate() != null && q.rate() != null && q.rate().compareTo(limit.maxRate()) > 0) {
                add(found, c.category() + " 的比例不得超过 " + percent(limit.maxRate()), limit.source(),
                        c.describe() + ":规则表比例 " + percent(q.rate()));
            }
            AwardPolicy.Caps caps = policy.caps(c);
            AwardTerms t = o.terms();
            if (caps.project() != null && t.fixedAmount() == null
                    && (t.projectCap() == null || t.projectCap().compareTo(caps.project()) > 0)) {
                add(found, c.category() + " 的单个项目上限不得缺失或高于 " + GridCase.yuan(caps.project()), caps.source(),
                        c.describe() + ":规则表单个项目上限 " + (t.projectCap() == null ? "未设" : GridCase.yuan(t.projectCap())));
            }
            if (caps.enterprise() != null
                    && (t.enterpriseCap() == null || t.enterpriseCap().compareTo(caps.enterprise()) > 0)) {
                add(found, c.category() + " 的单个企业上限不得缺失或高于 " + GridCase.yuan(caps.enterprise()),
                        caps.source(), c.describe() + ":规则表单个企业上限 "
                                + (t.enterpriseCap() == null ? "未设" : GridCase.yuan(t.enterpriseCap())));
            }
        }
        for (String category : policy.categories()) {
            if (!paidCategories.contains(category)) {
                long tried = grid.stream().filter(c -> c.category().equals(category)).count();
                add(found, "奖补类别 " + category + " 不得缺失:政策规定的类别在规则表中必须仍可获得奖补", "政策规定的奖补类别",
                        "该类别的 " + tried + " 个情形在规则表中均未获奖补");
            }
        }
        return new Result(grid.size(), new ArrayList<>(found.values()));
    }

    private static void add(Map<String, Violation> found, String invariant, String source, String example) {
        found.putIfAbsent(invariant, new Violation(TABLE, invariant, source, example));
    }

    static String percent(BigDecimal rate) {
        return rate.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
    }
}
