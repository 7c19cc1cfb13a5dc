package cn.tcsubsidy.notice.publication.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A round's proposed list as the bureau works with it (拟扶持名单): every project ranked against the budget, in rank
 * order, with what the rules quoted, what the bureau proposed and where the budget line fell.
 */
public record ProposedListSheet(long roundId, String jurisdiction, String jurisdictionName, int year, String roundStatus,
                                LocalDate noticeStartsOn, LocalDate noticeEndsOn, List<Row> rows) {

    /**
     * @param rank             the place the budget ranking gave the project
     * @param funds            the funds paying the project's recommending unit, with their shares when split
     * @param quotedAmount     what the jurisdiction's tables quoted (0 for an ineligible project)
     * @param proposedAmount   what the bureau proposed (the ledger's grant); null unless the project is on the list
     * @param withinBudgetLine inside the budget line: where the ranking put it, or the bureau moved it with a reason
     * @param decision         列入拟扶持名单, 待审定, 不予扶持 or 拟扶持已取消
     * @param budgetNote       the ranking's own words, and the moves across the line after it
     */
    public record Row(Integer rank, String funds, String enterpriseName, String projectName, String category,
                      String recommendingUnit, BigDecimal expertScore, BigDecimal quotedAmount,
                      BigDecimal proposedAmount, Boolean withinBudgetLine, String decision, String budgetNote) {
    }
}
