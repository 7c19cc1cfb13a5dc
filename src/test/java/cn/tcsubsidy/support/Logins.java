package cn.tcsubsidy.support;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;

/**
 * Logins as a browser or an API client makes them, with any password and, behind a trusted proxy, any client
 * address (X-Forwarded-For): HTTP Basic calls and the webapps' login form (with its CSRF token). Spring's
 * {@link RestClient}; every status comes back as it is.
 */
public class Logins {

    public record Answer(int status, HttpHeaders headers, String body) {

        public Optional<String> cookie(String name) {
            return headers.getOrEmpty(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith(name + "=")).findFirst();
        }

        /** The header's first value, if sent. */
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.getFirst(name));
        }
    }

    private final RestClient http = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).build();
    private final String base;

    public Logins(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A GET without credentials. */
    public Answer anonymous(String path, String forwardedFor) {
        return send(request(HttpMethod.GET, path, forwardedFor));
    }

    /** A call with HTTP Basic; forwardedFor and json may be null. */
    public Answer basic(String method, String path, String user, String password, String forwardedFor, String json) {
        RestClient.RequestBodySpec r = request(HttpMethod.valueOf(method), path, forwardedFor);
        r.headers(h -> h.setBasicAuth(user, password, StandardCharsets.UTF_8));
        if (json != null) {
            r.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return send(r);
    }

    /** The webapps' login form of the given app (tasklist, cockpit, admin), as the login page posts it. */
    public Answer webappLogin(String app, String user, String password, String forwardedFor) {
        Answer page = send(request(HttpMethod.GET, "/camunda/app/" + app + "/default/", forwardedFor));
        String csrf = page.cookie("XSRF-TOKEN").orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie: " + page));
        String token = csrf.substring("XSRF-TOKEN=".length(), csrf.indexOf(';'));
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        RestClient.RequestBodySpec login = request(HttpMethod.POST, "/camunda/api/admin/auth/user/default/login/" + app,
                forwardedFor);
        login.header("X-XSRF-TOKEN", token)
                .header(HttpHeaders.COOKIE, cookies(page.headers().getOrEmpty(HttpHeaders.SET_COOKIE)))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form);
        return send(login);
    }

    private RestClient.RequestBodySpec request(HttpMethod method, String path, String forwardedFor) {
        RestClient.RequestBodySpec r = http.method(method).uri(URI.create(base + path));
        if (forwardedFor != null) {
            r.header("X-Forwarded-For", forwardedFor);
        }
        return r;
    }

    /** Cookies sent back by hand: the JDK's cookie handler keeps Secure cookies off plain HTTP. */
    private static String cookies(List<String> setCookies) {
        return String.join("; ", setCookies.stream().map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).toList());
    }

    private Answer send(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, res) -> new Answer(res.getStatusCode().value(), res.getHeaders(),
                StreamUtils.copyToString(res.getBody(), StandardCharsets.UTF_8)), true);
    }
}
