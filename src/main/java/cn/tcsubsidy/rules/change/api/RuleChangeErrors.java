package cn.tcsubsidy.rules.change.api;

import cn.tcsubsidy.rules.change.domain.GuardrailsRefusedException;
import cn.tcsubsidy.rules.change.domain.RuleChangeConflictException;
import cn.tcsubsidy.rules.change.domain.RuleDeploymentRefusedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The rule changes' own refusals: the guardrails' violations (400, each invariant with its source and an example
 * case), a change already decided (409), a deployment the engine refused on approval (400). Other refusals are the
 * app's usual ones (ApiErrors).
 */
// Before the general ApiErrors, whatever order classpath scanning finds them in: a refused deployment wraps the
// engine's AuthorizationException, which ApiErrors would answer 403; the change's own answer is 400 with its message.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = RuleChangeController.class)
public class RuleChangeErrors {

    public record ViolationView(String table, String invariant, String source, String example, String text) {
    }

    @ExceptionHandler(GuardrailsRefusedException.class)
    ResponseEntity<Map<String, Object>> violations(GuardrailsRefusedException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", e.getMessage());
        List<ViolationView> views = e.violations().stream()
                .map(v -> new ViolationView(v.table(), v.invariant(), v.source(), v.example(), v.text())).toList();
        body.put("violations", views);
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(RuleChangeConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(RuleChangeConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(RuleDeploymentRefusedException.class)
    ResponseEntity<Map<String, Object>> deploymentRefused(RuleDeploymentRefusedException e) {
        return ResponseEntity.badRequest().body(Map.of("message", e.reason()));
    }
}
