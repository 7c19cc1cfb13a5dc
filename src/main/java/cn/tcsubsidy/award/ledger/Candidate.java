package cn.tcsubsidy.award.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A project for the proposed list: its expert score and the award the rules give it (already capped per project).
 * The completion date breaks ties between equal scores; null sorts last.
 */
public record Candidate(long projectId, BigDecimal expertScore, BigDecimal requestedAmount, LocalDate completionDate) {
}
