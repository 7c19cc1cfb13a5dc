package cn.tcsubsidy.filing.api;

import cn.tcsubsidy.engine.Callers;
import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.identity.SignIn;
import cn.tcsubsidy.shared.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The filing start form (备案, {@code forms/file-project.form}) as each user receives it: Tasklist gives a start form
 * no data of the server's, so the form itself cannot know whose it is; this filter, on the form's download
 * ({@code …/process-definition/…/deployed-start-form}, the webapps' engine API and /engine-rest), offers in the
 * jurisdiction choice only the user's own jurisdictions (the administrator: all) and preselects it when there is one.
 * It is presentation only: the filing's own check still refuses a jurisdiction not the user's.
 */
public class FilingStartForm extends OncePerRequestFilter {

    static final String FORM_ID = "file-project";
    static final String FIELD = "jurisdiction";
    static final String ONE = "您所属的辖区";
    static final String NONE = "您不属于任何辖区,不能在此备案;请联系工信局开通企业账号";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final IdentityService identity;

    public FilingStartForm(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !request.getRequestURI().endsWith("/deployed-start-form");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() == HttpServletResponse.SC_OK) {
                byte[] tailored = tailor(wrapper.getContentAsByteArray(), user(request));
                if (tailored != null) {
                    wrapper.resetBuffer();
                    wrapper.getOutputStream().write(tailored);
                }
            }
        } finally {
            wrapper.copyBodyToResponse();
        }
    }

    /** The signed-in user: the webapps' session (Tasklist), else HTTP Basic (the engine let the request through). */
    private static String user(HttpServletRequest request) {
        String session = ApiAuthenticationFilter.webappSessionUser(request);
        if (session != null) {
            return session;
        }
        String[] basic = Callers.basicCredentials(request.getHeader("Authorization"));
        return basic == null ? null : basic[0];
    }

    /** The form for the user, or null to leave the response as it is (another form, not JSON, no user). */
    byte[] tailor(byte[] body, String userId) throws IOException {
        if (userId == null || body.length == 0) {
            return null;
        }
        JsonNode form;
        try {
            form = JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
        if (form == null || !FORM_ID.equals(form.path("id").asText())) {
            return null;
        }
        ObjectNode field = find(form.path("components"));
        if (field == null || !field.path("values").isArray()) {
            return null;
        }
        Actor actor = SignIn.actorOf(identity, userId);
        ArrayNode own = JSON.createArrayNode();
        for (JsonNode option : field.get("values")) {
            if (actor.isAdmin() || actor.tenants().contains(option.path("value").asText())) {
                own.add(option);
            }
        }
        field.set("values", own);
        if (own.size() == 1) {
            field.put("defaultValue", own.get(0).get("value").asText());
            field.put("description", ONE);
        } else if (own.isEmpty()) {
            field.put("description", NONE);
        }
        return JSON.writeValueAsBytes(form);
    }

    private static ObjectNode find(JsonNode components) {
        List<JsonNode> todo = new ArrayList<>();
        components.forEach(todo::add);
        while (!todo.isEmpty()) {
            JsonNode c = todo.remove(0);
            if (FIELD.equals(c.path("key").asText()) && c instanceof ObjectNode o) {
                return o;
            }
            c.path("components").forEach(todo::add);
        }
        return null;
    }

    @Configuration
    static class Registration {

        @Bean
        FilterRegistrationBean<FilingStartForm> filingStartForm(IdentityService identity) {
            FilterRegistrationBean<FilingStartForm> r = new FilterRegistrationBean<>(new FilingStartForm(identity));
            r.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
            r.setName("filing-start-form");
            return r;
        }
    }
}
