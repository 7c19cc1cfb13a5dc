package cn.tcsubsidy.award.quote;

import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.ValidationException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Quotes the award a project would get under its jurisdiction's policy: validates the request, asks the
 * jurisdiction's tables (eligibility, rate, base, caps) and computes the amount. Used by the quote API; the process
 * calls {@link #quote(QuoteRequest)} with a request built from the project.
 */
@Service
public class AwardQuoteService {

    private final AwardRules rules;
    private final QuoteRequestValidator validator;
    private final QuoteRequestReader reader;
    private final AwardCalculator calculator = new AwardCalculator();

    public AwardQuoteService(AwardRules rules, JurisdictionDirectory directory) {
        this.rules = rules;
        this.validator = new QuoteRequestValidator((j, unit) -> directory.unit(j, unit).isPresent());
        this.reader = new QuoteRequestReader(validator);
    }

    /** Reads a JSON request; a malformed one is refused with a {@link ValidationException} naming every field. */
    public AwardQuote quote(Map<String, Object> body) {
        return quote(reader.read(body));
    }

    public AwardQuote quote(QuoteRequest request) {
        List<FieldError> problems = validator.problems(request);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return calculator.compute(request, rules.decide(request));
    }
}
