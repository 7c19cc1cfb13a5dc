package cn.tcsubsidy.panel.domain;

import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The panel as a function of (seed, candidates, rule) alone, so a recorded draw can be replayed: the candidates are
 * shuffled with a {@link Random} seeded by the draw's seed; each kind's minimum is taken first, in shuffled order;
 * then non-experts of any kind until the rule's least number of non-experts is met; the panel is filled to its size
 * with the next in shuffled order; the reserves follow. Panel and reserves keep the
 * shuffled order (the order drawn).
 */
public final class PanelDraw {

    public record Result(List<Candidate> panel, List<Candidate> reserves) {
    }

    private PanelDraw() {
    }

    /** Refuses a rule the candidates cannot satisfy, naming what is short: a kind ({@code minimum.KIND}) or the field. */
    public static void requireEnough(List<Candidate> candidates, PanelRule rule, String category, String categoryName) {
        List<FieldError> errors = new ArrayList<>();
        for (MemberKind kind : MemberKind.values()) {
            long have = candidates.stream().filter(c -> c.kind() == kind).count();
            if (have < rule.minimum(kind)) {
                errors.add(new FieldError("minimum." + kind.name(), "评审领域「" + categoryName + "」回避后可抽取的"
                        + kind.label() + "不足:至少需要 " + rule.minimum(kind) + " 名,仅有 " + have + " 名"));
            }
        }
        long nonExperts = candidates.stream().filter(c -> c.kind() != MemberKind.EXPERT).count();
        if (nonExperts < rule.nonExpertsNeeded()) {
            errors.add(new FieldError("minimum.NON_EXPERT", "评审领域「" + categoryName + "」回避后可抽取的非专家成员"
                    + "(企业家、第三方机构、相关部门负责人)不足:至少需要 " + rule.nonExpertsNeeded() + " 名,仅有 "
                    + nonExperts + " 名"));
        }
        int needed = rule.size() + rule.reserves();
        if (candidates.size() < needed) {
            errors.add(new FieldError("category", "评审领域「" + categoryName + "」(" + category + ")回避后可抽取的成员不足:需要 "
                    + needed + " 名(评审 " + rule.size() + " 名、候补 " + rule.reserves() + " 名),仅有 "
                    + candidates.size() + " 名"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** The panel and the reserves; the candidates must satisfy the rule ({@link #requireEnough}). */
    public static Result pick(long seed, List<Candidate> candidates, PanelRule rule) {
        List<Candidate> order = new ArrayList<>(candidates);
        Collections.shuffle(order, new Random(seed));
        Set<Candidate> chosen = new LinkedHashSet<>();
        for (MemberKind kind : MemberKind.values()) {
            order.stream().filter(c -> c.kind() == kind).limit(rule.minimum(kind)).forEach(chosen::add);
        }
        long nonExperts = chosen.stream().filter(c -> c.kind() != MemberKind.EXPERT).count();
        for (Candidate c : order) {
            if (nonExperts >= rule.nonExpertsNeeded()) {
                break;
            }
            if (c.kind() != MemberKind.EXPERT && chosen.add(c)) {
                nonExperts++;
            }
        }
        for (Candidate c : order) {
            if (chosen.size() >= rule.size()) {
                break;
            }
            chosen.add(c);
        }
        if (chosen.size() < rule.size()) {
            throw new IllegalArgumentException("candidates do not fill a panel of " + rule.size());
        }
        List<Candidate> panel = order.stream().filter(chosen::contains).toList();
        List<Candidate> reserves = order.stream().filter(c -> !chosen.contains(c)).limit(rule.reserves()).toList();
        return new Result(panel, reserves);
    }
}
