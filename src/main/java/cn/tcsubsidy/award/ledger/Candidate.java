package cn.tcsubsidy.award.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A project for the proposed list. Eligible: the claims the bureau's proposal would reserve (one, or one per member of
 * a cluster), each at the quoted amount; the ranking cuts them to what is left under each enterprise's cap and charges
 * the paying funds. Ineligible (quoted 0 or refused by the rules): below the line with {@code ineligibleReason}, never
 * in the budget sum. Without a quote (no claims and no reason) the ranking refuses, naming the project.
 * The completion date breaks ties between equal scores; null sorts last.
 */
public record Candidate(long projectId, BigDecimal expertScore, LocalDate completionDate, List<AwardClaim> claims,
                        String ineligibleReason) {

    public Candidate {
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    /** A quoted project: its claim (or its cluster members' claims), each with the quoted amount. */
    public static Candidate quoted(BigDecimal expertScore, LocalDate completionDate, List<AwardClaim> claims) {
        if (claims.isEmpty()) {
            throw new IllegalArgumentException("a quoted candidate has at least one claim");
        }
        return new Candidate(claims.get(0).projectId(), expertScore, completionDate, claims, null);
    }

    public static Candidate quoted(BigDecimal expertScore, LocalDate completionDate, AwardClaim claim) {
        return quoted(expertScore, completionDate, List.of(claim));
    }

    /** A project the rules refuse (the quote's reasons), placed below the line. */
    public static Candidate ineligible(long projectId, BigDecimal expertScore, LocalDate completionDate, String reason) {
        return new Candidate(projectId, expertScore, completionDate, List.of(),
                reason == null || reason.isBlank() ? "按奖补规则不予奖补" : reason);
    }

    /** A project that has no quote at all: ranking it is refused, naming it (an incident, not a silent 0). */
    public static Candidate unquoted(long projectId, BigDecimal expertScore, LocalDate completionDate) {
        return new Candidate(projectId, expertScore, completionDate, List.of(), null);
    }

    public boolean eligible() {
        return ineligibleReason == null && !claims.isEmpty();
    }

    boolean quoted() {
        return ineligibleReason != null || !claims.isEmpty();
    }
}
