package cn.tcsubsidy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Spring's {@link RestClient} for application tests: JSON in and out, HTTP Basic as a given user (password = user
 * name), multipart as Camunda Modeler and the app's pages send it. Every status comes back as it is (no exception
 * on a 4xx or 5xx), so tests assert the exact one.
 */
public class Rest {

    public record Response(int status, JsonNode body, String text) {
    }

    /** An answer kept as bytes with its headers: downloads (XLSX, PDF), pages, scripts, redirects. */
    public record Download(int status, HttpHeaders headers, byte[] bytes) {

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** The header's first value, or "" when it is not sent. */
        public String header(String name) {
            String value = headers.getFirst(name);
            return value == null ? "" : value;
        }
    }

    /** One file of a multipart form. */
    public record FilePart(String field, String fileName, String contentType, byte[] content) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RestClient http = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).build();
    private final String base;

    public Rest(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The path as the caller wrote it, already encoded: not a URI template, so nothing is encoded twice. */
    private URI uri(String path) {
        return URI.create(base + path);
    }

    public Response get(String user, String path) {
        return send(user, http.get().uri(uri(path)));
    }

    /** A GET with a password other than the user's own (a wrong one, say). */
    public Response get(String user, String password, String path) {
        return send(user, password, http.get().uri(uri(path)));
    }

    /** A GET kept as bytes with its headers; redirects are not followed. {@code user} null: no credentials. */
    public Download download(String user, String path) {
        return exchangeBytes(user, user, http.get().uri(uri(path)));
    }

    /** The same with a password other than the user's own. */
    public Download download(String user, String password, String path) {
        return exchangeBytes(user, password, http.get().uri(uri(path)));
    }

    /**
     * A POST of a body built byte by byte, answered as bytes: for a test whose subject is the exact request (a
     * multipart body as a particular browser writes it, say).
     */
    public Download postBytes(String user, String path, String contentType, byte[] body) {
        return exchangeBytes(user, user, http.post().uri(uri(path)).contentType(MediaType.parseMediaType(contentType)).body(body));
    }

    private Download exchangeBytes(String user, String password, RestClient.RequestHeadersSpec<?> request) {
        if (user != null) {
            request.headers(h -> h.setBasicAuth(user, password, StandardCharsets.UTF_8));
        }
        try {
            return request.exchange((req, res) -> new Download(res.getStatusCode().value(), res.getHeaders(),
                    StreamUtils.copyToByteArray(res.getBody())), true);
        } catch (ResourceAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response post(String user, String path, Object body) {
        return send(user, http.post().uri(uri(path)).contentType(MediaType.APPLICATION_JSON).body(json(body)));
    }

    /** A body sent as it is written (JSON a caller wrote by hand, or text that is not JSON at all). */
    public Response postRaw(String user, String path, String body) {
        return send(user, http.post().uri(uri(path)).contentType(MediaType.APPLICATION_JSON).body(body));
    }

    public Response put(String user, String path, Object body) {
        return send(user, http.put().uri(uri(path)).contentType(MediaType.APPLICATION_JSON).body(json(body)));
    }

    public Response delete(String user, String path) {
        return send(user, http.method(HttpMethod.DELETE).uri(uri(path)));
    }

    /** A deployment as Camunda Modeler sends it: multipart, one file. */
    public Response deploy(String user, String tenant, String fileName, String content) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deployment-name", "test-" + fileName);
        if (tenant != null) {
            fields.put("tenant-id", tenant);
        }
        return multipart(user, "/engine-rest/deployment/create", fields, "data", fileName, content);
    }

    /** A multipart form as a browser page sends it: text fields and one file in the field {@code fileField}. */
    public Response multipart(String user, String path, Map<String, String> fields, String fileField, String fileName,
                              String content) {
        return multipart(user, path, fields, List.of(new FilePart(fileField, fileName, MediaType.APPLICATION_XML_VALUE,
                content.getBytes(StandardCharsets.UTF_8))));
    }

    /** A multipart form: text fields (UTF-8) in order, then the files, each with its own content type. */
    public Response multipart(String user, String path, Map<String, String> fields, List<FilePart> files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders text = new HttpHeaders();
        text.setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
        fields.forEach((k, v) -> parts.add(k, new HttpEntity<>(v, text)));
        for (FilePart f : files) {
            HttpHeaders file = new HttpHeaders();
            file.setContentType(MediaType.parseMediaType(f.contentType()));
            file.setContentDispositionFormData(f.field(), f.fileName());
            parts.add(f.field(), new HttpEntity<>(new ByteArrayResource(f.content()), file));
        }
        return send(user, http.post().uri(uri(path)).contentType(MediaType.MULTIPART_FORM_DATA).body(parts));
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The status and the body, read as JSON where it is JSON. */
    static Response response(int status, String text) {
        JsonNode body;
        try {
            body = text == null || text.isBlank() ? null : JSON.readTree(text);
        } catch (IOException notJson) {
            body = null;
        }
        return new Response(status, body, text);
    }

    /** A task's form variable as {@code user} reads it through the engine REST API (200 expected). */
    public String formVariable(String user, String taskId, String name) {
        Response r = get(user, "/engine-rest/task/" + taskId + "/form-variables?variableNames=" + name);
        if (r.status() != 200) {
            throw new AssertionError("form variable " + name + " as " + user + ": " + r.status() + " " + r.text());
        }
        return r.body().at("/" + name + "/value").asText();
    }

    /** The tasks of an instance that {@code user} sees (200 expected). */
    public JsonNode tasks(String user, String processInstanceId) {
        Response r = get(user, "/engine-rest/task?processInstanceId=" + processInstanceId);
        if (r.status() != 200) {
            throw new AssertionError("tasks as " + user + ": " + r.status() + " " + r.text());
        }
        return r.body();
    }

    /** The id of the instance's task {@code taskKey} that {@code user} sees; fails when the user sees none. */
    public String taskOf(String user, String processInstanceId, String taskKey) {
        for (JsonNode t : tasks(user, processInstanceId)) {
            if (taskKey.equals(t.get("taskDefinitionKey").asText())) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError(user + " sees no task " + taskKey + " of " + processInstanceId);
    }

    /** Completes a task as {@code user} with the given name/value pairs. */
    public Response complete(String user, String taskId, Object... keyValues) {
        return post(user, "/engine-rest/task/" + taskId + "/complete", variables(keyValues));
    }

    public static Map<String, Object> variables(Object... keyValues) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            vars.put((String) keyValues[i], Map.of("value", keyValues[i + 1]));
        }
        return Map.of("variables", vars);
    }

    private Response send(String user, RestClient.RequestHeadersSpec<?> request) {
        return send(user, user, request);
    }

    private Response send(String user, String password, RestClient.RequestHeadersSpec<?> request) {
        if (user != null) {
            request.headers(h -> h.setBasicAuth(user, password, StandardCharsets.UTF_8));
        }
        try {
            return request.exchange((req, res) -> response(res.getStatusCode().value(),
                    StreamUtils.copyToString(res.getBody(), StandardCharsets.UTF_8)), true);
        } catch (ResourceAccessException e) {
            // no answer at all (not listening yet, connection closed): callers that wait for start-up catch this
            throw new IllegalStateException(e);
        }
    }
}
