package cn.tcsubsidy.mail.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Chinese mail templates, one file per message under {@code src/main/resources/mail/<key>.txt}: the first line
 * is the subject, then an empty line, then the body. {@code {{name}}} is replaced by the value of {@code name}; a
 * template naming a value the caller did not give is a programming error and fails at once (never a mail with a
 * hole in it).
 */
@Component
public class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)}}");
    private final Map<String, String[]> cache = new ConcurrentHashMap<>();

    public record Rendered(String subject, String body) {
    }

    public Rendered render(String key, Map<String, ?> values) {
        String[] parts = cache.computeIfAbsent(key, MailTemplates::load);
        return new Rendered(fill(key, parts[0], values), fill(key, parts[1], values));
    }

    private static String[] load(String key) {
        if (!key.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("bad mail template key " + key);
        }
        ClassPathResource file = new ClassPathResource("mail/" + key + ".txt");
        try (InputStream in = file.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            int end = text.indexOf("\n\n");
            if (end <= 0) {
                throw new IllegalStateException("mail template " + key + " needs a subject line and an empty line");
            }
            return new String[] {text.substring(0, end).trim(), text.substring(end + 2).stripTrailing() + "\n"};
        } catch (IOException e) {
            throw new UncheckedIOException("no mail template " + key, e);
        }
    }

    private static String fill(String key, String text, Map<String, ?> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("mail template " + key + " needs a value for " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
