package cn.tcsubsidy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.project.process.TcProjectProcess;
import cn.tcsubsidy.round.process.RoundJobs;
import cn.tcsubsidy.round.process.TcAnnualRoundProcess;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.support.BrowserSession;
import cn.tcsubsidy.support.PanelRest;
import cn.tcsubsidy.support.Rest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People of different roles in Tasklist and Cockpit, in headless Chromium with a Chinese browser, on the demo data
 * (one Spring context for all journeys). Liaocheng's bureau opens this year's round (its tables quote in any year), so
 * the demo's projects completed last year wait at their towns' 镇街审核推荐:
 * <ul>
 *   <li>a town officer recommends one in Tasklist, its form showing the project's figures, and the app's API shows
 *       the project moved on;</li>
 *   <li>the bureau opens 审定拟扶持金额 of a project that the towns, the panel and the round's steps brought there
 *       (as the system and the people would, through the engine), and its form shows the quoted amount with its
 *       reasons;</li>
 *   <li>Hekou's bureau sees Hekou's tasks and no Yanzhou task in Tasklist, Hekou's process owner Hekou's instances and
 *       no Yanzhou instance in Cockpit, also when they open a Yanzhou task's or instance's address.</li>
 * </ul>
 * Every step's screenshot is under {@code target/browser/journey-*.png}; each journey fails on the page console's
 * errors (only the refused reads of the Yanzhou addresses are expected there, and nothing else).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-browser-role-journeys;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=true",
    "camunda.bpm.job-execution.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoleJourneyBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(45);
    static final String ROUND_JURISDICTION = "liaocheng";
    static final String LIAOCHENG_BUREAU = Roles.bureau(ROUND_JURISDICTION);
    static final Pattern TASK_ID = Pattern.compile("task=([0-9a-fA-F-]{36})");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RoundJobs roundJobs;

    JsonNode tasklistZh;
    String roundProcessInstanceId;

    @BeforeAll
    void openThisYearsRound() throws IOException {
        BrowserSession.requireBrowser();
        tasklistZh = labels("tasklist");
        roundProcessInstanceId = openRound(ROUND_JURISDICTION);
        // Yanzhou's towns get this year's recommendations too: open tasks of another jurisdiction for Hekou not to see.
        openRound("yanzhou");
        assertThat(recommendationTasks()).as("the demo's projects completed last year wait at their towns").hasSizeGreaterThanOrEqualTo(2);
    }

    /** The jurisdiction's bureau opens this year's round, as in Tasklist; its jobs run as the system. */
    String openRound(String jurisdiction) {
        Rest.Response round = rest().post(Roles.bureau(jurisdiction), "/engine-rest/process-definition/key/"
                + TcAnnualRoundProcess.KEY + "/tenant-id/" + jurisdiction + "/start",
                Rest.variables("roundYear", LocalDate.now().getYear()));
        assertThat(round.status()).as(round.text()).isEqualTo(200);
        roundJobs.runDueWithoutFailures(jurisdiction);
        return round.body().get("id").asText();
    }

    /**
     * A client of its own for each use: the server closes a keep-alive connection left idle while the browser works,
     * and a shared client would send the next request on it.
     */
    Rest rest() {
        return new Rest(port);
    }

    static JsonNode labels(String webapp) throws IOException {
        try (InputStream in = RoleJourneyBrowserTest.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/camunda/app/" + webapp + "/locales/zh.json")) {
            return new ObjectMapper().readTree(in).get("labels");
        }
    }

    /** Liaocheng's open 镇街审核推荐 tasks: task id, project id, unit, actual total investment; by project. */
    List<Map<String, Object>> recommendationTasks() {
        return jdbc.sql("""
                select t.id_ as task_id, p.id as project_id, p.unit_code, p.actual_total_investment, p.enterprise_name
                  from act_ru_task t join project p on p.process_instance_id = t.proc_inst_id_
                 where p.jurisdiction_code = :j and t.task_def_key_ = :key order by p.id
                """).param("j", ROUND_JURISDICTION).param("key", TcProjectProcess.Elements.RECOMMEND).query().listOfRows();
    }

    @Test
    @Order(2)
    void shouldLetATownOfficerRecommendAProjectInTasklist() {
        Map<String, Object> waiting = recommendationTasks().get(0);
        String task = (String) waiting.get("task_id");
        long projectId = ((Number) waiting.get("project_id")).longValue();
        String town = Roles.town(ROUND_JURISDICTION, (String) waiting.get("unit_code"));
        BigDecimal total = (BigDecimal) waiting.get("actual_total_investment");
        String stageBefore = rest().get(town, "/api/projects/" + projectId).body().at("/project/stage").asText();
        assertThat(stageBefore).isNotBlank();

        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.onFailure("journey-town-failure", () -> {
                browser.signIn("tasklist", town);
                browser.screenshot("journey-town-1-signed-in");
                // The unit's own tasks: the filter 本单位待办 lists the recommendation (its name may carry the project).
                openFilter(browser, "本单位待办");
                List<String> names = taskNames(browser);
                assertThat(names).as("the town's tasks").anyMatch(n -> n.startsWith("镇街审核推荐"));
                browser.screenshot("journey-town-2-task-list");

                browser.go("/camunda/app/tasklist/default/#/?task=" + task);
                browser.await(By.cssSelector(".fjs-container"), WAIT);
                new WebDriverWait(browser.driver(), WAIT).until(d -> d.getPageSource().contains("项目信息"));
                String page = browser.driver().findElement(By.tagName("body")).getText();
                assertThat(page).as("Tasklist in Chinese").contains(tasklistZh.get("CLAIM_TASK").asText())
                        .contains("镇街审核推荐").doesNotContain("Claim").doesNotContain("It is time to migrate");
                assertThat(figures(browser)).as("the form shows the project's actual total investment " + total)
                        .anyMatch(v -> sameAmount(v, total));
                assertThat(fieldValues(browser)).contains((String) waiting.get("enterprise_name"));
                browser.settle();
                browser.screenshot("journey-town-3-form");

                // 认领 (claim): the task becomes the officer's own; Tasklist then closes the task's view: open it again.
                browser.driver().findElement(By.cssSelector("button[ng-click='claim()']")).click();
                new WebDriverWait(browser.driver(), WAIT).until(d -> jdbc.sql(
                        "select count(*) from act_ru_task where id_ = :t and assignee_ = :u").param("t", task)
                        .param("u", town).query(Long.class).single() == 1);
                browser.go("/camunda/app/tasklist/default/#/?task=" + task);
                new WebDriverWait(browser.driver(), WAIT).until(d -> d.findElements(
                        By.cssSelector("button[ng-click='complete()']")).stream().anyMatch(WebElement::isDisplayed));
                browser.await(By.cssSelector(".fjs-container textarea"), WAIT);
                click(browser, "已核实项目真实性");
                click(browser, "已核实手续完整性");
                type(browser, "投资情况", "投资已全部到位,发票与竣工报告一致");
                type(browser, "技术水平", "达到国内先进水平");
                type(browser, "经济效益与社会效益", "新增产值和税收明显,带动就业");
                click(browser, "推荐");
                type(browser, "审核意见", "项目真实,手续完整,同意推荐");
                browser.screenshot("journey-town-4-filled");
                browser.driver().findElement(By.cssSelector("button[ng-click='complete()']")).click();
                new WebDriverWait(browser.driver(), WAIT).until(d -> jdbc.sql("select count(*) from act_ru_task where id_ = :t")
                        .param("t", task).query(Long.class).single() == 0);
                browser.settle();
                browser.screenshot("journey-town-5-completed");
                assertThat(browser.consoleErrors()).as("console errors").isEmpty();
            });
        }

        Rest.Response after = rest().get(town, "/api/projects/" + projectId);
        assertThat(after.status()).as(after.text()).isEqualTo(200);
        assertThat(after.body().at("/project/stage").asText()).as("the project moved on from " + stageBefore)
                .isNotEqualTo(stageBefore);
        assertThat(after.body().get("history").toString()).as("the town's opinion is on the record")
                .contains("项目真实,手续完整,同意推荐");
        assertThat(rest().get(LIAOCHENG_BUREAU, "/api/projects/" + projectId).body().at("/project/stage").asText())
                .isEqualTo(after.body().at("/project/stage").asText());
    }

    @Test
    @Order(4)
    void shouldShowTheBureauTheQuotedAmountWithItsReasons() {
        long projectId = driveToAwardDecision();
        Map<String, Object> quote = jdbc.sql("select quoted_amount, quote_note from project_award where project_id = :p")
                .param("p", projectId).query().singleRow();
        BigDecimal quoted = (BigDecimal) quote.get("quoted_amount");
        String note = (String) quote.get("quote_note");
        String task = jdbc.sql("""
                select t.id_ from act_ru_task t join project p on p.process_instance_id = t.proc_inst_id_
                 where p.id = :p and t.task_def_key_ = :key""").param("p", projectId)
                .param("key", TcProjectProcess.Elements.DECIDE_AWARD).query(String.class).single();
        assertThat(quoted).isPositive();
        assertThat(note).contains("按规则测算奖补金额");

        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.onFailure("journey-bureau-failure", () -> {
                browser.signIn("tasklist", LIAOCHENG_BUREAU);
                openFilter(browser, "本辖区全部待办");
                assertThat(taskNames(browser)).anyMatch(n -> n.startsWith("审定拟扶持金额"));
                browser.screenshot("journey-bureau-1-task-list");
                browser.go("/camunda/app/tasklist/default/#/?task=" + task);
                browser.await(By.cssSelector(".fjs-container"), WAIT);
                new WebDriverWait(browser.driver(), WAIT).until(d -> d.getPageSource().contains("按奖补规则测算"));
                String page = browser.driver().findElement(By.tagName("body")).getText();
                assertThat(page).contains("审定拟扶持金额", "拟扶持金额(元)");
                List<String> values = fieldValues(browser);
                String quoteField = values.stream().filter(v -> v.contains("按规则测算奖补金额")).findFirst().orElse("");
                // The amount as its note writes it (yuan with 2 decimals and thousands separators, compared without the
                // separators), and the reasons: the note's own text after the amount.
                assertThat(quoteField.replace(",", "")).as("the quote's amount in 按奖补规则测算(决策表)")
                        .contains(quoted.setScale(2).toPlainString());
                // The reasons and the basis: what the note says between the amount and the policy date.
                String reasons = note.substring(note.indexOf(" 元") + 2, note.indexOf(";适用政策日期"))
                        .replaceFirst("^[;(]", "");
                reasons = reasons.substring(0, Math.min(20, reasons.length()));
                assertThat(reasons).as(note).isNotBlank();
                assertThat(quoteField).as("the quote's reasons").contains(reasons);
                assertThat(figures(browser)).as("拟扶持金额 starts at the quote").anyMatch(v -> sameAmount(v, quoted));
                browser.driver().executeScript("document.querySelector('.fjs-container textarea').scrollIntoView()");
                browser.settle();
                browser.screenshot("journey-bureau-2-decide-award");
                assertThat(browser.consoleErrors()).as("console errors").isEmpty();
            });
        }
    }

    @Test
    @Order(5)
    void shouldKeepYanzhouOutOfHekouTasklistAndCockpit() {
        String hekouBureau = Roles.bureau("hekou");
        List<String> hekouTasks = jdbc.sql("select id_ from act_ru_task where tenant_id_ = 'hekou'").query(String.class).list();
        List<String> yanzhouTasks = jdbc.sql("select id_ from act_ru_task where tenant_id_ = 'yanzhou' order by create_time_")
                .query(String.class).list();
        assertThat(yanzhouTasks).as("Yanzhou's towns have this year's recommendations open").isNotEmpty();
        String yanzhouTaskId = yanzhouTasks.get(0);
        List<String> yanzhouEnterprises = jdbc.sql("select enterprise_name from project where jurisdiction_code = 'yanzhou'")
                .query(String.class).list();
        assertThat(hekouTasks).as("Hekou's demo has open tasks").isNotEmpty();
        assertThat(yanzhouEnterprises).isNotEmpty();

        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.onFailure("journey-scope-tasklist-failure", () -> {
                browser.signIn("tasklist", hekouBureau);
                openFilter(browser, "本辖区全部待办");
                WebElement counter = browser.await(By.cssSelector(".task-filter.active .counter"), WAIT);
                new WebDriverWait(browser.driver(), WAIT).until(d -> !counter.getText().isBlank());
                assertThat(Integer.parseInt(counter.getText().trim())).as("本辖区全部待办 counts Hekou's tasks, all of them")
                        .isEqualTo(hekouTasks.size());
                List<String> listed = listedTaskIds(browser);
                assertThat(listed).as("the listed tasks are Hekou's").isNotEmpty().allMatch(hekouTasks::contains)
                        .doesNotContain(yanzhouTaskId);
                String list = browser.driver().findElement(By.cssSelector("ol.tasks-list")).getText();
                assertThat(list).doesNotContain(yanzhouEnterprises.toArray(String[]::new));
                browser.screenshot("journey-scope-1-hekou-tasks");
                assertThat(browser.consoleErrors()).as("console errors").isEmpty();

                browser.go("/camunda/app/tasklist/default/#/?task=" + yanzhouTaskId);
                new WebDriverWait(browser.driver(), WAIT).until(d -> d.findElement(By.tagName("body")).getText()
                        .contains(tasklistZh.get("TASK_NOT_EXIST").asText()));
                browser.settle();
                assertThat(browser.driver().findElements(By.cssSelector(".fjs-container"))).as("no Yanzhou form").isEmpty();
                assertThat(browser.driver().findElement(By.tagName("body")).getText())
                        .doesNotContain(yanzhouEnterprises.toArray(String[]::new));
                browser.screenshot("journey-scope-2-yanzhou-task-refused");
                assertOnlyRefusalsOf(browser.consoleErrors(), yanzhouTaskId);
            });
        }

        // tc-project is one definition shared by every jurisdiction (tenant-less); its instances carry their tenant.
        String definition = jdbc.sql("""
                select id_ from act_re_procdef where key_ = :k and tenant_id_ is null order by version_ desc""")
                .param("k", TcProjectProcess.KEY).query(String.class).list().get(0);
        Set<String> hekouKeys = Set.copyOf(jdbc.sql("""
                select business_key_ from act_ru_execution where proc_def_id_ = :d and id_ = proc_inst_id_
                   and business_key_ is not null and tenant_id_ = 'hekou'""")
                .param("d", definition).query(String.class).list());
        Set<String> yanzhouKeys = Set.copyOf(jdbc.sql("""
                select e.business_key_ from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_
                 where e.tenant_id_ = 'yanzhou' and e.id_ = e.proc_inst_id_ and e.business_key_ is not null
                   and d.key_ = :k""").param("k", TcProjectProcess.KEY)
                .query(String.class).list());
        String yanzhouInstance = jdbc.sql("select proc_inst_id_ from act_ru_task where id_ = :t").param("t", yanzhouTaskId)
                .query(String.class).single();
        assertThat(hekouKeys).isNotEmpty();
        assertThat(yanzhouKeys).isNotEmpty().doesNotContainAnyElementsOf(hekouKeys);

        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.onFailure("journey-scope-cockpit-failure", () -> {
                browser.signIn("cockpit", Roles.owner("hekou"));
                browser.go("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
                browser.await(By.linkText("项目实例"), WAIT).click();
                WebElement table = browser.await(By.cssSelector("[data-tc='project-instances'] table"), WAIT);
                Set<String> shown = table.findElements(By.cssSelector("tbody tr td:first-child")).stream()
                        .map(td -> td.getText().trim().split("\\s+")[0]).collect(Collectors.toSet());
                assertThat(shown).as("the owner's tc-project instance list: Hekou's business keys")
                        .isEqualTo(hekouKeys).doesNotContainAnyElementsOf(yanzhouKeys);
                assertThat(table.getText()).contains("有限公司").doesNotContain(yanzhouEnterprises.toArray(String[]::new));
                browser.screenshot("journey-scope-3-hekou-instances");
                assertThat(browser.consoleErrors()).as("console errors").isEmpty();

                browser.go("/camunda/app/cockpit/default/#/process-instance/" + yanzhouInstance + "/runtime");
                browser.settle();
                // Cockpit answers as for an instance that does not exist: 显示运行中的流程实例失败:不存在 ID 为 … 的运行中流程实例.
                new WebDriverWait(browser.driver(), WAIT).until(d -> d.findElements(By.cssSelector(".alert")).stream()
                        .anyMatch(a -> a.getText().contains(yanzhouInstance) && a.getText().contains("不存在")));
                browser.settle();
                String page = browser.driver().findElement(By.tagName("body")).getText();
                assertThat(page).as("no Yanzhou data on the instance's page")
                        .doesNotContain(yanzhouEnterprises.toArray(String[]::new));
                assertThat(browser.driver().findElements(By.cssSelector(".djs-element[data-element-id='"
                        + TcProjectProcess.Elements.RECOMMEND + "']"))).as("no Yanzhou diagram").isEmpty();
                browser.screenshot("journey-scope-4-yanzhou-instance-refused");
                assertOnlyRefusalsOf(browser.consoleErrors(), yanzhouInstance);
            });
        }
    }

    /**
     * The round's people as the system would have them act, through the engine: every waiting town recommends, the
     * bureau closes the recommendation, every drawn member of each panel scores, the bureau closes the review, and the
     * round's jobs (the draws, the aggregates, the quotes) run. Returns a project now waiting at 审定拟扶持金额.
     */
    long driveToAwardDecision() {
        for (Map<String, Object> t : recommendationTasks()) {
            String town = Roles.town(ROUND_JURISDICTION, (String) t.get("unit_code"));
            submit(town, (String) t.get("task_id"), "recommendationDecision", "RECOMMEND",
                    "recommendationOpinion", "项目真实,手续完整,同意推荐", "investmentAssessment", "投资已全部到位",
                    "technologyAssessment", "达到国内先进水平", "benefitAssessment", "新增产值和税收明显",
                    "authenticityConfirmed", true, "formalitiesComplete", true);
        }
        roundJobs.runDueWithoutFailures(ROUND_JURISDICTION);
        submit(LIAOCHENG_BUREAU, rest().taskOf(LIAOCHENG_BUREAU, roundProcessInstanceId,
                TcAnnualRoundProcess.Elements.CLOSE_RECOMMENDATION), "closeNote", "推荐截止");
        roundJobs.runDueWithoutFailures(ROUND_JURISDICTION);
        long roundId = jdbc.sql("select id from review_round where process_instance_id = :pi")
                .param("pi", roundProcessInstanceId).query(Long.class).single();
        List<Long> inRound = jdbc.sql("select id from project where round_id = :r order by id").param("r", roundId)
                .query(Long.class).list();
        assertThat(inRound).as("recommended projects in this year's round").isNotEmpty();
        PanelRest panel = new PanelRest(rest(), ROUND_JURISDICTION, roundJobs);
        for (int pass = 0; pass < 5; pass++) {
            boolean scored = false;
            for (long project : inRound) {
                for (String member : panel.openTasks(project).keySet()) {
                    panel.score(member, project, PanelRest.uniform(88 + pass, "工艺先进,节能降耗"));
                    scored = true;
                }
            }
            if (!scored) {
                break;
            }
        }
        submit(LIAOCHENG_BUREAU, rest().taskOf(LIAOCHENG_BUREAU, roundProcessInstanceId,
                TcAnnualRoundProcess.Elements.CLOSE_REVIEW), "reviewSummary", "评审完成");
        roundJobs.runDueWithoutFailures(ROUND_JURISDICTION);
        List<Long> deciding = jdbc.sql("""
                select p.id from act_ru_task t join project p on p.process_instance_id = t.proc_inst_id_
                 where p.round_id = :r and t.task_def_key_ = :key order by p.id""").param("r", roundId)
                .param("key", TcProjectProcess.Elements.DECIDE_AWARD).query(Long.class).list();
        assertThat(deciding).as("projects waiting at 审定拟扶持金额").isNotEmpty();
        return deciding.get(0);
    }

    void submit(String user, String taskId, Object... keyValues) {
        Rest.Response r = rest().post(user, "/engine-rest/task/" + taskId + "/submit-form", Rest.variables(keyValues));
        assertThat(r.status()).as(user + " submits " + taskId + ": " + r.text()).isEqualTo(204);
    }

    static void openFilter(BrowserSession browser, String name) {
        WebElement filter = browser.await(By.xpath("//div[contains(@class,'task-filter')]//h4//a[normalize-space(text())='"
                + name + "' or starts-with(normalize-space(.),'" + name + "')]"), WAIT);
        filter.click();
        new WebDriverWait(browser.driver(), WAIT).until(d -> d.findElements(By.xpath(
                "//div[contains(@class,'task-filter') and contains(@class,'active')]//h4[starts-with(normalize-space(.),'"
                        + name + "')]")).size() == 1);
        browser.awaitAll(By.cssSelector("ol.tasks-list li.task h4.task a"), WAIT);
        browser.settle();
    }

    static List<String> taskNames(BrowserSession browser) {
        return browser.driver().findElements(By.cssSelector("ol.tasks-list li.task h4.task a")).stream()
                .map(a -> a.getText().trim()).toList();
    }

    static List<String> listedTaskIds(BrowserSession browser) {
        List<String> ids = new ArrayList<>();
        for (WebElement a : browser.driver().findElements(By.cssSelector("ol.tasks-list li.task h4.task a"))) {
            Matcher m = TASK_ID.matcher(String.valueOf(a.getAttribute("href")));
            if (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** The values of the form's inputs and text areas, as the person sees them in the fields. */
    @SuppressWarnings("unchecked")
    static List<String> fieldValues(BrowserSession browser) {
        return (List<String>) browser.driver().executeScript(
                "return Array.from(document.querySelectorAll('.fjs-container input, .fjs-container textarea'))"
                        + ".map(e => e.value || '')");
    }

    /** The number fields' values. */
    @SuppressWarnings("unchecked")
    static List<String> figures(BrowserSession browser) {
        return (List<String>) browser.driver().executeScript(
                "return Array.from(document.querySelectorAll('.fjs-form-field-number input')).map(e => e.value || '')");
    }

    /** A field's text is the amount, whatever its thousands separators or decimals. */
    static boolean sameAmount(String text, BigDecimal amount) {
        String digits = text.replace(",", "").replace(" ", "").trim();
        if (digits.isEmpty()) {
            return false;
        }
        try {
            return new BigDecimal(digits).compareTo(amount) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Ticks the form's checkbox or radio option whose label reads exactly {@code text}. */
    static void click(BrowserSession browser, String text) {
        WebElement label = browser.driver().findElement(By.xpath("//div[contains(@class,'fjs-container')]//label[normalize-space(.)='"
                + text + "']"));
        String id = label.getAttribute("for");
        WebElement input = id == null || id.isBlank() ? label.findElement(By.tagName("input"))
                : browser.driver().findElement(By.id(id));
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.click();
        if (!input.isSelected()) {
            browser.driver().executeScript("arguments[0].click()", input);
        }
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).withMessage(() -> text + " not ticked: "
                + label.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"))
                .getAttribute("outerHTML")).until(d -> input.isSelected());
    }

    /** Types into the form's field whose label starts with {@code label}. */
    static void type(BrowserSession browser, String label, String text) {
        WebElement l = browser.driver().findElement(By.xpath("//div[contains(@class,'fjs-container')]//label[starts-with("
                + "normalize-space(.),'" + label + "')]"));
        WebElement field = browser.driver().findElement(By.id(l.getAttribute("for")));
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        field.clear();
        field.sendKeys(text);
    }

    /** The console holds nothing but the refused reads of the other jurisdiction's resource {@code id}. */
    static void assertOnlyRefusalsOf(List<String> errors, String id) {
        assertThat(errors).as("console errors besides the refused reads of " + id)
                .allMatch(e -> e.contains(id) && (e.contains("404") || e.contains("403")));
    }
}
