package cn.tcsubsidy.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Logins as a browser or an API client makes them, with any password and, behind a trusted proxy, any client
 * address (X-Forwarded-For): HTTP Basic calls and the webapps' login form (with its CSRF token).
 */
public class Logins {

    public record Answer(int status, HttpHeaders headers, String body) {

        public Optional<String> cookie(String name) {
            return headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public Logins(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A GET without credentials. */
    public Answer anonymous(String path, String forwardedFor) {
        return send(request(path, forwardedFor).GET());
    }

    /** A call with HTTP Basic; forwardedFor and json may be null. */
    public Answer basic(String method, String path, String user, String password, String forwardedFor, String json) {
        HttpRequest.Builder r = request(path, forwardedFor)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            r.header("Content-Type", "application/json");
        }
        return send(r.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** The webapps' login form of the given app (tasklist, cockpit, admin), as the login page posts it. */
    public Answer webappLogin(String app, String user, String password, String forwardedFor) {
        Answer page = send(request("/camunda/app/" + app + "/default/", forwardedFor).GET());
        String csrf = page.cookie("XSRF-TOKEN").orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie: " + page));
        String token = csrf.substring("XSRF-TOKEN=".length(), csrf.indexOf(';'));
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(request("/camunda/api/admin/auth/user/default/login/" + app, forwardedFor)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .header("Cookie", cookies(page.headers().allValues("Set-Cookie")))
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path, String forwardedFor) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path));
        if (forwardedFor != null) {
            r.header("X-Forwarded-For", forwardedFor);
        }
        return r;
    }

    /** Cookies sent back by hand: the JDK's cookie handler keeps Secure cookies off plain HTTP. */
    private static String cookies(List<String> setCookies) {
        return String.join("; ", setCookies.stream().map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).toList());
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
