package cn.tcsubsidy.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser keeps the HTTP Basic login of this host and sends it with any request to it, also one another web site
 * makes: a multipart or form POST (a rule change upload, an engine deployment, an evidence scan) needs no preflight.
 * A request that changes something is therefore refused when the browser says it comes from another site
 * ({@code Sec-Fetch-Site: cross-site}, or an {@code Origin} other than this host). Clients that are not browsers
 * (curl, Camunda Modeler) send neither header and pass; the app's own pages are same-origin.
 */
public class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE.contains(request.getMethod()) && crossSite(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"message\":\"拒绝来自其他网站的请求:修改数据的请求只能从本系统的页面或非浏览器客户端发出\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean crossSite(HttpServletRequest request) {
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isBlank()) {
            return false;
        }
        try {
            URI o = URI.create(origin.trim());
            int port = o.getPort() != -1 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            return o.getHost() == null || !o.getHost().equalsIgnoreCase(request.getServerName())
                    || port != request.getServerPort();
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    @Configuration
    static class Registration {

        @Bean
        FilterRegistrationBean<CrossSiteRequestFilter> crossSiteRequests() {
            FilterRegistrationBean<CrossSiteRequestFilter> r = new FilterRegistrationBean<>(new CrossSiteRequestFilter());
            r.addUrlPatterns("/api/*", "/engine-rest/*");
            r.setName("cross-site-requests");
            r.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return r;
        }
    }
}
