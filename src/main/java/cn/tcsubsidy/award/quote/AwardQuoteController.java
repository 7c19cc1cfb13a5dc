package cn.tcsubsidy.award.quote;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/award-quotes}: what award a project would get (any signed-in user; an enterprise previews, the
 * bureau checks). Not eligible is a 200 with reasons; a malformed request, or one with a field the API does not
 * know, is a 400 naming each field.
 */
@RestController
@RequestMapping("/api/award-quotes")
public class AwardQuoteController {

    /**
     * Amounts are read as exact decimals, not doubles; NaN and Infinity are let through the parser so that the
     * refusal can name the field that carried them.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final AwardQuoteService quotes;

    public AwardQuoteController(AwardQuoteService quotes) {
        this.quotes = quotes;
    }

    @PostMapping
    public Response quote(@RequestBody(required = false) String body) {
        return Response.of(quotes.preview(parse(body)));
    }

    /** The body as a JSON object; anything else is answered like any unreadable body (ApiErrors: 400). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        Object value;
        try {
            value = JSON.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            throw new HttpMessageNotReadableException("award quote body is not JSON", e, (HttpInputMessage) null);
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new HttpMessageNotReadableException("award quote body is not a JSON object", (HttpInputMessage) null);
        }
        return (Map<String, Object>) map;
    }

    /**
     * The API's answer; nulls are written out (poolLevel, rate, base … are part of the contract even when empty).
     * Fields after {@code decision} were added compatibly (issue 7): the basis, which awards share the enterprise
     * cap, the rate's ceiling and the table that chose the rate within it, the dates and year the quote used.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Response(boolean eligible, BigDecimal amount, BigDecimal rate, BigDecimal base, BigDecimal projectCap,
                           BigDecimal enterpriseCap, String poolLevel, List<AwardQuote.Allocation> allocations,
                           List<String> reasons, DecisionRef decision, String basis, String capScope,
                           BigDecimal rateCeiling, DecisionRef rateDecision, LocalDate policyDate, LocalDate lprDate,
                           Integer awardYear) {

        static Response of(AwardQuote q) {
            return new Response(q.eligible(), q.amount(), q.rate(), q.base(), q.projectCap(), q.enterpriseCap(),
                    q.poolLevel(), q.allocations(), q.reasons(), q.decision(), q.basis(), q.capScope(),
                    q.rateCeiling(), q.rateDecision(), q.policyDate(), q.lprDate(), q.awardYear());
        }
    }
}
