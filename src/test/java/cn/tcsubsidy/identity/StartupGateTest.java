package cn.tcsubsidy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Requests before the application is ready get a 503; the health endpoint and every request after readiness pass. */
class StartupGateTest {

    private final AtomicReference<ReadinessState> readiness = new AtomicReference<>(ReadinessState.REFUSING_TRAFFIC);
    private final AtomicInteger passed = new AtomicInteger();
    private final StartupGate gate = new StartupGate(new ApplicationAvailability() {
        @Override
        public <S extends AvailabilityState> S getState(Class<S> type, S defaultState) {
            return getState(type);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S extends AvailabilityState> S getState(Class<S> type) {
            return type == ReadinessState.class ? (S) readiness.get() : (S) LivenessState.CORRECT;
        }

        @Override
        public <S extends AvailabilityState> org.springframework.boot.availability.AvailabilityChangeEvent<S>
                getLastChangeEvent(Class<S> type) {
            return null;
        }
    });

    private MockHttpServletResponse call(String method, String uri) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setServletPath(uri);
        MockHttpServletResponse response = new MockHttpServletResponse();
        gate.doFilter(request, response, (req, res) -> passed.incrementAndGet());
        return response;
    }

    @Test
    void shouldAnswer503UntilTheApplicationIsReady() throws Exception {
        MockHttpServletResponse early = call("POST", "/api/award-quotes");
        assertThat(early.getStatus()).isEqualTo(503);
        assertThat(early.getHeader("Retry-After")).isEqualTo("5");
        assertThat(early.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("系统正在启动");
        assertThat(call("GET", "/camunda/app/tasklist/").getStatus()).isEqualTo(503);
        assertThat(passed).hasValue(0);

        assertThat(call("GET", "/actuator/health/readiness").getStatus()).as("health says for itself").isEqualTo(200);
        assertThat(passed).hasValue(1);
        assertThat(call("GET", "/actuator/healthy").getStatus()).isEqualTo(503);
        assertThat(passed).hasValue(1);

        readiness.set(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(call("POST", "/api/award-quotes").getStatus()).isEqualTo(200);
        // Once open it stays open (a later REFUSING_TRAFFIC is a shutdown, which Tomcat handles itself).
        readiness.set(ReadinessState.REFUSING_TRAFFIC);
        assertThat(call("GET", "/api/projects").getStatus()).isEqualTo(200);
        assertThat(passed).hasValue(3);
    }
}
