package cn.tcsubsidy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.support.BrowserSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An enterprise in Tasklist, in headless Chromium with a Chinese browser, on the demo data: the webapp speaks Chinese
 * (the app's locales/zh.json), the migration banner is gone, and the completion report's form opens with the
 * project's figures. Screenshot {@code target/browser/tasklist-form.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-browser-tasklist;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=true",
    "camunda.bpm.job-execution.enabled=false"})
class TasklistBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(45);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void browser() {
        BrowserSession.requireBrowser();
    }

    static JsonNode labels(String webapp) throws IOException {
        try (InputStream in = TasklistBrowserTest.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/camunda/app/" + webapp + "/locales/zh.json")) {
            return new ObjectMapper().readTree(in).get("labels");
        }
    }

    @Test
    void shouldShowAnEnterpriseItsCompletionReportInChinese() throws IOException {
        JsonNode zh = labels("tasklist");
        String task = jdbc.sql("""
                select t.id_ from act_ru_task t join project p on p.process_instance_id = t.proc_inst_id_
                 where p.jurisdiction_code = 'hekou' and t.task_def_key_ = 'Task_ReportCompletion'
                """).query(String.class).list().get(0);
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.onFailure("tasklist-failure", () -> {
                browser.signIn("tasklist", "hekou-ent-1");
                browser.go("/camunda/app/tasklist/default/#/?task=" + task);
                browser.await(By.cssSelector(".fjs-container, form[name]"), WAIT);
                new WebDriverWait(browser.driver(), WAIT).until(d -> d.getPageSource().contains("项目建设与竣工报告"));
                String page = browser.driver().findElement(By.tagName("body")).getText();
                assertThat(page).contains(zh.get("START_PROCESS").asText())
                        .doesNotContain("Start process").doesNotContain("It is time to migrate")
                        .as("no standalone tasks: no 创建任务").doesNotContain(zh.get("CREATE_TASK").asText());
                // Relative times on the cards in Chinese ("创建时间 3 天前"), not moment's English fallback.
                new WebDriverWait(browser.driver(), WAIT).until(d -> d.findElement(By.tagName("body")).getText()
                        .matches("(?s).*创建时间 *(几秒|\\d+ ?(分钟|小时|天|个月|年))前.*"));
                assertThat(browser.driver().findElement(By.tagName("body")).getText())
                        .doesNotContain(" ago").doesNotContain("a few seconds").doesNotContainPattern("in \\d+ days");
                browser.settle();
                browser.screenshot("tasklist-form");
                assertThat(browser.consoleErrors()).as("console errors").isEmpty();
            });
        }
        // The engine refuses a standalone task even to the administrator (standalone-tasks-enabled: false).
        cn.tcsubsidy.support.Rest.Response created = new cn.tcsubsidy.support.Rest(port).post("admin",
                "/engine-rest/task/create", java.util.Map.of("id", "standalone-1", "name", "独立任务"));
        assertThat(created.status()).as(created.text()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from act_ru_task where id_ = 'standalone-1'").query(Long.class).single()).isZero();
    }
}
