package cn.tcsubsidy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.support.BrowserSession;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hekou's process owner in Cockpit, in headless Chromium, on the demo data: the dashboard's year at a glance, the
 * {@code tc-project} diagram with the waiting-time overlays, the 瓶颈分析 tab and the 项目实例 tab; the page console
 * stays free of errors. Screenshots under {@code target/browser/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-browser-cockpit;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=true",
    "camunda.bpm.job-execution.enabled=false"})
class CockpitBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(45);
    /** Cockpit's Chinese labels as the app ships them (the browser's language is Chinese). */
    static final com.fasterxml.jackson.databind.JsonNode COCKPIT_ZH = labels();

    static com.fasterxml.jackson.databind.JsonNode labels() {
        try (var in = CockpitBrowserTest.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/camunda/app/cockpit/locales/zh.json")) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).get("labels");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void browser() {
        BrowserSession.requireBrowser();
    }

    @Test
    void shouldShowTheOwnerWaitingTimesOnTheDiagramTheBottleneckTabAndTheYear() {
        String definition = jdbc.sql("select id_ from act_re_procdef where key_ = 'tc-project' order by version_ desc")
                .query(String.class).list().get(0);
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.onFailure("cockpit-failure", () -> walkThrough(browser, definition));
        }
    }

    private void walkThrough(BrowserSession browser, String definition) {
        {
            browser.signIn("cockpit", "hekou-owner");

            browser.await(By.cssSelector("[data-tc='year-dashboard'] table"), WAIT);
            assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
                    .as("the Camunda 8 migration banner is hidden").allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
            browser.driver().executeScript("document.querySelector(\"[data-tc='year-dashboard']\").scrollIntoView()");
            browser.screenshot("cockpit-dashboard");
            String dashboard = browser.driver().findElement(By.cssSelector("[data-tc='year-dashboard']")).getText();
            assertThat(dashboard).contains("本年度概览", "镇街目标考核");

            browser.go("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
            List<WebElement> overlays = browser.awaitAll(By.cssSelector(".tc-bn-overlay"), WAIT);
            assertThat(overlays).isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector(".tc-bn-overlay[data-activity='Task_ReportCompletion']")))
                    .as("the enterprises' completion reports wait in the demo").hasSize(1);
            // The overlays are placed before the diagram's last layout pass; their text is read once they show it.
            String overlayText = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), WAIT)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> {
                        String text = d.findElements(By.cssSelector(".tc-bn-overlay")).get(0).getText();
                        return text.isBlank() ? null : text;
                    });
            assertThat(overlayText).contains("等待", "中位", "P90", "逾期");
            assertThat(browser.driver().findElements(By.cssSelector(".djs-element[class*='tc-heat-']"))).isNotEmpty();
            WebElement panel = browser.await(By.cssSelector("[data-tc='bottleneck-panel']"), WAIT);
            assertThat(panel.getText()).contains("等待时间(瓶颈分析)");
            assertThat(panel.findElements(By.tagName("option")).stream().map(WebElement::getText).toList())
                    .contains("东营市河口区").doesNotContain("济源市", "聊城市");
            // The diagram maximized (Cockpit's own button), as a process owner looks at it.
            browser.driver().findElement(By.cssSelector(".maximize-collapsable")).click();
            browser.settle();
            browser.driver().findElement(By.cssSelector("button[ng-click='resetZoom()']")).click();
            browser.settle();
            browser.screenshot("cockpit-tc-project-overlays");
            browser.driver().findElement(By.cssSelector(".restore-collapsable")).click();
            browser.settle();

            browser.driver().findElement(By.linkText("瓶颈分析")).click();
            WebElement tab = browser.await(By.cssSelector("[data-tc='bottleneck-tab'] table"), WAIT);
            assertThat(tab).isNotNull();
            String text = browser.driver().findElement(By.cssSelector("[data-tc='bottleneck-tab']")).getText();
            assertThat(text).contains("各环节等待时间", "项目建设与竣工报告", "各推荐单位", "各经办人");
            browser.driver().executeScript("document.querySelector(\"[data-tc='bottleneck-tab']\").scrollIntoView()");
            browser.screenshot("cockpit-bottleneck-tab");

            browser.driver().findElement(By.linkText("项目实例")).click();
            WebElement instances = browser.await(By.cssSelector("[data-tc='project-instances'] table"), WAIT);
            assertThat(instances.getText()).contains("有限公司");
            browser.screenshot("cockpit-project-instances");

            assertThat(browser.consoleErrors()).as("console errors").isEmpty();

            // Cockpit's Human Tasks page, in Chinese: the counts per group load (READ on tasks), no "Unable to fetch …".
            browser.go("/camunda/app/cockpit/default/#/tasks");
            String byGroup = COCKPIT_ZH.get("PLUGIN_TASK_ASSIGNMENT_BY_GROUP").asText();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), WAIT).until(d ->
                    d.getPageSource().contains(byGroup));
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), WAIT).until(d ->
                    d.findElements(By.xpath("//*[contains(text(),'hekou-')]")).size() > 0);
            browser.screenshot("cockpit-human-tasks");
            assertThat(browser.driver().getPageSource())
                    .doesNotContain(COCKPIT_ZH.get("PLUGIN_TASK_ERROR_COUNT").asText())
                    .doesNotContain("Unable to fetch assignments")
                    .doesNotContain("Assignments by group");
            assertThat(browser.consoleErrors()).as("console errors on Human Tasks").isEmpty();
        }
    }
}
