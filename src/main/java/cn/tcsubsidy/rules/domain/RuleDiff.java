package cn.tcsubsidy.rules.domain;

import cn.tcsubsidy.rules.domain.DmnTables.Column;
import cn.tcsubsidy.rules.domain.DmnTables.Decision;
import cn.tcsubsidy.rules.domain.DmnTables.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The readable difference between two versions of a DMN file, decision by decision: decisions, condition and result
 * columns added or removed, the hit policy, and rows added, removed or changed. Rows are matched by rule id (a row
 * without an id by its position); columns by id, else by label. A changed row names itself (its position in the new
 * table and its first conditions) and every changed cell, old → new, readable:
 * {@code tc-award-terms 第1行(直接奖补):奖补比例 6% → 9%}. Under the hit policies where the order of the rows decides
 * (FIRST, RULE ORDER), a row moved among the kept rows is a changed row too ({@code 顺序 原第3行 → 第1行}).
 */
public final class RuleDiff {

    private RuleDiff() {
    }

    /** The changes from {@code oldDmn} to {@code newDmn}; with no old file ({@code null}) every decision is added. */
    public static List<RuleChange> between(byte[] oldDmn, byte[] newDmn) {
        return between(oldDmn, newDmn, null);
    }

    /** As {@link #between(byte[], byte[])}, naming award category codes with {@code jurisdiction}'s names first. */
    public static List<RuleChange> between(byte[] oldDmn, byte[] newDmn, String jurisdiction) {
        ReadableCells cells = new ReadableCells(jurisdiction);
        Map<String, Decision> before = oldDmn == null ? Map.of() : DmnTables.byKey(DmnTables.parse(oldDmn));
        Map<String, Decision> after = newDmn == null ? Map.of() : DmnTables.byKey(DmnTables.parse(newDmn));
        List<RuleChange> changes = new ArrayList<>();
        for (Decision d : after.values()) {
            Decision old = before.get(d.key());
            if (old == null) {
                changes.add(new RuleChange(d.key(), RuleChange.DECISION_ADDED, null, "新增决策表 " + d.key()
                        + "(" + d.name() + "),共 " + d.rules().size() + " 行"));
            } else {
                changes.addAll(decision(old, d, cells));
            }
        }
        for (Decision old : before.values()) {
            if (!after.containsKey(old.key())) {
                changes.add(new RuleChange(old.key(), RuleChange.DECISION_REMOVED, null, "删除决策表 " + old.key()
                        + "(" + old.name() + ")"));
            }
        }
        return changes;
    }

    private static List<RuleChange> decision(Decision old, Decision now, ReadableCells cells) {
        List<RuleChange> changes = new ArrayList<>();
        String key = now.key();
        if (!same(old.hitPolicy(), now.hitPolicy())) {
            changes.add(new RuleChange(key, RuleChange.HIT_POLICY_CHANGED, null, key + " 命中策略 "
                    + hitPolicy(old.hitPolicy()) + " → " + hitPolicy(now.hitPolicy())));
        }
        int[] inputs = match(old.inputs(), now.inputs());
        int[] outputs = match(old.outputs(), now.outputs());
        columns(key, old.inputs(), now.inputs(), inputs, RuleChange.INPUT_ADDED, RuleChange.INPUT_REMOVED, "条件列",
                changes);
        columns(key, old.outputs(), now.outputs(), outputs, RuleChange.OUTPUT_ADDED, RuleChange.OUTPUT_REMOVED,
                "结果列", changes);

        Map<String, Integer> oldRows = new HashMap<>();
        for (int i = 0; i < old.rules().size(); i++) {
            oldRows.putIfAbsent(rowKey(old.rules().get(i), i), i);
        }
        Set<Integer> matched = new HashSet<>();
        int[] oldOf = new int[now.rules().size()];
        for (int n = 0; n < now.rules().size(); n++) {
            Integer o = oldRows.get(rowKey(now.rules().get(n), n));
            oldOf[n] = o == null || matched.contains(o) ? -1 : o;
            if (oldOf[n] >= 0) {
                matched.add(o);
            }
        }
        Set<Integer> moved = orderMatters(now.hitPolicy()) ? moved(oldOf) : Set.of();
        for (int n = 0; n < now.rules().size(); n++) {
            Rule rule = now.rules().get(n);
            int o = oldOf[n];
            if (o < 0) {
                changes.add(new RuleChange(key, RuleChange.ROW_ADDED, rule.id(), key + " 新增第" + (n + 1) + "行("
                        + rowName(now, rule, cells) + "):" + summary(now, rule, cells)));
                continue;
            }
            List<String> cellChanges = new ArrayList<>();
            if (moved.contains(n)) {
                cellChanges.add("顺序 原第" + (o + 1) + "行 → 第" + (n + 1) + "行");
            }
            Rule before = old.rules().get(o);
            for (int i = 0; i < now.inputs().size(); i++) {
                if (inputs[i] < 0) {
                    continue;
                }
                String a = entry(before.inputs(), inputs[i]);
                String b = entry(rule.inputs(), i);
                if (!sameFeel(a, b)) {
                    Column c = now.inputs().get(i);
                    cellChanges.add(ReadableCells.shortLabel(c.label()) + " " + cells.input(a, old.inputs().get(inputs[i]).kind(), true)
                            + " → " + cells.input(b, c.kind(), true));
                }
            }
            for (int i = 0; i < now.outputs().size(); i++) {
                if (outputs[i] < 0) {
                    continue;
                }
                String a = entry(before.outputs(), outputs[i]);
                String b = entry(rule.outputs(), i);
                if (!sameFeel(a, b)) {
                    Column c = now.outputs().get(i);
                    cellChanges.add(ReadableCells.shortLabel(c.label()) + " "
                            + cells.output(a, old.outputs().get(outputs[i]).kind(), true) + " → " + cells.output(b, c.kind(), true));
                }
            }
            if (!sameFeel(before.description(), rule.description())) {
                cellChanges.add("说明 " + text(before.description()) + " → " + text(rule.description()));
            }
            if (!cellChanges.isEmpty()) {
                changes.add(new RuleChange(key, RuleChange.ROW_CHANGED, rule.id(), key + " 第" + (n + 1) + "行("
                        + rowName(now, rule, cells) + "):" + String.join(";", cellChanges)));
            }
        }
        for (int o = 0; o < old.rules().size(); o++) {
            if (!matched.contains(o)) {
                Rule rule = old.rules().get(o);
                changes.add(new RuleChange(key, RuleChange.ROW_REMOVED, rule.id(), key + " 删除原第" + (o + 1) + "行("
                        + rowName(old, rule, cells) + ")"));
            }
        }
        return changes;
    }

    /** Under FIRST and RULE ORDER the order of the rows decides the result: a row moved among the others counts. */
    private static boolean orderMatters(String hitPolicy) {
        return hitPolicy != null && (hitPolicy.equals("FIRST") || hitPolicy.startsWith("RULE ORDER"));
    }

    /**
     * The new positions of the rows whose order among the kept rows changed: those outside a longest run of kept
     * rows that are still in their old order (rows added or removed around them do not move them).
     */
    static Set<Integer> moved(int[] oldOf) {
        List<Integer> positions = new ArrayList<>();
        for (int n = 0; n < oldOf.length; n++) {
            if (oldOf[n] >= 0) {
                positions.add(n);
            }
        }
        int k = positions.size();
        int[] length = new int[k];
        int[] previous = new int[k];
        int best = -1;
        for (int i = 0; i < k; i++) {
            length[i] = 1;
            previous[i] = -1;
            for (int j = 0; j < i; j++) {
                if (oldOf[positions.get(j)] < oldOf[positions.get(i)] && length[j] + 1 > length[i]) {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }
            if (best < 0 || length[i] > length[best]) {
                best = i;
            }
        }
        Set<Integer> inOrder = new HashSet<>();
        for (int i = best; i >= 0; i = previous[i]) {
            inOrder.add(positions.get(i));
        }
        Set<Integer> moved = new HashSet<>();
        positions.stream().filter(p -> !inOrder.contains(p)).forEach(moved::add);
        return moved;
    }

    private static void columns(String key, List<Column> old, List<Column> now, int[] match, String added,
                                String removed, String what, List<RuleChange> changes) {
        Set<Integer> kept = new HashSet<>();
        for (int i = 0; i < now.size(); i++) {
            if (match[i] < 0) {
                changes.add(new RuleChange(key, added, null, key + " 新增" + what + ":" + now.get(i).label()));
            } else {
                kept.add(match[i]);
            }
        }
        for (int i = 0; i < old.size(); i++) {
            if (!kept.contains(i)) {
                changes.add(new RuleChange(key, removed, null, key + " 删除" + what + ":" + old.get(i).label()));
            }
        }
    }

    /** For each new column the index of the same old column (by id, else by label, else -1). */
    private static int[] match(List<Column> old, List<Column> now) {
        int[] m = new int[now.size()];
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < now.size(); i++) {
            m[i] = -1;
            String id = now.get(i).id();
            for (int j = 0; j < old.size() && !id.isBlank(); j++) {
                if (!used.contains(j) && id.equals(old.get(j).id())) {
                    m[i] = j;
                    used.add(j);
                    break;
                }
            }
        }
        for (int i = 0; i < now.size(); i++) {
            for (int j = 0; j < old.size() && m[i] < 0; j++) {
                if (!used.contains(j) && now.get(i).label().equals(old.get(j).label())) {
                    m[i] = j;
                    used.add(j);
                }
            }
        }
        return m;
    }

    private static String rowKey(Rule rule, int position) {
        return rule.id() == null || rule.id().isBlank() ? "#" + position : "id:" + rule.id();
    }

    /** The first two conditions that are not 任意, names without codes; 任意条件 when every one is. */
    static String rowName(Decision d, Rule rule, ReadableCells cells) {
        List<String> named = new ArrayList<>();
        for (int i = 0; i < d.inputs().size() && named.size() < 2; i++) {
            String cell = cells.input(entry(rule.inputs(), i), d.inputs().get(i).kind(), false);
            if (!ReadableCells.ANY.equals(cell)) {
                named.add(cell);
            }
        }
        if (named.isEmpty()) {
            return d.inputs().isEmpty() ? rule.id() : "任意条件";
        }
        return String.join(";", named);
    }

    private static String summary(Decision d, Rule rule, ReadableCells cells) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < d.outputs().size(); i++) {
            String v = cells.output(entry(rule.outputs(), i), d.outputs().get(i).kind(), true);
            if (!ReadableCells.NONE.equals(v)) {
                parts.add(ReadableCells.shortLabel(d.outputs().get(i).label()) + " " + v);
            }
        }
        return parts.isEmpty() ? "无结果" : String.join(";", parts);
    }

    private static String hitPolicy(String h) {
        String name = switch (h == null ? "" : h.split(" ")[0]) {
            case "UNIQUE" -> "唯一命中";
            case "FIRST" -> "首条命中";
            case "PRIORITY" -> "按优先级";
            case "ANY" -> "任一命中";
            case "COLLECT" -> "全部命中";
            case "RULE ORDER", "RULE" -> "按规则顺序";
            case "OUTPUT" -> "按输出顺序";
            default -> null;
        };
        return h == null ? "(无)" : name == null ? h : h + "(" + name + ")";
    }

    private static String entry(List<String> entries, int i) {
        return i < entries.size() ? entries.get(i) : "";
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? "(无)" : s.trim();
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /** The same FEEL text up to whitespace runs and an empty input written as {@code -}. */
    private static boolean sameFeel(String a, String b) {
        return normal(a).equals(normal(b));
    }

    private static String normal(String s) {
        String t = s == null ? "" : s.trim().replaceAll("\\s+", " ");
        return t.equals("-") ? "" : t;
    }
}
