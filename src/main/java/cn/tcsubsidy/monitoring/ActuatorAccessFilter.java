package cn.tcsubsidy.monitoring;

import cn.tcsubsidy.engine.Callers;
import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.identity.LoginThrottleFilter;
import cn.tcsubsidy.shared.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for /actuator against the engine's identities, with the same credential check as /api
 * ({@link ApiAuthenticationFilter}) behind the same login throttle ({@link LoginThrottleFilter} runs first and counts
 * a 401 as a failed login). Only members of camunda-admin and tc-monitoring get through; any other valid user gets
 * 403. One call needs no login: {@code GET /actuator/health}, which then answers its status only; credentials sent
 * there are still checked. The signed-in user reaches the actuator as the request's principal with its groups as
 * roles, so that health shows its components and details to them (management.endpoint.health.roles).
 */
public class ActuatorAccessFilter extends OncePerRequestFilter {

    static final String HEALTH_PATH = "/actuator/health";
    static final Set<String> ALLOWED_GROUPS = Set.of(Actor.ADMIN_GROUP, MonitoringIdentity.GROUP);

    private final IdentityService identity;

    public ActuatorAccessFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader("Authorization") == null && isPublicHealth(request)) {
            chain.doFilter(new Anonymous(request), response);
            return;
        }
        String[] credentials = Callers.basicCredentials(request.getHeader("Authorization"));
        if (credentials == null || !identity.checkPassword(credentials[0], credentials[1])) {
            ApiAuthenticationFilter.unauthorized(response);
            return;
        }
        String userId = credentials[0];
        Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .collect(Collectors.toUnmodifiableSet());
        if (groups.stream().noneMatch(ALLOWED_GROUPS::contains)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"message\":\"无权查看运行监控数据:仅系统管理员(camunda-admin)和运行监控账号"
                    + "(tc-monitoring)可访问 /actuator\"}");
            return;
        }
        chain.doFilter(new SignedIn(request, userId, groups), response);
    }

    /** The health status without login, by the decoded and normalized path the servlet is mapped by. */
    static boolean isPublicHealth(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return HEALTH_PATH.equals(path) && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
    }

    /** No principal and no role, whatever the container may know: health then shows the status only. */
    private static final class Anonymous extends HttpServletRequestWrapper {
        Anonymous(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Principal getUserPrincipal() {
            return null;
        }

        @Override
        public String getRemoteUser() {
            return null;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }
    }

    /** The signed-in user as principal, its groups as roles. */
    private static final class SignedIn extends HttpServletRequestWrapper {
        private final String userId;
        private final Set<String> groups;

        SignedIn(HttpServletRequest request, String userId, Set<String> groups) {
            super(request);
            this.userId = userId;
            this.groups = groups;
        }

        @Override
        public Principal getUserPrincipal() {
            return () -> userId;
        }

        @Override
        public String getRemoteUser() {
            return userId;
        }

        @Override
        public boolean isUserInRole(String role) {
            return groups.contains(role);
        }
    }

    @Configuration
    static class Registration {

        @Bean
        FilterRegistrationBean<ActuatorAccessFilter> actuatorAccess(IdentityService identity) {
            FilterRegistrationBean<ActuatorAccessFilter> r = new FilterRegistrationBean<>(new ActuatorAccessFilter(identity));
            r.addUrlPatterns("/actuator/*");
            r.setName("actuator-access");
            // After the login throttle (LoginThrottleFilter.ORDER), which must see this filter's 401.
            r.setOrder(LoginThrottleFilter.ORDER + 10);
            return r;
        }
    }
}
