package cn.tcsubsidy.engine.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The value of a form's dynamic list as a caller may submit it: a {@code Json} variable (what Tasklist sends for a
 * list) holding an array of rows, each row an object of the list's field keys with plain values. JSON is read as a
 * tree, never bound to a class, so nothing is deserialized into an object of the caller's choosing.
 */
public final class ListValues {

    /** Spin's JSON value type, by name: the engine's API has no constant for it. */
    static final String JSON_TYPE = "json";
    /** More rows than any completion report lists (the domain sets each list's own, lower limit). */
    static final int MAX_ROWS = 1000;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ListValues() {
    }

    /** The JSON text of a {@code Json} variable, or null for any other kind of value. */
    static String jsonText(Object value) {
        if (value instanceof TypedValue typed && typed.getType() != null && JSON_TYPE.equals(typed.getType().getName())
                && typed instanceof SerializableValue serializable) {
            if (serializable.getValueSerialized() != null) {
                return serializable.getValueSerialized();
            }
            return serializable.isDeserialized() && serializable.getValue() != null
                    ? String.valueOf(serializable.getValue()) : "null";
        }
        return null;
    }

    /**
     * A {@code Json} variable as plain Java values (lists, maps, strings, BigDecimal or integer numbers, booleans),
     * for the domain, which knows no Camunda types; null when the value is not a {@code Json} variable.
     */
    public static Object plain(Object value) {
        String text = jsonText(value);
        if (text == null) {
            return null;
        }
        try {
            return JSON.readValue(text, Object.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    /** Why the value is refused (Chinese, naming the field), or null when it is a well-formed list. */
    static String problem(String name, Object value, Set<String> rowKeys) {
        String text = jsonText(value);
        String shape = "字段 " + name + " 应为行的列表(JSON 数组,每行只含本表单该列表的字段)";
        if (text == null) {
            return shape;
        }
        JsonNode rows;
        try {
            rows = JSON.readTree(text);
        } catch (IOException e) {
            return shape;
        }
        if (rows == null || rows.isNull()) {
            return null;
        }
        if (!rows.isArray()) {
            return shape;
        }
        if (rows.size() > MAX_ROWS) {
            return "字段 " + name + " 最多 " + MAX_ROWS + " 行";
        }
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            if (!row.isObject()) {
                return shape + ":第 " + (i + 1) + " 行不是对象";
            }
            for (Iterator<String> keys = row.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!rowKeys.contains(key)) {
                    return "字段 " + name + " 第 " + (i + 1) + " 行含有表单之外的字段 " + key;
                }
                JsonNode v = row.get(key);
                if (v.isContainerNode()) {
                    return "字段 " + name + " 第 " + (i + 1) + " 行的 " + key + " 只接受文字、数字或是/否";
                }
            }
        }
        return null;
    }
}
