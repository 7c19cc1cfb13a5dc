package cn.tcsubsidy.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Failed logins per source address, in memory. An address with {@code maxFailures} failures within the window is
 * locked out for the lockout period; a success neither resets its count nor any other address's (or one valid login
 * would buy an attacker ten more guesses). The engine's own per-user lock is switched off (application.yml), so a
 * stranger cannot lock out a user.
 */
@Component
public class LoginThrottle {

    /** Past this many tracked addresses, idle ones are forgotten. */
    static final int MAX_TRACKED = 50_000;

    /** A locked-out address: until when, and whether this is the first refusal of the lockout. */
    public record Lock(Instant until, boolean firstRefusal) {

        public long retryAfterSeconds(Instant now) {
            return Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
        }
    }

    private static final class Entry {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil;
        boolean refused;
    }

    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public LoginThrottle(LoginThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The address's lock if it is locked out now; a lock that ran out is lifted with its failures. */
    public Optional<Lock> lock(String source) {
        Instant now = clock.instant();
        Lock[] lock = new Lock[1];
        entries.computeIfPresent(source, (k, e) -> {
            if (e.lockedUntil == null) {
                return e;
            }
            if (!now.isBefore(e.lockedUntil)) {
                return null;
            }
            lock[0] = new Lock(e.lockedUntil, !e.refused);
            e.refused = true;
            return e;
        });
        return Optional.ofNullable(lock[0]);
    }

    /**
     * Counts a failed login from the address.
     *
     * @return the lock this failure started, if it was the one too many
     */
    public Optional<Instant> failed(String source) {
        Instant now = clock.instant();
        if (entries.size() >= MAX_TRACKED) {
            forgetIdle(now);
        }
        Instant[] locked = new Instant[1];
        entries.compute(source, (k, e) -> {
            Entry entry = e != null ? e : new Entry();
            dropExpired(entry, now);
            entry.failures.addLast(now);
            if (entry.failures.size() >= settings.maxFailures()) {
                entry.failures.clear();
                entry.lockedUntil = now.plus(settings.lockout());
                entry.refused = false;
                locked[0] = entry.lockedUntil;
            }
            return entry;
        });
        return Optional.ofNullable(locked[0]);
    }

    /**
     * Lifts the address's lock (the administrator's unlock), and with it its record.
     *
     * @return false if the address was not locked out (nothing changed)
     */
    public boolean unlock(String source) {
        Instant now = clock.instant();
        boolean[] unlocked = {false};
        entries.computeIfPresent(source, (k, e) -> {
            unlocked[0] = e.lockedUntil != null && now.isBefore(e.lockedUntil);
            return unlocked[0] ? null : e;
        });
        return unlocked[0];
    }

    /** The addresses locked out now, with the end of their lock. */
    public Map<String, Instant> locked() {
        Instant now = clock.instant();
        Map<String, Instant> locked = new TreeMap<>();
        entries.forEach((source, e) -> {
            Instant until = e.lockedUntil;
            if (until != null && now.isBefore(until)) {
                locked.put(source, until);
            }
        });
        return locked;
    }

    int tracked() {
        return entries.size();
    }

    private void dropExpired(Entry e, Instant now) {
        Instant oldest = now.minus(settings.window());
        while (!e.failures.isEmpty() && !e.failures.peekFirst().isAfter(oldest)) {
            e.failures.removeFirst();
        }
        if (e.lockedUntil != null && !now.isBefore(e.lockedUntil)) {
            e.lockedUntil = null;
        }
    }

    private void forgetIdle(Instant now) {
        entries.keySet().forEach(source -> entries.computeIfPresent(source, (k, e) -> {
            dropExpired(e, now);
            return e.failures.isEmpty() && e.lockedUntil == null ? null : e;
        }));
    }
}
