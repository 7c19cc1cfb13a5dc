package cn.tcsubsidy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for application tests: JSON in and out, HTTP Basic as a given user (password = user name). */
public class Rest {

    public record Response(int status, JsonNode body, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public Rest(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Response get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String user, String path, Object body) {
        try {
            return send(user, HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response put(String user, String path, Object body) {
        try {
            return send(user, HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response delete(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /** A deployment as Camunda Modeler sends it: multipart, one file. */
    public Response deploy(String user, String tenant, String fileName, String content) {
        String boundary = "----tc" + System.nanoTime();
        StringBuilder body = new StringBuilder(part(boundary, "deployment-name", "test-" + fileName));
        if (tenant != null) {
            body.append(part(boundary, "tenant-id", tenant));
        }
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"data\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/xml\r\n\r\n").append(content)
                .append("\r\n--").append(boundary).append("--\r\n");
        return send(user, HttpRequest.newBuilder(URI.create(base + "/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    /** A multipart form as a browser page sends it: text fields and one file in the field {@code fileField}. */
    public Response multipart(String user, String path, Map<String, String> fields, String fileField, String fileName,
                              String content) {
        String boundary = "----tc" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(part(boundary, k, v)));
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: application/xml\r\n\r\n")
                .append(content).append("\r\n--").append(boundary).append("--\r\n");
        return send(user, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    /** The status and the body, read as JSON where it is JSON. */
    static Response response(HttpResponse<String> r) {
        JsonNode body;
        try {
            body = r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body());
        } catch (IOException notJson) {
            body = null;
        }
        return new Response(r.statusCode(), body, r.body());
    }

    /** Variables as Tasklist submits them: untyped JSON values. */
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

    private Response send(String user, HttpRequest.Builder request) {
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        try {
            return response(http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
