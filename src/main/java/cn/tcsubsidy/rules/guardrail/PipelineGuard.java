package cn.tcsubsidy.rules.guardrail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The invariants of the tables around the award: tc-pool-entry (pool level, progress-report cycle), tc-round-calendar
 * (the round's dates and notice length) and lpr-1y (the published one-year LPR); and of tc-task-due (the tasks' due
 * dates). Each takes the candidate table as a
 * function from inputs to its single result (null when no rule matched).
 */
public final class PipelineGuard {

    public static final String POOL_ENTRY = "tc-pool-entry";
    public static final String ROUND_CALENDAR = "tc-round-calendar";
    public static final String LPR = "lpr-1y";
    public static final String TASK_DUE = "tc-task-due";

    static final String HUANGGANG_POOL = "《黄冈市新一轮技术改造三年行动方案(2021—2023年)》 四(一)“市、县分级建立工业技改投资项目库,"
            + "对总投资2000万元以上的项目统一纳入市级技改投资项目库,总投资2000万元以下的项目纳入各县(市、区)技改投资项目库”";
    static final String LIAOCHENG_WEEKLY = "《聊城市工业企业技术改造设备奖补实施细则》报道“建立项目情况“周报告、月调度”制度”";
    static final String HEKOU_NOVEMBER = "东河政发〔2020〕5号 三(五)“每年11月份各镇街、开发区根据入库项目投资、技术水平、经济效益、"
            + "社会效益等情况进行对上年度竣工项目推荐”";
    static final String NOTICE = "东河政发〔2020〕5号 三(五)“确定拟扶持名单并进行公示”(公示天数系常见做法,非文件规定)";
    static final String TIMER = "进度报告周期须为引擎可执行的循环周期(如 R/P1M、R/P7D),否则进度提醒无法运行";
    static final String TASK_DAYS = "待办办理期限为常见做法(非文件原文);期限按工作日计算,留空即不设期限";
    static final String PBOC = "中国人民银行授权全国银行间同业拆借中心公布的一年期贷款市场报价利率(常见做法:利率值来自每月公告)";

    /** The one-year LPR as published, by effective date (the digest's list of the announcements). */
    static final Map<LocalDate, BigDecimal> PUBLISHED = published();

    private static final Pattern CYCLE = Pattern.compile("R\\d*/P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?");

    private PipelineGuard() {
    }

    private static Map<LocalDate, BigDecimal> published() {
        Map<LocalDate, BigDecimal> m = new LinkedHashMap<>();
        String[][] rows = {{"2019-08-20", "0.0425"}, {"2019-09-20", "0.0420"}, {"2019-11-20", "0.0415"},
                {"2020-02-20", "0.0405"}, {"2020-04-20", "0.0385"}, {"2021-12-20", "0.0380"}, {"2022-01-20", "0.0370"},
                {"2022-08-22", "0.0365"}, {"2023-06-20", "0.0355"}, {"2023-08-21", "0.0345"}, {"2024-07-22", "0.0335"},
                {"2024-10-21", "0.0310"}, {"2025-05-20", "0.0300"}};
        for (String[] r : rows) {
            m.put(LocalDate.parse(r[0]), new BigDecimal(r[1]));
        }
        return m;
    }

    public static List<Violation> poolEntry(String tenant, Function<BigDecimal, Map<String, Object>> table) {
        Map<String, Violation> found = new LinkedHashMap<>();
        for (String amount : List.of("0", "4999999.99", "5000000", "19999999.99", "20000000", "1000000000")) {
            BigDecimal total = new BigDecimal(amount);
            String example = "计划总投资 " + amount + " 元";
            Map<String, Object> out;
            try {
                out = table.apply(total);
            } catch (RuntimeException e) {
                add(found, POOL_ENTRY, "规则表必须对每个计划总投资给出结论", "决策表须对全部情形可求值", example + ":" + e.getMessage());
                continue;
            }
            if (out == null) {
                add(found, POOL_ENTRY, "规则表必须对每个计划总投资给出入库级别与进度报告周期", TIMER, example + ":没有匹配的规则");
                continue;
            }
            Object cycle = out.get("progressCycle");
            Period period = cycle == null ? null : period(String.valueOf(cycle));
            if (period == null) {
                add(found, POOL_ENTRY, "进度报告周期须为循环周期", TIMER, example + ":周期为 " + cycle);
            } else if ("liaocheng".equals(tenant) && days(period) > 7) {
                add(found, POOL_ENTRY, "聊城市重点技改项目每周报告进度,周期不得长于7天", LIAOCHENG_WEEKLY, example + ":周期为 " + cycle);
            }
            Object level = out.get("poolLevel");
            if (level != null && !List.of("CITY", "COUNTY").contains(String.valueOf(level))) {
                add(found, POOL_ENTRY, "入库级别只能是 CITY(市级库)或 COUNTY(县级库)", TIMER, example + ":入库级别为 " + level);
            }
            if ("huanggang".equals(tenant) && total.compareTo(new BigDecimal("5000000")) >= 0) {
                String expected = total.compareTo(new BigDecimal("20000000")) >= 0 ? "CITY" : "COUNTY";
                if (!expected.equals(level)) {
                    add(found, POOL_ENTRY, "总投资2000万元以上纳入市级库(CITY),以下纳入县级库(COUNTY)", HUANGGANG_POOL,
                            example + ":入库级别为 " + level + ",应为 " + expected);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    public static List<Violation> roundCalendar(String tenant, Function<Integer, Map<String, Object>> table) {
        Map<String, Violation> found = new LinkedHashMap<>();
        for (int year = 2020; year <= 2032; year++) {
            String example = "评审年度 " + year;
            Map<String, Object> out;
            try {
                out = table.apply(year);
            } catch (RuntimeException e) {
                add(found, ROUND_CALENDAR, "规则表必须对每个年度给出日程", "决策表须对全部情形可求值", example + ":" + e.getMessage());
                continue;
            }
            if (out == null) {
                add(found, ROUND_CALENDAR, "规则表必须对每个年度给出日程", NOTICE, example + ":没有匹配的规则");
                continue;
            }
            LocalDate deadline = date(out.get("recommendationDeadline"));
            LocalDate before = date(out.get("completedBefore"));
            Object fromValue = out.get("completedFrom");
            LocalDate from = fromValue == null ? null : date(fromValue);
            if (deadline == null || before == null || (fromValue != null && from == null)) {
                add(found, ROUND_CALENDAR, "推荐截止日、竣工截止日(及竣工起始日)须为日期 yyyy-MM-dd", NOTICE,
                        example + ":" + out.get("recommendationDeadline") + " / " + out.get("completedBefore") + " / " + fromValue);
                continue;
            }
            if (deadline.getYear() != year || !before.isBefore(deadline) || (from != null && from.isAfter(before))) {
                add(found, ROUND_CALENDAR, "推荐截止日须在评审年度内,竣工截止日早于推荐截止日,竣工起始日不晚于竣工截止日", NOTICE,
                        example + ":推荐截止 " + deadline + "、竣工截止 " + before + "、竣工起始 " + from);
            }
            if ("hekou".equals(tenant) && (deadline.getMonthValue() != 11
                    || !before.equals(LocalDate.of(year - 1, 12, 31)) || !LocalDate.of(year - 1, 1, 1).equals(from))) {
                add(found, ROUND_CALENDAR, "河口区每年11月推荐上年度(1月1日至12月31日)竣工的项目", HEKOU_NOVEMBER,
                        example + ":推荐截止 " + deadline + "、竣工起始 " + from + "、竣工截止 " + before);
            }
            Object days = out.get("noticeWorkingDays");
            if (!(days instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() < 1) {
                add(found, ROUND_CALENDAR, "公示天数须为不少于1的整数个工作日", NOTICE, example + ":公示天数为 " + days);
            }
        }
        return new ArrayList<>(found.values());
    }

    public static List<Violation> lpr(Function<LocalDate, Map<String, Object>> table) {
        Map<String, Violation> found = new LinkedHashMap<>();
        List<LocalDate> dates = new ArrayList<>(PUBLISHED.keySet());
        for (int i = 0; i < dates.size(); i++) {
            LocalDate effective = dates.get(i);
            LocalDate lastDay = i + 1 < dates.size() ? dates.get(i + 1).minusDays(1) : effective.plusDays(20);
            for (LocalDate d : List.of(effective, lastDay)) {
                Map<String, Object> out;
                try {
                    out = table.apply(d);
                } catch (RuntimeException e) {
                    add(found, LPR, "规则表必须对每个日期给出LPR", PBOC, d + ":" + e.getMessage());
                    continue;
                }
                Object rate = out == null ? null : out.get("lpr");
                BigDecimal value = rate == null ? null : new BigDecimal(String.valueOf(rate));
                if (value == null || value.compareTo(PUBLISHED.get(effective)) != 0) {
                    add(found, LPR, "已公布的LPR不得改写:" + effective + " 起为 "
                            + AwardGuard.percent(PUBLISHED.get(effective)) + "(以小数填写,如 0.0385)", PBOC,
                            d + ":规则表给出 " + rate);
                }
            }
        }
        for (LocalDate d = LocalDate.of(2025, 6, 1); d.isBefore(LocalDate.of(2031, 1, 1)); d = d.plusMonths(3)) {
            Map<String, Object> out = table.apply(d);
            Object rate = out == null ? null : out.get("lpr");
            BigDecimal value = rate == null ? null : new BigDecimal(String.valueOf(rate));
            if (value == null || value.signum() <= 0 || value.compareTo(new BigDecimal("0.1")) >= 0) {
                add(found, LPR, "LPR须为大于0、小于0.1的小数(3.85% 填 0.0385),最近公布值之后的日期也须有值", PBOC,
                        d + ":规则表给出 " + rate);
            }
        }
        return new ArrayList<>(found.values());
    }

    /**
     * tc-task-due: for every task key (and any other), either no due date (no row, or an empty cell) or a whole
     * number of working days, at least 1; a broken table would otherwise fail the creation of the task it dates.
     */
    public static List<Violation> taskDue(Collection<String> taskKeys, Function<String, Map<String, Object>> table) {
        Map<String, Violation> found = new LinkedHashMap<>();
        for (String key : taskKeys) {
            String example = "待办 " + key;
            Map<String, Object> out;
            try {
                out = table.apply(key);
            } catch (RuntimeException e) {
                add(found, TASK_DUE, "规则表必须对每个待办给出结论", "决策表须对全部情形可求值", example + ":" + e.getMessage());
                continue;
            }
            Object days = out == null ? null : out.get("dueWorkingDays");
            if (days != null && (!(days instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                    || n.doubleValue() < 1)) {
                add(found, TASK_DUE, "办理期限须为不少于1的整数个工作日,或留空(不设期限)", TASK_DAYS,
                        example + ":办理期限为 " + days);
            }
        }
        return new ArrayList<>(found.values());
    }

    private static Period period(String cycle) {
        Matcher m = CYCLE.matcher(cycle.trim());
        if (!m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null && m.group(4) == null)) {
            return null;
        }
        Period p = Period.of(n(m.group(1)), n(m.group(2)), n(m.group(3)) * 7 + n(m.group(4)));
        return p.isZero() ? null : p;
    }

    private static int n(String g) {
        return g == null ? 0 : Integer.parseInt(g);
    }

    private static long days(Period p) {
        return p.getYears() * 365L + p.getMonths() * 28L + p.getDays();
    }

    private static LocalDate date(Object v) {
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(String.valueOf(v));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void add(Map<String, Violation> found, String table, String invariant, String source, String example) {
        found.putIfAbsent(invariant, new Violation(table, invariant, source, example));
    }
}
