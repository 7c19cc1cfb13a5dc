package cn.tcsubsidy.demo;

import cn.tcsubsidy.calendar.domain.WorkingDays;
import cn.tcsubsidy.engine.EngineClock;
import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/demo/clock}, in the demo profile only, for the administrator: a demo skips a wait (the notice period)
 * by moving time forward, never by firing a timer early. It moves the engine's clock, which is the app's
 * ({@link EngineClock}): the job executor then fires whatever timers are due, and the app agrees they are.
 * {@code POST {"advanceWorkingDays": 6}} or {@code {"to": "2026-12-10T09:00:00+08:00"}}; {@code DELETE} goes back to
 * real time.
 */
@RestController
@RequestMapping("/api/demo/clock")
@Profile("demo")
public class DemoClockController {

    static final String ADVANCE = "advanceWorkingDays";
    static final String TO = "to";
    private static final int MAX_WORKING_DAYS = 250;

    private final Clock clock;
    private final WorkingDays workingDays;
    private final ProcessEngine engine;

    public DemoClockController(Clock clock, WorkingDays workingDays, ProcessEngine engine) {
        this.clock = clock;
        this.workingDays = workingDays;
        this.engine = engine;
    }

    @GetMapping
    public Map<String, Object> now(@RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        requireAdmin(actor);
        return view();
    }

    @PostMapping
    public Map<String, Object> move(@RequestBody Map<String, Object> body,
                                    @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        requireAdmin(actor);
        FormValues f = new FormValues(body);
        if (f.has(ADVANCE) == f.has(TO)) {
            throw new ValidationException(ADVANCE, "请给出 advanceWorkingDays(向后推进的工作日数)或 to(目标时间)二者之一");
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        Instant at = f.has(ADVANCE) ? advanced(now, f) : target(f);
        f.throwIfInvalid();
        if (!at.isAfter(now.toInstant())) {
            throw new ValidationException(TO, "演示时钟只能向后调整(现在是 " + now.toOffsetDateTime()
                    + ");恢复真实时间请用 DELETE /api/demo/clock");
        }
        EngineClock.moveTo(at);
        // The job executor may be idling for a while: let it look for the timers now due.
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
        return view();
    }

    @DeleteMapping
    public Map<String, Object> reset(@RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        requireAdmin(actor);
        EngineClock.reset();
        return view();
    }

    /**
     * The same time of day, that many working days on (over public_holiday, like the notice period); null, with the
     * refusal in {@code f}, when the number is not one.
     */
    private Instant advanced(ZonedDateTime now, FormValues f) {
        Integer days = f.wholeNumber(ADVANCE, "推进工作日数", true, 1, MAX_WORKING_DAYS);
        if (days == null) {
            return null;
        }
        LocalDate day = now.toLocalDate();
        for (int i = 0; i < days; i++) {
            day = workingDays.onOrAfter(day.plusDays(1));
        }
        return now.with(day).toInstant();
    }

    /** The time {@code to} names; null, with the refusal in {@code f}, when it names none. */
    private static Instant target(FormValues f) {
        String text = f.text(TO, "目标时间", true, 40);
        if (text == null) {
            return null;
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(text);
            if (at.getYear() > 2100) {
                f.reject(TO, "目标时间不能晚于 2100 年");
                return null;
            }
            return at.toInstant();
        } catch (DateTimeParseException e) {
            f.reject(TO, "目标时间应为带时区的 ISO 时间,例如 2026-12-10T09:00:00+08:00");
            return null;
        }
    }

    private Map<String, Object> view() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("now", now.truncatedTo(ChronoUnit.SECONDS).toOffsetDateTime().toString());
        v.put("aheadOfRealTimeSeconds", Duration.between(Instant.now(), now.toInstant()).toSeconds());
        return v;
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new AccessDeniedException("只有系统管理员可以调整演示时钟");
        }
    }
}
