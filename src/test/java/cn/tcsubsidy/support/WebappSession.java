package cn.tcsubsidy.support;

import cn.tcsubsidy.support.Rest.Response;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A user signed in to the webapps as Tasklist does it: a session cookie and the CSRF token, then the webapps' own
 * engine API ({@code /camunda/api/engine/engine/default/…}), which is not {@code /engine-rest}.
 */
public final class WebappSession {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String base;
    private String csrf;

    private WebappSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Signs in with password = user name; fails the test if the sign-in is refused. */
    public static WebappSession signIn(int port, String user) {
        WebappSession s = new WebappSession(port);
        s.send(HttpRequest.newBuilder(URI.create(s.base + "/camunda/app/tasklist/default/")).GET());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        Response login = s.send(HttpRequest.newBuilder(URI.create(s.base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (login.status() != 200) {
            throw new IllegalStateException("webapp sign-in of " + user + " answered " + login.status() + " " + login.text());
        }
        // The sign-in starts a new session, and the CSRF token belongs to the session: fetch the new one.
        s.send(HttpRequest.newBuilder(URI.create(s.base + "/camunda/api/admin/auth/user/default")).GET());
        return s;
    }

    /** A request to an app path (e.g. {@code /api/bottlenecks?…}) with the session cookie only, as a Cockpit plugin sends it. */
    public Response getApp(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
    }

    /** A page as a browser asks for it (Accept: text/html), with the session cookie. */
    public Response getHtml(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,application/xhtml+xml").GET());
    }

    /** A change to an app path with the session cookie and the CSRF token but no password. */
    public Response postApp(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response post(String enginePath, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + enginePath))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response put(String enginePath, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + enginePath))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            r.headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> csrf = t);
            for (HttpCookie c : cookies.getCookieStore().getCookies()) {
                if ("XSRF-TOKEN".equals(c.getName())) {
                    csrf = c.getValue();
                }
            }
            return Rest.response(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
