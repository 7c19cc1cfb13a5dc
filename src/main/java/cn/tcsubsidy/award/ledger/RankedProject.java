package cn.tcsubsidy.award.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A candidate's place on the proposed list.
 *
 * @param quotedAmount   what the rules quoted (0 for an ineligible project)
 * @param proposedAmount what the bureau could propose: the quote cut to what is left under each enterprise's cap
 * @param eligible       false for a project the rules refuse: below the line, never in the budget sum
 * @param aboveLine      inside the budget line: its whole proposed amount fits every paying fund
 * @param reason         in Chinese: the cap cut (above or below the line), why it is below the line; null when neither
 * @param fundCharges    what each paying fund would be charged (fund code → yuan); empty when ineligible
 */
public record RankedProject(
        int rank,
        long projectId,
        BigDecimal expertScore,
        BigDecimal quotedAmount,
        BigDecimal proposedAmount,
        LocalDate completionDate,
        boolean eligible,
        boolean aboveLine,
        String reason,
        Map<String, BigDecimal> fundCharges) {

    public RankedProject {
        fundCharges = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(fundCharges));
    }
}
