package cn.tcsubsidy.support;

import cn.tcsubsidy.support.Rest.Response;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;

/**
 * A user signed in to the webapps as Tasklist does it: a session cookie and the CSRF token, then the webapps' own
 * engine API ({@code /camunda/api/engine/engine/default/…}), which is not {@code /engine-rest}. Spring's
 * {@link RestClient} over a JDK client that keeps the session's cookies.
 */
public final class WebappSession {

    private final CookieManager cookies = new CookieManager();
    private final RestClient http = RestClient.builder()
            .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newBuilder().cookieHandler(cookies).build()))
            .build();
    private final String base;
    private String csrf;

    private WebappSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Signs in with password = user name; fails the test if the sign-in is refused. */
    public static WebappSession signIn(int port, String user) {
        WebappSession s = new WebappSession(port);
        s.send(s.request(HttpMethod.GET, "/camunda/app/tasklist/default/"));
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        RestClient.RequestBodySpec login = s.request(HttpMethod.POST, "/camunda/api/admin/auth/user/default/login/tasklist");
        login.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form);
        Response answer = s.send(login);
        if (answer.status() != 200) {
            throw new IllegalStateException("webapp sign-in of " + user + " answered " + answer.status() + " " + answer.text());
        }
        // The sign-in starts a new session, and the CSRF token belongs to the session: fetch the new one.
        s.send(s.request(HttpMethod.GET, "/camunda/api/admin/auth/user/default"));
        return s;
    }

    /** A request to an app path (e.g. {@code /api/bottlenecks?…}) with the session cookie only, as a Cockpit plugin sends it. */
    public Response getApp(String path) {
        return send(request(HttpMethod.GET, path).accept(MediaType.APPLICATION_JSON));
    }

    /** A page as a browser asks for it (Accept: text/html), with the session cookie. */
    public Response getHtml(String path) {
        return send(request(HttpMethod.GET, path).accept(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML));
    }

    /** A change to an app path with the session cookie and the CSRF token but no password. */
    public Response postApp(String path, Object body) {
        return send(json(request(HttpMethod.POST, path), body));
    }

    public Response post(String enginePath, Object body) {
        return send(json(request(HttpMethod.POST, "/camunda/api/engine/engine/default" + enginePath), body));
    }

    public Response put(String enginePath, Object body) {
        return send(json(request(HttpMethod.PUT, "/camunda/api/engine/engine/default" + enginePath), body));
    }

    private RestClient.RequestBodySpec request(HttpMethod method, String path) {
        return http.method(method).uri(URI.create(base + path));
    }

    private static RestClient.RequestBodySpec json(RestClient.RequestBodySpec request, Object body) {
        return request.contentType(MediaType.APPLICATION_JSON).body(Rest.json(body));
    }

    private Response send(RestClient.RequestHeadersSpec<?> request) {
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        return request.exchange((req, res) -> {
            String token = res.getHeaders().getFirst("X-XSRF-TOKEN");
            if (token != null) {
                csrf = token;
            }
            for (HttpCookie c : cookies.getCookieStore().getCookies()) {
                if ("XSRF-TOKEN".equals(c.getName())) {
                    csrf = c.getValue();
                }
            }
            return Rest.response(res.getStatusCode().value(), StreamUtils.copyToString(res.getBody(), StandardCharsets.UTF_8));
        }, true);
    }
}
