package cn.tcsubsidy.identity;

import cn.tcsubsidy.engine.Callers;
import cn.tcsubsidy.identity.SecurityLog.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * In front of every login: HTTP Basic on /api, /engine-rest and /actuator, the webapps' login form, and the engine's password
 * check {@code identity/verify}. A source address locked out by {@link LoginThrottle} gets 429 with Retry-After and
 * its password is not checked; otherwise the login goes on, and its outcome (401, or {@code authenticated:false}
 * from identity/verify) is counted and written to the {@link SecurityLog}.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    /** Runs before the engine's and the app's authentication filters (default order: lowest precedence). */
    public static final int ORDER = -100;

    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/([^/]+)/?");
    private static final Pattern VERIFY = Pattern.compile("(/engine-rest|/camunda/api/engine/engine/[^/]+)/identity/verify/?");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LOGIN_FORM = 8192;
    /** Paths whose every call may log in with HTTP Basic (/actuator: cn.tcsubsidy.monitoring.ActuatorAccessFilter). */
    private static final java.util.List<String> BASIC_PREFIXES = java.util.List.of("/api", "/engine-rest", "/actuator");

    /** How a request logs in; HTTP Basic does on every call, identity/verify answers in its body. */
    private enum Way { BASIC, WEBAPP_FORM, VERIFY }

    /** A login this request attempts: who, which way, and how it reads in the log. */
    private record Attempt(String userId, Way way, String detail) {
    }

    private final LoginThrottle throttle;
    private final SourceAddress sources;
    private final SecurityLog log;
    private final Clock clock;
    private final Duration signInLogInterval;
    private final Map<String, Instant> lastBasicSignIn = new ConcurrentHashMap<>();

    public LoginThrottleFilter(LoginThrottle throttle, SourceAddress sources, SecurityLog log, Clock clock,
                               Duration signInLogInterval) {
        this.throttle = throttle;
        this.sources = sources;
        this.log = log;
        this.clock = clock;
        this.signInLogInterval = signInLogInterval;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Attempt attempt = attempt(request);
        if (attempt == null) {
            chain.doFilter(request, response);
            return;
        }
        String source = sources.of(request);
        Optional<LoginThrottle.Lock> lock = throttle.lock(source);
        if (lock.isPresent()) {
            refuse(response, lock.get());
            if (lock.get().firstRefusal()) {
                // Nothing reads this request's body any more, so the form's user name may be parsed here.
                String userId = attempt.way() == Way.WEBAPP_FORM ? request.getParameter("username") : attempt.userId();
                log.record(Kind.REFUSED, userId, source, "登录失败次数过多,锁定期间拒绝登录(" + attempt.detail()
                        + "),锁定至 " + local(lock.get().until()));
            }
            return;
        }
        if (attempt.way() == Way.BASIC) {
            chain.doFilter(request, response);
            outcome(attempt, source, response.getStatus() != HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        if (attempt.way() == Way.WEBAPP_FORM) {
            // The login resource reads the form from the body; the user name is read from the same bytes afterwards.
            ContentCachingRequestWrapper form = new ContentCachingRequestWrapper(request, MAX_LOGIN_FORM);
            chain.doFilter(form, response);
            outcome(new Attempt(formField(form.getContentAsByteArray(), "username"), Way.WEBAPP_FORM, attempt.detail()),
                    source, response.getStatus() != HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        ContentCachingResponseWrapper observed = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, observed);
            if (observed.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
                // The caller's own HTTP Basic failed before any verification.
                outcome(new Attempt(attempt.userId(), Way.BASIC, "HTTP Basic"), source, false);
            } else if (observed.getStatus() == HttpServletResponse.SC_OK) {
                verified(observed.getContentAsByteArray(), attempt, source);
            }
        } finally {
            observed.copyBodyToResponse();
        }
    }

    /** identity/verify answers {"authenticatedUser": …, "authenticated": false} for a wrong password. */
    private void verified(byte[] body, Attempt attempt, String source) {
        JsonNode result;
        try {
            result = JSON.readTree(body);
        } catch (IOException e) {
            return;
        }
        outcome(new Attempt(result.path("authenticatedUser").asText(null), Way.VERIFY, attempt.detail()), source,
                result.path("authenticated").asBoolean(false));
    }

    private static Attempt attempt(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean post = "POST".equals(request.getMethod());
        String basicUser = basicUser(request.getHeader("Authorization"));
        if (post && VERIFY.matcher(path).matches()) {
            return new Attempt(basicUser, Way.VERIFY,
                    "identity/verify 核验密码,调用者 " + (basicUser == null ? "网页会话" : basicUser));
        }
        Matcher login = WEBAPP_LOGIN.matcher(path);
        if (post && login.matches()) {
            return new Attempt(null, Way.WEBAPP_FORM, "网页登录 " + login.group(1));
        }
        String basicPrefix = BASIC_PREFIXES.stream().filter(p -> path.equals(p) || path.startsWith(p + "/")).findFirst()
                .orElse(null);
        if (request.getHeader("Authorization") != null && basicPrefix != null) {
            return new Attempt(basicUser, Way.BASIC, "HTTP Basic " + basicPrefix);
        }
        return null;
    }

    private void outcome(Attempt attempt, String source, boolean succeeded) {
        if (succeeded) {
            if (attempt.way() != Way.BASIC || firstBasicSignInOfInterval(attempt.userId(), source)) {
                log.record(Kind.SIGN_IN, attempt.userId(), source, attempt.detail());
            }
            return;
        }
        Optional<Instant> locked = throttle.failed(source);
        log.record(Kind.SIGN_IN_FAILED, attempt.userId(), source, attempt.detail()
                + locked.map(until -> ";来源地址登录失败次数过多,锁定至 " + local(until)).orElse(""));
    }

    /** HTTP Basic signs in on every call: one entry per user and address per interval is enough. */
    private boolean firstBasicSignInOfInterval(String userId, String source) {
        Instant now = clock.instant();
        if (lastBasicSignIn.size() > LoginThrottle.MAX_TRACKED) {
            lastBasicSignIn.clear();
        }
        Instant previous = lastBasicSignIn.get(userId + "|" + source);
        if (previous != null && previous.plus(signInLogInterval).isAfter(now)) {
            return false;
        }
        lastBasicSignIn.put(userId + "|" + source, now);
        return true;
    }

    private void refuse(HttpServletResponse response, LoginThrottle.Lock lock) throws IOException {
        long seconds = lock.retryAfterSeconds(clock.instant());
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(JSON.writeValueAsString(Map.of("message",
                "该地址登录失败次数过多,已暂停登录,请于 " + local(lock.until()) + " 后(约 " + ((seconds + 59) / 60)
                        + " 分钟)再试,或请系统管理员解除限制")));
    }

    private String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, clock.getZone()).format(TIME);
    }

    private static String formField(byte[] form, String name) {
        for (String pair : new String(form, StandardCharsets.ISO_8859_1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String basicUser(String header) {
        String[] credentials = Callers.basicCredentials(header);
        return credentials == null ? null : credentials[0];
    }

    @Configuration
    static class Registration {

        @Bean
        FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilterRegistration(LoginThrottle throttle, SourceAddress sources,
                SecurityLog log, Clock clock, @Value("${tc.security.sign-in-log-interval}") Duration signInLogInterval) {
            FilterRegistrationBean<LoginThrottleFilter> r = new FilterRegistrationBean<>(
                    new LoginThrottleFilter(throttle, sources, log, clock, signInLogInterval));
            r.addUrlPatterns("/api/*", "/engine-rest/*", "/actuator/*", "/camunda/api/admin/auth/user/*",
                    "/camunda/api/engine/*");
            r.setName("login-throttle");
            r.setOrder(ORDER);
            return r;
        }
    }
}
