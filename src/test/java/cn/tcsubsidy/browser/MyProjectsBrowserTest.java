package cn.tcsubsidy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.support.BrowserSession;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The enterprise's 我的项目 page (/my-projects/) in headless Chromium on the demo data, reached with the Tasklist
 * sign-in: Hekou's first enterprise sees its five projects with their stages in Chinese, the paid project's granted
 * and paid amounts with thousands separators and 万元, paid to 企业, and the town's reason for the one not
 * recommended; another enterprise sees what to do to file one; nobody signed in is told to sign in to Tasklist; the
 * bureau is told the page is the enterprises'. No console errors once signed in. Screenshots
 * {@code target/browser/my-projects*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-browser-my-projects;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=true",
    "camunda.bpm.job-execution.enabled=false"})
class MyProjectsBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(45);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void browser() {
        BrowserSession.requireBrowser();
    }

    /** E.g. 「1,200,000.00 元(120.00 万元)」, formatted here independently of the page's script. */
    static String yuan(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00");
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(amount) + " 元(" + f.format(amount.movePointLeft(4)) + " 万元)";
    }

    static String status(BrowserSession browser) {
        return browser.driver().findElement(By.id("status")).getText();
    }

    @Test
    void shouldShowAnEnterpriseItsProjectsWithStagesAndAmountsInChinese() {
        long paid = jdbc.sql("select id from project where filed_by = 'hekou-ent-1' and stage = 'FOLLOW_UP'")
                .query(Long.class).single();
        BigDecimal granted = jdbc.sql("select proposed_amount from project where id = :p").param("p", paid)
                .query(BigDecimal.class).single();
        BigDecimal firstPayment = jdbc.sql("select amount from payment where project_id = :p order by id")
                .param("p", paid).query(BigDecimal.class).list().get(0);
        String paidCode = jdbc.sql("select project_code from project where id = :p").param("p", paid)
                .query(String.class).single();
        String refusedCode = jdbc.sql("select project_code from project where filed_by = 'hekou-ent-1' and stage = 'REJECTED'")
                .query(String.class).single();
        List<String> stages = jdbc.sql("select stage from project where filed_by = 'hekou-ent-1'").query(String.class).list();
        assertThat(granted).isGreaterThan(new BigDecimal("1000"));
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.onFailure("my-projects-failure", () -> {
                browser.signIn("tasklist", "hekou-ent-1");
                browser.go("/my-projects/");
                new WebDriverWait(browser.driver(), WAIT).until(d -> d.findElements(By.cssSelector("section.project")).size() == 5);
                String page = browser.driver().findElement(By.tagName("body")).getText();
                assertThat(page).contains("我的项目", "当前用户:hekou-ent-1", "共 5 个项目。");
                for (String s : stages) {
                    assertThat(page).contains(Stage.valueOf(s).label());
                }
                WebElement awarded = browser.driver().findElement(By.cssSelector("section[data-project-code='" + paidCode + "']"));
                String a = awarded.getText();
                assertThat(a).contains("智能工厂建设项目", "已拨付退库,绩效跟踪中", "东营市河口区", "列入拟扶持名单",
                        "拟扶持金额:" + yuan(granted), "已拨付合计", yuan(firstPayment), "全额拨付",
                        "收款方", "企业", "公示期", "退库", "绩效跟踪", "待企业报送绩效目标完成情况",
                        "按专家评审结果和奖补规则测算列入拟扶持名单");
                assertThat(a).as("written out, e.g. 1,234,567.89 元(123.46 万元)").containsPattern(
                        "\\d{1,3}(,\\d{3})+\\.\\d{2} 元\\(\\d[\\d,]*\\.\\d{2} 万元\\)");
                WebElement refused = browser.driver().findElement(By.cssSelector("section[data-project-code='" + refusedCode + "']"));
                assertThat(refused.getText()).contains("生产线自动化改造", "未通过", "镇街不予推荐",
                        "原因:镇街不予推荐:环评手续不完整,暂不推荐");
                assertThat(refused.findElements(By.cssSelector(".payment"))).as("no payment section").isEmpty();
                assertThat(awarded.findElement(By.cssSelector(".payment")).getText()).contains(yuan(granted));
                assertThat(page).contains("尚未作出推荐或审定结论。当前阶段:建设推进中");
                browser.settle();
                browser.screenshot("my-projects");
                browser.driver().executeScript("arguments[0].scrollIntoView()", awarded);
                browser.screenshot("my-projects-paid");
                assertThat(browser.consoleErrors()).as("console errors").isEmpty();
            });
        }
    }

    @Test
    void shouldTellWhoIsNotSignedInAndWhoFiledNothingWhatToDo() {
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.onFailure("my-projects-empty-failure", () -> {
                browser.go("/my-projects/");
                new WebDriverWait(browser.driver(), WAIT).until(d -> status(browser).contains("尚未登录"));
                assertThat(status(browser)).isEqualTo("您尚未登录或登录已过期。请先登录任务列表(Tasklist),再打开本页。");
                assertThat(browser.driver().findElement(By.cssSelector("#status a")).getAttribute("href"))
                        .endsWith("/camunda/app/tasklist/");
                assertThat(browser.driver().findElements(By.cssSelector("section.project"))).isEmpty();
                browser.screenshot("my-projects-signed-out");
                // The only failed load: the webapps' answer that nobody is signed in (the page asks it first).
                List<String> errors = browser.consoleErrors();
                assertThat(errors).isNotEmpty().allMatch(m -> m.contains("/camunda/api/admin/auth/user/default ")
                        && m.contains("404"));

                browser.signIn("tasklist", "hekou-ent-2");
                browser.go("/my-projects/");
                new WebDriverWait(browser.driver(), WAIT).until(d -> status(browser).contains("尚无备案项目"));
                assertThat(status(browser)).isEqualTo("尚无备案项目,请在任务列表(Tasklist)“启动流程”中提交备案。");
                assertThat(browser.driver().findElements(By.cssSelector("section.project"))).isEmpty();
                browser.settle();
                browser.screenshot("my-projects-empty");
                assertThat(browser.consoleErrors()).as("console errors").isEmpty();
            });
        }
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.onFailure("my-projects-bureau-failure", () -> {
                browser.signIn("tasklist", "hekou-bureau");
                browser.go("/my-projects/");
                new WebDriverWait(browser.driver(), WAIT).until(d -> status(browser).contains("仅供申报企业"));
                assertThat(browser.driver().findElements(By.cssSelector("section.project"))).isEmpty();
                browser.screenshot("my-projects-bureau");
                // The refusal itself is the one failed load.
                assertThat(browser.consoleErrors()).allMatch(m -> m.contains("/api/my-projects ") && m.contains("403"));
            });
        }
    }
}
