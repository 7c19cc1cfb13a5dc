package cn.tcsubsidy.award.quote;

import cn.tcsubsidy.award.scheme.domain.SchemeTerms;
import java.time.LocalDate;

/**
 * What the quote service works out for a request before the tables see it, from data administrators keep: the date
 * that picks the policy and the one that picks the LPR (quote date settings), the award year, and the active annual
 * scheme for the request's scope, year and category (null when none).
 */
public record QuoteContext(LocalDate policyDate, LocalDate lprDate, Integer awardYear, SchemeTerms scheme) {
}
