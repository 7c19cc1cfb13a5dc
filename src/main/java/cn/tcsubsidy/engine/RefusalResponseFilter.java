package cn.tcsubsidy.engine;

import cn.tcsubsidy.engine.guard.Refusals;
import cn.tcsubsidy.shared.StepRefusedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine's REST layer answers 500 for much that is the caller's doing, with the engine's own words in the body.
 * This filter, on /engine-rest and on the webapps' engine API (Tasklist), answers what each is:
 * <ul>
 * <li>our refusal of bad input ({@link Refusals}, wrapped by the engine as ENGINE-03051 …): 400 with the refusal's
 * own Chinese message;</li>
 * <li>a JSON {@code null} for a body, which the engine's resources dereference, and a body beyond Jackson's limits
 * (nesting depth, length of a number or a string): 400;</li>
 * <li>a task that does not exist, or (ENGINE-13034) belongs to a jurisdiction the user is not in: 404 with a Chinese
 * message that does not tell the two apart, so another jurisdiction's ids cannot be probed;</li>
 * <li>a 400 of the engine's that says nothing or quotes its JSON parser: 400 with a Chinese message;</li>
 * <li>a 400 a resource made of the command guard's refusal (it catches every engine exception, e.g. a task
 * comment's): 403 with the guard's message;</li>
 * <li>any other 500 whose message shows internals (SQL, JDBC, class names, stack traces): still 500, with a generic
 * Chinese message; the original goes to the log for the administrator.</li>
 * </ul>
 */
public class RefusalResponseFilter extends OncePerRequestFilter {

    static final String TASK_NOT_FOUND = "任务不存在或已办理完毕";
    static final String NOT_FOUND = "记录不存在,或不属于您所在的辖区";
    static final String EMPTY_BODY = "请求内容不能为空,应为 JSON 对象";
    static final String OVERSIZED_BODY = "请求内容超出限制(JSON 嵌套过深或数值、文本过长)";
    static final String INVALID_BODY = "请求内容无效:应为 JSON 对象,且各字段的类型和取值正确";
    static final String SERVER_ERROR = "服务器内部错误,请联系管理员";

    private static final Logger LOG = LoggerFactory.getLogger(RefusalResponseFilter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The engine's REST resources dereference a request body of JSON {@code null}: their NullPointerException. */
    private static final Pattern NULL_BODY = Pattern.compile("because \"dto\" is null");
    /** Jackson's limits on a body (nesting depth, number and string length), which the engine REST answers with 500. */
    private static final Pattern OVERSIZED_JSON = Pattern.compile("StreamReadConstraints|exceeds the maximum allowed");
    private static final Pattern UNKNOWN_TASK = Pattern.compile("Cannot find task with id|task is null");
    private static final Pattern OTHER_TENANT = Pattern.compile("ENGINE-13034|belongs to no authenticated tenant");
    private static final Pattern INTERNALS = Pattern.compile("(?i)sql|jdbc|\\bh2\\b|postgres|mybatis|ibatis|exception"
            + "|constraint|\\b[a-z]+\\.[a-z]+\\.[a-z.]*[A-Z]\\w+|\\tat |###");

    /**
     * Whether an engine message (its exception chain's text) is an ordinary refusal of the caller's request, which
     * this filter answers 4xx: the log keeps one INFO line for it ({@link RefusalLogFilter}), not a stack trace.
     */
    static boolean isRefusal(String message) {
        return message.contains(Refusals.PREFIX) || message.contains(StepRefusedException.PREFIX)
                || NULL_BODY.matcher(message).find() || OVERSIZED_JSON.matcher(message).find()
                || UNKNOWN_TASK.matcher(message).find() || OTHER_TENANT.matcher(message).find();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        Refusals.takeGuardRefusal();
        try {
            chain.doFilter(request, wrapper);
            String guard = Refusals.takeGuardRefusal();
            if (guard != null && wrapper.getStatus() == HttpServletResponse.SC_BAD_REQUEST) {
                answer(wrapper, HttpServletResponse.SC_FORBIDDEN, parse(new String(wrapper.getContentAsByteArray(),
                        StandardCharsets.UTF_8)), "AuthorizationException", guard);
            } else if (wrapper.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
                rewriteServerError(request, wrapper);
            } else if (wrapper.getStatus() == HttpServletResponse.SC_BAD_REQUEST) {
                rewriteBadRequest(wrapper);
            }
            logRefusal(request, wrapper);
        } finally {
            Refusals.takeGuardRefusal();
            wrapper.copyBodyToResponse();
        }
    }

    private static void rewriteServerError(HttpServletRequest request, ContentCachingResponseWrapper wrapper)
            throws IOException {
        String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
        ObjectNode json = parse(body);
        String message = json == null ? body : json.path("message").asText();
        int refusal = message.indexOf(Refusals.PREFIX);
        if (refusal >= 0) {
            answer(wrapper, HttpServletResponse.SC_BAD_REQUEST, json, "InvalidRequestException", refusal(message, refusal));
        } else if (message.contains(StepRefusedException.PREFIX)) {
            answer(wrapper, HttpServletResponse.SC_CONFLICT, json, "StepRefusedException",
                    refusal(message, message.indexOf(StepRefusedException.PREFIX)));
        } else if (NULL_BODY.matcher(message).find()) {
            answer(wrapper, HttpServletResponse.SC_BAD_REQUEST, json, "InvalidRequestException", EMPTY_BODY);
        } else if (OVERSIZED_JSON.matcher(message).find()) {
            answer(wrapper, HttpServletResponse.SC_BAD_REQUEST, json, "InvalidRequestException", OVERSIZED_BODY);
        } else if (UNKNOWN_TASK.matcher(message).find()) {
            answer(wrapper, HttpServletResponse.SC_NOT_FOUND, json, "InvalidRequestException", TASK_NOT_FOUND);
        } else if (OTHER_TENANT.matcher(message).find()) {
            answer(wrapper, HttpServletResponse.SC_NOT_FOUND, json, "InvalidRequestException",
                    message.contains(" task ") ? TASK_NOT_FOUND : NOT_FOUND);
        } else if (INTERNALS.matcher(message).find()) {
            LOG.warn("500 on {} {} answered with a generic message; the engine said: {}", request.getMethod(),
                    request.getRequestURI(), message);
            answer(wrapper, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, json, "ServerError", SERVER_ERROR);
        }
    }

    /** One INFO line per refused request (4xx): who, what, and the message the caller was given. */
    private static void logRefusal(HttpServletRequest request, ContentCachingResponseWrapper wrapper) {
        int status = wrapper.getStatus();
        if (status < 400 || status >= 500 || !LOG.isInfoEnabled()) {
            return;
        }
        ObjectNode json = parse(new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8));
        String message = json == null ? "" : json.path("message").asText();
        if (message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        LOG.info("refused {} {} {} user={}: {}", status, request.getMethod(), request.getRequestURI(), caller(request),
                message.replaceAll("[\\r\\n]+", " "));
    }

    private static String caller(HttpServletRequest request) {
        String session = Callers.webappSessionUser(request);
        if (session != null) {
            return session;
        }
        String[] basic = Callers.basicCredentials(request.getHeader("Authorization"));
        return basic == null ? "-" : basic[0];
    }

    /** The engine's 400 for a body it cannot read says nothing, or quotes its JSON parser (class names included). */
    private static void rewriteBadRequest(ContentCachingResponseWrapper wrapper) throws IOException {
        String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
        ObjectNode json = parse(body);
        String message = json == null ? body : json.path("message").asText();
        // Not JSON at all (the parser's own text answer), empty, or quoting internals: the Chinese message instead.
        if (json == null || message.isBlank() || INTERNALS.matcher(message).find()) {
            answer(wrapper, HttpServletResponse.SC_BAD_REQUEST, json, "InvalidRequestException", INVALID_BODY);
        }
    }

    private static ObjectNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The refusal without the engine's wrapping: 'Exception while invoking TaskListener: 提交被拒绝:…' */
    private static String refusal(String message, int from) {
        String clean = message.substring(from);
        return clean.endsWith("'") ? clean.substring(0, clean.length() - 1) : clean;
    }

    /** Keeps the engine's JSON shape ({type, message, code}) that Tasklist reads, with our status and message. */
    private static void answer(ContentCachingResponseWrapper wrapper, int status, ObjectNode json, String type,
                               String message) throws IOException {
        ObjectNode out = json == null ? JSON.createObjectNode() : json;
        out.put("type", type);
        out.put("message", message);
        wrapper.resetBuffer();
        wrapper.setStatus(status);
        wrapper.setContentType("application/json;charset=UTF-8");
        wrapper.getOutputStream().write(JSON.writeValueAsBytes(out));
    }

    @Configuration
    static class Registration {

        @Bean
        FilterRegistrationBean<RefusalResponseFilter> refusalResponses() {
            FilterRegistrationBean<RefusalResponseFilter> r = new FilterRegistrationBean<>(new RefusalResponseFilter());
            r.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
            r.setName("refusal-responses");
            return r;
        }
    }
}
