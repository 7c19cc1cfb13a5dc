package cn.tcsubsidy.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.engine.EngineConfiguration;
import cn.tcsubsidy.engine.Tenants;
import cn.tcsubsidy.engine.guard.DecisionTableCheck;
import cn.tcsubsidy.rules.guardrail.Violation;
import cn.tcsubsidy.rules.process.TableGuardrails;
import cn.tcsubsidy.shared.SafeXml;
import cn.tcsubsidy.support.ProcessTestEngine;
import cn.tcsubsidy.tasks.process.CamundaTaskDueRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Each jurisdiction's tc-task-due ({@code dmn/<tenant>/<tenant>-task-due.dmn}), deployed per tenant and evaluated
 * through the engine by {@link CamundaTaskDueRules}: a row of its own for every user task of the models that its
 * model does not date (read from {@code processes/*.bpmn} here, so a new task without a row fails), none for a task
 * its model dates, the working days of each row, the empty cells, the default row, the label 常见做法 on every rule,
 * the latest version only in its tenant, the caller's authentication restored; the guardrail's refusals.
 */
class TaskDueTablesTest {

    /** What every jurisdiction ships (common practice, the same in all five). */
    static final Map<String, Integer> DAYS = Map.ofEntries(
            Map.entry("Task_ResolvePanelShortage", 10), Map.entry("Task_ReachConsensus", 5),
            Map.entry("Task_ReviewCorrection", 5), Map.entry("Task_DecideAward", 10),
            Map.entry("Task_PreparePayment", 5), Map.entry("Task_ApprovePayment", 3),
            Map.entry("Task_SettleAward", 10), Map.entry("Task_RecordRecovery", 20),
            Map.entry("Task_RecordAcceptance", 20), Map.entry("Task_EvaluatePerformance", 20),
            Map.entry("Task_RecordRepayment", 20), Map.entry("Task_EscalateReport", 10),
            Map.entry("Task_InvestigateObjection", 10), Map.entry("Task_OfferNextInRank", 5),
            Map.entry("Task_DrawMoreReviewers", 3), Map.entry("Task_ReplaceOverdueReviewer", 3),
            Map.entry("Task_DecideProposedList", 10));
    static final Set<String> UNDATED = Set.of("Task_ReportCompletion", "Task_ReportProgress", "Task_UrgeReport",
            "Task_CloseRecommendation", "Task_CloseReview", "Task_AwaitQuotes");

    static ProcessEngine engine;
    static CamundaTaskDueRules rules;

    @BeforeAll
    static void deploy() {
        engine = ProcessTestEngine.configuration("tc-task-due-tables-test").buildProcessEngine();
        for (String t : Tenants.ALL) {
            ProcessTestEngine.deploy(engine, t, "dmn/" + t + "/" + t + "-task-due.dmn");
        }
        rules = new CamundaTaskDueRules(engine.getDecisionService(), engine.getRepositoryService(),
                engine.getIdentityService());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @AfterEach
    void signOut() {
        engine.getIdentityService().clearAuthentication();
    }

    static List<String> tenants() {
        return Tenants.ALL;
    }

    /** The user tasks of the models, split by whether the model dates them ({@code camunda:dueDate}). */
    static Map<Boolean, Set<String>> userTasks() throws Exception {
        Set<String> dated = new TreeSet<>();
        Set<String> undated = new TreeSet<>();
        try (var files = Files.list(Path.of("processes"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                NodeList tasks = SafeXml.parse(Files.readAllBytes(f)).getElementsByTagNameNS("*", "userTask");
                for (int i = 0; i < tasks.getLength(); i++) {
                    Element t = (Element) tasks.item(i);
                    (t.hasAttributeNS("http://camunda.org/schema/1.0/bpmn", "dueDate") ? dated : undated)
                            .add(t.getAttribute("id"));
                }
            }
        }
        return Map.of(true, dated, false, undated);
    }

    /** The task keys the table's rules name (the default row's "-" aside). */
    static List<String> rowKeys(String tenant) throws Exception {
        List<String> keys = new ArrayList<>();
        NodeList entries = SafeXml.parse(Files.readAllBytes(file(tenant))).getElementsByTagNameNS("*", "inputEntry");
        for (int i = 0; i < entries.getLength(); i++) {
            String text = entries.item(i).getTextContent().trim();
            if (!text.equals("-")) {
                keys.add(text.replace("\"", ""));
            }
        }
        return keys;
    }

    static Path file(String tenant) {
        return Path.of("dmn", tenant, tenant + "-task-due.dmn");
    }

    @ParameterizedTest(name = "{0}: a row for every user task its model does not date, none for the others")
    @MethodSource("tenants")
    void shouldHaveARowForEveryUndatedUserTaskOfTheModels(String tenant) throws Exception {
        Map<Boolean, Set<String>> tasks = userTasks();
        assertThat(tasks.get(false)).as("the models' undated tasks are those this test knows")
                .containsExactlyInAnyOrderElementsOf(new TreeSet<>(union(DAYS.keySet(), UNDATED)));
        assertThat(tasks.get(true)).contains("Task_RecommendProject", "Task_ScoreProject", "Task_CorrectProject",
                "Task_ReportResults", "Task_Rectify");
        List<String> keys = rowKeys(tenant);
        assertThat(keys).as("one row per undated task").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(tasks.get(false));
        assertThat(keys).as("the model's own due date is kept: no row for it").doesNotContainAnyElementsOf(tasks.get(true));
    }

    @ParameterizedTest(name = "{0}: each task's working days, the empty cells, the default row")
    @MethodSource("tenants")
    void shouldGiveEachTaskItsWorkingDays(String tenant) {
        DAYS.forEach((key, days) -> assertThat(rules.dueWorkingDays(tenant, key)).as(key).isEqualTo(OptionalInt.of(days)));
        UNDATED.forEach(key -> assertThat(rules.dueWorkingDays(tenant, key)).as(key).isEmpty());
        assertThat(rules.dueWorkingDays(tenant, "Task_NotInAnyModel")).isEqualTo(OptionalInt.of(10));
    }

    @ParameterizedTest(name = "{0}: every rule labelled common practice, the table FEEL only with a history TTL")
    @MethodSource("tenants")
    void shouldLabelEveryRuleCommonPractice(String tenant) throws Exception {
        String xml = Files.readString(file(tenant), StandardCharsets.UTF_8);
        NodeList descriptions = SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getElementsByTagNameNS("*", "rule");
        assertThat(descriptions.getLength()).isEqualTo(DAYS.size() + UNDATED.size() + 1);
        for (int i = 0; i < descriptions.getLength(); i++) {
            Element rule = (Element) descriptions.item(i);
            assertThat(rule.getElementsByTagNameNS("*", "description").item(0).getTextContent()).as(rule.getAttribute("id"))
                    .contains("常见做法");
        }
        assertThat(xml).contains("camunda:historyTimeToLive=\"3650\"").doesNotContain("expressionLanguage");
    }

    @Test
    void shouldUseTheLatestVersionOfTheTenantsOwnTable() throws Exception {
        String shipped = Files.readString(file("jiyuan"), StandardCharsets.UTF_8);
        String changed = shipped
                .replace("<outputEntry id=\"Output_TaskDue_DecideAward\"><text>10</text>",
                        "<outputEntry id=\"Output_TaskDue_DecideAward\"><text>7</text>")
                .replace("<outputEntry id=\"Output_TaskDue_ReportCompletion\"><text></text>",
                        "<outputEntry id=\"Output_TaskDue_ReportCompletion\"><text>60</text>");
        engine.getRepositoryService().createDeployment().tenantId("jiyuan").addString("jiyuan-task-due.dmn", changed)
                .deploy();

        assertThat(rules.dueWorkingDays("jiyuan", "Task_DecideAward")).isEqualTo(OptionalInt.of(7));
        assertThat(rules.dueWorkingDays("jiyuan", "Task_ReportCompletion")).isEqualTo(OptionalInt.of(60));
        assertThat(rules.dueWorkingDays("yanzhou", "Task_DecideAward")).as("another tenant's table is untouched")
                .isEqualTo(OptionalInt.of(10));
        // The shipped table again, as the latest version, for the other tests of this engine.
        engine.getRepositoryService().createDeployment().tenantId("jiyuan").addString("jiyuan-task-due.dmn", shipped)
                .deploy();
        assertThat(rules.dueWorkingDays("jiyuan", "Task_DecideAward")).isEqualTo(OptionalInt.of(10));
    }

    @Test
    void shouldRestoreTheCallersAuthentication() {
        engine.getIdentityService().setAuthentication("hekou-finance", List.of("hekou-finance"), List.of("hekou"));

        rules.dueWorkingDays("hekou", "Task_PreparePayment");

        assertThat(engine.getIdentityService().getCurrentAuthentication().getUserId()).isEqualTo("hekou-finance");
    }

    @Test
    void shouldFailClearlyWithoutATableForTheTenant() {
        assertThatThrownBy(() -> rules.dueWorkingDays("nowhere", "Task_DecideAward"))
                .hasMessageContaining("no decision tc-task-due deployed for tenant nowhere");
    }

    static final TableGuardrails GUARDRAILS = new TableGuardrails(EngineConfiguration.feelOnlyDmnEngine().buildEngine(),
            DecisionTableCheck.forShippedTables(Tenants.ALL));

    static List<Violation> check(String tenant, String xml) {
        return GUARDRAILS.check(tenant, Map.of(tenant + "-task-due.dmn", xml.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}: the shipped table passes the guardrails")
    @MethodSource("tenants")
    void shouldPassTheGuardrails(String tenant) throws Exception {
        assertThat(check(tenant, Files.readString(file(tenant), StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void shouldRefuseZeroOrAFractionOfAWorkingDay() throws Exception {
        String shipped = Files.readString(file("hekou"), StandardCharsets.UTF_8);
        String zero = shipped.replace("<outputEntry id=\"Output_TaskDue_ApprovePayment\"><text>3</text>",
                "<outputEntry id=\"Output_TaskDue_ApprovePayment\"><text>0</text>");
        assertThat(zero).isNotEqualTo(shipped);
        assertThat(check("hekou", zero)).extracting(Violation::invariant)
                .containsExactly("办理期限须为不少于1的整数个工作日,或留空(不设期限)");
        assertThat(check("hekou", zero).get(0).example()).contains("Task_ApprovePayment");
        String fraction = shipped.replace("<outputEntry id=\"Output_TaskDue_Default\"><text>10</text>",
                "<outputEntry id=\"Output_TaskDue_Default\"><text>2.5</text>")
                .replace("typeRef=\"integer\"", "typeRef=\"double\"");
        assertThat(check("hekou", fraction)).singleElement().extracting(Violation::example).asString()
                .endsWith("办理期限为 2.5");
    }

    @Test
    void shouldRefuseATableWithoutTheDueWorkingDaysColumn() throws Exception {
        String renamed = Files.readString(file("liaocheng"), StandardCharsets.UTF_8)
                .replace("name=\"dueWorkingDays\"", "name=\"days\"");
        assertThat(check("liaocheng", renamed)).extracting(Violation::invariant).containsExactly("输出列不得缺失:dueWorkingDays");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
