package cn.tcsubsidy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.jurisdiction.AwardCategories;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.process.TcProjectProcess;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.support.BrowserSession;
import cn.tcsubsidy.support.PanelAtDraw;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refusals in Tasklist where the user acted, in Chinese (scripts/tc-tasklist.js), in headless Chromium on the demo
 * data, with no JavaScript console error:
 * <ul>
 * <li>an enterprise files a project from 发起流程: form-js's own refusal (a negative 计划总投资) and then the server's
 * (a bad 统一社会信用代码) appear right above the dialog's 发起 button; the money readout shows the figure in 元 and
 * 万元; corrected, the filing starts a tc-project instance for that enterprise;</li>
 * <li>a panel expert presses 完成 on a score sheet with a required field empty: the Chinese required message under the
 * field, the list of the fields next to the button, the toast off the button; the task is still there.</li>
 * </ul>
 * Screenshots of every step under {@code target/browser/tasklist-refusal-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-browser-tasklist-refusal;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=true",
    "camunda.bpm.job-execution.enabled=false"})
class TasklistRefusalBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(45);
    static final String ENTERPRISE = "hekou-ent-1";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    ProjectRepository projects;
    @Autowired
    JurisdictionDirectory directory;

    @BeforeAll
    static void browser() {
        BrowserSession.requireBrowser();
    }

    @Test
    void shouldShowAnEnterpriseTheStartFormsRefusalsNextToTheStartButtonAndStartOnceCorrected() {
        String badCode = badCreditCode();
        String goodCode = CreditCode.withCheckCharacter("91370503MA3C00077");
        String projectCode = LocalDate.now().getYear() + "-370503-34-03-" + "987654";
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.onFailure("tasklist-refusal-start-failure", () -> {
                browser.signIn("tasklist", ENTERPRISE);
                browser.await(By.cssSelector(".start-process-action a"), WAIT).click();
                WebElement process = new WebDriverWait(browser.driver(), WAIT).until(d -> d.findElements(
                        By.cssSelector(".modal-content ul.processes a")).stream()
                        .filter(a -> a.getText().contains("技改项目")).findFirst().orElse(null));
                process.click();
                browser.await(By.cssSelector(".modal-content .fjs-container .fjs-form-field"), WAIT);
                browser.settle();
                browser.screenshot("tasklist-refusal-start-1-form");
                assertThat(text(browser, ".modal-content .fjs-container")).as("form-js's placeholders in Chinese")
                        .doesNotContain("Select").doesNotContain("Search");

                // The jurisdiction: choose it when a choice is offered; accept it preselected otherwise.
                if (nothingSelected(browser, "所属辖区")) {
                    choose(browser, "所属辖区", "东营市河口区");
                }
                choose(browser, "推荐单位(镇街/园区/县市区)", "河口街道");
                type(browser, "企业名称", "河口示范机械有限公司");
                type(browser, "统一社会信用代码", badCode);
                type(browser, "项目代码", projectCode);
                type(browser, "项目名称", "智能化生产线技术改造");
                choose(browser, "奖补类别", "直接奖补");
                type(browser, "计划总投资", "-1");
                type(browser, "计划开工日期", date(LocalDate.now().plusMonths(1)));
                type(browser, "计划竣工日期", date(LocalDate.now().plusMonths(13)));
                type(browser, "开户银行", "中国银行东营河口支行");
                type(browser, "银行账号", "6217000012345678");
                pressStart(browser);

                // form-js refuses the negative figure: its message in Chinese under the field, the list at the button.
                WebElement refusal = awaitRefusal(browser, ".modal-footer", "计划总投资");
                assertThat(fieldErrors(browser, "计划总投资")).contains("数值不能小于 0.01。");
                assertThat(refusal.getText()).contains("以下字段未填写或填写有误", "计划总投资(数值不能小于 0.01)");
                assertNextToButton(browser, refusal, ".modal-footer button.btn-primary");
                browser.screenshot("tasklist-refusal-start-2-negative");

                // Corrected figure: the readout in 元 and 万元; the server refuses the bad credit code.
                type(browser, "计划总投资", "12000000");
                new WebDriverWait(browser.driver(), WAIT).until(d -> readout(browser, "计划总投资")
                        .equals("12,000,000.00 元(1,200.00 万元)"));
                pressStart(browser);
                refusal = awaitRefusal(browser, ".modal-footer", "提交被拒绝");
                assertThat(refusal.getText()).contains("统一社会信用代码").contains(badCode);
                assertNextToButton(browser, refusal, ".modal-footer button.btn-primary");
                browser.settle();
                browser.screenshot("tasklist-refusal-start-3-server");
                // The browser logs the refused request (400) itself; nothing else may have gone wrong.
                List<String> refused = browser.consoleErrors();
                assertThat(refused).as("console errors").hasSize(1).allMatch(m -> m.contains("/submit-form ")
                        && m.contains("status of 400"));
                assertThat(projectsOf(goodCode, badCode)).as("nothing filed yet").isZero();

                // Corrected credit code: the filing starts the process.
                type(browser, "统一社会信用代码", goodCode);
                pressStart(browser);
                new WebDriverWait(browser.driver(), WAIT).until(d -> d.findElements(By.cssSelector(".modal-content")).isEmpty());
                browser.settle();
                browser.screenshot("tasklist-refusal-start-4-started");
                assertThat(browser.consoleErrors()).as("console errors").isEmpty();
            });
        }
        Map<String, Object> project = jdbc.sql("""
                select p.filed_by, p.planned_total_investment, e.proc_def_id_, p.process_instance_id
                  from project p join act_ru_execution e on e.id_ = p.process_instance_id
                 where p.credit_code = ? and p.project_code = ?""").params(goodCode, projectCode).query().singleRow();
        assertThat(project.get("filed_by")).isEqualTo(ENTERPRISE);
        assertThat((String) project.get("proc_def_id_")).startsWith("tc-project:");
        assertThat(new java.math.BigDecimal(project.get("planned_total_investment").toString()))
                .isEqualByComparingTo("12000000.00");
        assertThat(projectsOf(badCode, badCode)).isZero();
    }

    @Test
    void shouldRefuseAnExpertsScoreSheetWithARequiredFieldEmptyInTheBrowser() {
        Map<String, Object> task = scoreTaskOfAnExpert();
        String taskId = (String) task.get("id_");
        String expert = (String) task.get("assignee_");
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.onFailure("tasklist-refusal-score-failure", () -> {
                browser.signIn("tasklist", expert);
                browser.go("/camunda/app/tasklist/default/#/?task=" + taskId);
                browser.await(By.cssSelector("[cam-tasklist-form] .fjs-container .fjs-form-field"), WAIT);
                new WebDriverWait(browser.driver(), WAIT).until(d -> text(browser, ".fjs-container").contains("利害关系声明"));
                browser.settle();
                browser.screenshot("tasklist-refusal-score-1-form");
                // The read-only fields are the turn's variables of the same keys, which tc-project and the seat
                // pass down by name (no longer all of the project's): the enterprise, and the category, whose list
                // of labels the form takes from the jurisdiction.
                cn.tcsubsidy.project.domain.Project project = projectOfTask(taskId);
                assertThat(field(browser, "企业名称").findElement(By.cssSelector("input")).getDomProperty("value"))
                        .isEqualTo(project.enterpriseName());
                assertThat(selected(field(browser, "奖补类别")))
                        .isEqualTo(AwardCategories.of(project.jurisdiction()).get(project.category()));

                // 利害关系声明 (required) left empty; 完成.
                WebElement complete = browser.await(By.cssSelector(".form-actions button.btn-primary"), WAIT);
                browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
                complete.click();
                WebElement refusal = awaitRefusal(browser, ".form-actions", "利害关系声明");
                assertThat(fieldErrors(browser, "利害关系声明")).contains("此项为必填项。");
                assertThat(refusal.getText()).doesNotContain("提交被拒绝").contains("以下字段未填写或填写有误", "利害关系声明(此项为必填项)");
                assertNextToButton(browser, refusal, ".form-actions button.btn-primary");
                assertThat(text(browser, ".fjs-container")).doesNotContain("Field is required");
                // Tasklist's toast does not cover the 完成 button (1440×900).
                browser.settle();
                assertToastsOffTheButton(browser, complete);
                browser.screenshot("tasklist-refusal-score-2-refused");
                assertThat(browser.consoleErrors()).as("console errors").isEmpty();

                // No conflict and a score above the criterion's maximum (100, tc-score-criteria): form-js lets it
                // through (its only bound is 0), the server refuses it; the refusal at 完成, the toast off it.
                clickRadio(browser, "本人与该项目无利害关系,承诺独立、客观、公正评审");
                type(browser, "投资评分", "150");
                new WebDriverWait(browser.driver(), WAIT).until(d -> complete.isEnabled());
                browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
                complete.click();
                refusal = awaitRefusal(browser, ".form-actions", "提交被拒绝");
                assertThat(refusal.getText()).contains("投资评分").doesNotContain("以下字段未填写或填写有误");
                assertNextToButton(browser, refusal, ".form-actions button.btn-primary");
                browser.settle();
                assertToastsOffTheButton(browser, complete);
                browser.screenshot("tasklist-refusal-score-3-server");
                List<String> refused = browser.consoleErrors();
                assertThat(refused).as("console errors").hasSize(1).allMatch(m -> m.contains("/task/" + taskId
                        + "/submit-form ") && m.contains("status of 400"));
            });
        }
        assertThat(jdbc.sql("select count(*) from act_ru_task where id_ = ?").param(taskId).query(Long.class).single())
                .as("nothing completed").isEqualTo(1L);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /**
     * An open Task_ScoreProject of a demo expert (id_, assignee_). The demo's rounds are past their review (every
     * sheet handed in), so when none is open a project of a review round of its own is put at the panel draw, as
     * the town's recommendation leaves it, and the draw runs (the project's job): its members get their tasks.
     */
    Map<String, Object> scoreTaskOfAnExpert() {
        String open = """
                select id_, assignee_ from act_ru_task where task_def_key_ = 'Task_ScoreProject'
                   and assignee_ like '%-expert-%' order by id_""";
        List<Map<String, Object>> found = jdbc.sql(open).query().listOfRows();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        String j = "hekou";
        int year = jdbc.sql("select coalesce(max(round_year), 2080) + 1 from review_round where jurisdiction_code = ?"
                + " and round_year > 2080").param(j).query(Integer.class).single();
        String pi = PanelAtDraw.place(engine, jdbc, projects, directory, j, year, new PanelAtDraw.Filing(
                "评审演示装备有限公司", CreditCode.withCheckCharacter("91370503MA3C00099"),
                (year - 1) + "-370503-34-03-000099", "数字化车间技术改造", AwardCategories.of(j).keySet().iterator().next(),
                new BigDecimal("12000000"), new BigDecimal("7200000"))).processInstanceId();
        Job draw = management.createJobQuery().processInstanceId(pi).activityId(TcProjectProcess.Elements.DRAW_PANEL)
                .singleResult();
        management.executeJob(draw.getId());
        found = jdbc.sql(open).query().listOfRows();
        assertThat(found).as("the drawn experts' scoring tasks").isNotEmpty();
        return found.get(0);
    }

    /** The project of a task of a called process: its root instance's. */
    cn.tcsubsidy.project.domain.Project projectOfTask(String taskId) {
        String instance = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
        String root = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult()
                .getRootProcessInstanceId();
        return projects.findIdByProcessInstance(root).flatMap(projects::find).orElseThrow();
    }

    /** Tasklist's toasts are there (the refusal) and none covers the button (1440×900). */
    static void assertToastsOffTheButton(BrowserSession browser, WebElement button) {
        List<WebElement> toasts = browser.driver().findElements(By.cssSelector(".page-notifications .alert"));
        assertThat(toasts).as("Tasklist's toast of the refusal").isNotEmpty();
        for (WebElement toast : toasts) {
            assertThat(overlaps(browser, toast, button)).as("toast over 完成: " + toast.getText()).isFalse();
        }
    }

    static void clickRadio(BrowserSession browser, String optionLabel) {
        WebElement option = new WebDriverWait(browser.driver(), WAIT).until(d -> d.findElements(
                By.cssSelector(".fjs-form-field-radio label")).stream().filter(l -> l.getText().trim().equals(optionLabel))
                .findFirst().orElse(null));
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", option);
        option.click();
    }

    /** A credit code of the right shape (18 characters of the alphabet) whose check character is wrong. */
    static String badCreditCode() {
        String good = CreditCode.withCheckCharacter("91370503MA3C00088");
        char wrong = good.charAt(17) == '1' ? '2' : '1';
        String bad = good.substring(0, 17) + wrong;
        assertThat(CreditCode.isValid(bad)).isFalse();
        return bad;
    }

    long projectsOf(String code, String other) {
        return jdbc.sql("select count(*) from project where credit_code in (?, ?)").params(code, other)
                .query(Long.class).single();
    }

    /** A date as the Chinese browser's date picker takes it (y/M/d). */
    static String date(LocalDate d) {
        return d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
    }

    static String text(BrowserSession browser, String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    /** The form-js field (.fjs-form-field) whose label, without the required mark, is {@code label}. */
    static WebElement field(BrowserSession browser, String label) {
        return new WebDriverWait(browser.driver(), WAIT).until(d -> (WebElement) browser.driver().executeScript("""
                const want = arguments[0];
                for (const f of document.querySelectorAll('.fjs-form-field')) {
                  const l = f.querySelector('.fjs-form-field-label');
                  if (!l) continue;
                  let t = '';
                  l.childNodes.forEach(n => { if (!(n.classList && n.classList.contains('fjs-asterix'))) t += n.textContent; });
                  if (t.trim() === want && f.offsetParent !== null) return f;
                }
                return null;""", label));
    }

    static void type(BrowserSession browser, String label, String value) {
        WebElement input = field(browser, label).findElement(By.cssSelector("input.fjs-input, textarea"));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value);
        input.sendKeys(Keys.TAB);
    }

    static boolean nothingSelected(BrowserSession browser, String label) {
        return selected(field(browser, label)).isEmpty();
    }

    static void choose(BrowserSession browser, String label, String option) {
        WebElement f = field(browser, label);
        // A select opens when it gets the focus (a TAB from the field before): a press then would close it.
        if (f.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty()) {
            f.findElement(By.cssSelector(".fjs-input-group")).click();
        }
        WebElement item = new WebDriverWait(browser.driver(), WAIT).until(d -> f.findElements(
                By.cssSelector(".fjs-dropdownlist-item")).stream().filter(i -> i.isDisplayed() && i.getText().equals(option))
                .findFirst().orElse(null));
        item.click();
        new WebDriverWait(browser.driver(), WAIT).until(d -> selected(f).equals(option));
    }

    /** What a form-js select shows: its display (a plain select) or its input's text (a searchable one). */
    static String selected(WebElement f) {
        List<WebElement> display = f.findElements(By.cssSelector(".fjs-select-display"));
        if (!display.isEmpty()) {
            return f.findElements(By.cssSelector(".fjs-select-placeholder")).isEmpty() ? display.get(0).getText() : "";
        }
        return f.findElement(By.cssSelector("input.fjs-input")).getDomProperty("value");
    }

    static List<String> fieldErrors(BrowserSession browser, String label) {
        return field(browser, label).findElements(By.cssSelector(".fjs-form-field-error li")).stream()
                .map(WebElement::getText).toList();
    }

    static String readout(BrowserSession browser, String label) {
        List<WebElement> r = field(browser, label).findElements(By.cssSelector(".tc-money-readout"));
        return r.isEmpty() ? "" : r.get(0).getText();
    }

    static void pressStart(BrowserSession browser) {
        WebElement start = browser.await(By.cssSelector(".modal-footer button.btn-primary"), WAIT);
        if (start.isEnabled()) {
            start.click();
        }
    }

    static WebElement awaitRefusal(BrowserSession browser, String place, String contains) {
        return new WebDriverWait(browser.driver(), WAIT).until(d -> d.findElements(By.cssSelector(place + " .tc-refusal"))
                .stream().filter(e -> e.isDisplayed() && e.getText().contains(contains)).findFirst().orElse(null));
    }

    /** The refusal and the button both in view, the refusal right above (within 120 px of) the button, over its column. */
    static void assertNextToButton(BrowserSession browser, WebElement refusal, String buttonCss) {
        WebElement button = browser.driver().findElement(By.cssSelector(buttonCss));
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        List<Map<?, ?>> r = rects(browser, refusal, button);
        double gap = num(r.get(1).get("top")) - num(r.get(0).get("bottom"));
        assertThat(gap).as("refusal right above the button").isBetween(-1.0, 120.0);
        assertThat(num(r.get(0).get("right"))).as("refusal reaches over the button")
                .isGreaterThanOrEqualTo(num(r.get(1).get("left")));
        assertThat(num(r.get(0).get("top"))).as("refusal in view").isGreaterThanOrEqualTo(0.0);
        assertThat(num(r.get(1).get("bottom"))).as("button in view").isLessThanOrEqualTo(num(r.get(1).get("viewport")));
    }

    static boolean overlaps(BrowserSession browser, WebElement a, WebElement b) {
        List<Map<?, ?>> r = rects(browser, a, b);
        Map<?, ?> x = r.get(0);
        Map<?, ?> y = r.get(1);
        return num(x.get("left")) < num(y.get("right")) && num(y.get("left")) < num(x.get("right"))
                && num(x.get("top")) < num(y.get("bottom")) && num(y.get("top")) < num(x.get("bottom"));
    }

    /** The elements' boxes in the viewport, measured together (no scrolling in between). */
    @SuppressWarnings("unchecked")
    static List<Map<?, ?>> rects(BrowserSession browser, WebElement... elements) {
        return (List<Map<?, ?>>) browser.driver().executeScript("""
                return Array.from(arguments).map(e => {
                  const r = e.getBoundingClientRect();
                  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, viewport: window.innerHeight};
                });""", (Object[]) elements);
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
