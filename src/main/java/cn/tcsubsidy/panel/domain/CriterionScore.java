package cn.tcsubsidy.panel.domain;

import java.math.BigDecimal;

/** A member's score on one criterion (within 0 … the criterion's max score, at most 2 decimals) and its comment. */
public record CriterionScore(String criterion, BigDecimal score, String comment) {
}
