package cn.tcsubsidy.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a browser is shown when the webapps refuse a page: Chinese, saying who may use it; JSON callers keep JSON. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-error-pages;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class ErrorPagesTest {

    @LocalServerPort
    int port;

    @Test
    void shouldTellANonAdministratorInChineseWhoMayUseAdmin() {
        WebappSession bureau = WebappSession.signIn(port, "hekou-bureau");
        Rest.Response page = bureau.getHtml("/camunda/app/admin/default/");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text()).contains("无权访问", "系统管理员").doesNotContain("Whitelabel");
        Rest.Response missing = bureau.getHtml("/no-such-page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text()).contains("页面不存在").doesNotContain("Whitelabel");
        // A JSON caller is still answered in JSON.
        Rest.Response api = new Rest(port).get("hekou-bureau", "/api/no-such-endpoint");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.text()).doesNotContain("<html");
    }
}
