package cn.tcsubsidy.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses the fields of a JSON object that an endpoint does not know, by name: a misspelt field must never be read
 * as absent (a misspelt figure would quote as 0, a misspelt date would fall back to another one).
 */
public final class KnownFields {

    private KnownFields() {
    }

    /**
     * One refusal {@code 未知字段: <path>} per key of {@code body} not in {@code known}, in the body's order.
     *
     * @param prefix the object's path in the request, e.g. {@code members[0].}; empty at the top level
     */
    public static List<FieldError> unknown(Map<String, ?> body, Set<String> known, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (body != null) {
            for (String key : body.keySet()) {
                if (!known.contains(key)) {
                    errors.add(new FieldError(prefix + key, "未知字段: " + prefix + key));
                }
            }
        }
        return errors;
    }
}
