package cn.tcsubsidy.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine wraps every exception of a task listener or delegate (ENGINE-03051 …) and its REST layer answers 500
 * "Cannot submit task form …". When the cause is our refusal of bad input ({@link Refusals}), this filter answers
 * what it is: 400 with the refusal's own Chinese message, for /engine-rest and for the webapps' engine API (Tasklist).
 */
public class RefusalResponseFilter extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
                rewriteRefusal(wrapper);
            }
        } finally {
            wrapper.copyBodyToResponse();
        }
    }

    private static void rewriteRefusal(ContentCachingResponseWrapper wrapper) throws IOException {
        String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
        int start = body.indexOf(Refusals.PREFIX);
        if (start < 0) {
            return;
        }
        ObjectNode json;
        try {
            json = (ObjectNode) JSON.readTree(body);
        } catch (IOException | ClassCastException e) {
            return;
        }
        String message = json.path("message").asText();
        int from = message.indexOf(Refusals.PREFIX);
        if (from < 0) {
            return;
        }
        String clean = message.substring(from);
        // The engine quotes the listener's message: 'Exception while invoking TaskListener: …'
        if (clean.endsWith("'")) {
            clean = clean.substring(0, clean.length() - 1);
        }
        json.put("type", "InvalidRequestException");
        json.put("message", clean);
        wrapper.resetBuffer();
        wrapper.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        wrapper.setContentType("application/json;charset=UTF-8");
        wrapper.getOutputStream().write(JSON.writeValueAsBytes(json));
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
