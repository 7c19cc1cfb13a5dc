package cn.tcsubsidy.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request is served before the application is ready: the web server listens before the start-up steps that run
 * once the context is up (IdentitySetup's groups, authorizations and the rule evaluator's grants; the demo data), and a
 * request in that window was answered as if those did not exist (a quote failed with "no decision tc-award deployed",
 * the rule evaluator not yet allowed to read it; a user's task list came back short). Until Spring Boot reports
 * {@link ReadinessState#ACCEPTING_TRAFFIC} (after every ApplicationReadyEvent listener), every request gets a 503 with
 * Retry-After, except the actuator's health, which says for itself whether the app is up.
 */
public class StartupGate extends OncePerRequestFilter {

    static final String MESSAGE = "{\"message\":\"系统正在启动,请稍后再试\"}";

    private final ApplicationAvailability availability;
    private volatile boolean open;

    public StartupGate(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!open) {
            if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
                open = true;
            } else if (!health(request)) {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setHeader("Retry-After", "5");
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter().write(MESSAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The health endpoint, by the container's decoded and normalised path (not a security check: the actuator's own). */
    private static boolean health(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Configuration
    static class Registration {

        @Bean
        FilterRegistrationBean<StartupGate> startupGate(ApplicationAvailability availability) {
            FilterRegistrationBean<StartupGate> r = new FilterRegistrationBean<>(new StartupGate(availability));
            r.addUrlPatterns("/*");
            r.setName("startup-gate");
            r.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return r;
        }
    }
}
