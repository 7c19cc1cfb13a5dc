package cn.tcsubsidy.award.ledger;

import java.math.BigDecimal;
import java.util.List;

/**
 * The ranked proposed list (拟扶持名单) of one fund and year.
 *
 * @param budget             the fund before this list: what earlier awards (of projects not on the list) committed
 * @param ranked             every candidate, best first, each above or below the budget line
 * @param aboveLineTotal     what the projects above the line request together
 * @param remainingAfterList the budget left once the projects above the line are paid; null when no budget is set
 */
public record ProposedList(BudgetStatus budget, List<RankedProject> ranked, BigDecimal aboveLineTotal,
                           BigDecimal remainingAfterList) {

    public ProposedList {
        ranked = List.copyOf(ranked);
    }

    public List<RankedProject> aboveLine() {
        return ranked.stream().filter(RankedProject::aboveLine).toList();
    }

    public List<RankedProject> belowLine() {
        return ranked.stream().filter(r -> !r.aboveLine()).toList();
    }
}
