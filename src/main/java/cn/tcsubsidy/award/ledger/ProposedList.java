package cn.tcsubsidy.award.ledger;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The ranked proposed list (拟扶持名单) of one jurisdiction and year, over every fund its candidates charge.
 *
 * @param budgets            each paying fund before this list (fund code → budget): what earlier awards (of projects
 *                           not on the list) committed; a fund without a budget is there with {@code configured} false
 * @param ranked             every candidate, best first, each above or below the budget line
 * @param aboveLineTotal     what the projects above the line would be proposed together
 * @param remainingAfterList each budgeted fund's remainder once the projects above the line are paid
 */
public record ProposedList(Map<String, BudgetStatus> budgets, List<RankedProject> ranked, BigDecimal aboveLineTotal,
                           Map<String, BigDecimal> remainingAfterList) {

    public ProposedList {
        budgets = Collections.unmodifiableMap(new TreeMap<>(budgets));
        ranked = List.copyOf(ranked);
        remainingAfterList = Collections.unmodifiableMap(new TreeMap<>(remainingAfterList));
    }

    public List<RankedProject> aboveLine() {
        return ranked.stream().filter(RankedProject::aboveLine).toList();
    }

    public List<RankedProject> belowLine() {
        return ranked.stream().filter(r -> !r.aboveLine()).toList();
    }

    /** The budgets of the funds the project would charge, as the bureau reads them (empty when it charges none). */
    public String budgetNote(RankedProject r) {
        return r.fundCharges().keySet().stream().map(f -> budgets.get(f).note()).collect(Collectors.joining(";"));
    }

}
