package cn.tcsubsidy.rules.domain;

import java.util.List;

/**
 * A row (rule) of a readable table: its rule id, the cells (inputs first, then outputs, in column order) and the
 * source sentence it rests on (its policy basis, else the rule's description; null when it has neither).
 */
public record ReadableRow(String ruleId, List<String> cells, String source) {

    public ReadableRow {
        cells = List.copyOf(cells);
    }
}
