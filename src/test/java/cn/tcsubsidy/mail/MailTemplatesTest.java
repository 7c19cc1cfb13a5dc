package cn.tcsubsidy.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.mail.domain.MailTemplates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every template under src/main/resources/mail: a Chinese subject, an empty line, a body; every value filled. */
class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    @Test
    void shouldRenderEveryTemplateWithEachOfItsValues() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/mail"))) {
            for (Path file : files.sorted().toList()) {
                String key = file.getFileName().toString().replace(".txt", "");
                Map<String, Object> values = new LinkedHashMap<>();
                Matcher m = Pattern.compile("\\{\\{([A-Za-z0-9]+)}}").matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    values.put(m.group(1), "«" + m.group(1) + "»");
                }
                MailTemplates.Rendered r = templates.render(key, values);
                assertThat(r.subject()).as(key).startsWith("【技改奖补】").doesNotContain("{{").doesNotContain("\n");
                assertThat(r.body()).as(key).doesNotContain("{{").contains("本邮件由系统自动发送");
                values.keySet().forEach(v -> assertThat(r.subject() + r.body()).as(key).contains("«" + v + "»"));
            }
        }
    }

    @Test
    void shouldRefuseToRenderAMailWithAMissingValue() {
        assertThatThrownBy(() -> templates.render("payment-made", Map.of("projectName", "设备更新")))
                .hasMessageContaining("payment-made").hasMessageContaining("needs a value for");
    }
}
