package cn.tcsubsidy.award.scheme.domain;

import java.time.LocalDate;
import java.util.List;

/** A scheme to enter: the API's body as read, or the demo's sample. */
public record SchemeDraft(String jurisdiction, String scope, int year, String document, LocalDate filedOn,
                          boolean sample, List<SchemeRate> rates) {

    public SchemeDraft {
        rates = rates == null ? List.of() : List.copyOf(rates);
    }
}
