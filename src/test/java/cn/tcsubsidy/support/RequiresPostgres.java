package cn.tcsubsidy.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where PostgreSQL answers. Where none does, the class is skipped with a printed notice,
 * unless REQUIRE_POSTGRES=1 (as in CI), which makes it fail instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {

    class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Postgres.available()) {
                return ConditionEvaluationResult.enabled("PostgreSQL answers at " + Postgres.SERVER);
            }
            String message = "PostgreSQL does not answer at " + Postgres.SERVER + " (user " + Postgres.USER + ")";
            if ("1".equals(System.getenv("REQUIRE_POSTGRES"))) {
                throw new IllegalStateException(message + " and REQUIRE_POSTGRES=1");
            }
            System.out.println("NOTICE: " + message + ": skipping " + context.getDisplayName()
                    + " (set REQUIRE_POSTGRES=1 to make this a failure)");
            return ConditionEvaluationResult.disabled(message);
        }
    }
}
