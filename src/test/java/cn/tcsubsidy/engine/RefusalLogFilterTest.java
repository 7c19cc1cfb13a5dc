package cn.tcsubsidy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import cn.tcsubsidy.engine.guard.Refusals;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** Which engine log events are a refusal (kept out of WARN/ERROR) and which a real failure (kept). */
class RefusalLogFilterTest {

    final LoggerContext context = new LoggerContext();
    final RefusalLogFilter filter = new RefusalLogFilter();
    final Logger engineContext = context.getLogger("org.camunda.bpm.engine.context");
    final Logger rest = context.getLogger("org.camunda.bpm.engine.rest.exception");

    FilterReply decide(Logger logger, Level level, String format, Throwable t) {
        return filter.decide(null, logger, level, format, null, t);
    }

    @Test
    void shouldDropTheEnginesStackTraceOfARefusal() {
        ProcessEngineException refusal = new ProcessEngineException("ENGINE-03051 There was an exception while invoking "
                + "the TaskListener. Message: '" + Refusals.PREFIX + "实际总投资不能为负数'");
        assertThat(decide(engineContext, Level.ERROR, "ENGINE-16004 Exception while closing command context: {}",
                refusal)).isEqualTo(FilterReply.DENY);
        assertThat(decide(rest, Level.WARN, "ENGINE-REST-HTTP500 {}", new RuntimeException("wrapped", refusal)))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide(engineContext, Level.ERROR, "ENGINE-16004", new AuthorizationException("no")))
                .isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, rest, Level.WARN, "ENGINE-REST-HTTP404 {}", new Object[] {"x"}, null))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void shouldKeepRealFailuresAndOtherLoggers() {
        assertThat(decide(engineContext, Level.ERROR, "ENGINE-16004 Exception while closing command context: {}",
                new ProcessEngineException("Could not open JDBC Connection"))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(rest, Level.ERROR, "ENGINE-REST-HTTP500 {}", new NullPointerException("dto")))
                .isEqualTo(FilterReply.NEUTRAL);
        // Another logger's refusal-looking message is not ours to hide.
        assertThat(decide(context.getLogger("cn.tcsubsidy.x"), Level.ERROR, Refusals.PREFIX, null))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(engineContext, Level.INFO, "x", new AuthorizationException("no")))
                .isEqualTo(FilterReply.NEUTRAL);
    }
}
