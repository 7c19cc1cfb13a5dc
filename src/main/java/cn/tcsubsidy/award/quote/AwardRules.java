package cn.tcsubsidy.award.quote;

/** The jurisdictions' award tables, asked about one request. */
public interface AwardRules {

    AwardTerms decide(QuoteRequest request);
}
