package cn.tcsubsidy.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tc.security.login-throttle}: after {@code maxFailures} failed logins from one source address within
 * {@code window}, that address may not log in for {@code lockout}.
 */
@ConfigurationProperties("tc.security.login-throttle")
public record LoginThrottleSettings(int maxFailures, Duration window, Duration lockout) {

    public LoginThrottleSettings {
        if (maxFailures < 1 || window == null || window.isNegative() || window.isZero()
                || lockout == null || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("tc.security.login-throttle: max-failures ≥ 1, window and lockout > 0 required, got "
                    + maxFailures + ", " + window + ", " + lockout);
        }
    }
}
