package cn.tcsubsidy.rules.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The rule administrator's page is served as static files, without login, at /rules/; its API calls ask for login. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-rules-page;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=false",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class RulesPageTest {

    static final String TITLE = "<title>技术改造奖补规则管理</title>";

    @Autowired
    TestRestTemplate http;

    ResponseEntity<byte[]> get(String path) {
        return http.withRedirects(Redirects.DONT_FOLLOW).getForEntity(path, byte[].class);
    }

    static String text(ResponseEntity<byte[]> response) {
        return new String(response.getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldServeThePageWithoutLoginAsUtf8Html() {
        ResponseEntity<byte[]> page = get("/rules/index.html");
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(text(page)).contains("<meta charset=\"utf-8\">", TITLE, "当前生效的规则表", "上传新规则表",
                "待审核与计划生效的变更", "变更记录", "常见做法");

        ResponseEntity<byte[]> folder = get("/rules/");
        assertThat(folder.getStatusCode().value()).isEqualTo(200);
        assertThat(folder.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(text(folder)).contains(TITLE);

        ResponseEntity<byte[]> bare = get("/rules");
        assertThat(bare.getStatusCode().value()).isEqualTo(302);
        assertThat(bare.getHeaders().getLocation().getPath()).isEqualTo("/rules/");
    }

    @Test
    void shouldServeTheScriptAndStyleAndLoadNothingFromOutside() {
        ResponseEntity<byte[]> script = get("/rules/rules.js");
        assertThat(script.getStatusCode().value()).isEqualTo(200);
        assertThat(script.getHeaders().getContentType().toString()).matches("(text|application)/javascript.*");
        String js = text(script);
        assertThat(js).contains("'/api/rules/'", "credentials: 'same-origin'", "东营市河口区", "聊城市", "localStorage");
        // Strings from the server and from uploaded tables are inserted as text, never parsed as HTML.
        assertThat(js).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");

        ResponseEntity<byte[]> style = get("/rules/rules.css");
        assertThat(style.getStatusCode().value()).isEqualTo(200);
        assertThat(style.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/css"))).isTrue();
        assertThat(text(style)).doesNotContain("url(", "@import");

        Matcher links = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(text(get("/rules/index.html")));
        int count = 0;
        while (links.find()) {
            count++;
            assertThat(links.group(1)).as("a file of the app: the page's own, or the pages' shared helpers")
                    .matches("[a-z]+\\.(js|css)|/shared/page\\.(js|css)");
        }
        assertThat(count).isEqualTo(4);
        // The shared helpers: served, text only, and giving every helper the page takes from them.
        String shared = text(get("/shared/page.js"));
        assertThat(shared).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
        Matcher taken = Pattern.compile("(\\w+) = P\\.(\\w+)").matcher(js);
        int helpers = 0;
        while (taken.find()) {
            helpers++;
            assertThat(shared).contains(taken.group(2) + ": " + taken.group(2));
        }
        assertThat(helpers).isGreaterThanOrEqualTo(7);
        assertThat(text(get("/shared/page.css"))).contains("--accent").doesNotContain("url(", "@import");
    }

    @Test
    void shouldLetTheBrowserAskForLoginOnThePagesApiCalls() {
        ResponseEntity<byte[]> tables = http.getForEntity("/api/rules/hekou/tables", byte[].class);
        assertThat(tables.getStatusCode().value()).isEqualTo(401);
        assertThat(tables.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic ");
    }
}
