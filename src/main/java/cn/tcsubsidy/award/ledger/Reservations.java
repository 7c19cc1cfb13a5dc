package cn.tcsubsidy.award.ledger;

import cn.tcsubsidy.award.ledger.AwardRefusedException.Reason;
import java.util.List;
import java.util.Optional;

/**
 * What {@link AwardLedger#reserveAll} did with each claim of a project (a cluster's members, by credit code), and the
 * paying funds' budgets after it.
 */
public record Reservations(List<Outcome> outcomes, List<BudgetStatus> budgets) {

    /** One member's outcome: its award, or the refusal ({@code reason}, {@code explanation}) when it got none. */
    public record Outcome(String creditCode, Award award, Reason refusal, String explanation) {

        public boolean reserved() {
            return award != null;
        }
    }

    public Reservations {
        outcomes = List.copyOf(outcomes);
        budgets = List.copyOf(budgets);
    }

    public List<Award> awards() {
        return outcomes.stream().filter(Outcome::reserved).map(Outcome::award).toList();
    }

    public Optional<Outcome> of(String creditCode) {
        return outcomes.stream().filter(o -> o.creditCode().equals(creditCode)).findFirst();
    }
}
