package cn.tcsubsidy.shared;

import java.time.ZoneId;

/**
 * The business time zone. The app's {@link java.time.Clock} bean is the engine's clock in this zone
 * ({@code cn.tcsubsidy.engine.EngineClock}), so that the app and the engine's timers agree on what time it is.
 */
public final class ClockConfiguration {

    /** Business dates are Beijing time, whatever the server's zone. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private ClockConfiguration() {
    }
}
