package cn.tcsubsidy.award.scheme.domain;

import java.math.BigDecimal;

/** What the tables read of the active scheme for a quote's scope, award year and category. */
public record SchemeTerms(String document, boolean sample, BigDecimal rate, BigDecimal projectCap,
                          BigDecimal enterpriseCap) {
}
