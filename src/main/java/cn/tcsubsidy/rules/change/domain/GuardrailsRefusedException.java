package cn.tcsubsidy.rules.change.domain;

import cn.tcsubsidy.rules.guardrail.Violation;
import java.util.List;

/** The uploaded tables break policy invariants (RuleGuardrails): nothing was stored. */
public class GuardrailsRefusedException extends RuntimeException {

    private final List<Violation> violations;

    public GuardrailsRefusedException(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
