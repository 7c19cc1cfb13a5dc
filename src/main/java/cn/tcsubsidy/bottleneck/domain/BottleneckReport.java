package cn.tcsubsidy.bottleneck.domain;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The bottleneck report (瓶颈分析) of one process of one jurisdiction, computed from the stays ({@link Wait}) the
 * engine's history holds, as of {@code now}.
 * <ul>
 *   <li>Per activity of the process: how many wait there now, the median and 90th percentile of the waiting time
 *       over every stay (finished stays by their duration, open ones by the time they have waited so far), how many
 *       open tasks are overdue against their due date, how many were completed late, and the weekly throughput
 *       (stays finished per ISO week, with their median).</li>
 *   <li>Per recommending unit: the unit's own tasks (those its officers were candidates of): open, completed,
 *       median hours to complete, overdue; and how many of the unit's projects appear.</li>
 *   <li>Per reviewer (whoever a task was assigned to, the panel's tasks of called processes included): tasks
 *       completed and their median hours, open and overdue tasks, slowest first.</li>
 * </ul>
 * Severity (the overlay's colour): {@code HIGH} when a task there is overdue or its median is at least two thirds of
 * the slowest activity's median, {@code MEDIUM} from one third, {@code LOW} below, {@code NONE} with no stay.
 */
public final class BottleneckReport {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Weeks shown without a year filter: the last twelve, this one included. */
    static final int RECENT_WEEKS = 12;

    public record Week(String week, LocalDate weekStart, int completed, BigDecimal medianWaitHours) {
    }

    public record Activity(String activityId, String name, String type, int waiting, int completed,
                           BigDecimal medianWaitHours, BigDecimal p90WaitHours, int overdue, int completedLate,
                           String severity, List<Week> weekly) {
    }

    public record Unit(String unit, String unitName, int projects, int openTasks, int completedTasks,
                       BigDecimal medianHoursToComplete, int overdue) {
    }

    public record Reviewer(String reviewer, String name, int completed, BigDecimal medianHoursToComplete, int open,
                           int overdue) {
    }

    public record Result(Map<String, Activity> activities, List<Unit> units, List<Reviewer> reviewers,
                         List<Week> weekly) {
    }

    private BottleneckReport() {
    }

    /**
     * @param stays      stays at the process's own activities
     * @param tasks      user tasks of the process and of the processes it calls (for the units and reviewers)
     * @param unitNames  the jurisdiction's recommending units, code → name, in the order to show
     * @param userNames  reviewer id → display name (missing ids show the id)
     * @param year       the year filter (stays that began in it), or null for all
     */
    public static Result compute(List<Wait> stays, List<Wait> tasks, Map<String, String> unitNames,
                                 Map<String, String> userNames, Integer year, Instant now) {
        List<LocalDate> weeks = weeks(stays, year, now);
        Map<String, List<Wait>> byActivity = stays.stream()
                .sorted(Comparator.comparing(Wait::start))
                .collect(Collectors.groupingBy(Wait::activityId, LinkedHashMap::new, Collectors.toList()));
        double slowest = byActivity.values().stream()
                .map(list -> Percentiles.of(list.stream().map(w -> w.hours(now)).toList(), 0.5))
                .filter(m -> m != null).mapToDouble(Double::doubleValue).max().orElse(0);
        Map<String, Activity> activities = new LinkedHashMap<>();
        byActivity.forEach((id, list) -> activities.put(id, activity(id, list, slowest, weeks, now)));
        return new Result(activities, units(stays, tasks, unitNames, now), reviewers(tasks, userNames, now),
                weekly(stays, weeks));
    }

    private static Activity activity(String id, List<Wait> list, double slowest, List<LocalDate> weeks, Instant now) {
        List<Double> hours = list.stream().map(w -> w.hours(now)).toList();
        Double median = Percentiles.of(hours, 0.5);
        int overdue = (int) list.stream().filter(w -> w.overdue(now)).count();
        String severity;
        if (median == null) {
            severity = "NONE";
        } else if (overdue > 0 || (slowest > 0 && median >= slowest * 2 / 3)) {
            severity = "HIGH";
        } else if (slowest > 0 && median >= slowest / 3) {
            severity = "MEDIUM";
        } else {
            severity = "LOW";
        }
        Wait first = list.get(0);
        return new Activity(id, first.activityName(), first.activityType(),
                (int) list.stream().filter(Wait::open).count(), (int) list.stream().filter(w -> !w.open()).count(),
                Percentiles.hours(median), Percentiles.hours(Percentiles.of(hours, 0.9)), overdue,
                (int) list.stream().filter(Wait::completedLate).count(), severity, weekly(list, weeks));
    }

    private static List<Unit> units(List<Wait> stays, List<Wait> tasks, Map<String, String> unitNames, Instant now) {
        boolean anyUnit = stays.stream().anyMatch(w -> w.unit() != null) || tasks.stream().anyMatch(w -> w.townUnit() != null);
        if (!anyUnit) {
            return List.of();
        }
        Map<String, Set<String>> projects = new TreeMap<>();
        for (Wait w : stays) {
            if (w.unit() != null) {
                projects.computeIfAbsent(w.unit(), u -> new java.util.HashSet<>()).add(w.processInstanceId());
            }
        }
        Map<String, List<Wait>> own = tasks.stream().filter(w -> w.townUnit() != null)
                .collect(Collectors.groupingBy(Wait::townUnit));
        List<String> codes = new ArrayList<>(unitNames.keySet());
        for (String code : own.keySet()) {
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        List<Unit> out = new ArrayList<>();
        for (String code : codes) {
            List<Wait> list = own.getOrDefault(code, List.of());
            List<Double> done = list.stream().filter(w -> !w.open()).map(w -> w.hours(now)).toList();
            out.add(new Unit(code, unitNames.getOrDefault(code, code), projects.getOrDefault(code, Set.of()).size(),
                    (int) list.stream().filter(Wait::open).count(), done.size(),
                    Percentiles.hours(Percentiles.of(done, 0.5)), (int) list.stream().filter(w -> w.overdue(now)).count()));
        }
        return out;
    }

    private static List<Reviewer> reviewers(List<Wait> tasks, Map<String, String> userNames, Instant now) {
        Map<String, List<Wait>> byAssignee = tasks.stream().filter(w -> w.assignee() != null)
                .collect(Collectors.groupingBy(Wait::assignee, TreeMap::new, Collectors.toList()));
        List<Reviewer> out = new ArrayList<>();
        byAssignee.forEach((who, list) -> {
            List<Double> done = list.stream().filter(w -> !w.open()).map(w -> w.hours(now)).toList();
            out.add(new Reviewer(who, userNames.getOrDefault(who, who), done.size(),
                    Percentiles.hours(Percentiles.of(done, 0.5)), (int) list.stream().filter(Wait::open).count(),
                    (int) list.stream().filter(w -> w.overdue(now)).count()));
        });
        out.sort(Comparator.comparing((Reviewer r) -> r.medianHoursToComplete() == null ? BigDecimal.valueOf(-1)
                : r.medianHoursToComplete()).reversed().thenComparing(Reviewer::reviewer));
        return out;
    }

    /** Stays finished per ISO week (Monday, Asia/Shanghai) with the median of their waiting times. */
    private static List<Week> weekly(List<Wait> list, List<LocalDate> weeks) {
        Map<LocalDate, List<Double>> finished = new TreeMap<>();
        for (Wait w : list) {
            if (w.end() != null) {
                finished.computeIfAbsent(monday(w.end()), d -> new ArrayList<>()).add(w.hours(w.end()));
            }
        }
        List<Week> out = new ArrayList<>();
        for (LocalDate monday : weeks) {
            List<Double> hours = finished.getOrDefault(monday, List.of());
            out.add(new Week(isoWeek(monday), monday, hours.size(), Percentiles.hours(Percentiles.of(hours, 0.5))));
        }
        return out;
    }

    /** The weeks to show: with a year, every week of the year from the first to the last with a finished stay
     *  (at most up to now's); without, the last {@value #RECENT_WEEKS} weeks up to now's. */
    static List<LocalDate> weeks(List<Wait> stays, Integer year, Instant now) {
        LocalDate thisWeek = monday(now);
        List<LocalDate> out = new ArrayList<>();
        if (year == null) {
            for (int i = RECENT_WEEKS - 1; i >= 0; i--) {
                out.add(thisWeek.minusWeeks(i));
            }
            return out;
        }
        List<LocalDate> ends = stays.stream().filter(w -> w.end() != null).map(w -> monday(w.end())).sorted().toList();
        if (ends.isEmpty()) {
            return out;
        }
        LocalDate last = ends.get(ends.size() - 1);
        for (LocalDate d = ends.get(0); !d.isAfter(last) && out.size() < 54; d = d.plusWeeks(1)) {
            out.add(d);
        }
        return out;
    }

    static LocalDate monday(Instant at) {
        return at.atZone(ZONE).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static String isoWeek(LocalDate monday) {
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
