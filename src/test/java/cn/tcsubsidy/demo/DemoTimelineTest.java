package cn.tcsubsidy.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.calendar.domain.WorkingDays;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo's moved time: working time only, forward only, never past the limit, the same for the same seed. */
class DemoTimelineTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Monday to Friday, 2026-10-01 to 10-07 off (国庆). */
    static final WorkingDays WEEKDAYS = new WorkingDays(null) {
        @Override
        protected java.util.Map<LocalDate, Boolean> listed(LocalDate first, LocalDate last) {
            // National Day, 1–7 October 2026, off; no make-up days.
            java.util.Map<LocalDate, Boolean> days = new java.util.HashMap<>();
            for (LocalDate d = LocalDate.of(2026, 10, 1); !d.isAfter(LocalDate.of(2026, 10, 7)); d = d.plusDays(1)) {
                if (!d.isBefore(first) && !d.isAfter(last)) {
                    days.put(d, false);
                }
            }
            return days;
        }
    };
    static final Instant NOW = ZonedDateTime.of(2026, 12, 3, 14, 30, 0, 0, BEIJING).toInstant();

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void shouldStartAtNineOnTheFirstWorkingDayAndMoveTheEnginesClock() {
        DemoTimeline t = DemoTimeline.start(WEEKDAYS, 1, NOW, 60);
        // 60 days before 2026-12-03 is 2026-10-04, in the National Day holiday: the 8th is the first working day.
        assertThat(t.now()).isEqualTo(ZonedDateTime.of(2026, 10, 8, 9, 0, 0, 0, BEIJING).toInstant());
        assertThat(Math.abs(ClockUtil.getCurrentTime().getTime() - t.now().toEpochMilli())).isLessThan(5_000);
    }

    @Test
    void shouldLetOnlyWorkingTimePass() {
        // 30 steps of at most 8 h 59 min: 30 working days at the most, well before the limit.
        DemoTimeline t = DemoTimeline.start(WEEKDAYS, 7, NOW, 60);
        Instant before = t.now();
        for (int i = 0; i < 30; i++) {
            Instant at = t.advance(2, 8);
            assertThat(Duration.between(before, at)).isGreaterThanOrEqualTo(Duration.ofHours(2));
            ZonedDateTime z = at.atZone(BEIJING);
            assertThat(WEEKDAYS.isWorkingDay(z.toLocalDate())).as(z.toString()).isTrue();
            assertThat(z.toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(18, 1));
            assertThat(Math.abs(ClockUtil.getCurrentTime().getTime() - at.toEpochMilli())).isLessThan(5_000);
            before = at;
        }
    }

    @Test
    void shouldNeverPassTheLimitNorGoBack() {
        // 100 steps of 2 to 40 h would take some 230 working days: the later ones close in on the limit.
        DemoTimeline t = DemoTimeline.start(WEEKDAYS, 7, NOW, 60);
        Instant before = t.now();
        for (int i = 0; i < 100; i++) {
            Instant at = t.advance(2, 40);
            assertThat(at).isAfterOrEqualTo(before).isBefore(NOW);
            before = at;
        }
        assertThat(before).isAfter(NOW.minus(Duration.ofHours(1)));
    }

    @Test
    void shouldTakeTwoToFortyWorkingHoursAStep() {
        DemoTimeline t = DemoTimeline.start(WEEKDAYS, 3, NOW, 60);
        // 2026-10-08 09:00 (a Thursday) plus 2 to 40 working hours of 9 a day: the same day 11:00 at the earliest,
        // on the fifth working day (40 h = 4 days and 4 h: 2026-10-14 13:00, plus less than an hour) at the latest.
        Instant at = t.advance(2, 40);
        assertThat(at).isBetween(ZonedDateTime.of(2026, 10, 8, 11, 0, 0, 0, BEIJING).toInstant(),
                ZonedDateTime.of(2026, 10, 14, 14, 1, 0, 0, BEIJING).toInstant());
    }

    @Test
    void shouldTellTheSameStoryForTheSameSeedAndAnotherForAnother() {
        assertThat(steps(11)).isEqualTo(steps(11)).isNotEqualTo(steps(12));
    }

    @Test
    void shouldJumpForwardToATimerButNeverPastTheLimitNorBack() {
        DemoTimeline t = DemoTimeline.start(WEEKDAYS, 5, NOW, 60);
        Instant due = ZonedDateTime.of(2026, 10, 20, 0, 0, 0, 0, BEIJING).toInstant();
        assertThat(t.jumpTo(due)).isEqualTo(due);
        assertThat(t.jumpTo(due.minus(Duration.ofDays(5)))).isEqualTo(due);
        assertThat(t.advance(2, 2)).isAfterOrEqualTo(ZonedDateTime.of(2026, 10, 20, 11, 0, 0, 0, BEIJING).toInstant());
        assertThatThrownBy(() -> t.jumpTo(NOW.plusSeconds(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start it earlier");
    }

    private static List<Instant> steps(long seed) {
        DemoTimeline t = DemoTimeline.start(WEEKDAYS, seed, NOW, 60);
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            out.add(t.advance(2, 40));
        }
        return out;
    }
}
