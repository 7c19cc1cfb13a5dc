package cn.tcsubsidy.security;

import static cn.tcsubsidy.support.Rest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.engine.EngineClock;
import cn.tcsubsidy.panel.process.TcPanelProcesses;
import cn.tcsubsidy.project.domain.NewProject;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.process.TcProjectProcess;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.support.Rest.Response;
import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The role × action matrix: every business role, signed in over HTTP with the demo logins, tries each sensitive
 * action against the demo projects. Each refusal is asserted with its status (never a 500) and with the record —
 * the app's tables and the engine's runtime state — unchanged; the administrator's counterpart is asserted to work
 * where it is harmless. The matrix of statuses is printed at the end.
 */
abstract class SecurityMatrixScenario {

    static final String ADMIN = "admin";
    static final String FILER = "hekou-ent-1";
    static final String OTHER_ENTERPRISE = "hekou-ent-2";
    static final String EXPERT = "hekou-expert-2";
    static final String BUREAU = "hekou-bureau";
    static final String FINANCE = "hekou-finance";
    static final String RULES = "hekou-rules";
    static final String OWNER = "hekou-owner";
    static final String AUDITOR = "hekou-auditor";
    /** The bureau's head: approves rule changes, nothing else. */
    static final String HEAD = "hekou-head";
    static final String OTHER_TENANT = "liaocheng-bureau";
    static final Set<Integer> REFUSED = Set.of(403, 404);

    static final Map<String, Map<String, Integer>> MATRIX = new LinkedHashMap<>();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProjectRepository projects;
    @Autowired
    ProcessEngine engine;
    Rest rest;

    /** The demo project being built in Hekou (filed by hekou-ent-1), its instance and completion-report task. */
    long building;
    String buildingPi;
    String completionTask;
    String town;
    /** Hekou's paid project, waiting for its performance evaluation; Liaocheng's rejected one. */
    String paidPi;
    long rejectedLiaocheng;
    String rejectedLiaochengPi;
    String awaitingRoundPi;

    @BeforeEach
    void findDemoProjects() {
        rest = new Rest(port);
        Map<String, Object> b = jdbc.sql("select id, process_instance_id, unit_code from project where jurisdiction_code = 'hekou'"
                + " and stage = 'IN_PROGRESS' and filed_by = :f order by id").param("f", FILER).query().listOfRows().get(0);
        building = ((Number) b.get("id")).longValue();
        buildingPi = (String) b.get("process_instance_id");
        town = "hekou-town-" + b.get("unit_code");
        completionTask = jdbc.sql("select id_ from act_ru_task where proc_inst_id_ = :p and task_def_key_ = 'Task_ReportCompletion'")
                .param("p", buildingPi).query(String.class).single();
        paidPi = jdbc.sql("select process_instance_id from project where jurisdiction_code = 'hekou' and stage = 'FOLLOW_UP'")
                .query(String.class).list().get(0);
        awaitingRoundPi = jdbc.sql("select process_instance_id from project where jurisdiction_code = 'hekou' and stage = 'COMPLETED'")
                .query(String.class).list().get(0);
        Map<String, Object> r = jdbc.sql("select id, process_instance_id from project where jurisdiction_code = 'liaocheng'"
                + " and stage = 'REJECTED' order by id").query().listOfRows().get(0);
        rejectedLiaocheng = ((Number) r.get("id")).longValue();
        rejectedLiaochengPi = (String) r.get("process_instance_id");
    }

    /** Every business role of Hekou (the auditor included: it reads, it never writes), and another jurisdiction's bureau. */
    List<String> businessRoles() {
        return List.of(FILER, OTHER_ENTERPRISE, town, EXPERT, BUREAU, FINANCE, RULES, OWNER, AUDITOR, OTHER_TENANT);
    }

    /**
     * What a refusal must leave as it was: the app's records (projects, awards, payments, history, rounds) and the
     * engine's runtime state (where each instance stands, its variables, its jobs, its tasks, deployments).
     */
    String snapshot() {
        return cn.tcsubsidy.support.RecordSnapshot.of(jdbc);
    }

    /** Each role in turn tries the attack; a refusal must answer one of {@code refused} and change nothing. */
    void refusedForAll(String action, List<String> roles, Set<Integer> refused, Function<String, Response> attack) {
        for (String role : roles) {
            String before = snapshot();
            Response r = attack.apply(role);
            MATRIX.computeIfAbsent(role, k -> new LinkedHashMap<>()).put(action, r.status());
            assertThat(refused).as(action + " as " + role + ": " + r.text()).contains(r.status());
            assertThat(snapshot()).as(action + " as " + role + " left the record unchanged").isEqualTo(before);
        }
    }

    void allowed(String action, String role, int status, Function<String, Response> act) {
        Response r = act.apply(role);
        MATRIX.computeIfAbsent(role, k -> new LinkedHashMap<>()).put(action, r.status());
        assertThat(r.status()).as(action + " as " + role + ": " + r.text()).isEqualTo(status);
    }

    static Map<String, Object> filing(String jurisdiction, String unit) {
        Map<String, Object> vars = new LinkedHashMap<>(variables(
                "jurisdiction", jurisdiction, "unitCode", unit, "enterpriseName", "东营市河口区示例化工有限公司",
                "creditCode", "91350100M000100Y43", "projectCode", "2025-370503-34-03-990001",
                "projectName", "矩阵测试项目", "category", "DIRECT_SUBSIDY",
                "plannedTotalInvestment", 9_000_000, "plannedEquipmentInvestment", 7_000_000,
                "bankName", "中国银行东营分行", "bankAccount", "219800012345678",
                "plannedStartDate", "2025-01-01", "plannedEndDate", "2025-10-01"));
        return vars;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> with(Map<String, Object> body, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        Map<String, Object> vars = new LinkedHashMap<>((Map<String, Object>) copy.get("variables"));
        vars.put(name, Map.of("value", value));
        copy.put("variables", vars);
        return copy;
    }

    @Test
    void shouldRefuseStartingTcProjectInTheMiddle() {
        Map<String, Object> attack = with(with(filing("liaocheng", "dongchangfu"), "projectId", rejectedLiaocheng),
                "jurisdiction", "liaocheng");
        attack.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_ReturnToPool")));
        attack.put("skipCustomListeners", true);
        refusedForAll("从中间节点启动", businessRoles(), REFUSED,
                u -> rest.post(u, "/engine-rest/process-definition/key/tc-project/start", attack));
        assertThat(jdbc.sql("select stage from project where id = :id").param("id", rejectedLiaocheng)
                .query(String.class).single()).isEqualTo("REJECTED");
    }

    @Test
    void shouldRefuseSystemVariablesAndAnotherJurisdictionInAFiling() {
        String before = snapshot();
        Response forged = rest.post(FILER, "/engine-rest/process-definition/key/tc-project/start",
                with(filing("hekou", "yihe"), "projectId", rejectedLiaocheng));
        MATRIX.computeIfAbsent(FILER, k -> new LinkedHashMap<>()).put("启动时带系统变量", forged.status());
        assertThat(forged.status()).as(forged.text()).isEqualTo(400);
        assertThat(forged.body().get("message").asText()).contains("projectId");
        Response filedBy = rest.post(FILER, "/engine-rest/process-definition/key/tc-project/start",
                with(filing("hekou", "yihe"), "filedBy", OTHER_ENTERPRISE));
        assertThat(filedBy.status()).as(filedBy.text()).isEqualTo(400);
        Response otherTenant = rest.post(FILER, "/engine-rest/process-definition/key/tc-project/start",
                filing("liaocheng", "dongchangfu"));
        MATRIX.get(FILER).put("备案到其他辖区", otherTenant.status());
        assertThat(otherTenant.status()).as(otherTenant.text()).isEqualTo(400);
        assertThat(snapshot()).isEqualTo(before);

        allowed("正常备案", FILER, 200, u -> rest.post(u, "/engine-rest/process-definition/key/tc-project/start",
                filing("hekou", "yihe")));
    }

    @Test
    void shouldRefuseCompletingAnotherRolesTaskOrAimingItAtAnotherProject() {
        Map<String, Object> completion = variables("completionDate", "2025-06-30", "actualTotalInvestment", 1,
                "actualEquipmentInvestment", 1, "completionNote", "攻击");
        List<String> notCandidates = businessRoles().stream().filter(r -> !r.equals(FILER) && !r.equals(town)).toList();
        refusedForAll("办理他人任务", notCandidates, REFUSED,
                u -> rest.post(u, "/engine-rest/task/" + completionTask + "/complete", completion));
        refusedForAll("提交系统变量", List.of(FILER, town, ADMIN), Set.of(400),
                u -> rest.post(u, "/engine-rest/task/" + completionTask + "/submit-form",
                        with(completion, "projectId", rejectedLiaocheng)));
        refusedForAll("提交对象变量", List.of(FILER), Set.of(400), u -> rest.post(u,
                "/engine-rest/task/" + completionTask + "/complete", Map.of("variables", Map.of("completionNote",
                        Map.of("type", "Object", "value", "rO0ABXQAAA==", "valueInfo",
                                Map.of("objectTypeName", "java.net.URL", "serializationDataFormat",
                                        "application/x-java-serialized-object"))))));
    }

    @Test
    void shouldRefuseTaskVariablesRenamesBpmnErrorsAndEscalationsToCandidates() {
        List<String> roles = new ArrayList<>(businessRoles());
        refusedForAll("写任务变量", roles, REFUSED, u -> rest.put(u,
                "/engine-rest/task/" + completionTask + "/variables/projectId", Map.of("value", 5, "type", "Long")));
        refusedForAll("修改任务", roles, REFUSED, u -> rest.put(u, "/engine-rest/task/" + completionTask,
                Map.of("name", "改名", "assignee", u)));
        refusedForAll("抛出BPMN错误", roles, REFUSED, u -> rest.post(u, "/engine-rest/task/" + completionTask + "/bpmnError",
                Map.of("errorCode", "any", "variables", Map.of("projectId", Map.of("value", 5)))));
        refusedForAll("抛出升级事件", roles, REFUSED, u -> rest.post(u, "/engine-rest/task/" + completionTask
                + "/bpmnEscalation", Map.of("escalationCode", "any")));
    }

    @Test
    void shouldLeaveJobsToTheEngineAndTheAdministrator() {
        String job = jdbc.sql("select id_ from act_ru_job where process_instance_id_ = :p and handler_type_ <> 'tc-send-mail'")
                .param("p", buildingPi)
                .query(String.class).single();
        refusedForAll("执行作业", businessRoles(), REFUSED, u -> rest.post(u, "/engine-rest/job/" + job + "/execute", Map.of()));
        refusedForAll("修改作业到期", businessRoles(), REFUSED, u -> rest.put(u, "/engine-rest/job/" + job + "/duedate",
                Map.of("duedate", "2020-01-01T00:00:00.000+0800")));
        refusedForAll("删除作业", businessRoles(), REFUSED, u -> rest.delete(u, "/engine-rest/job/" + job));
        allowed("执行作业", ADMIN, 204, u -> rest.post(u, "/engine-rest/job/" + job + "/execute", Map.of()));
    }

    @Test
    void shouldRefuseModificationMessagesAndVariableWrites() {
        refusedForAll("修改流程实例", businessRoles(), REFUSED, u -> rest.post(u,
                "/engine-rest/process-instance/" + paidPi + "/modification", Map.of("skipCustomListeners", true,
                        "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_ApprovePayment")))));
        refusedForAll("发送消息", businessRoles(), REFUSED, u -> rest.post(u, "/engine-rest/message",
                Map.of("messageName", "RecommendationOpened", "processInstanceId", awaitingRoundPi)));
        refusedForAll("写流程变量", businessRoles(), REFUSED, u -> rest.put(u,
                "/engine-rest/process-instance/" + paidPi + "/variables/payeeAccount",
                Map.of("value", "6222000000000000", "type", "String")));
        refusedForAll("删除流程实例", businessRoles(), REFUSED, u -> rest.delete(u, "/engine-rest/process-instance/" + paidPi));
        allowed("写流程变量", ADMIN, 204, u -> rest.put(u, "/engine-rest/process-instance/" + paidPi + "/variables/adminNote",
                Map.of("value", "管理员备注", "type", "String")));
    }

    @Test
    void shouldLeaveThePayeeToTheFilerAndTheBureauAndItsConfirmationToTheBureau() {
        String payee = "/api/projects/" + building + "/payee";
        Map<String, Object> change = Map.of("bankName", "中国农业银行东营分行", "bankAccount", "6228480012349999",
                "reason", "攻击:改为他人账户");
        refusedForAll("变更收款账户", businessRoles().stream().filter(r -> !r.equals(FILER) && !r.equals(BUREAU)).toList(),
                REFUSED, u -> rest.put(u, payee, change));
        long live = jdbc.sql("select id from payee_account where live_project_id = :p").param("p", building)
                .query(Long.class).single();
        refusedForAll("核实收款账户", businessRoles().stream().filter(r -> !r.equals(BUREAU)).toList(), REFUSED,
                u -> rest.post(u, payee + "/confirmation", Map.of("payeeId", live)));
        allowed("核实收款账户", BUREAU, 200, u -> rest.post(u, payee + "/confirmation", Map.of("payeeId", live)));
    }

    @Test
    void shouldKeepRuleTablesFeelOnlyInTheirOwnTenantAndUndeleted() throws Exception {
        String table = Files.readString(Path.of("dmn/hekou/hekou-pipeline.dmn"));
        String juel = table.replaceFirst("<outputEntry id=\"([^\"]+)\"><text>", "<outputEntry id=\"$1\" expressionLanguage=\"juel\"><text>\\${identityService.getClass().getName()}");
        assertThat(juel).contains("juel");
        refusedForAll("部署JUEL规则表", List.of(RULES, ADMIN), Set.of(400), u -> rest.deploy(u, "hekou", "hekou-pipeline.dmn", juel));
        refusedForAll("部署规则表", businessRoles().stream().filter(r -> !r.equals(RULES)).toList(), REFUSED,
                u -> rest.deploy(u, "hekou", "hekou-pipeline.dmn", table));
        refusedForAll("为其他辖区部署", List.of(RULES), REFUSED, u -> rest.deploy(u, "yanzhou", "yanzhou-pipeline.dmn",
                table));
        refusedForAll("部署未知决策", List.of(RULES), REFUSED, u -> rest.deploy(u, "hekou", "other.dmn",
                table.replace("id=\"tc-pool-entry\"", "id=\"tc-something-else\"")));
        String deployment = jdbc.sql("select id_ from act_re_deployment where name_ = 'tc-models-hekou'").query(String.class).list().get(0);
        refusedForAll("删除部署", businessRoles(), REFUSED, u -> rest.delete(u, "/engine-rest/deployment/" + deployment + "?cascade=true"));
        allowed("部署规则表", RULES, 200, u -> rest.deploy(u, "hekou", "hekou-pipeline.dmn",
                table.replace("name=\"tc-pool-entry\"", "name=\"tc-pool-entry\"")));
    }

    @Test
    void shouldLetOnlyTheRuleAdministratorsChangeRulesAndAnotherOfThemOrTheHeadApprove() throws Exception {
        String table = Files.readString(Path.of("dmn/hekou/hekou-pipeline.dmn"));
        List<String> everyone = new ArrayList<>(businessRoles());
        everyone.add(HEAD);
        refusedForAll("预览规则变更", everyone.stream().filter(r -> !r.equals(RULES) && !r.equals(HEAD)).toList(), Set.of(403),
                u -> rest.multipart(u, "/api/rules/hekou/preview", Map.of(), "files", "hekou-pipeline.dmn", table));
        allowed("预览规则变更", RULES, 200, u -> rest.multipart(u, "/api/rules/hekou/preview", Map.of(), "files",
                "hekou-pipeline.dmn", table));
        allowed("预览规则变更", HEAD, 200, u -> rest.multipart(u, "/api/rules/hekou/preview", Map.of(), "files",
                "hekou-pipeline.dmn", table));
        Map<String, String> upload = Map.of("reason", "矩阵测试:规则变更");
        refusedForAll("上传规则变更", everyone.stream().filter(r -> !r.equals(RULES)).toList(), Set.of(403),
                u -> rest.multipart(u, "/api/rules/hekou/changes", upload, "files", "hekou-pipeline.dmn", table));
        Response created = rest.multipart(RULES, "/api/rules/hekou/changes", upload, "files", "hekou-pipeline.dmn", table);
        MATRIX.computeIfAbsent(RULES, k -> new LinkedHashMap<>()).put("上传规则变更", created.status());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long change = created.body().get("id").asLong();
        refusedForAll("查看规则变更", List.of(FILER, OTHER_ENTERPRISE, town, EXPERT, FINANCE, OWNER, OTHER_TENANT), Set.of(403),
                u -> rest.get(u, "/api/rules/hekou/changes"));
        List<String> tableReaders = List.of(RULES, BUREAU, OWNER, AUDITOR);
        refusedForAll("读规则表", everyone.stream().filter(r -> !tableReaders.contains(r)).toList(), Set.of(403),
                u -> rest.get(u, "/api/rules/hekou/tables"));
        refusedForAll("读规则部署记录", everyone.stream().filter(r -> !tableReaders.contains(r)).toList(), Set.of(403),
                u -> rest.get(u, "/api/rules/hekou/history"));
        tableReaders.forEach(r -> allowed("读规则表", r, 200, u -> rest.get(u, "/api/rules/hekou/tables")));
        refusedForAll("启动规则生效流程", everyone, Set.of(400, 403, 404), u -> rest.post(u,
                "/engine-rest/process-definition/key/tc-rule-change/start", variables("ruleChangeId", change,
                        "jurisdiction", "hekou", "activationAt", "2027-01-01T00:00:00.000+0800")));
        // The uploader is refused (四眼原则) like every role that may not approve.
        refusedForAll("审批规则变更", everyone.stream().filter(r -> !r.equals(HEAD)).toList(), Set.of(403),
                u -> rest.post(u, "/api/rules/hekou/changes/" + change + "/approval", Map.of("approve", true, "comment", "同意")));
        allowed("审批规则变更", HEAD, 200,
                u -> rest.post(u, "/api/rules/hekou/changes/" + change + "/approval", Map.of("approve", true, "comment", "同意")));
    }

    @Test
    void shouldShowBottlenecksAndTaskCountsOnlyToTheJurisdictionsWatchersAndNoTaskVariables() {
        List<String> everyone = new ArrayList<>(businessRoles());
        everyone.add(HEAD);
        List<String> watchers = List.of(BUREAU, OWNER, AUDITOR, ADMIN);
        String report = "/api/bottlenecks?jurisdiction=hekou&processDefinitionKey=tc-project";
        refusedForAll("读瓶颈分析", everyone.stream().filter(r -> !watchers.contains(r)).toList(), Set.of(403),
                u -> rest.get(u, report));
        watchers.forEach(r -> allowed("读瓶颈分析", r, 200, u -> rest.get(u, report)));
        // Cockpit's Human Tasks page: open tasks per group, the tenant's only.
        String counts = "/engine-rest/task/report/candidate-group-count";
        refusedForAll("Cockpit 人工任务统计", everyone.stream().filter(r -> !watchers.contains(r) && !r.equals(OTHER_TENANT))
                .toList(), Set.of(403), u -> rest.get(u, counts));
        // Another jurisdiction's bureau counts its own tenant's tasks, none of Hekou's.
        Response theirs = rest.get(OTHER_TENANT, counts);
        allowed("Cockpit 人工任务统计", OTHER_TENANT, 200, u -> theirs);
        assertThat(theirs.body().findValuesAsText("groupName")).noneSatisfy(g -> assertThat(g).startsWith("hekou-"));
        for (String r : List.of(BUREAU, OWNER, AUDITOR)) {
            allowed("Cockpit 人工任务统计", r, 200, u -> rest.get(u, counts));
            Response c = rest.get(r, counts);
            // "null" counts the tasks without a candidate group (an enterprise's, by candidate user).
            assertThat(c.body().findValuesAsText("groupName")).contains("hekou-bureau")
                    .allSatisfy(g -> assertThat(g).matches("hekou-.*|null"));
        }
        // READ on tasks shows no task variable: an open task's variables stay closed to the watchers.
        refusedForAll("读任务变量", List.of(BUREAU, OWNER, AUDITOR), Set.of(403),
                u -> rest.get(u, "/engine-rest/task/" + completionTask + "/variables"));
        assertThat(rest.get(null, "/api/me").status()).isEqualTo(401);
        for (String r : everyone) {
            Response me = rest.get(r, "/api/me");
            allowed("读当前用户", r, 200, u -> me);
            assertThat(me.body().get("jurisdictions").findValuesAsText("code"))
                    .containsExactly(r.equals(OTHER_TENANT) ? "liaocheng" : "hekou");
        }
    }

    @Test
    void shouldShowEachEnterpriseOnlyItsOwnProjectsAndOfferEachUserOnlyItsJurisdictionsToFileIn() {
        List<String> everyone = new ArrayList<>(businessRoles());
        everyone.add(HEAD);
        everyone.add(ADMIN);
        List<String> enterprises = List.of(FILER, OTHER_ENTERPRISE);
        refusedForAll("读我的项目", everyone.stream().filter(r -> !enterprises.contains(r)).toList(), Set.of(403),
                u -> rest.get(u, "/api/my-projects"));
        for (String e : enterprises) {
            Response mine = rest.get(e, "/api/my-projects");
            allowed("读我的项目", e, 200, u -> mine);
            List<Long> filed = jdbc.sql("select id from project where filed_by = :u order by id").param("u", e)
                    .query(Long.class).list();
            List<Long> shown = new ArrayList<>();
            mine.body().get("items").forEach(i -> shown.add(i.get("id").asLong()));
            assertThat(shown).as(e).containsExactlyInAnyOrderElementsOf(filed);
        }
        assertThat(rest.get(null, "/api/my-projects").status()).isEqualTo(401);
        // The filing start form: each user is offered only their own jurisdictions (the administrator all five);
        // whoever may not read the definition is not shown it.
        String form = "/engine-rest/process-definition/key/tc-project/deployed-start-form";
        for (String r : everyone) {
            Response f = rest.get(r, form);
            // 404 to the head, who may not read the definition (reads reports only).
            allowed("读备案表单", r, r.equals(HEAD) ? 404 : 200, u -> f);
            if (f.status() == 200) {
                List<String> offered = new ArrayList<>();
                for (JsonNode c : f.body().get("components")) {
                    if ("jurisdiction".equals(c.path("key").asText())) {
                        c.get("values").forEach(v -> offered.add(v.get("value").asText()));
                    }
                }
                List<String> own = r.equals(ADMIN) ? List.of("hekou", "huanggang", "yanzhou", "jiyuan", "liaocheng")
                        : List.of(r.equals(OTHER_TENANT) ? "liaocheng" : "hekou");
                assertThat(offered).as(r).containsExactlyInAnyOrderElementsOf(own);
            }
        }
    }

    @Test
    void shouldShowTheScoreboardToTheWatchersLetOnlyTheBureauSetTargetsAndTheMetricsToTheAdministrator() {
        List<String> everyone = new ArrayList<>(businessRoles());
        everyone.add(HEAD);
        List<String> watchers = List.of(BUREAU, OWNER, AUDITOR, ADMIN);
        List<String> others = everyone.stream().filter(r -> !watchers.contains(r)).toList();
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("读镇街排序通报", "/api/scoreboard?jurisdiction=hekou&year=2026");
        reads.put("导出镇街排序通报", "/api/scoreboard.xlsx?jurisdiction=hekou&year=2026");
        reads.put("读镇街年度目标", "/api/scoreboard/targets?jurisdiction=hekou&year=2026");
        reads.put("读年度概况", "/api/year-summary?jurisdiction=hekou&year=2026");
        reads.forEach((action, path) -> {
            refusedForAll(action, others, Set.of(403), u -> rest.get(u, path));
            watchers.forEach(r -> allowed(action, r, 200, u -> rest.get(u, path)));
        });
        Map<String, Object> targets = Map.of("source", "测试目标", "targets", List.of(Map.of("unit", "yihe",
                "industrialInvestmentTarget", 100000000, "retrofitInvestmentTarget", 50000000,
                "retrofittingEnterprisesTarget", 3)));
        String put = "/api/scoreboard/targets?jurisdiction=hekou&year=2031";
        refusedForAll("录入镇街年度目标", everyone.stream().filter(r -> !r.equals(BUREAU)).toList(), Set.of(403),
                u -> rest.put(u, put, targets));
        allowed("录入镇街年度目标", BUREAU, 200, u -> rest.put(u, put, targets));
        // The metrics carry every jurisdiction's counts: no business role of any tenant reads them.
        refusedForAll("读运行监控指标", everyone, Set.of(403), u -> rest.get(u, "/actuator/prometheus"));
        allowed("读运行监控指标", ADMIN, 200, u -> rest.get(u, "/actuator/prometheus"));
    }

    @Test
    void shouldShowARoundsAnswersOnlyToItsBureauOwnerAndTheAdministrator() {
        long round = jdbc.sql("select id from review_round where jurisdiction_code = 'hekou' order by id")
                .query(Long.class).list().get(0);
        List<String> others = businessRoles().stream().filter(r -> !r.equals(BUREAU) && !r.equals(OWNER)
                && !r.equals(AUDITOR)).toList();
        refusedForAll("读轮次应答", others, Set.of(404), u -> rest.get(u, "/api/rounds/" + round + "/answers"));
        for (String u : List.of(BUREAU, OWNER, AUDITOR, ADMIN)) {
            allowed("读轮次应答", u, 200, x -> rest.get(x, "/api/rounds/" + round + "/answers"));
        }
    }

    @Test
    void shouldLetOnlyFinanceEnterBudgetsOnlyRulesChangeSchemesAndDatesOnlyTheBureauListEnterprises() {
        Map<String, Object> budget = Map.of("jurisdiction", "hekou", "fundCode", "hekou", "budgetYear", 2031,
                "amount", 20_000_000, "basis", "东财预〔2031〕1号");
        refusedForAll("录入预算", businessRoles().stream().filter(r -> !r.equals(FINANCE)).toList(), Set.of(403),
                u -> rest.post(u, "/api/fund-budgets", budget));
        allowed("录入预算", FINANCE, 201, u -> rest.post(u, "/api/fund-budgets", budget));
        Map<String, Object> change = Map.of("amount", 25_000_000, "basis", "东财预〔2031〕2号", "reason", "追加预算");
        refusedForAll("调整预算", businessRoles().stream().filter(r -> !r.equals(FINANCE)).toList(), Set.of(403),
                u -> rest.put(u, "/api/fund-budgets/hekou/hekou/2031", change));
        allowed("调整预算", FINANCE, 200, u -> rest.put(u, "/api/fund-budgets/hekou/hekou/2031", change));

        Map<String, Object> scheme = new LinkedHashMap<>();
        scheme.put("jurisdiction", "jiyuan");
        scheme.put("scope", "jiyuan");
        scheme.put("year", 2025);
        scheme.put("document", "济工信〔2025〕1号");
        scheme.put("filedOn", "2025-01-10");
        scheme.put("rates", List.of(Map.of("category", "GREEN", "rate", 0.02, "projectCap", 500_000)));
        refusedForAll("备案奖补方案", businessRoles(), Set.of(403),
                u -> rest.post(u, "/api/award-schemes", scheme));
        allowed("备案奖补方案", "jiyuan-rules", 201, u -> rest.post(u, "/api/award-schemes", scheme));
        long schemeId = jdbc.sql("select id from award_scheme where document = '济工信〔2025〕1号'").query(Long.class).single();
        refusedForAll("撤回奖补方案", businessRoles(), REFUSED,
                u -> rest.post(u, "/api/award-schemes/" + schemeId + "/withdrawal", Map.of("reason", "矩阵测试")));

        Map<String, Object> dates = Map.of("policyDate", "APPLICATION_DATE", "lprDate", "APPLICATION_DATE",
                "basis", "矩阵测试");
        refusedForAll("改测算日期", businessRoles().stream().filter(r -> !r.equals(RULES)).toList(), Set.of(403),
                u -> rest.put(u, "/api/quote-date-settings/hekou", dates));

        Map<String, Object> listing = Map.of("jurisdiction", "hekou", "creditCode", "91350100M000100Y43",
                "enterpriseName", "东营市河口区示例化工有限公司", "kind", "CREDIT_SANCTION", "basis", "矩阵测试",
                "fromDate", "2025-01-01");
        refusedForAll("列入信用约束名单", businessRoles().stream().filter(r -> !r.equals(BUREAU)).toList(), Set.of(403),
                u -> rest.post(u, "/api/standing-listings", listing));
        allowed("列入信用约束名单", BUREAU, 201, u -> rest.post(u, "/api/standing-listings", listing));
        long listingId = jdbc.sql("select id from enterprise_standing where basis = '矩阵测试'").query(Long.class).single();
        refusedForAll("解除信用约束", businessRoles().stream().filter(r -> !r.equals(BUREAU)).toList(), REFUSED,
                u -> rest.post(u, "/api/standing-listings/" + listingId + "/lifting", Map.of("reason", "矩阵测试")));

        String budgetForm = "/engine-rest/process-definition/key/tc-fund-budget/tenant-id/hekou/submit-form";
        refusedForAll("预算录入流程", businessRoles().stream().filter(r -> !r.equals(FINANCE)).toList(), REFUSED,
                u -> rest.post(u, budgetForm, variables("fundCode", "hekou", "budgetYear", 2032, "amount", 1_000_000,
                        "basis", "东财预〔2032〕1号")));

        List<String> readers = List.of(FILER, town, BUREAU, FINANCE, OWNER, AUDITOR);
        refusedForAll("读佐证材料", businessRoles().stream().filter(r -> !readers.contains(r)).toList(), REFUSED,
                u -> rest.get(u, "/api/projects/" + building + "/evidence"));
        for (String u : readers) {
            allowed("读佐证材料", u, 200, x -> rest.get(x, "/api/projects/" + building + "/evidence"));
        }
    }

    @Test
    void shouldLetOnlyTheBureauKeepTheExpertPoolAndShowDrawsOnlyToItAndTheOwner() {
        List<String> readers = List.of(BUREAU, OWNER, AUDITOR);
        refusedForAll("读专家库", businessRoles().stream().filter(r -> !readers.contains(r)).toList(), Set.of(403),
                u -> rest.get(u, "/api/expert-pool?jurisdiction=hekou"));
        for (String u : readers) {
            allowed("读专家库", u, 200, x -> rest.get(x, "/api/expert-pool?jurisdiction=hekou"));
        }
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("jurisdiction", "hekou");
        member.put("userId", "hekou-matrix-expert");
        member.put("kind", "EXPERT");
        member.put("displayName", "矩阵测试专家");
        member.put("fields", List.of("DIRECT_SUBSIDY"));
        member.put("employerName", "东营职业学院");
        refusedForAll("增加专家", businessRoles().stream().filter(r -> !r.equals(BUREAU)).toList(), Set.of(403),
                u -> rest.post(u, "/api/expert-pool", member));
        allowed("增加专家", BUREAU, 201, u -> rest.post(u, "/api/expert-pool", member));
        long memberId = jdbc.sql("select id from pool_member where user_id = 'hekou-matrix-expert'").query(Long.class).single();
        refusedForAll("停用专家", businessRoles().stream().filter(r -> !r.equals(BUREAU)).toList(), Set.of(403),
                u -> rest.post(u, "/api/expert-pool/" + memberId + "/deactivate", Map.of("reason", "矩阵测试")));
        refusedForAll("修改专家", businessRoles().stream().filter(r -> !r.equals(BUREAU)).toList(), Set.of(403),
                u -> rest.put(u, "/api/expert-pool/" + memberId, Map.of("displayName", "改名")));

        long round = jdbc.sql("select id from review_round where jurisdiction_code = 'hekou' order by id")
                .query(Long.class).list().get(0);
        refusedForAll("读抽取记录", businessRoles().stream().filter(r -> !readers.contains(r)).toList(), Set.of(404),
                u -> rest.get(u, "/api/rounds/" + round + "/draws"));
        for (String u : readers) {
            allowed("读抽取记录", u, 200, x -> rest.get(x, "/api/rounds/" + round + "/draws"));
        }
    }

    static final AtomicInteger PANEL_SERIAL = new AtomicInteger();

    /**
     * A Hekou project of its own in expert review, of the building demo project's town, in {@code roundId}, its
     * tc-project instance standing at the draw (where the town's recommendation leaves it) and the draw run.
     */
    record PanelProject(long id, String pi) {
    }

    PanelProject panelProject(long roundId, String category, long total) {
        int n = PANEL_SERIAL.incrementAndGet();
        String unit = town.substring("hekou-town-".length());
        BigDecimal investment = BigDecimal.valueOf(total);
        long id = projects.insert(new NewProject("hekou", unit, "东营市河口区矩阵评审" + n + "有限公司",
                CreditCode.withCheckCharacter(String.format("9137050%010d", 880_000 + n)),
                String.format("2089-370503-34-03-%06d", 880_000 + n), "矩阵评审项目" + n, category, investment,
                investment, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, LocalDate.of(2089, 1, 10),
                LocalDate.of(2089, 10, 31)), Stage.IN_PROGRESS, FILER);
        projects.recordCompletion(id, LocalDate.of(2089, 10, 20), investment, investment, BigDecimal.ZERO, BigDecimal.ZERO);
        projects.setRound(id, roundId);
        projects.setStage(id, Stage.EXPERT_REVIEW);
        engine.getIdentityService().setAuthentication(BUREAU, List.of(BUREAU), List.of("hekou"));
        String pi;
        try {
            pi = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                    .execute(ctx -> engine.getRuntimeService().createProcessInstanceByKey(TcProjectProcess.KEY)
                            .startBeforeActivity(TcProjectProcess.Elements.DRAW_PANEL)
                            .setVariables(TcProjectProcess.Vars.PROJECT_ID.entry(id))
                            .setVariables(TcProjectProcess.Vars.ROUND_ID.entry(roundId))
                            .setVariables(TcProjectProcess.Vars.ROUND_YEAR.entry(2090)).execute().getId());
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        projects.setProcessInstance(id, pi);
        runJob(pi, TcProjectProcess.Elements.DRAW_PANEL);
        return new PanelProject(id, pi);
    }

    void runJob(String pi, String activityId) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(pi).activityId(activityId)
                .singleResult();
        assertThat(job).as(activityId).isNotNull();
        engine.getManagementService().executeJob(job.getId());
    }

    List<Task> panelTasks(PanelProject p, String key) {
        return engine.getTaskService().createTaskQuery().taskDefinitionKey(key)
                .processVariableValueEquals(TcProjectProcess.Vars.PROJECT_ID.name(), p.id()).list();
    }

    Task panelTask(PanelProject p, String key) {
        List<Task> found = panelTasks(p, key);
        assertThat(found).as(key).hasSize(1);
        return found.get(0);
    }

    Task scoreTaskOf(PanelProject p, String member) {
        return panelTasks(p, TcPanelProcesses.Elements.SCORE_PROJECT).stream()
                .filter(t -> member.equals(t.getAssignee())).findFirst().orElseThrow();
    }

    /** The members now seated on the project's panel, by seat, with their kind. */
    List<Map<String, Object>> activeSeats(PanelProject p) {
        return jdbc.sql("select seat_no, member_user_id, member_kind from panel_seat where project_id = :p"
                + " and status = 'ACTIVE' order by seat_no").param("p", p.id()).query().listOfRows();
    }

    static Map<String, Object> sheet(int score) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("conflictDeclaration", Map.of("value", "NO_CONFLICT"));
        for (String c : List.of("INVESTMENT", "TECHNOLOGY", "ECONOMIC", "SOCIAL")) {
            vars.put("score_" + c, Map.of("value", score));
            vars.put("comment_" + c, Map.of("value", "矩阵评分"));
        }
        vars.put("opinion", Map.of("value", "RECOMMEND"));
        vars.put("overallComment", Map.of("value", "矩阵评分"));
        return Map.of("variables", vars);
    }

    @Test
    void shouldLeaveThePanelsTasksToTheirMemberTheLeadAndTheBureauAndItsProgressToTheBureau() {
        // A member the pool's matrix row added (with a random password) may be drawn: it signs in like the demo's.
        for (String u : jdbc.sql("select user_id from pool_member where jurisdiction_code = 'hekou'")
                .query(String.class).list()) {
            if (!u.matches("hekou-expert-\\d+")) {
                org.camunda.bpm.engine.identity.User user = engine.getIdentityService().createUserQuery().userId(u)
                        .singleResult();
                user.setPassword(u);
                engine.getIdentityService().saveUser(user);
            }
        }
        int year = 2090 + PANEL_SERIAL.incrementAndGet();
        jdbc.sql("""
                insert into review_round (jurisdiction_code, round_year, recommendation_deadline, completed_before,
                    status, opened_by, opened_at)
                values ('hekou', :y, :deadline, :before, 'REVIEW', 'test', current_timestamp)""")
                .param("y", year).param("deadline", LocalDate.of(year, 11, 30)).param("before", LocalDate.of(year, 1, 1))
                .update();
        long round = jdbc.sql("select id from review_round where jurisdiction_code = 'hekou' and round_year = :y")
                .param("y", year).query(Long.class).single();
        PanelProject scoring = panelProject(round, "DIRECT_SUBSIDY", 12_000_000);
        List<Map<String, Object>> seated = activeSeats(scoring);
        assertThat(seated).hasSize(3);
        List<String> experts = seated.stream().filter(r -> "EXPERT".equals(r.get("member_kind")))
                .map(r -> (String) r.get("member_user_id")).toList();
        String nonExpert = seated.stream().filter(r -> !"EXPERT".equals(r.get("member_kind")))
                .map(r -> (String) r.get("member_user_id")).findFirst().orElseThrow();
        String late = experts.get(0);
        String otherExpert = experts.get(1);

        // A member's scoring task: nobody else hands it in, another expert of the same panel included.
        Task lateTask = scoreTaskOf(scoring, late);
        refusedForAll("办理他人评分任务", List.of(otherExpert, FILER, town, OWNER), REFUSED,
                u -> rest.post(u, "/engine-rest/task/" + lateTask.getId() + "/submit-form", sheet(95)));

        // Past the due time the bureau replaces the late member: only the bureau.
        Job overdue = engine.getManagementService().createJobQuery().processInstanceId(lateTask.getProcessInstanceId())
                .timers().singleResult();
        EngineClock.moveTo(overdue.getDuedate().toInstant().plus(Duration.ofHours(1)));
        try {
            engine.getManagementService().executeJob(overdue.getId());
        } finally {
            EngineClock.reset();
        }
        Task replace = panelTask(scoring, TcPanelProcesses.Elements.REPLACE_OVERDUE_REVIEWER);
        refusedForAll("更换逾期评审成员", List.of(late, EXPERT, FILER, town), REFUSED,
                u -> rest.post(u, "/engine-rest/task/" + replace.getId() + "/submit-form",
                        variables("replaceReason", "矩阵测试:逾期")));

        // The non-expert's seat: the member and every reserve that fits step aside; the bureau draws more.
        String stepping = nonExpert;
        for (int i = 0; i < 4 && stepping != null; i++) {
            Response stepped = rest.post(stepping, "/engine-rest/task/" + scoreTaskOf(scoring, stepping).getId()
                    + "/submit-form", variables("conflictDeclaration", "CONFLICT", "conflictReason", "矩阵测试:回避"));
            assertThat(stepped.status()).as(stepped.text()).isEqualTo(204);
            stepping = activeSeats(scoring).stream().filter(r -> !"EXPERT".equals(r.get("member_kind")))
                    .map(r -> (String) r.get("member_user_id")).findFirst().orElse(null);
        }
        assertThat(stepping).as("the reserves ran out").isNull();
        Task drawMore = panelTask(scoring, TcPanelProcesses.Elements.DRAW_MORE_REVIEWERS);
        refusedForAll("补充抽取候补", List.of(otherExpert, EXPERT, FILER, town), REFUSED,
                u -> rest.post(u, "/engine-rest/task/" + drawMore.getId() + "/submit-form",
                        variables("drawReason", "矩阵测试:补充抽取")));

        // A pool too short for the draw: 贷款贴息 is reviewed by two of the three demo experts, 25,000,000 needs three.
        PanelProject shortPool = panelProject(round, "LOAN_INTEREST", 25_000_000);
        Task resolve = panelTask(shortPool, TcProjectProcess.Elements.RESOLVE_PANEL_SHORTAGE);
        refusedForAll("处理专家库不足", List.of(EXPERT, FILER, town), REFUSED,
                u -> rest.post(u, "/engine-rest/task/" + resolve.getId() + "/submit-form",
                        variables("drawReason", "矩阵测试:已补充")));

        // Scores far apart: the consensus task is the lead's (the first drawn expert) alone.
        PanelProject apart = panelProject(round, "DIRECT_SUBSIDY", 12_000_000);
        int[] totals = {90, 85, 60};
        List<Map<String, Object>> members = activeSeats(apart);
        for (int i = 0; i < members.size(); i++) {
            String member = (String) members.get(i).get("member_user_id");
            int total = totals[i];
            allowed("提交本人评分", member, 204, u -> rest.post(u, "/engine-rest/task/"
                    + scoreTaskOf(apart, u).getId() + "/submit-form", sheet(total)));
        }
        // Each seat's end may be a job of its own (asyncAfter on the seats' loop); then the aggregate's.
        for (Job seatEnd : engine.getManagementService().createJobQuery().processInstanceId(apart.pi())
                .activityId(TcProjectProcess.Elements.PANEL_SEATS).list()) {
            engine.getManagementService().executeJob(seatEnd.getId());
        }
        runJob(apart.pi(), TcProjectProcess.Elements.AGGREGATE_PANEL);
        Task consensus = panelTask(apart, TcProjectProcess.Elements.REACH_CONSENSUS);
        String lead = jdbc.sql("select member_user_id from panel_seat where project_id = :p and member_kind = 'EXPERT'"
                + " and status = 'SCORED' order by id").param("p", apart.id()).query(String.class).list().get(0);
        assertThat(consensus.getAssignee()).isEqualTo(lead);
        List<String> notLead = new ArrayList<>(members.stream().map(r -> (String) r.get("member_user_id"))
                .filter(m -> !m.equals(lead)).toList());
        if (!notLead.contains(EXPERT) && !EXPERT.equals(lead)) {
            notLead.add(EXPERT);
        }
        refusedForAll("非组长记录合议", notLead, REFUSED,
                u -> rest.post(u, "/engine-rest/task/" + consensus.getId() + "/submit-form",
                        variables("agreedScore", 99, "agreedReason", "矩阵测试:越权合议")));

        // The panel's progress (who sits, who is late) is the bureau's and the owner's; nobody else's.
        refusedForAll("读评审小组进度", List.of(FILER, OTHER_ENTERPRISE, town, EXPERT, late, FINANCE, OTHER_TENANT),
                Set.of(404), u -> rest.get(u, "/api/rounds/" + round + "/panels/" + scoring.id()));
        for (String u : List.of(BUREAU, OWNER, ADMIN)) {
            allowed("读评审小组进度", u, 200, x -> rest.get(x, "/api/rounds/" + round + "/panels/" + scoring.id()));
        }
    }

    @Test
    void shouldKeepTheHolidayCalendarTheObjectionChannelAndTheListExportsToTheirOwners() {
        // The holiday calendar is the administrator's: every business role is refused, the calendar unchanged.
        Map<String, Object> holiday = Map.of("name", "矩阵测试假日", "workday", false, "basis", "矩阵测试");
        refusedForAll("维护节假日安排", businessRoles(), Set.of(403),
                u -> rest.put(u, "/api/public-holidays/2031-01-06", holiday));
        refusedForAll("删除节假日安排", businessRoles(), Set.of(403),
                u -> rest.delete(u, "/api/public-holidays/2024-10-01"));
        // The objection channel is the jurisdiction's bureau's (and the administrator's).
        Map<String, Object> channel = Map.of("acceptingUnit", "矩阵测试单位", "address", "矩阵测试地址", "phone", "0546-0000000",
                "mailbox", "matrix@example.test", "requirements", "矩阵测试", "basis", "矩阵测试");
        refusedForAll("修改异议受理方式", businessRoles().stream().filter(r -> !r.equals(BUREAU)).toList(), Set.of(403),
                u -> rest.put(u, "/api/objection-channels/hekou", channel));
        // The ranked list's exports are the round's bureau's, its owner's and the administrator's.
        long round = jdbc.sql("select id from review_round where jurisdiction_code = 'hekou' order by round_year limit 1")
                .query(Long.class).single();
        for (String format : List.of("csv", "xlsx")) {
            String path = "/api/rounds/" + round + "/proposed-list." + format;
            refusedForAll("导出拟扶持名单 " + format, List.of(FILER, OTHER_ENTERPRISE, town, EXPERT, FINANCE, RULES,
                    OTHER_TENANT), Set.of(404), u -> rest.get(u, path));
            for (String u : List.of(BUREAU, OWNER, ADMIN)) {
                allowed("导出拟扶持名单 " + format, u, 200, x -> rest.get(x, path));
            }
        }
        // The live budget line is the round's bureau's, owner's and administrator's; moving across it, the bureau's.
        refusedForAll("读预算线", List.of(FILER, OTHER_ENTERPRISE, town, EXPERT, FINANCE, RULES, OTHER_TENANT), Set.of(404),
                u -> rest.get(u, "/api/rounds/" + round + "/budget-line"));
        long ranked = jdbc.sql("select id from project where round_id = :r order by id limit 1").param("r", round)
                .query(Long.class).single();
        refusedForAll("调整预算线", List.of(FILER, OTHER_ENTERPRISE, town, EXPERT, FINANCE, RULES, OWNER, OTHER_TENANT),
                Set.of(403), u -> rest.post(u, "/api/rounds/" + round + "/budget-line/moves",
                        Map.of("projectId", ranked, "direction", "OUT", "reason", "矩阵测试")));
        // A project's payment orders: bureau, finance, owner, administrator.
        long paid = jdbc.sql("select project_id from payment_order where project_id in (select id from project"
                + " where jurisdiction_code = 'hekou') order by id limit 1").query(Long.class).single();
        refusedForAll("读拨付单", List.of(FILER, OTHER_ENTERPRISE, town, EXPERT, RULES, OTHER_TENANT), Set.of(403, 404),
                u -> rest.get(u, "/api/projects/" + paid + "/payments"));
        for (String u : List.of(BUREAU, FINANCE, OWNER, ADMIN)) {
            allowed("读拨付单", u, 200, x -> rest.get(x, "/api/projects/" + paid + "/payments"));
        }
        // The jurisdiction's outbox (it names objectors and experts): the bureau and the administrator.
        refusedForAll("读发件箱", List.of(FILER, OTHER_ENTERPRISE, town, EXPERT, FINANCE, RULES, OWNER, AUDITOR, OTHER_TENANT),
                Set.of(404), u -> rest.get(u, "/api/mail-outbox?jurisdiction=hekou"));
        for (String u : List.of(BUREAU, ADMIN)) {
            allowed("读发件箱", u, 200, x -> rest.get(x, "/api/mail-outbox?jurisdiction=hekou"));
        }
        int year = jdbc.sql("select round_year from review_round where id = :r").param("r", round).query(Integer.class)
                .single();
        String before = snapshot();
        Response published = rest.get(null, "/api/public/notices?jurisdiction=hekou&year=" + year);
        assertThat(published.status()).as("the published list needs no login").isEqualTo(200);
        assertThat(snapshot()).isEqualTo(before);
    }

    /**
     * The objections, the return for correction and the follow-up: their processes are the system's to start and
     * their messages the system's to send; an objection is filed only by the bureau (written) or another enterprise
     * (online) and read in full only by the bureau; the follow-up is read by the jurisdiction's readers and the filer.
     */
    @Test
    void shouldKeepObjectionsCorrectionsAndTheFollowUpToTheirRoles() {
        for (String key : List.of("tc-objection", "tc-correction", "tc-follow-up", "tc-follow-up-report")) {
            refusedForAll("发起" + key, businessRoles(), Set.of(400, 403, 404), u -> rest.post(u,
                    "/engine-rest/process-definition/key/" + key + "/start", Map.of("variables", variables(
                            "projectId", building, "objectionId", 1, "reporter", FILER))));
        }
        refusedForAll("发送异议核结消息", businessRoles(), REFUSED, u -> rest.post(u, "/engine-rest/message",
                Map.of("messageName", "ObjectionsSettled", "processInstanceId", paidPi)));
        long paid = jdbc.sql("select id from project where process_instance_id = :p").param("p", paidPi)
                .query(Long.class).single();
        // Filing an objection online against a project: an enterprise's (not its own project's); everyone else is
        // refused whatever the project's stage, and nothing is written.
        Map<String, Object> online = Map.of("objectorName", "矩阵异议人", "idType", "RESIDENT_ID",
                "idNumber", "370503199001011234", "contact", "13800000009", "grounds", "矩阵测试:申报材料不实");
        refusedForAll("网上提交异议", List.of(town, EXPERT, FINANCE, RULES, OWNER, AUDITOR, OTHER_TENANT),
                Set.of(400, 403, 404), u -> rest.post(u, "/api/projects/" + paid + "/objections", online));
        refusedForAll("读异议", List.of(OTHER_TENANT, OTHER_ENTERPRISE), Set.of(403, 404),
                u -> rest.get(u, "/api/projects/" + paid + "/objections"));
        allowed("读异议", BUREAU, 200, u -> rest.get(u, "/api/projects/" + paid + "/objections"));
        // The follow-up (targets, reports, evaluations, clawbacks): the jurisdiction's readers and the administrator.
        refusedForAll("读绩效跟踪", List.of(OTHER_ENTERPRISE, EXPERT, RULES, OTHER_TENANT), Set.of(403, 404),
                u -> rest.get(u, "/api/projects/" + paid + "/follow-up"));
        for (String u : List.of(BUREAU, FINANCE, OWNER, AUDITOR, ADMIN)) {
            allowed("读绩效跟踪", u, 200, x -> rest.get(x, "/api/projects/" + paid + "/follow-up"));
        }
    }

    @Test
    void shouldShowNothingOfAnotherJurisdiction() {
        for (String u : businessRoles().stream().filter(r -> !r.equals(OTHER_TENANT)).toList()) {
            Response instances = rest.get(u, "/engine-rest/process-instance?processInstanceIds=" + rejectedLiaochengPi);
            Response history = rest.get(u, "/engine-rest/history/process-instance?processInstanceId=" + rejectedLiaochengPi);
            Response project = rest.get(u, "/api/projects/" + rejectedLiaocheng);
            MATRIX.computeIfAbsent(u, k -> new LinkedHashMap<>()).put("读其他辖区", project.status());
            assertThat(instances.status()).isEqualTo(200);
            assertThat(instances.body()).as(u).isEmpty();
            assertThat(history.body()).as(u).isEmpty();
            assertThat(project.status()).as(u).isEqualTo(404);
        }
        assertThat(rest.get(ADMIN, "/api/projects/" + rejectedLiaocheng).status()).isEqualTo(200);
    }

    @Test
    void shouldKeepSensitiveValuesOutOfTheEngineHistory() {
        assertThat(jdbc.sql("select count(*) from payment where payee_account is not null").query(Long.class).single())
                .as("the app keeps the payee account").isPositive();
        for (String name : List.of("payeeAccount", "bankAccount", "loanBankAccount", "paymentVoucherNo")) {
            assertThat(jdbc.sql("select count(*) from act_hi_varinst where name_ = :n").param("n", name).query(Long.class).single())
                    .as(name + " in ACT_HI_VARINST").isZero();
            assertThat(jdbc.sql("select count(*) from act_hi_detail where name_ = :n").param("n", name).query(Long.class).single())
                    .as(name + " in ACT_HI_DETAIL").isZero();
            assertThat(jdbc.sql("select count(*) from act_ru_variable where name_ = :n").param("n", name).query(Long.class).single())
                    .as(name + " in ACT_RU_VARIABLE").isZero();
            List<String> roles = new ArrayList<>(businessRoles());
            roles.add(ADMIN);
            for (String u : roles) {
                Response r = rest.get(u, "/engine-rest/history/variable-instance?variableName=" + name);
                MATRIX.computeIfAbsent(u, k -> new LinkedHashMap<>()).put("历史中读敏感值", r.body() == null ? r.status() : r.body().size());
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body()).as(u).isEmpty();
                JsonNode details = rest.get(u, "/engine-rest/history/detail?processInstanceId=" + paidPi).body();
                for (JsonNode d : details) {
                    assertThat(d.path("variableName").asText()).as(u).isNotEqualTo(name);
                }
            }
        }
    }

    @Test
    void shouldRefuseTheSameAttacksThroughTheWebappsEngineApi() {
        WebappSession filer = WebappSession.signIn(port, FILER);
        WebappSession bureau = WebappSession.signIn(port, BUREAU);
        String job = jdbc.sql("select id_ from act_ru_job where process_instance_id_ = :p and handler_type_ <> 'tc-send-mail'")
                .param("p", buildingPi)
                .query(String.class).single();
        String before = snapshot();
        Response aimed = filer.post("/task/" + completionTask + "/submit-form", with(variables("completionDate",
                "2025-06-30", "actualTotalInvestment", 1, "actualEquipmentInvestment", 1), "projectId", rejectedLiaocheng));
        assertThat(aimed.status()).as(aimed.text()).isEqualTo(400);
        assertThat(aimed.body().get("message").asText()).contains("projectId");
        Map<String, Response> refused = new LinkedHashMap<>();
        refused.put("抛出BPMN错误", filer.post("/task/" + completionTask + "/bpmnError", Map.of("errorCode", "any")));
        refused.put("执行作业", bureau.post("/job/" + job + "/execute", Map.of()));
        refused.put("修改流程实例", bureau.post("/process-instance/" + paidPi + "/modification", Map.of("instructions",
                List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_ApprovePayment")))));
        refused.put("发送消息", bureau.post("/message", Map.of("messageName", "RecommendationOpened",
                "processInstanceId", awaitingRoundPi)));
        refused.put("写流程变量", bureau.put("/process-instance/" + paidPi + "/variables/payeeAccount",
                Map.of("value", "6222000000000000", "type", "String")));
        refused.forEach((action, r) -> {
            assertThat(r.status()).as(action + " through the webapps: " + r.text()).isEqualTo(403);
            assertThat(r.body().get("message").asText()).as("refused by the command guard, not by CSRF").contains("只有系统管理员");
        });
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void shouldLeaveTheMigrationOfRunningInstancesToTheAdministrator() {
        List<String> everyone = new ArrayList<>(businessRoles());
        everyone.add(HEAD);
        int latest = jdbc.sql("select max(version_) from act_re_procdef where key_ = 'tc-project'").query(Integer.class)
                .single();
        Map<String, Object> dryRun = Map.of("sourceVersion", latest, "dryRun", true);
        refusedForAll("预览流程迁移", everyone, Set.of(403), u -> rest.post(u, "/api/admin/migrations/tc-project", dryRun));
        refusedForAll("迁移流程实例", everyone, Set.of(403), u -> rest.post(u, "/api/admin/migrations/tc-annual-round",
                Map.of("sourceVersion", 1, "tenant", "hekou")));
        // The demo deploys one version of each model: the administrator passes the gate and is told there is none older.
        Response admin = rest.post(ADMIN, "/api/admin/migrations/tc-project", dryRun);
        allowed("预览流程迁移", ADMIN, 400, u -> admin);
        assertThat(admin.body().get("errors").get("sourceVersion").asText()).contains("已是最新版本");

        // The engine's own migration API: a plan onto the same definition, for the project being built.
        String definition = jdbc.sql("select proc_def_id_ from act_ru_execution where id_ = :p").param("p", buildingPi)
                .query(String.class).single();
        Map<String, Object> body = Map.of("processInstanceIds", List.of(buildingPi), "migrationPlan", Map.of(
                "sourceProcessDefinitionId", definition, "targetProcessDefinitionId", definition,
                "instructions", List.of(Map.of("sourceActivityIds", List.of("Task_ReportCompletion"),
                        "targetActivityIds", List.of("Task_ReportCompletion")))));
        refusedForAll("引擎迁移接口", everyone, Set.of(403), u -> rest.post(u, "/engine-rest/migration/execute", body));
        refusedForAll("引擎批量迁移接口", everyone, Set.of(403), u -> rest.post(u, "/engine-rest/migration/executeAsync", body));
    }

    @AfterAll
    static void printMatrix() {
        StringBuilder out = new StringBuilder("\nRole × action (HTTP status; history column: values readable)\n");
        MATRIX.forEach((role, cells) -> out.append(String.format("%-22s %s%n", role, cells)));
        System.out.println(out);
    }
}
