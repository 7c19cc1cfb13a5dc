package cn.tcsubsidy.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for /api/** against the engine's identities: the same users and passwords as Tasklist. The signed-in
 * user is the engine's current authentication for the request (tenant checks apply) and the request's Actor.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    public static final String ACTOR = "cn.tcsubsidy.actor";

    private final IdentityService identity;

    public ApiAuthenticationFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] credentials = basicCredentials(request.getHeader("Authorization"));
        if (credentials == null || !identity.checkPassword(credentials[0], credentials[1])) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"tc-subsidy\", charset=\"UTF-8\"");
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"message\":\"请使用用户名和密码登录(HTTP Basic)\"}");
            return;
        }
        request.setAttribute(ACTOR, SignIn.as(identity, credentials[0]));
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** User name and password of an HTTP Basic Authorization header, or null. */
    static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Configuration
    static class Registration {

        @Bean
        FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identity) {
            FilterRegistrationBean<ApiAuthenticationFilter> r = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity));
            r.addUrlPatterns("/api/*");
            r.setName("api-authentication");
            return r;
        }
    }
}
