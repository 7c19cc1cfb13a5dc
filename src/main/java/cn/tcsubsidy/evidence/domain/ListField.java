package cn.tcsubsidy.evidence.domain;

import cn.tcsubsidy.shared.FormValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A list of rows a form submits (a Camunda Forms dynamic list: invoices, other funding, cluster members). Each row's
 * fields are read under keys like {@code invoices[2].amount} (rows numbered from 1 as the form shows them), so a
 * refusal names the row and the field. Rows whose fields are all empty are left out: the form starts with one empty
 * row, and a row the user added and left blank says nothing.
 */
public final class ListField {

    private final String key;
    private final List<Integer> rows;
    private final String problem;

    private ListField(String key, List<Integer> rows, String problem) {
        this.key = key;
        this.rows = rows;
        this.problem = problem;
    }

    /**
     * Reads list {@code key} of the submission and adds its rows' fields to {@code flat}, the map the caller then reads
     * with one {@link FormValues}.
     */
    public static ListField read(Map<String, Object> values, String key, String label, int maxRows, Map<String, Object> flat) {
        Object v = values.get(key);
        if (v == null) {
            return new ListField(key, List.of(), null);
        }
        if (!(v instanceof List<?> list)) {
            return new ListField(key, List.of(), label + "应为多行列表");
        }
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> row)) {
                return new ListField(key, List.of(), label + "第 " + (i + 1) + " 行格式无效");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            row.forEach((k, value) -> fields.put(String.valueOf(k), value));
            if (!new FormValues(fields).anyFilled()) {
                continue;
            }
            int number = i + 1;
            fields.forEach((field, value) -> flat.put(rowKey(key, number, field), value));
            rows.add(number);
        }
        if (rows.size() > maxRows) {
            return new ListField(key, List.of(), label + "最多填写 " + maxRows + " 行");
        }
        return new ListField(key, List.copyOf(rows), null);
    }

    private static String rowKey(String key, int row, String field) {
        return key + "[" + row + "]." + field;
    }

    /** Rejects in {@code f} what is wrong with the list as a whole; true when it was readable. */
    public boolean check(FormValues f) {
        if (problem != null) {
            f.reject(key, problem);
            return false;
        }
        return true;
    }

    /** The numbers of the rows that hold something. */
    public List<Integer> rows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The key a row's field is read and refused under. */
    public String key(int row, String field) {
        return rowKey(key, row, field);
    }

    public String key() {
        return key;
    }
}
