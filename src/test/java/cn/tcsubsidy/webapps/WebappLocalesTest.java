package cn.tcsubsidy.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Chinese locale of each webapp against the English one the webjar ships (Camunda 7.24): every key there, no key
 * more, each value Chinese text keeping the English value's placeholders ({{…}}, %s/%d) and HTML tags; and the
 * webapp's config.js offering Chinese and falling back to English. The webapps match the browser's language by its
 * first part only ({@code zh-CN} → {@code zh}), so the locale is {@code zh} ({@code locales/zh.json}), Simplified
 * Chinese. A key a new webjar adds fails here.
 */
class WebappLocalesTest {

    static final String BASE = "META-INF/resources/webjars/camunda/app/";
    static final ObjectMapper JSON = new ObjectMapper();
    /** {{…}} expressions, printf conversions and HTML tags (not the literal values "<null>", "<undefined>"). */
    static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{\\{.*?}}|%[sd]|</?(a|b|br|code|em|i|li|ol|p|pre|small|span|strong|ul|div)\\b[^>]*>");
    static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

    static JsonNode read(String path) throws IOException {
        try (InputStream in = WebappLocalesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }

    static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(prefix, node.asText());
        }
    }

    static List<String> placeholders(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group().replaceAll("\\s+", ""));
        }
        out.sort(String::compareTo);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishLabelHasItsChineseOne(String webapp) throws IOException {
        Map<String, String> en = new TreeMap<>();
        Map<String, String> zh = new TreeMap<>();
        flatten("", read(BASE + webapp + "/locales/en.json"), en);
        flatten("", read(BASE + webapp + "/locales/zh.json"), zh);
        assertThat(zh.keySet()).as(webapp + ": keys missing in zh.json")
                .containsAll(en.keySet());
        assertThat(en.keySet()).as(webapp + ": keys in zh.json the webjar does not have")
                .containsAll(zh.keySet());
        List<String> broken = new ArrayList<>();
        int chinese = 0;
        for (Map.Entry<String, String> e : en.entrySet()) {
            String z = zh.get(e.getKey());
            // An English plural suffix ("s") has no Chinese counterpart: empty is right there.
            if (z == null || z.isBlank() && !e.getValue().isBlank() && !e.getValue().equals("s")) {
                broken.add(e.getKey() + ": empty");
                continue;
            }
            if (!placeholders(e.getValue()).equals(placeholders(z))) {
                broken.add(e.getKey() + ": placeholders " + placeholders(e.getValue()) + " → " + placeholders(z));
            }
            if (CJK.matcher(z).find()) {
                chinese++;
            }
        }
        assertThat(broken).as(webapp).isEmpty();
        // Most labels are Chinese text; a few stay as they are (numbers, formats, names such as BPMN or JSON).
        assertThat(chinese).as(webapp + ": Chinese values of " + en.size()).isGreaterThan(en.size() * 8 / 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void configOffersChineseFirstAndEnglishAsFallback(String webapp) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(BASE + webapp + "/scripts/config.js")) {
            String config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(config).contains("availableLocales: ['zh', 'en']").contains("fallbackLocale: 'en'");
        }
    }
}
