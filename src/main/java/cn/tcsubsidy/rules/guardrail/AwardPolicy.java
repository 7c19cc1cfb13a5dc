package cn.tcsubsidy.rules.guardrail;

import cn.tcsubsidy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A jurisdiction's award policy as its source document states it, restated as a guard over its tc-award table: the
 * categories it awards, the grid of cases each is tried on, and for each case what the policy allows at most (or
 * that it allows nothing). These restate the policy's ceilings on purpose: the tables hold the rules, this class
 * holds what no table may exceed. Within these bounds (a lower rate, a higher threshold, a smaller cap) the rule
 * administrator is free.
 */
public abstract class AwardPolicy {

    /**
     * The caps the policy puts on a case: the table's projectCap and enterpriseCap may not be missing where the policy
     * has one, nor above it. null = the policy states none.
     */
    public record Caps(BigDecimal project, BigDecimal enterprise, String source) {

        public static final Caps NONE = new Caps(null, null, null);
    }

    public abstract String tenant();

    /** The categories the policy awards: each must stay in the table (at least one case of the grid is paid). */
    public abstract List<String> categories();

    /** The cases a category is tried on. */
    public abstract List<GridCase> grid(String category);

    /** What the policy allows for the case. */
    public abstract Limit limit(GridCase c);

    /** The caps the policy puts on the case. */
    public abstract Caps caps(GridCase c);

    /** Every case of every category. */
    public List<GridCase> grid() {
        List<GridCase> all = new ArrayList<>();
        categories().forEach(c -> all.addAll(grid(c)));
        return all;
    }

    /** The policy for a jurisdiction, or null when it has none. */
    public static AwardPolicy of(String tenant) {
        return switch (tenant) {
            case "hekou" -> new HekouAwardPolicy();
            case "huanggang" -> new HuanggangAwardPolicy();
            case "yanzhou" -> new YanzhouAwardPolicy();
            case "jiyuan" -> new JiyuanAwardPolicy();
            case "liaocheng" -> new LiaochengAwardPolicy();
            default -> null;
        };
    }

    // ---- helpers for the jurisdictions' policies

    /** Every case of {@code cases} changed by every change of {@code axis}: the grid's cross product. */
    @SafeVarargs
    protected static List<CaseBuilder> vary(List<CaseBuilder> cases, UnaryOperator<CaseBuilder>... axis) {
        return vary(cases, List.of(axis));
    }

    protected static List<CaseBuilder> vary(List<CaseBuilder> cases, List<UnaryOperator<CaseBuilder>> axis) {
        List<CaseBuilder> out = new ArrayList<>();
        for (CaseBuilder c : cases) {
            for (UnaryOperator<CaseBuilder> change : axis) {
                out.add(change.apply(c));
            }
        }
        return out;
    }

    /** The policy date at and around a validity window: a day before, the first day, inside, the last day, a day after. */
    protected static List<UnaryOperator<CaseBuilder>> datesAround(LocalDate from, LocalDate inside, LocalDate to) {
        List<UnaryOperator<CaseBuilder>> dates = new ArrayList<>();
        dates.add(b -> b.date(from.minusDays(1)));
        dates.add(b -> b.date(from));
        dates.add(b -> b.date(inside));
        if (to != null) {
            dates.add(b -> b.date(to));
            dates.add(b -> b.date(to.plusDays(1)));
        } else {
            dates.add(b -> b.date(inside.plusYears(5)));
        }
        return dates;
    }

    protected static boolean outside(LocalDate d, LocalDate from, LocalDate to) {
        return d == null || d.isBefore(from) || (to != null && d.isAfter(to));
    }

    protected static List<GridCase> built(List<CaseBuilder> cases) {
        return cases.stream().map(CaseBuilder::build).toList();
    }

    protected static BigDecimal yuan(String v) {
        return new BigDecimal(v);
    }

    /** base × rate, rounded half-up to the fen, at most {@code cap} (null: no cap). */
    protected static BigDecimal share(BigDecimal base, BigDecimal rate, BigDecimal cap) {
        BigDecimal v = Money.round(base.multiply(rate));
        return cap == null ? v : v.min(cap);
    }

    protected static BigDecimal sum(BigDecimal... values) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            s = s.add(v == null ? BigDecimal.ZERO : v);
        }
        return s;
    }
}
