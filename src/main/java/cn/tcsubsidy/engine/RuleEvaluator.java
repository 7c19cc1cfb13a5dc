package cn.tcsubsidy.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Reading a jurisdiction's rule tables as the rule evaluator: an identity one cannot sign in as, which only
 * authorizations name (IdentitySetup grants it decision read and evaluate), so that a quote or a panel rule can be
 * read by any caller without the caller's rights to evaluate tables; the caller's authentication is restored after.
 * And the one way table outputs become money.
 */
public final class RuleEvaluator {

    public static final String USER = "tc-rule-evaluator";

    private RuleEvaluator() {
    }

    /** Runs {@code work} as the rule evaluator, a member of {@code tenant} only. */
    public static <T> T run(IdentityService identity, String tenant, Supplier<T> work) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.setAuthentication(USER, List.of(), List.of(tenant));
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            } else {
                identity.clearAuthentication();
            }
        }
    }

    /** FEEL hands back whole numbers as Long and others as Double; Double's shortest text is the table's decimal. */
    public static BigDecimal decimal(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        throw new IllegalStateException("table output is not a number: " + v);
    }
}
