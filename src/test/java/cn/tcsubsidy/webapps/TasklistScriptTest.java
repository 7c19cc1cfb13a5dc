package cn.tcsubsidy.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.Rest.Download;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's own script (scripts/tc-tasklist.js) as the webapp loads it: declared in the served config.js next to the
 * locales and shortcuts, served as JavaScript (an ES module is refused with any other type), carrying the Chinese of
 * each form-js message the webjar's form-js produces (checked against the bundled lib/deps.js, so a new webjar whose
 * form-js words a message otherwise fails here), the money rule, the 我的项目 link; the notifications moved off the
 * buttons in the served user-styles.css.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-tasklist-script;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=false",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class TasklistScriptTest {

    static final String APP = "/camunda/app/tasklist/";

    /**
     * form-js's messages as its code has them (a template's fixed part up to its first placeholder) → what the script
     * has for them: its exact key or its pattern, and the Chinese.
     */
    static final Map<String, String[]> MESSAGES = new LinkedHashMap<>();

    static {
        MESSAGES.put("\"Field is required.\"", new String[] {"'Field is required.'", "此项为必填项。"});
        MESSAGES.put("`Field must have minimum value of ${", new String[] {"^Field must have minimum value of (.+)\\.$", "数值不能小于 "});
        MESSAGES.put("`Field must have maximum value of ${", new String[] {"^Field must have maximum value of (.+)\\.$", "数值不能大于 "});
        MESSAGES.put("`Field must have minimum length of ${", new String[] {"^Field must have minimum length of (\\d+)\\.$", "长度不能少于 "});
        MESSAGES.put("`Field must have maximum length of ${", new String[] {"^Field must have maximum length of (\\d+)\\.$", "长度不能超过 "});
        MESSAGES.put("`Field must match pattern ${", new String[] {"^Field must match pattern (.+)\\.$", "格式不符合要求"});
        MESSAGES.put("\"Field must be a valid  international phone number. (e.g. +4930664040900)\"",
                new String[] {"'Field must be a valid  international phone number. (e.g. +4930664040900)'", "国际电话号码"});
        MESSAGES.put("\"Field must be a valid email.\"", new String[] {"'Field must be a valid email.'", "电子邮箱"});
        MESSAGES.put("\"Value is not a number.\"", new String[] {"'Value is not a number.'", "请填写数字。"});
        MESSAGES.put("\"Value is expected to \"+(0===n?\"be an integer\"", new String[] {"'Value is expected to be an integer.'", "应为整数。"});
        MESSAGES.put("`have at most ${n} decimal digit${n>1?\"s\":\"\"}`",
                new String[] {"^Value is expected to have at most (\\d+) decimal digits?\\.$", " 位小数。"});
        MESSAGES.put("`Please select a valid value, the two nearest valid values are ${",
                new String[] {"^Please select a valid value, the two nearest valid values are (\\S+) and (\\S+)\\.$", "最接近的两个有效值"});
        MESSAGES.put("\"Date and time must both be entered.\"", new String[] {"'Date and time must both be entered.'", "日期和时间须同时填写。"});
    }

    @LocalServerPort
    int port;

    Download get(String path) {
        return new Rest(port).download(null, path);
    }

    static String resource(String path) throws IOException {
        try (InputStream in = TasklistScriptTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldDeclareTheScriptInTheServedConfigAndKeepTheLocalesAndShortcuts() throws Exception {
        Download config = get(APP + "scripts/config.js");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.text()).contains("customScripts: ['scripts/tc-tasklist']")
                .contains("availableLocales: ['zh', 'en']").contains("startProcess:");
    }

    @Test
    void shouldServeTheScriptAsJavaScriptWithEveryFormJsMessageInChinese() throws Exception {
        // As the webapp imports it (config.js's customScripts + ".js?bust=<version>").
        Download served = get(APP + "scripts/tc-tasklist.js?bust=7.24.0");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).containsIgnoringCase("javascript");
        String script = served.text();
        String formJs = resource("META-INF/resources/webjars/camunda/lib/deps.js");
        for (Map.Entry<String, String[]> m : MESSAGES.entrySet()) {
            assertThat(formJs).as("the webjar's form-js still says " + m.getKey()).contains(m.getKey());
            assertThat(script).as("the script knows " + m.getKey()).contains(m.getValue()[0]).contains(m.getValue()[1]);
        }
        assertThat(script).contains("export const MONEY_KEY = /^(amount|amountExclVat)$|(Investment|InvestmentToDate|Amount|Funding|Price|OutputValue|Tax)$/;")
                .contains("万元").contains("pluginPoint: 'tasklist.navbar.action'").contains("'/my-projects/'")
                .contains("我的项目").doesNotContain("innerHTML").doesNotContain("insertAdjacentHTML");
    }

    @Test
    void shouldMoveTheNotificationsOffTheButtonsInTheServedStyles() throws Exception {
        Download css = get(APP + "styles/user-styles.css?bust=7.24.0");
        assertThat(css.status()).isEqualTo(200);
        String rule = css.text().substring(css.text().indexOf(".page-notifications {"));
        assertThat(rule.substring(0, rule.indexOf('}'))).contains("left: 20px").contains("right: auto");
        assertThat(css.text()).contains(".tc-refusal").contains(".tc-money-readout");
    }
}
