package cn.tcsubsidy.rules.domain;

import cn.tcsubsidy.jurisdiction.AwardCategories;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cells of a rule table in readable Chinese. Inputs: {@code -} or empty is 任意; {@code >= 5000000} is
 * {@code ≥ 5,000,000 元(500万元)}; {@code [a..b)} is {@code a(含)至 b(不含)}; {@code not([a..b])} is
 * {@code 不在 a 至 b 之间}; {@code "A","B"} is {@code A、B} with known codes named ({@code 直接奖补(DIRECT_SUBSIDY)}).
 * Values: rates (0 ≤ x ≤ 1 in a rate or ratio column: 比例, 利率, 权重, rate, bonus …) as percent, amounts (money columns) with the thousands grouped and
 * in 万元 from 1,000 on, {@code date("2020-09-21")} as 2020年9月21日. Anything else (FEEL formulas) is kept verbatim.
 * Every number is read and written as an exact decimal.
 */
final class ReadableCells {

    /** What the numbers of a column mean. */
    enum Kind { RATIO, MONEY, CAP_SCOPE, OTHER }

    static final String ANY = "任意";
    static final String NONE = "—";

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern DATE = Pattern.compile("date\\(\\s*\"(\\d{4})-(\\d{2})-(\\d{2})\"\\s*\\)");
    private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern COMPARISON = Pattern.compile("(>=|<=|!=|>|<|=)\\s*(.+)", Pattern.DOTALL);
    private static final Pattern RANGE = Pattern.compile("([\\[\\]\\(])\\s*(.+?)\\s*\\.\\.\\s*(.+?)\\s*([\\[\\]\\)])",
            Pattern.DOTALL);
    private static final Pattern RATIO_NAME = Pattern.compile("(?i).*(rate|ratio|bonus|share|percent|lpr).*");
    private static final Pattern MONEY_NAME = Pattern.compile(
            "(?i).*(amount|cap|investment|funding|fund|price|cost|revenue|subsid).*");
    private static final Map<String, String> COMPARATORS = Map.of(">=", "≥", "<=", "≤", "!=", "≠", ">", ">",
            "<", "<", "=", "=");
    private static final Map<String, String> LEVELS = Map.of("COUNTY", "县级", "CITY", "市级", "PROVINCE", "省级",
            "NATIONAL", "国家级");
    private static final Map<String, String> CAP_SCOPES = Map.of("POLICY", "本政策下该企业全部奖补累计",
            "CATEGORY", "该企业本类别累计", "CATEGORY_YEAR", "该企业本类别在奖补年度内累计", "NONE", "不设单个企业上限");
    private static final List<String> JURISDICTIONS = List.of("hekou", "huanggang", "yanzhou", "jiyuan", "liaocheng");

    private final Map<String, String> codes = new LinkedHashMap<>();

    /** Codes named by the jurisdiction's own award categories first, then those of the others, then levels. */
    ReadableCells(String jurisdiction) {
        if (jurisdiction != null) {
            codes.putAll(AwardCategories.of(jurisdiction));
        }
        for (String j : JURISDICTIONS) {
            AwardCategories.of(j).forEach(codes::putIfAbsent);
        }
        LEVELS.forEach(codes::putIfAbsent);
    }

    static Kind kindOf(String label, String expression) {
        String l = label == null ? "" : label;
        String e = expression == null ? "" : expression;
        if ("capScope".equals(e)) {
            return Kind.CAP_SCOPE;
        }
        if (l.contains("比例") || l.contains("比率") || l.contains("利率") || l.contains("费率") || l.contains("占比")
                || l.contains("LPR") || l.contains("权重") || RATIO_NAME.matcher(e).matches()) {
            return Kind.RATIO;
        }
        if (l.contains("元") || l.contains("金额") || l.contains("资金") || l.contains("投资") || MONEY_NAME.matcher(e).matches()) {
            return Kind.MONEY;
        }
        return Kind.OTHER;
    }

    /** The readable cells of a rule: inputs, then outputs. */
    List<String> row(DmnTables.Decision d, DmnTables.Rule r) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < d.inputs().size(); i++) {
            cells.add(input(i < r.inputs().size() ? r.inputs().get(i) : "", d.inputs().get(i).kind(), true));
        }
        for (int i = 0; i < d.outputs().size(); i++) {
            cells.add(output(i < r.outputs().size() ? r.outputs().get(i) : "", d.outputs().get(i).kind(), true));
        }
        return cells;
    }

    /** An input entry (unary tests); {@code withCodes} keeps a translated code beside its name. */
    String input(String feel, Kind kind, boolean withCodes) {
        String t = feel == null ? "" : feel.trim();
        if (t.isEmpty() || t.equals("-")) {
            return ANY;
        }
        List<String> terms = splitTopLevel(t);
        if (terms == null) {
            return t;
        }
        List<String> out = new ArrayList<>();
        boolean allStrings = true;
        for (String term : terms) {
            String s = stringLiteral(term);
            allStrings &= s != null;
            String r = test(term, kind, withCodes);
            if (r == null) {
                return t;
            }
            out.add(r);
        }
        return String.join(allStrings ? "、" : " 或 ", out);
    }

    /** An output entry (a value); empty is —. */
    String output(String feel, Kind kind, boolean withCodes) {
        String t = feel == null ? "" : feel.trim();
        if (t.isEmpty()) {
            return NONE;
        }
        if (t.equals("[]")) {
            return "(无)";
        }
        String v = value(t, kind, withCodes);
        return v == null ? t : v;
    }

    private String test(String term, Kind kind, boolean withCodes) {
        String t = term.trim();
        if (t.startsWith("not(") && t.endsWith(")")) {
            String inner = t.substring(4, t.length() - 1).trim();
            Matcher range = RANGE.matcher(inner);
            if (range.matches()) {
                String from = value(range.group(2), kind, withCodes);
                String to = value(range.group(3), kind, withCodes);
                if (from == null || to == null) {
                    return null;
                }
                boolean closed = range.group(1).equals("[") && range.group(4).equals("]");
                return closed ? "不在 " + from + " 至 " + to + " 之间"
                        : "不在 " + from + bound(range.group(1), true) + " 至 " + to + bound(range.group(4), false) + " 之间";
            }
            List<String> terms = splitTopLevel(inner);
            if (terms == null) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (String x : terms) {
                String r = test(x, kind, withCodes);
                if (r == null) {
                    return null;
                }
                out.add(r);
            }
            return "不是 " + String.join("、", out);
        }
        Matcher range = RANGE.matcher(t);
        if (range.matches() && !t.startsWith("\"")) {
            String from = value(range.group(2), kind, withCodes);
            String to = value(range.group(3), kind, withCodes);
            if (from == null || to == null) {
                return null;
            }
            return from + bound(range.group(1), true) + "至 " + to + bound(range.group(4), false);
        }
        Matcher comparison = COMPARISON.matcher(t);
        if (comparison.matches()) {
            String v = value(comparison.group(2), kind, withCodes);
            return v == null ? null : COMPARATORS.get(comparison.group(1)) + " " + v;
        }
        return value(t, kind, withCodes);
    }

    /** (含) or (不含) for the bound of a range: {@code [} / {@code ]} at the start or end as written. */
    private static String bound(String bracket, boolean start) {
        boolean inclusive = start ? bracket.equals("[") : bracket.equals("]");
        return inclusive ? "(含)" : "(不含)";
    }

    /** A single value readable, or null when it is not one (then the caller keeps the FEEL text). */
    String value(String feel, Kind kind, boolean withCodes) {
        String t = feel.trim();
        if (NUMBER.matcher(t).matches()) {
            return number(new BigDecimal(t), kind);
        }
        Matcher date = DATE.matcher(t);
        if (date.matches()) {
            return Integer.parseInt(date.group(1)) + "年" + Integer.parseInt(date.group(2)) + "月"
                    + Integer.parseInt(date.group(3)) + "日";
        }
        switch (t) {
            case "true":
                return "是";
            case "false":
                return "否";
            case "null":
                return "空";
            default:
                break;
        }
        String s = stringLiteral(t);
        Matcher isoDay = s == null ? null : ISO_DAY.matcher(s);
        if (isoDay != null && isoDay.matches()) {
            return Integer.parseInt(isoDay.group(1)) + "年" + Integer.parseInt(isoDay.group(2)) + "月"
                    + Integer.parseInt(isoDay.group(3)) + "日";
        }
        if (s != null) {
            String name = kind == Kind.CAP_SCOPE ? CAP_SCOPES.get(s) : codes.get(s);
            if (name == null) {
                return s;
            }
            return withCodes ? name + "(" + s + ")" : name;
        }
        return null;
    }

    static String number(BigDecimal x, Kind kind) {
        if (kind == Kind.RATIO && x.signum() >= 0 && x.compareTo(BigDecimal.ONE) <= 0) {
            return x.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        }
        if (kind == Kind.MONEY) {
            return money(x);
        }
        return x.toPlainString();
    }

    /** {@code 1,000,000 元(100万元)}; below 1,000 only {@code 500 元}; cents kept to two places, half up. */
    static String money(BigDecimal x) {
        BigDecimal amount = x.stripTrailingZeros().scale() > 0 ? x.setScale(2, RoundingMode.HALF_UP)
                : x.setScale(0, RoundingMode.UNNECESSARY);
        String plain = amount.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        String text = (amount.signum() < 0 ? "-" : "") + grouped + (dot < 0 ? "" : plain.substring(dot)) + " 元";
        if (amount.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            text += "(" + amount.movePointLeft(4).stripTrailingZeros().toPlainString() + "万元)";
        }
        return text;
    }

    /** The content of a FEEL string literal {@code "…"} (escapes \" and \\ read), or null when it is not one. */
    static String stringLiteral(String feel) {
        String t = feel == null ? "" : feel.trim();
        if (t.length() < 2 || t.charAt(0) != '"' || t.charAt(t.length() - 1) != '"') {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 1; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < t.length() - 1) {
                s.append(t.charAt(++i));
            } else if (c == '"') {
                return null;
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** The comma-separated terms of a unary test outside strings and brackets; null when unbalanced. */
    static List<String> splitTopLevel(String t) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        int start = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '(', '[' -> depth++;
                case ')', ']' -> depth--;
                case ',' -> {
                    if (depth == 0) {
                        terms.add(t.substring(start, i).trim());
                        start = i + 1;
                    }
                }
                default -> {
                }
            }
        }
        if (inString) {
            return null;
        }
        terms.add(t.substring(start).trim());
        return terms;
    }

    /** A label without its trailing explanation in parentheses: {@code 奖补比例(小数,如 0.06 即 6%)} → 奖补比例. */
    static String shortLabel(String label) {
        String l = label == null ? "" : label.trim();
        int cut = -1;
        for (String open : new String[] {"（", "("}) {
            int i = l.indexOf(open);
            if (i > 0 && (cut < 0 || i < cut)) {
                cut = i;
            }
        }
        return cut > 0 ? l.substring(0, cut).trim() : l;
    }
}
