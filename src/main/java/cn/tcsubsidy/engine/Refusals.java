package cn.tcsubsidy.engine;

import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.ValidationException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;

/** Turns the domain's refusal of bad input into the engine's, so REST and Tasklist answer 4xx with the message. */
public final class Refusals {

    /** Starts every refusal's message, so the REST layer can recognise it under the engine's wrapping. */
    public static final String PREFIX = "提交被拒绝:";

    private Refusals() {
    }

    public static <T> T refusingBadInput(Supplier<T> action) {
        try {
            return action.get();
        } catch (ValidationException e) {
            // The messages name each field in Chinese already; the field keys are for API clients, not for Tasklist.
            throw new BadUserRequestException(PREFIX + e.errors().stream().map(FieldError::message)
                    .collect(java.util.stream.Collectors.joining(";")), e);
        }
    }
}
