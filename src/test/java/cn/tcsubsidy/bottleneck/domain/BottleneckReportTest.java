package cn.tcsubsidy.bottleneck.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's arithmetic on stays with known times, without an engine. */
class BottleneckReportTest {

    static final Instant MONDAY = OffsetDateTime.parse("2031-03-03T09:00:00+08:00").toInstant();

    static Wait stay(String activity, String instance, double startHours, Double endHours, String unit, Double dueHours,
                     String assignee, String townUnit) {
        Instant start = MONDAY.plus(Duration.ofMinutes((long) (startHours * 60)));
        Instant end = endHours == null ? null : MONDAY.plus(Duration.ofMinutes((long) (endHours * 60)));
        Instant due = dueHours == null ? null : MONDAY.plus(Duration.ofMinutes((long) (dueHours * 60)));
        return new Wait(activity, activity + "名", "userTask", instance, start, end, unit, true, due, assignee, townUnit);
    }

    @Test
    void percentilesInterpolateBetweenTheClosestRanks() {
        assertThat(Percentiles.of(List.of(), 0.5)).isNull();
        assertThat(Percentiles.of(List.of(7.0), 0.9)).isEqualTo(7.0);
        assertThat(Percentiles.of(List.of(10.0, 1.0, 3.0, 2.0), 0.5)).isEqualTo(2.5);
        assertThat(Percentiles.hours(Percentiles.of(List.of(10.0, 1.0, 3.0, 2.0), 0.9))).isEqualByComparingTo("7.90");
        assertThat(Percentiles.hours(Percentiles.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0), 0.9)))
                .isEqualByComparingTo("10.00");
        assertThat(Percentiles.hours(0.005)).isEqualByComparingTo("0.01");
    }

    @Test
    void shouldCountWaitingOverdueAndLateAndColourBySeverity() {
        Instant now = MONDAY.plus(Duration.ofHours(100));
        List<Wait> stays = new ArrayList<>();
        // A: 4 stays of 10, 20, 30 h done, one open since h 40 (60 h so far), due at h 50 → overdue.
        stays.add(stay("A", "p1", 0, 10.0, "u1", 5.0, "x", "u1"));
        stays.add(stay("A", "p2", 0, 20.0, "u1", 50.0, "x", "u1"));
        stays.add(stay("A", "p3", 0, 30.0, "u2", null, "y", "u2"));
        stays.add(stay("A", "p4", 40, null, "u2", 50.0, null, "u2"));
        // B: quick, 1 h and 2 h, none open.
        stays.add(stay("B", "p1", 10, 11.0, "u1", null, "z", null));
        stays.add(stay("B", "p2", 20, 22.0, "u1", null, "z", null));
        // C: medium, 12 h.
        stays.add(stay("C", "p1", 11, 23.0, "u1", null, null, null));
        Map<String, String> units = new LinkedHashMap<>();
        units.put("u1", "一镇");
        units.put("u2", "二镇");
        units.put("u3", "三镇");

        BottleneckReport.Result r = BottleneckReport.compute(stays, stays, units, Map.of("x", "甲"), null, now);

        BottleneckReport.Activity a = r.activities().get("A");
        assertThat(a.waiting()).isEqualTo(1);
        assertThat(a.completed()).isEqualTo(3);
        assertThat(a.medianWaitHours()).isEqualByComparingTo("25.00");
        assertThat(a.p90WaitHours()).isEqualByComparingTo("51.00");
        assertThat(a.overdue()).isEqualTo(1);
        assertThat(a.completedLate()).isEqualTo(1);
        assertThat(a.severity()).isEqualTo("HIGH");
        assertThat(r.activities().get("B").severity()).isEqualTo("LOW");
        assertThat(r.activities().get("C").severity()).isEqualTo("MEDIUM");
        assertThat(r.activities().keySet()).containsExactly("A", "B", "C");

        assertThat(r.units()).extracting(BottleneckReport.Unit::unit).containsExactly("u1", "u2", "u3");
        BottleneckReport.Unit u2 = r.units().get(1);
        assertThat(u2.projects()).isEqualTo(2);
        assertThat(u2.openTasks()).isEqualTo(1);
        assertThat(u2.completedTasks()).isEqualTo(1);
        assertThat(u2.medianHoursToComplete()).isEqualByComparingTo("30.00");
        assertThat(u2.overdue()).isEqualTo(1);
        assertThat(r.units().get(2).projects()).isZero();
        assertThat(r.units().get(2).medianHoursToComplete()).isNull();

        // Slowest first: y (30 h), x (15 h), z (1.5 h).
        assertThat(r.reviewers()).extracting(BottleneckReport.Reviewer::reviewer).containsExactly("y", "x", "z");
        assertThat(r.reviewers().get(1).name()).isEqualTo("甲");
        assertThat(r.reviewers().get(1).medianHoursToComplete()).isEqualByComparingTo("15.00");

        // Twelve weeks up to now's, Monday-based in Asia/Shanghai; all six finished stays in the week of 3 March.
        assertThat(r.weekly()).hasSize(12);
        BottleneckReport.Week last = r.weekly().get(11);
        assertThat(last.weekStart()).isEqualTo(LocalDate.of(2031, 3, 3));
        assertThat(last.week()).isEqualTo("2031-W10");
        assertThat(last.completed()).isEqualTo(6);
        assertThat(last.medianWaitHours()).isEqualByComparingTo("11.00");
        assertThat(r.weekly().get(10).completed()).isZero();
        assertThat(r.weekly().get(10).medianWaitHours()).isNull();
    }

    @Test
    void withAYearTheWeeksRunFromTheFirstToTheLastFinishedStay() {
        List<Wait> stays = List.of(stay("A", "p1", 0, 1.0, null, null, null, null),
                stay("A", "p2", 0, 24 * 15.0, null, null, null, null));
        BottleneckReport.Result r = BottleneckReport.compute(stays, List.of(), Map.of(), Map.of(), 2031,
                MONDAY.plus(Duration.ofDays(30)));
        assertThat(r.weekly()).extracting(BottleneckReport.Week::week).containsExactly("2031-W10", "2031-W11", "2031-W12");
        assertThat(r.units()).isEmpty();
        assertThat(r.activities().get("A").weekly()).extracting(BottleneckReport.Week::completed).containsExactly(1, 0, 1);
    }
}
