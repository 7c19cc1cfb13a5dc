package cn.tcsubsidy.panel.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who may be drawn for a project: the active members whose fields include its category, less those tied to the
 * applicant, who step aside (回避). Recusal is common practice, not text of the sources (policy digest §1.4), and each
 * reason says so.
 */
public final class Recusal {

    /** A member who steps aside, and why (Chinese, shown in the draw record). */
    public record Excluded(Candidate member, String reason) {
    }

    /** The candidates in the order a draw starts from (by member id), and who stepped aside. */
    public record Screened(List<Candidate> candidates, List<Excluded> excluded) {
    }

    private Recusal() {
    }

    /**
     * @param lookbackYears a declared tie that ended within this many years before {@code today} (or has not ended)
     *                      makes the member step aside
     */
    public static Screened screen(List<PoolMember> pool, String category, String applicantCreditCode, LocalDate today,
                                  int lookbackYears) {
        List<Candidate> candidates = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        pool.stream()
                .filter(m -> m.active() && m.fields().contains(category))
                .sorted(Comparator.comparingLong(PoolMember::id))
                .forEach(m -> reason(m, applicantCreditCode, today.minusYears(lookbackYears), lookbackYears).ifPresentOrElse(
                        r -> excluded.add(new Excluded(Candidate.of(m), r)),
                        () -> candidates.add(Candidate.of(m))));
        return new Screened(List.copyOf(candidates), List.copyOf(excluded));
    }

    private static Optional<String> reason(PoolMember m, String applicant, LocalDate since, int years) {
        if (applicant.equals(m.employerCreditCode())) {
            return Optional.of("回避:常见做法(非政策原文),其工作单位即申报企业(统一社会信用代码 " + applicant + ")");
        }
        return m.ties().stream()
                .filter(t -> applicant.equals(t.creditCode()) && t.heldSince(since))
                .findFirst()
                .map(t -> "回避:常见做法(非政策原文),近 " + years + " 年内与申报企业存在关联:" + t.kind().label()
                        + (t.endsOn() == null ? "(仍持续)" : "(至 " + t.endsOn() + ")"));
    }
}
