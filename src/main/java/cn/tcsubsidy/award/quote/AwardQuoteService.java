package cn.tcsubsidy.award.quote;

import cn.tcsubsidy.award.quote.QuoteDateSettings.QuoteDates;
import cn.tcsubsidy.award.scheme.domain.AwardSchemes;
import cn.tcsubsidy.award.scheme.domain.SchemeTerms;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.ValidationException;
import cn.tcsubsidy.standing.domain.EnterpriseStanding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Quotes the award a project would get under its jurisdiction's policy: validates the request, works out from the
 * administrators' data the policy date and the LPR date (quote date settings), the award year and the annual scheme,
 * asks the jurisdiction's tables (eligibility, rate, base, caps), refuses an enterprise on the jurisdiction's standing
 * list, and computes the amount. A cluster is asked about member by member. The process calls
 * {@link #quote(QuoteRequest)} with a request built from the project (the engine evaluates the tables and keeps each
 * evaluation in its decision history); the quote API and a rule change's what-if call {@link #preview}, the same
 * tables evaluated without a decision history ({@code award.quote.process.PreviewAwardRules}). The two rule
 * sources are named beans of the process package, so this service knows only {@link AwardRules}.
 */
@Service
public class AwardQuoteService {

    private final AwardRules rules;
    private final AwardRules previewRules;
    private final QuoteDateSettings dateSettings;
    private final AwardSchemes schemes;
    private final EnterpriseStanding standing;
    private final QuoteRequestValidator validator;
    private final QuoteRequestReader reader;
    private final AwardCalculator calculator = new AwardCalculator();

    /**
     * @param previewThroughEngine previews through the engine as real quotes are (a decision history row per table
     *                             and preview): Camunda's default path, kept only to measure against (docs/performance.md)
     */
    public AwardQuoteService(@Qualifier("camundaAwardRules") AwardRules rules,
                             @Qualifier("previewAwardRules") AwardRules previewRules, JurisdictionDirectory directory,
                             QuoteDateSettings dateSettings, AwardSchemes schemes, EnterpriseStanding standing,
                             @Value("${tc.award-quote.preview-through-engine:false}") boolean previewThroughEngine) {
        this.rules = rules;
        this.previewRules = previewThroughEngine ? rules : previewRules;
        this.dateSettings = dateSettings;
        this.schemes = schemes;
        this.standing = standing;
        this.validator = new QuoteRequestValidator((j, unit) -> directory.unit(j, unit).isPresent());
        this.reader = new QuoteRequestReader(validator);
    }

    /**
     * A preview of a JSON request (the quote API); a malformed one is refused with a {@link ValidationException}
     * naming every field.
     */
    public AwardQuote preview(Map<String, Object> body) {
        return preview(reader.read(body));
    }

    /** The quote under the deployed tables, evaluated without a decision history row (nothing is written). */
    public AwardQuote preview(QuoteRequest request) {
        return quote(request, previewRules);
    }

    /** The quote of a real award (the process's Task_QuoteAward): each table's evaluation is in the decision history. */
    public AwardQuote quote(QuoteRequest request) {
        return quote(request, rules);
    }

    /**
     * The quote under other tables than the deployed ones (a rule change's preview: candidate tables over the deployed
     * ones); everything else (dates, scheme, standing list, arithmetic) as for a real quote.
     */
    public AwardQuote quote(QuoteRequest request, AwardRules rules) {
        List<FieldError> problems = validator.problems(request);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        QuoteContext context = context(request);
        List<String> applicantListed = listings(request, request.creditCode(), context.policyDate());
        if (!request.isCluster()) {
            return calculator.compute(request, context, refuse(rules.decide(request, context), applicantListed));
        }
        List<AwardTerms> perMember = new ArrayList<>();
        for (ClusterMember m : request.members()) {
            List<String> why = new ArrayList<>(applicantListed);
            why.addAll(listings(request, m.creditCode(), context.policyDate()));
            perMember.add(refuse(rules.decide(request.forMember(m), context), why));
        }
        return calculator.computeCluster(request, context, perMember);
    }

    /**
     * The policy date and LPR date by the jurisdiction's setting, the award year (the request's, else the application
     * date's year) and the active scheme of the request's scope for that year and category.
     */
    private QuoteContext context(QuoteRequest r) {
        QuoteDates dates = dateSettings.dates(r.jurisdiction(), r.applicationDate(), r.completionDate());
        Integer year = r.effectiveAwardYear();
        SchemeTerms scheme = year == null ? null
                : schemes.termsFor(r.jurisdiction(), r.category(), r.county(), year).orElse(null);
        return new QuoteContext(dates.policyDate(), dates.lprDate(), year, scheme);
    }

    /**
     * The refusals for an enterprise listed on the jurisdiction's standing list on the policy date or on the
     * application date (a sanction that began after completion still bars the award applied for); none if unknown.
     */
    private List<String> listings(QuoteRequest r, String creditCode, LocalDate policyDate) {
        java.util.LinkedHashSet<String> reasons = new java.util.LinkedHashSet<>();
        standing.listedOn(r.jurisdiction(), creditCode, policyDate).forEach(l -> reasons.add(l.refusal()));
        if (r.applicationDate() != null && !r.applicationDate().equals(policyDate)) {
            standing.listedOn(r.jurisdiction(), creditCode, r.applicationDate()).forEach(l -> reasons.add(l.refusal()));
        }
        return List.copyOf(reasons);
    }

    private static AwardTerms refuse(AwardTerms terms, List<String> reasons) {
        AwardTerms t = terms;
        for (String reason : reasons) {
            t = t.refused(reason);
        }
        return t;
    }
}
