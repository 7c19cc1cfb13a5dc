package cn.tcsubsidy.application;

import static cn.tcsubsidy.support.Rest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.engine.guard.SensitiveVariables;
import cn.tcsubsidy.support.Logins;
import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.Rest.FilePart;
import cn.tcsubsidy.support.Rest.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The auditor (审计监督, {@code hekou-auditor}) over HTTP against the demo data: reads every project of Hekou with its
 * history (payment vouchers, the payee masked), the ledger (fund budgets, schemes, the ranked list), the rounds'
 * answers, draws and panels, the expert pool and the standing list, and inspects the engine (instances, their
 * variables and tasks, the history of instances, tasks, variables and decisions) in Cockpit and through
 * {@code /engine-rest}; sees nothing of Liaocheng; every write it tries is refused (403/404, never 500) and leaves
 * the app's tables and the engine's runtime state as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-auditor;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=true",
    "camunda.bpm.job-execution.enabled=false"})
class AuditorAccessH2Test {

    static final String AUDITOR = "hekou-auditor";
    static final String BUREAU = "hekou-bureau";
    static final Set<Integer> REFUSED = Set.of(403, 404);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    Rest rest;

    long paid;
    String paidPi;
    long building;
    String buildingPi;
    String completionTask;
    long hekouRound;
    long liaochengProject;
    String liaochengPi;
    long liaochengRound;

    @BeforeEach
    void findDemoProjects() {
        rest = new Rest(port);
        Map<String, Object> p = jdbc.sql("select id, process_instance_id from project where jurisdiction_code = 'hekou'"
                + " and stage = 'FOLLOW_UP' order by id").query().listOfRows().get(0);
        paid = ((Number) p.get("id")).longValue();
        paidPi = (String) p.get("process_instance_id");
        Map<String, Object> b = jdbc.sql("select id, process_instance_id from project where jurisdiction_code = 'hekou'"
                + " and stage = 'IN_PROGRESS' order by id").query().listOfRows().get(0);
        building = ((Number) b.get("id")).longValue();
        buildingPi = (String) b.get("process_instance_id");
        completionTask = jdbc.sql("select id_ from act_ru_task where proc_inst_id_ = :p and task_def_key_ = 'Task_ReportCompletion'")
                .param("p", buildingPi).query(String.class).single();
        hekouRound = jdbc.sql("select id from review_round where jurisdiction_code = 'hekou' order by round_year")
                .query(Long.class).list().get(0);
        Map<String, Object> l = jdbc.sql("select id, process_instance_id from project where jurisdiction_code = 'liaocheng'"
                + " and stage = 'FOLLOW_UP' order by id").query().listOfRows().get(0);
        liaochengProject = ((Number) l.get("id")).longValue();
        liaochengPi = (String) l.get("process_instance_id");
        liaochengRound = jdbc.sql("select id from review_round where jurisdiction_code = 'liaocheng' order by round_year")
                .query(Long.class).list().get(0);
    }

    /**
     * The paid project's follow-up (tc-follow-up) at the bureau's evaluation: past the report's day (the clock moved
     * for the timer and the report only), the filing user reported its results.
     */
    String paidFollowUpAtEvaluation() {
        String followUp = runtime.createProcessInstanceQuery().superProcessInstanceId(paidPi).singleResult().getId();
        if (jdbc.sql("select count(*) from act_ru_task where proc_inst_id_ = :p").param("p", followUp).query(Long.class)
                .single() == 0) {
            org.camunda.bpm.engine.runtime.Job timer = management.createJobQuery().processInstanceId(followUp)
                    .activityId("Event_ReportPeriodOver").singleResult();
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(timer.getDuedate().getTime() + 3_600_000));
            try {
                management.executeJob(timer.getId());
                String report = runtime.createProcessInstanceQuery().superProcessInstanceId(followUp).singleResult().getId();
                Map<String, Object> task = jdbc.sql("select id_, assignee_ from act_ru_task where proc_inst_id_ = :p"
                        + " and task_def_key_ = 'Task_ReportResults'").param("p", report).query().singleRow();
                Response r = rest.post((String) task.get("assignee_"), "/engine-rest/task/" + task.get("id_") + "/complete",
                        cn.tcsubsidy.support.Rest.variables("resultOutputValue", 1_000_000, "resultTax", 50_000,
                                "resultNewJobs", 5, "resultInvestmentCompletionRate", 100, "reportNote", "已达产"));
                assertThat(r.status()).as(r.text()).isEqualTo(204);
            } finally {
                org.camunda.bpm.engine.impl.util.ClockUtil.reset();
            }
        }
        return followUp;
    }

    Response ok(String path) {
        Response r = rest.get(AUDITOR, path);
        assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(200);
        return r;
    }

    @Test
    void shouldReadEveryProjectOfItsJurisdictionWithHistoryVouchersAndThePayeeMasked() {
        long hekou = jdbc.sql("select count(*) from project where jurisdiction_code = 'hekou'").query(Long.class).single();
        assertThat(hekou).isGreaterThanOrEqualTo(5);
        assertThat(ok("/api/projects?jurisdiction=hekou&size=100").body().get("total").asLong()).isEqualTo(hekou);
        assertThat(ok("/api/projects?size=100").body().get("total").asLong()).as("all it reads is Hekou's").isEqualTo(hekou);

        String voucher = jdbc.sql("select voucher_no from payment where project_id = :p").param("p", paid)
                .query(String.class).single();
        String account = jdbc.sql("select payee_account from payment where project_id = :p").param("p", paid)
                .query(String.class).single();
        Response project = ok("/api/projects/" + paid);
        JsonNode history = project.body().get("history");
        assertThat(history.findValuesAsText("action")).contains("FILED", "RECOMMENDED", "PAID", "PAYEE_CONFIRMED");
        String paidSummary = history.findParents("action").stream().filter(e -> "PAID".equals(e.get("action").asText()))
                .findFirst().orElseThrow().get("summary").asText();
        assertThat(paidSummary).as("the auditor checks each payment against its voucher").contains("凭证号 " + voucher);
        assertThat(project.body().at("/payee/accountTail").asText()).isEqualTo(account.substring(account.length() - 4));
        assertThat(project.body().at("/payee/payee").isMissingNode()).as("the payee masked, not the record").isTrue();
        assertThat(project.text()).doesNotContain(account);
        assertThat(project.body().at("/project/expertScore").isMissingNode()).isFalse();
        // The enterprise reads the same project without the voucher; the bureau with the payee in full.
        assertThat(rest.get("hekou-ent-1", "/api/projects/" + paid).text()).doesNotContain(voucher);
        assertThat(rest.get(BUREAU, "/api/projects/" + paid).text()).contains(account);

        ok("/api/projects/" + building);
        assertThat(ok("/api/projects/" + building + "/evidence").body().has("items")).isTrue();

        // Liaocheng's projects do not exist for Hekou's auditor.
        assertThat(rest.get(AUDITOR, "/api/projects/" + liaochengProject).status()).isEqualTo(404);
        assertThat(rest.get(AUDITOR, "/api/projects/" + liaochengProject + "/evidence").status()).isEqualTo(404);
        assertThat(ok("/api/projects?jurisdiction=liaocheng").body().get("total").asLong()).isZero();
    }

    @Test
    void shouldReadTheLedgerTheRoundsTheDrawsThePanelsAndThePool() {
        JsonNode budgets = ok("/api/fund-budgets?jurisdiction=hekou").body();
        assertThat(budgets.get("budgets")).isNotEmpty();
        assertThat(budgets.get("funds")).isNotEmpty();
        // Hekou's categories take no annual scheme (only Huanggang's and Jiyuan's do): the list is read, and empty.
        assertThat(ok("/api/award-schemes?jurisdiction=hekou").body().get("schemes").isArray()).isTrue();
        assertThat(ok("/api/rounds/" + hekouRound + "/answers?step=QUOTE_AWARD").body().get("steps")).isNotEmpty();
        assertThat(ok("/api/rounds/" + hekouRound + "/draws").body()).isNotEmpty();
        JsonNode panels = ok("/api/rounds/" + hekouRound + "/panels").body();
        assertThat(panels).isNotEmpty();
        JsonNode panel = ok("/api/rounds/" + hekouRound + "/panels/" + paid).body();
        assertThat(panel.get("closed").asBoolean()).isTrue();
        assertThat(panel.get("seats")).isNotEmpty();
        assertThat(ok("/api/rounds/" + hekouRound + "/proposed-list.csv").text()).isNotBlank();
        assertThat(ok("/api/rounds/" + hekouRound + "/proposed-list.xlsx").text()).isNotEmpty();
        assertThat(ok("/api/expert-pool?jurisdiction=hekou").body()).isNotEmpty();
        long member = jdbc.sql("select id from pool_member where jurisdiction_code = 'hekou' order by id")
                .query(Long.class).list().get(0);
        ok("/api/expert-pool/" + member);
        assertThat(ok("/api/standing-listings?jurisdiction=hekou").body().isArray()).isTrue();
        ok("/api/quote-date-settings/hekou");
        ok("/api/objection-channels/hekou");
        ok("/api/public-holidays?year=2025");

        // Another jurisdiction's ledger, rounds and pool: refused, or as if absent.
        Map<String, Integer> other = new LinkedHashMap<>();
        for (String path : List.of("/api/fund-budgets?jurisdiction=liaocheng", "/api/award-schemes?jurisdiction=jiyuan",
                "/api/expert-pool?jurisdiction=liaocheng", "/api/standing-listings?jurisdiction=liaocheng",
                "/api/quote-date-settings/liaocheng", "/api/objection-channels/liaocheng",
                "/api/rounds/" + liaochengRound + "/answers", "/api/rounds/" + liaochengRound + "/draws",
                "/api/rounds/" + liaochengRound + "/panels", "/api/rounds/" + liaochengRound + "/panels/" + liaochengProject,
                "/api/rounds/" + liaochengRound + "/proposed-list.csv")) {
            other.put(path, rest.get(AUDITOR, path).status());
        }
        assertThat(other).allSatisfy((path, status) -> assertThat(REFUSED).as(path).contains(status));
    }

    @Test
    void shouldInspectItsTenantInCockpitAndThroughTheEngineRestApiButNotWorkInTasklist() {
        Logins logins = new Logins(port);
        assertThat(logins.webappLogin("cockpit", AUDITOR, AUDITOR, null).status()).isEqualTo(200);
        assertThat(logins.webappLogin("tasklist", AUDITOR, AUDITOR, null).status()).as("no Tasklist").isEqualTo(403);
        assertThat(logins.webappLogin("admin", AUDITOR, AUDITOR, null).status()).isEqualTo(403);

        assertThat(ok("/engine-rest/process-definition?tenantIdIn=hekou").body()).isNotEmpty();
        assertThat(ok("/engine-rest/decision-definition?tenantIdIn=hekou").body()).isNotEmpty();
        assertThat(ok("/engine-rest/deployment?tenantIdIn=hekou").body()).isNotEmpty();
        assertThat(ok("/engine-rest/process-instance?processInstanceIds=" + paidPi).body()).hasSize(1);
        assertThat(ok("/engine-rest/process-instance/" + paidPi + "/variables").body().has("projectId")).isTrue();
        assertThat(ok("/engine-rest/task?processInstanceId=" + buildingPi).body()).hasSize(1);
        assertThat(ok("/engine-rest/history/process-instance?processInstanceId=" + paidPi).body()).hasSize(1);
        JsonNode tasks = ok("/engine-rest/history/task?processInstanceId=" + paidPi).body();
        assertThat(tasks.findValuesAsText("taskDefinitionKey")).contains("Task_ApprovePayment");
        JsonNode vars = ok("/engine-rest/history/variable-instance?processInstanceId=" + paidPi).body();
        assertThat(vars.findValuesAsText("name")).contains("projectId")
                .noneMatch(SensitiveVariables::isSensitive);
        assertThat(ok("/engine-rest/history/detail?processInstanceId=" + paidPi).body()).isNotEmpty();
        assertThat(ok("/engine-rest/history/activity-instance?processInstanceId=" + paidPi).body()).isNotEmpty();
        assertThat(ok("/engine-rest/history/decision-instance?tenantIdIn=hekou").body()).isNotEmpty();
        for (String name : SensitiveVariables.NAMES) {
            assertThat(ok("/engine-rest/history/variable-instance?variableName=" + name).body()).as(name).isEmpty();
        }

        // Nothing of Liaocheng's, neither running nor in history.
        for (String path : List.of("/engine-rest/process-instance?processInstanceIds=" + liaochengPi,
                "/engine-rest/history/process-instance?processInstanceId=" + liaochengPi,
                "/engine-rest/history/task?processInstanceId=" + liaochengPi,
                "/engine-rest/history/variable-instance?processInstanceId=" + liaochengPi,
                "/engine-rest/history/detail?processInstanceId=" + liaochengPi,
                "/engine-rest/task?processInstanceId=" + jdbc.sql("select proc_inst_id_ from act_ru_task t join project p"
                        + " on p.process_instance_id = t.proc_inst_id_ where p.jurisdiction_code = 'liaocheng'")
                        .query(String.class).list().get(0),
                "/engine-rest/history/decision-instance?tenantIdIn=liaocheng",
                "/engine-rest/process-definition?tenantIdIn=liaocheng",
                "/engine-rest/deployment?tenantIdIn=liaocheng")) {
            assertThat(ok(path).body()).as(path).isEmpty();
        }
        assertThat(REFUSED).contains(rest.get(AUDITOR, "/engine-rest/process-instance/" + liaochengPi + "/variables").status());
    }

    /** What a refused write must leave as it was: the app's records and the engine's runtime state. */
    String snapshot() {
        return cn.tcsubsidy.support.RecordSnapshot.of(jdbc, "select id_, annotation_ from act_hi_op_log order by id_", "select count(*) from act_hi_decinst");
    }

    @Test
    void shouldRefuseEveryWriteAndChangeNothing() {
        // A listing the bureau keeps, which the auditor then tries to lift.
        Response listed = rest.post(BUREAU, "/api/standing-listings", Map.of("jurisdiction", "hekou",
                "creditCode", "91350100M000100Y43", "enterpriseName", "东营市河口区示例化工有限公司", "kind", "CREDIT_SANCTION",
                "basis", "审计测试", "fromDate", "2025-01-01"));
        assertThat(listed.status()).as(listed.text()).isEqualTo(201);
        long listing = listed.body().get("id").asLong();
        long scheme = jdbc.sql("select id from award_scheme where jurisdiction_code = 'jiyuan' order by id")
                .query(Long.class).list().get(0);
        long member = jdbc.sql("select id from pool_member where jurisdiction_code = 'hekou' order by id")
                .query(Long.class).list().get(0);
        long payee = jdbc.sql("select id from payee_account where live_project_id = :p").param("p", building)
                .query(Long.class).single();
        String job = jdbc.sql("select id_ from act_ru_job where process_instance_id_ = :p and handler_type_ <> 'tc-send-mail'").param("p", buildingPi)
                .query(String.class).list().get(0);
        String deployment = jdbc.sql("select id_ from act_re_deployment where name_ = 'tc-models-hekou'")
                .query(String.class).list().get(0);
        String paidTask = jdbc.sql("select id_ from act_ru_task where proc_inst_id_ = :p").param("p", paidFollowUpAtEvaluation())
                .query(String.class).list().get(0);
        int budgetYear = jdbc.sql("select budget_year from fund_budget where jurisdiction_code = 'hekou' order by budget_year")
                .query(Integer.class).list().get(0);

        // A comment on the task, which the auditor then tries to rewrite or remove; an operation log entry (the
        // administrator's variable write), whose annotation it tries to set.
        Response commented = rest.post("admin", "/engine-rest/task/" + completionTask + "/comment/create",
                Map.of("message", "管理员说明"));
        assertThat(commented.status()).as(commented.text()).isEqualTo(200);
        String comment = commented.body().get("id").asText();
        assertThat(rest.put("admin", "/engine-rest/process-instance/" + buildingPi + "/variables/adminNote",
                Map.of("value", "管理员备注", "type", "String")).status()).isEqualTo(204);
        String operation = jdbc.sql("select operation_id_ from act_hi_op_log where proc_inst_id_ = :p order by timestamp_ desc")
                .param("p", buildingPi).query(String.class).list().get(0);

        Map<String, Object> filing = new LinkedHashMap<>(variables(
                "jurisdiction", "hekou", "unitCode", "yihe", "enterpriseName", "东营市河口区示例化工有限公司",
                "creditCode", "91350100M000100Y43", "projectCode", "2025-370503-34-03-770001",
                "projectName", "审计越权项目", "category", "DIRECT_SUBSIDY",
                "plannedTotalInvestment", 9_000_000, "plannedEquipmentInvestment", 7_000_000,
                "bankName", "中国银行东营分行", "bankAccount", "219800012345678",
                "plannedStartDate", "2025-01-01", "plannedEndDate", "2025-10-01"));
        Map<String, Object> apiFiling = new LinkedHashMap<>();
        ((Map<?, ?>) filing.get("variables")).forEach((k, v) -> apiFiling.put((String) k, ((Map<?, ?>) v).get("value")));
        Map<String, Object> completion = variables("completionDate", "2025-06-30", "actualTotalInvestment", 1,
                "actualEquipmentInvestment", 1, "completionNote", "审计越权");

        Map<String, Supplier<Response>> attacks = new LinkedHashMap<>();
        // The engine: start, work tasks, write variables, move instances, run jobs, deploy, evaluate, delete.
        attacks.put("启动技改项目", () -> rest.post(AUDITOR, "/engine-rest/process-definition/key/tc-project/tenant-id/hekou/start", filing));
        attacks.put("提交备案表单", () -> rest.post(AUDITOR, "/engine-rest/process-definition/key/tc-project/tenant-id/hekou/submit-form", filing));
        attacks.put("启动年度评审", () -> rest.post(AUDITOR, "/engine-rest/process-definition/key/tc-annual-round/tenant-id/hekou/start",
                variables("roundYear", 2031)));
        attacks.put("启动预算录入", () -> rest.post(AUDITOR, "/engine-rest/process-definition/key/tc-fund-budget/tenant-id/hekou/submit-form",
                variables("fundCode", "hekou", "budgetYear", 2032, "amount", 1_000_000, "basis", "东财预〔2032〕1号")));
        attacks.put("办理任务", () -> rest.post(AUDITOR, "/engine-rest/task/" + completionTask + "/complete", completion));
        attacks.put("提交任务表单", () -> rest.post(AUDITOR, "/engine-rest/task/" + completionTask + "/submit-form", completion));
        attacks.put("办理拨付后任务", () -> rest.post(AUDITOR, "/engine-rest/task/" + paidTask + "/submit-form", Map.of("variables", Map.of())));
        attacks.put("认领任务", () -> rest.post(AUDITOR, "/engine-rest/task/" + completionTask + "/claim", Map.of("userId", AUDITOR)));
        attacks.put("指派任务", () -> rest.post(AUDITOR, "/engine-rest/task/" + completionTask + "/assignee", Map.of("userId", AUDITOR)));
        attacks.put("加入候选人", () -> rest.post(AUDITOR, "/engine-rest/task/" + completionTask + "/identity-links",
                Map.of("userId", AUDITOR, "type", "candidate")));
        attacks.put("修改任务", () -> rest.put(AUDITOR, "/engine-rest/task/" + completionTask, Map.of("name", "改名")));
        attacks.put("任务评论", () -> rest.post(AUDITOR, "/engine-rest/task/" + completionTask + "/comment/create",
                Map.of("message", "审计意见")));
        attacks.put("修改任务评论", () -> rest.put(AUDITOR, "/engine-rest/task/comment", Map.of("id", comment, "taskId", completionTask,
                "message", "审计改写")));
        attacks.put("删除任务评论", () -> rest.delete(AUDITOR, "/engine-rest/task/" + completionTask + "/comment/" + comment));
        attacks.put("任务附件", () -> rest.multipart(AUDITOR, "/engine-rest/task/" + completionTask + "/attachment/create",
                Map.of("attachment-name", "审计附件", "url", "http://example.test/a"), List.of()));
        attacks.put("操作日志注释", () -> rest.put(AUDITOR, "/engine-rest/history/user-operation/" + operation + "/set-annotation",
                Map.of("annotation", "审计改写")));
        attacks.put("清除操作日志注释", () -> rest.put(AUDITOR, "/engine-rest/history/user-operation/" + operation
                + "/clear-annotation", Map.of()));
        attacks.put("写任务变量", () -> rest.put(AUDITOR, "/engine-rest/task/" + completionTask + "/variables/auditNote",
                Map.of("value", "x", "type", "String")));
        attacks.put("新建任务", () -> rest.post(AUDITOR, "/engine-rest/task/create", Map.of("id", "audit-task", "name", "审计任务",
                "tenantId", "hekou")));
        attacks.put("写流程变量", () -> rest.put(AUDITOR, "/engine-rest/process-instance/" + paidPi + "/variables/auditNote",
                Map.of("value", "x", "type", "String")));
        attacks.put("批量写流程变量", () -> rest.post(AUDITOR, "/engine-rest/process-instance/" + paidPi + "/variables",
                Map.of("modifications", Map.of("auditNote", Map.of("value", "x", "type", "String")))));
        attacks.put("删除流程变量", () -> rest.delete(AUDITOR, "/engine-rest/process-instance/" + paidPi + "/variables/projectId"));
        attacks.put("修改流程实例", () -> rest.post(AUDITOR, "/engine-rest/process-instance/" + paidPi + "/modification",
                Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_ApprovePayment")))));
        attacks.put("挂起流程实例", () -> rest.put(AUDITOR, "/engine-rest/process-instance/" + paidPi + "/suspended",
                Map.of("suspended", true)));
        attacks.put("删除流程实例", () -> rest.delete(AUDITOR, "/engine-rest/process-instance/" + paidPi));
        attacks.put("删除历史实例", () -> rest.delete(AUDITOR, "/engine-rest/history/process-instance/" + paidPi));
        attacks.put("发送消息", () -> rest.post(AUDITOR, "/engine-rest/message", Map.of("messageName", "RecommendationOpened",
                "processInstanceId", buildingPi)));
        attacks.put("执行作业", () -> rest.post(AUDITOR, "/engine-rest/job/" + job + "/execute", Map.of()));
        attacks.put("修改作业重试", () -> rest.put(AUDITOR, "/engine-rest/job/" + job + "/retries", Map.of("retries", 5)));
        attacks.put("评估决策表", () -> rest.post(AUDITOR, "/engine-rest/decision-definition/key/tc-pool-entry/tenant-id/hekou/evaluate",
                Map.of("variables", Map.of())));
        attacks.put("部署", () -> rest.deploy(AUDITOR, "hekou", "hekou-pipeline.dmn", "<definitions/>"));
        attacks.put("删除部署", () -> rest.delete(AUDITOR, "/engine-rest/deployment/" + deployment + "?cascade=true"));
        attacks.put("挂起流程定义", () -> rest.put(AUDITOR, "/engine-rest/process-definition/key/tc-project/tenant-id/hekou/suspended",
                Map.of("suspended", true)));
        // The app's API: filing, payee, budgets, pool, schemes, dates, standing list, objection channel, holidays, evidence.
        attacks.put("备案项目", () -> rest.post(AUDITOR, "/api/projects", apiFiling));
        attacks.put("变更收款账户", () -> rest.put(AUDITOR, "/api/projects/" + building + "/payee", Map.of("bankName",
                "中国农业银行东营分行", "bankAccount", "6228480012349999", "reason", "审计越权")));
        attacks.put("核实收款账户", () -> rest.post(AUDITOR, "/api/projects/" + building + "/payee/confirmation",
                Map.of("payeeId", payee)));
        attacks.put("上传佐证材料", () -> upload(building));
        attacks.put("录入预算", () -> rest.post(AUDITOR, "/api/fund-budgets", Map.of("jurisdiction", "hekou", "fundCode", "hekou",
                "budgetYear", 2033, "amount", 20_000_000, "basis", "东财预〔2033〕1号")));
        attacks.put("调整预算", () -> rest.put(AUDITOR, "/api/fund-budgets/hekou/hekou/" + budgetYear, Map.of("amount",
                999_000_000, "basis", "审计越权", "reason", "审计越权")));
        attacks.put("增加专家", () -> rest.post(AUDITOR, "/api/expert-pool", Map.of("jurisdiction", "hekou", "userId",
                "hekou-audit-expert", "kind", "EXPERT", "displayName", "审计越权专家", "fields", List.of("DIRECT_SUBSIDY"),
                "employerName", "东营职业学院")));
        attacks.put("修改专家", () -> rest.put(AUDITOR, "/api/expert-pool/" + member, Map.of("displayName", "改名")));
        attacks.put("停用专家", () -> rest.post(AUDITOR, "/api/expert-pool/" + member + "/deactivate", Map.of("reason", "审计越权")));
        attacks.put("备案奖补方案", () -> rest.post(AUDITOR, "/api/award-schemes", Map.of("jurisdiction", "hekou", "scope", "hekou",
                "year", 2031, "document", "审计越权〔2031〕1号", "filedOn", "2031-01-10",
                "rates", List.of(Map.of("category", "DIRECT_SUBSIDY", "rate", 0.02, "projectCap", 500_000)))));
        attacks.put("撤回其他辖区奖补方案", () -> rest.post(AUDITOR, "/api/award-schemes/" + scheme + "/withdrawal", Map.of("reason", "审计越权")));
        attacks.put("改测算日期", () -> rest.put(AUDITOR, "/api/quote-date-settings/hekou", Map.of("policyDate", "APPLICATION_DATE",
                "lprDate", "APPLICATION_DATE", "basis", "审计越权")));
        attacks.put("列入信用约束名单", () -> rest.post(AUDITOR, "/api/standing-listings", Map.of("jurisdiction", "hekou",
                "creditCode", "91350100M000100Y43", "kind", "CREDIT_SANCTION", "basis", "审计越权", "fromDate", "2025-01-01")));
        attacks.put("解除信用约束", () -> rest.post(AUDITOR, "/api/standing-listings/" + listing + "/lifting", Map.of("reason", "审计越权")));
        attacks.put("修改异议受理方式", () -> rest.put(AUDITOR, "/api/objection-channels/hekou", Map.of("acceptingUnit", "审计越权",
                "address", "审计越权", "phone", "0546-0000000", "mailbox", "audit@example.test", "requirements", "审计越权",
                "basis", "审计越权")));
        attacks.put("维护节假日安排", () -> rest.put(AUDITOR, "/api/public-holidays/2031-01-06", Map.of("name", "审计越权",
                "workday", false, "basis", "审计越权")));
        attacks.put("删除节假日安排", () -> rest.delete(AUDITOR, "/api/public-holidays/2024-10-01"));

        Map<String, Integer> statuses = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        attacks.forEach((action, attack) -> {
            String before = snapshot();
            Response r = attack.get();
            statuses.put(action, r.status());
            if (!REFUSED.contains(r.status())) {
                problems.add(action + " answered " + r.status() + ": " + r.text());
            }
            if (!snapshot().equals(before)) {
                problems.add(action + " changed the record");
            }
        });
        System.out.println("hekou-auditor writes: " + statuses);
        assertThat(problems).isEmpty();
        assertThat(statuses).hasSize(attacks.size());
        // The same writes by their owners work: the refusals above are the auditor's, not broken endpoints.
        Response lifted = rest.post(BUREAU, "/api/standing-listings/" + listing + "/lifting", Map.of("reason", "审计测试结束"));
        assertThat(lifted.status()).as(lifted.text()).isEqualTo(200);
    }

    @Test
    void shouldLeaveCommentsOnATaskToThoseWhoWorkIt() {
        Map<String, Object> task = jdbc.sql("select t.id_, l.group_id_ from act_ru_task t join act_ru_identitylink l"
                + " on l.task_id_ = t.id_ where t.proc_inst_id_ = :p and l.type_ = 'candidate'").param("p", paidFollowUpAtEvaluation())
                .query().listOfRows().get(0);
        assertThat(task.get("group_id_")).isEqualTo(BUREAU);
        String path = "/engine-rest/task/" + task.get("id_") + "/comment/create";
        for (String reader : List.of(AUDITOR, "hekou-owner")) {
            String before = jdbc.sql("select count(*) from act_hi_comment").query(String.class).single();
            Response r = rest.post(reader, path, Map.of("message", "旁注"));
            assertThat(r.status()).as(reader + ": " + r.text()).isEqualTo(403);
            assertThat(r.body().get("message").asText()).contains("只有办理该任务的用户");
            assertThat(jdbc.sql("select count(*) from act_hi_comment").query(String.class).single()).isEqualTo(before);
        }
        Response bureau = rest.post(BUREAU, path, Map.of("message", "绩效评价材料已收到"));
        assertThat(bureau.status()).as("a candidate group's member works the task: " + bureau.text()).isEqualTo(200);
    }

    /** A small PDF scan posted as multipart, as the filing enterprise would. */
    private Response upload(long projectId) {
        return rest.multipart(AUDITOR, "/api/projects/" + projectId + "/evidence", Map.of("kind", "INVOICE"),
                List.of(new FilePart("file", "a.pdf", "application/pdf", "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.UTF_8))));
    }
}
