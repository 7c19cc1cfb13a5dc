package cn.tcsubsidy.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.PostConstruct;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps an ordinary refusal of a caller's request out of the log's WARN and ERROR: the engine logs each as
 * ENGINE-16004 (command context) and ENGINE-REST-HTTP500/4xx (REST layer) with a full stack trace, though it is the
 * caller's doing (bad input, another jurisdiction's task, a missing permission). {@link RefusalResponseFilter} logs
 * one INFO line for it instead, with the status the caller got. A real failure (database, bug) still logs as before:
 * only these two loggers are filtered, and only for a refusal.
 */
public class RefusalLogFilter extends TurboFilter {

    static final Set<String> LOGGERS = Set.of("org.camunda.bpm.engine.rest.exception", "org.camunda.bpm.engine.context");
    static final String NAME = "tc-refusal-log";

    public RefusalLogFilter() {
        setName(NAME);
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (logger == null || level == null || !level.isGreaterOrEqual(Level.WARN) || !LOGGERS.contains(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t;
        StringBuilder text = new StringBuilder(format == null ? "" : format);
        if (params != null) {
            for (Object p : params) {
                if (p instanceof Throwable th && thrown == null) {
                    thrown = th;
                } else {
                    text.append(' ').append(p);
                }
            }
        }
        if (text.indexOf("ENGINE-REST-HTTP4") >= 0) {
            return FilterReply.DENY;
        }
        for (Throwable c = thrown; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof AuthorizationException || c instanceof BadUserRequestException) {
                return FilterReply.DENY;
            }
            text.append(' ').append(c.getMessage());
        }
        return RefusalResponseFilter.isRefusal(text.toString()) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    @Configuration
    static class Registration {

        @PostConstruct
        void install() {
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                    && context.getTurboFilterList().stream().noneMatch(f -> NAME.equals(f.getName()))) {
                RefusalLogFilter filter = new RefusalLogFilter();
                filter.setContext(context);
                filter.start();
                context.addTurboFilter(filter);
            }
        }
    }
}
