package cn.tcsubsidy.rules.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The rule-change endpoints as the rule page calls them, as a given demo user (password = user name). */
final class RuleChangeClient {

    record Answer(int status, JsonNode body) {

        String message() {
            return body == null ? null : body.path("message").asText(null);
        }

        long id() {
            return body.get("id").asLong();
        }

        String status(String field) {
            return body.path(field).isNull() ? null : body.path(field).asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestRestTemplate rest;

    RuleChangeClient(TestRestTemplate rest) {
        this.rest = rest;
    }

    /** The jurisdiction's shipped pipeline table with the round calendar's notice period changed. */
    static String pipelineWithNoticeDays(String jurisdiction, int days) throws java.io.IOException {
        String shipped = Files.readString(Path.of("dmn/" + jurisdiction + "/" + jurisdiction + "-pipeline.dmn"));
        String from = "<outputEntry id=\"Output_RoundCalendar_1_NoticeDays\"><text>5</text>";
        if (!shipped.contains(from)) {
            throw new IllegalStateException("the shipped table changed: " + jurisdiction);
        }
        return shipped.replace(from, "<outputEntry id=\"Output_RoundCalendar_1_NoticeDays\"><text>" + days + "</text>");
    }

    /** Uploads {@code files} (name → content); reason and activateOn are left out when null. */
    Answer upload(String user, String jurisdiction, String reason, String activateOn, Map<String, byte[]> files) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        files.forEach((name, bytes) -> {
            HttpHeaders part = new HttpHeaders();
            part.setContentType(MediaType.APPLICATION_XML);
            form.add("files", new HttpEntity<>(new ByteArrayResource(bytes) {
                @Override
                public String getFilename() {
                    return name;
                }
            }, part));
        });
        if (reason != null) {
            form.add("reason", new HttpEntity<>(reason, textPart()));
        }
        if (activateOn != null) {
            form.add("activateOn", activateOn);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return send(user, HttpMethod.POST, "/api/rules/" + jurisdiction + "/changes", new HttpEntity<>(form, headers));
    }

    Answer upload(String user, String jurisdiction, String reason, String activateOn, String fileName, String content) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(fileName, content.getBytes(StandardCharsets.UTF_8));
        return upload(user, jurisdiction, reason, activateOn, files);
    }

    Answer list(String user, String jurisdiction) {
        return send(user, HttpMethod.GET, "/api/rules/" + jurisdiction + "/changes", null);
    }

    Answer decide(String user, String jurisdiction, long id, Boolean approve, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("approve", approve);
        body.put("comment", comment);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return send(user, HttpMethod.POST, "/api/rules/" + jurisdiction + "/changes/" + id + "/approval",
                new HttpEntity<>(body, headers));
    }

    private static HttpHeaders textPart() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
        return h;
    }

    private Answer send(String user, HttpMethod method, String path, HttpEntity<?> entity) {
        ResponseEntity<String> r = rest.withBasicAuth(user, user).exchange(path, method, entity, String.class);
        try {
            return new Answer(r.getStatusCode().value(), r.getBody() == null ? null : JSON.readTree(r.getBody()));
        } catch (java.io.IOException e) {
            return new Answer(r.getStatusCode().value(), null);
        }
    }
}
