package cn.tcsubsidy.award.scheme.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An annual award scheme (专项奖补方案) as the rule administrator entered it: whose it is (the jurisdiction and the
 * scope: a recommending unit, or the jurisdiction's code for a jurisdiction-wide scheme), its year, document number
 * (文件号) and 备案 date, its rate rows, and who entered and withdrew it. {@code sample} marks a 示例方案 entered by the
 * demo.
 */
public record AwardScheme(long id, String jurisdiction, String scope, int year, String document, LocalDate filedOn,
                          boolean sample, SchemeStatus status, List<SchemeRate> rates, String enteredBy,
                          LocalDateTime enteredAt, String withdrawnBy, LocalDateTime withdrawnAt,
                          String withdrawReason) {

    public AwardScheme {
        rates = rates == null ? List.of() : List.copyOf(rates);
    }
}
