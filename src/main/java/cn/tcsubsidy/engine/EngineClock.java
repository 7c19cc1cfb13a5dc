package cn.tcsubsidy.engine;

import cn.tcsubsidy.shared.ClockConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The app's clock is the engine's: every service reads the time the engine's timers are due by, so moving the
 * engine's clock (a demo skipping a notice period, a test) moves both, and a timer that fires finds the app agreeing
 * that its time has come. Without a move this is the system clock.
 */
public final class EngineClock extends Clock {

    private final ZoneId zone;

    public EngineClock(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    @Override
    public long millis() {
        return ClockUtil.getCurrentTime().getTime();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    /** Moves the engine's clock, and so the app's, to {@code at}; it goes on ticking from there. */
    public static void moveTo(Instant at) {
        ClockUtil.offset(at.toEpochMilli() - System.currentTimeMillis());
    }

    /** Back to the system clock. */
    public static void reset() {
        ClockUtil.reset();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineClock other && zone.equals(other.zone);
    }

    @Override
    public int hashCode() {
        return zone.hashCode();
    }

    @Configuration
    static class Registration {

        /** Business dates are Beijing time, whatever the server's zone. */
        @Bean
        Clock clock() {
            return new EngineClock(ClockConfiguration.BEIJING);
        }
    }
}
