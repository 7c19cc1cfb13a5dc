package cn.tcsubsidy.rules.domain;

import java.util.List;

/**
 * One decision of a DMN file as a bureau reads it: the labels of its conditions (inputs) and results (outputs) and
 * its rows, every cell in readable Chinese ({@link ReadableCells}).
 */
public record ReadableTable(String key, String name, String hitPolicy, List<String> inputs, List<String> outputs,
                            List<ReadableRow> rows) {

    public ReadableTable {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        rows = List.copyOf(rows);
    }
}
