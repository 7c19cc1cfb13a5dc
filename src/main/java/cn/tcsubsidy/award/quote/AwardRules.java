package cn.tcsubsidy.award.quote;

/** The jurisdictions' award tables, asked about one request (for a cluster: about one member of it). */
public interface AwardRules {

    /**
     * tc-award of the request's jurisdiction (with tc-pool-entry, lpr-1y on the context's LPR date, and, where the
     * rate is a ceiling, tc-rate-by-score), given the request and what the quote service worked out for it.
     */
    AwardTerms decide(QuoteRequest request, QuoteContext context);
}
