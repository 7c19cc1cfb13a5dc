package cn.tcsubsidy.identity;

import cn.tcsubsidy.engine.Callers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for /api/** against the engine's identities: the same users and passwords as Tasklist. The signed-in
 * user is the engine's current authentication for the request (tenant checks apply) and the request's Actor.
 * One path needs no login: reading the published proposed list ({@code GET /api/public/notices}). A request there
 * that does send credentials has them checked like anywhere else, so a wrong password is still a failed login.
 * A read (GET, HEAD) without credentials is also taken from the webapps' session: the Cockpit plugin runs in the
 * browser with the signed-in user's session cookie, not a password. Changes never are: a cookie goes with any
 * site's request, so a change needs the password (HTTP Basic) and {@link CrossSiteRequestFilter} checks its origin.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    public static final String ACTOR = "cn.tcsubsidy.actor";
    /** The one path under /api open without login (cn.tcsubsidy.notice.publication.api.PublicNoticeController). */
    static final String PUBLIC_PATH = "/api/public/notices";

    private final IdentityService identity;
    private final EngineMemberships memberships;

    public ApiAuthenticationFilter(IdentityService identity, EngineMemberships memberships) {
        this.identity = identity;
        this.memberships = memberships;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] credentials = Callers.basicCredentials(request.getHeader("Authorization"));
        if (request.getHeader("Authorization") == null && isPublic(request)) {
            chain.doFilter(request, response);
            return;
        }
        String sessionUser = request.getHeader("Authorization") == null ? webappSessionUser(request) : null;
        if (sessionUser != null) {
            request.setAttribute(ACTOR, SignIn.as(identity, memberships.actorOf(sessionUser)));
            try {
                chain.doFilter(request, response);
            } finally {
                identity.clearAuthentication();
            }
            return;
        }
        if (credentials == null || !identity.checkPassword(credentials[0], credentials[1])) {
            unauthorized(response);
            return;
        }
        request.setAttribute(ACTOR, SignIn.as(identity, memberships.actorOf(credentials[0])));
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The user signed in to the webapps (engine "default") by this request's session, for a read only; or null. */
    public static String webappSessionUser(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return null;
        }
        return Callers.webappSessionUser(request);
    }

    /** 401 with the HTTP Basic challenge: no credentials, or a wrong password (the login throttle counts it). */
    public static void unauthorized(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"tc-subsidy\", charset=\"UTF-8\"");
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"message\":\"请使用用户名和密码登录(HTTP Basic)\"}");
    }

    /** The public read of the proposed list, by the decoded and normalized path the servlet is mapped by. */
    static boolean isPublic(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return PUBLIC_PATH.equals(path) && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
    }

    @Configuration
    static class Registration {

        @Bean
        FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identity,
                                                                          EngineMemberships memberships) {
            FilterRegistrationBean<ApiAuthenticationFilter> r = new FilterRegistrationBean<>(
                    new ApiAuthenticationFilter(identity, memberships));
            r.addUrlPatterns("/api/*");
            r.setName("api-authentication");
            return r;
        }
    }
}
