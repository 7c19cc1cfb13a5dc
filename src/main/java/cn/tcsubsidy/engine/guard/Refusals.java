package cn.tcsubsidy.engine.guard;

import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.ValidationException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;

/** Turns the domain's refusal of bad input into the engine's, so REST and Tasklist answer 4xx with the message. */
public final class Refusals {

    /** Starts every refusal's message, so the REST layer can recognise it under the engine's wrapping. */
    public static final String PREFIX = "提交被拒绝:";

    /** The command guard's refusal in the current request, if any (see {@link #refusedByGuard}). */
    private static final ThreadLocal<String> GUARD_REFUSAL = new ThreadLocal<>();

    private Refusals() {
    }

    /**
     * Notes that the command guard refused the current thread's command as not the caller's to send. Some engine REST
     * resources catch every engine exception and answer a bare 400 ("Not enough parameters submitted"); the REST
     * layer's filter then answers 403 with this message instead.
     */
    public static void refusedByGuard(String message) {
        GUARD_REFUSAL.set(message);
    }

    /** The guard's refusal noted in this thread since the last call, or null; clears it. */
    public static String takeGuardRefusal() {
        String message = GUARD_REFUSAL.get();
        GUARD_REFUSAL.remove();
        return message;
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
