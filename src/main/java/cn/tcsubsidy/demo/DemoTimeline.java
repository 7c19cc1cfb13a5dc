package cn.tcsubsidy.demo;

import cn.tcsubsidy.calendar.domain.WorkingDays;
import cn.tcsubsidy.engine.EngineClock;
import cn.tcsubsidy.shared.ClockConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Random;

/**
 * The demo's moved time, so the engine's history shows waits of hours to days instead of one instant: a jurisdiction's
 * demo begins some weeks before the real now, at the start of a working day (Beijing time), and each step of it
 * happens after a deterministic, varied amount of working time (09:00–18:00 on working days, {@link WorkingDays}) has
 * passed. Every move goes to the engine's clock, which is the app's ({@link EngineClock}); the timeline never passes
 * {@code limit} (the real now when the demo began): a step that would, lands halfway between the last step and the
 * limit instead. The caller sets the clock back ({@link EngineClock#reset()}) when it is done.
 */
final class DemoTimeline {

    private static final LocalTime DAY_START = LocalTime.of(9, 0);
    private static final LocalTime DAY_END = LocalTime.of(18, 0);

    private final WorkingDays workingDays;
    private final Random random;
    private final Instant limit;
    private ZonedDateTime at;

    private DemoTimeline(WorkingDays workingDays, long seed, Instant limit, ZonedDateTime start) {
        this.workingDays = Objects.requireNonNull(workingDays);
        this.random = new Random(seed);
        this.limit = limit;
        this.at = start;
    }

    /**
     * A timeline starting at 09:00 of the first working day on or after {@code daysBefore} calendar days before
     * {@code realNow}, and moves the engine's clock there.
     */
    static DemoTimeline start(WorkingDays workingDays, long seed, Instant realNow, int daysBefore) {
        LocalDate first = workingDays.onOrAfter(realNow.atZone(ClockConfiguration.BEIJING).toLocalDate()
                .minusDays(daysBefore));
        DemoTimeline t = new DemoTimeline(workingDays, seed, realNow,
                first.atTime(DAY_START).atZone(ClockConfiguration.BEIJING));
        if (!t.at.toInstant().isBefore(realNow)) {
            throw new IllegalStateException("the demo's timeline would start at " + t.at + ", not before " + realNow);
        }
        t.move();
        return t;
    }

    /** Lets {@code minHours} to {@code maxHours} working hours (and some minutes) pass, then moves the clock there. */
    Instant advance(int minHours, int maxHours) {
        if (minHours < 0 || maxHours < minHours) {
            throw new IllegalArgumentException(minHours + ".." + maxHours);
        }
        long minutes = (minHours + random.nextInt(maxHours - minHours + 1)) * 60L + random.nextInt(60);
        ZonedDateTime next = inWorkingTime(at);
        while (minutes > 0) {
            long left = Duration.between(next.toLocalTime(), DAY_END).toMinutes();
            if (minutes < left) {
                next = next.plusMinutes(minutes);
                minutes = 0;
            } else {
                minutes -= left;
                next = inWorkingTime(next.toLocalDate().plusDays(1).atTime(DAY_START).atZone(next.getZone()));
            }
        }
        next = next.plusSeconds(random.nextInt(60));
        if (!next.toInstant().isBefore(limit)) {
            next = at.plus(Duration.between(at.toInstant(), limit).dividedBy(2));
        }
        at = next;
        return move();
    }

    /**
     * Goes on from {@code instant} (a timer's due date, say) if it is later than the timeline's time, and moves the
     * clock there; refused if it lies after the limit, where the demo's history must not go.
     */
    Instant jumpTo(Instant instant) {
        if (instant.isAfter(limit)) {
            throw new IllegalStateException("the demo's timeline would pass the real now (" + limit + "): " + instant
                    + "; start it earlier");
        }
        if (instant.isAfter(at.toInstant())) {
            at = instant.atZone(ClockConfiguration.BEIJING);
        }
        return move();
    }

    Instant now() {
        return at.toInstant();
    }

    private Instant move() {
        EngineClock.moveTo(at.toInstant());
        return at.toInstant();
    }

    /** {@code t} if it lies within working time, else the start of the next working time. */
    private ZonedDateTime inWorkingTime(ZonedDateTime t) {
        ZonedDateTime z = t.withZoneSameInstant(ClockConfiguration.BEIJING);
        if (!z.toLocalTime().isBefore(DAY_END)) {
            z = z.toLocalDate().plusDays(1).atTime(DAY_START).atZone(ClockConfiguration.BEIJING);
        }
        if (z.toLocalTime().isBefore(DAY_START)) {
            z = z.toLocalDate().atTime(DAY_START).atZone(ClockConfiguration.BEIJING);
        }
        LocalDate day = workingDays.onOrAfter(z.toLocalDate());
        return day.equals(z.toLocalDate()) ? z : day.atTime(DAY_START).atZone(ClockConfiguration.BEIJING);
    }
}
