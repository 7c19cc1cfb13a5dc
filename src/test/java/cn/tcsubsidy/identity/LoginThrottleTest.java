package cn.tcsubsidy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    static final String ATTACKER = "203.0.113.7";
    static final String OFFICE = "198.51.100.20";

    final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T01:00:00Z"));
    final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleSettings(10, Duration.ofMinutes(15), Duration.ofMinutes(15)), clock);

    void fail(String source, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(source);
        }
    }

    @Test
    void shouldLockAnAddressOnTheTenthFailureWithinTheWindow() {
        fail(ATTACKER, 9);
        assertThat(throttle.lock(ATTACKER)).isEmpty();

        assertThat(throttle.failed(ATTACKER)).contains(clock.instant().plus(Duration.ofMinutes(15)));

        LoginThrottle.Lock lock = throttle.lock(ATTACKER).orElseThrow();
        assertThat(lock.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(lock.firstRefusal()).isTrue();
        assertThat(lock.retryAfterSeconds(clock.instant())).isEqualTo(900);
        assertThat(throttle.lock(ATTACKER).orElseThrow().firstRefusal()).isFalse();
        assertThat(throttle.locked()).containsOnlyKeys(ATTACKER);
    }

    @Test
    void shouldNotCountFailuresOlderThanTheWindow() {
        fail(ATTACKER, 9);
        clock.move(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttle.failed(ATTACKER)).isEmpty();
        fail(ATTACKER, 8);
        assertThat(throttle.lock(ATTACKER)).isEmpty();
        assertThat(throttle.failed(ATTACKER)).isPresent();
    }

    @Test
    void shouldLiftTheLockWhenTheLockoutRunsOutAndCountAfresh() {
        fail(ATTACKER, 10);
        clock.move(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(throttle.lock(ATTACKER)).isPresent();
        assertThat(throttle.lock(ATTACKER).orElseThrow().retryAfterSeconds(clock.instant())).isEqualTo(1);

        clock.move(Duration.ofSeconds(1));
        assertThat(throttle.lock(ATTACKER)).isEmpty();
        assertThat(throttle.locked()).isEmpty();
        fail(ATTACKER, 9);
        assertThat(throttle.lock(ATTACKER)).isEmpty();
    }

    @Test
    void shouldKeepOtherAddressesOpenAndCountThemApart() {
        fail(OFFICE, 9);
        fail(ATTACKER, 10);
        assertThat(throttle.lock(ATTACKER)).isPresent();
        assertThat(throttle.lock(OFFICE)).isEmpty();
        assertThat(throttle.failed(OFFICE)).isPresent();
    }

    @Test
    void shouldUnlockALockedAddressAndLeaveAnUnlockedOneAsItWas() {
        fail(OFFICE, 9);
        assertThat(throttle.unlock(OFFICE)).isFalse();
        assertThat(throttle.failed(OFFICE)).as("the nine failures were kept").isPresent();

        fail(ATTACKER, 10);
        assertThat(throttle.unlock(ATTACKER)).isTrue();
        assertThat(throttle.lock(ATTACKER)).isEmpty();
        fail(ATTACKER, 9);
        assertThat(throttle.lock(ATTACKER)).as("counted afresh after the unlock").isEmpty();
        assertThat(throttle.unlock("192.0.2.1")).isFalse();
    }

    @Test
    void shouldForgetIdleAddressesWhenTrackingTooMany() {
        for (int i = 0; i < LoginThrottle.MAX_TRACKED; i++) {
            throttle.failed("10.0." + (i / 256) + "." + (i % 256));
        }
        fail(ATTACKER, 10);
        clock.move(Duration.ofMinutes(16));
        throttle.failed(OFFICE);
        assertThat(throttle.tracked()).isEqualTo(1);
        assertThat(throttle.lock(ATTACKER)).isEmpty();
    }

    @Test
    void shouldRefuseSettingsThatThrottleNothing() {
        assertThatThrownBy(() -> new LoginThrottleSettings(0, Duration.ofMinutes(15), Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginThrottleSettings(10, Duration.ZERO, Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginThrottleSettings(10, Duration.ofMinutes(15), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
