package cn.tcsubsidy.rules.change;

import static cn.tcsubsidy.rules.change.RuleChangeClient.pipelineWithNoticeDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.rules.change.RuleChangeClient.Answer;
import cn.tcsubsidy.rules.change.process.TcRuleChangeProcess;
import cn.tcsubsidy.support.Rest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rule changes held by the app: uploaded by a rule administrator, approved by a second person (四眼原则), in force at
 * once or from their date by the engine's timer. Each test works in its own jurisdiction, so the tables one puts in
 * force do not meet another's expectations. Today is fixed (the engine's clock, which is the app's).
 */
abstract class RuleChangeScenario {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    static final String REASON = "根据2027年度评审安排,公示期调整为7个工作日";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DecisionService decisions;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    @LocalServerPort
    int port;

    RuleChangeClient api;

    @BeforeEach
    void today() {
        api = new RuleChangeClient(rest);
        at(TODAY.atTime(10, 0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static void at(LocalDateTime beijing) {
        ClockUtil.setCurrentTime(Date.from(beijing.atZone(BEIJING).toInstant()));
    }

    int noticeDays(String tenant) {
        return ((Number) decisions.evaluateDecisionByKey("tc-round-calendar").decisionDefinitionTenantId(tenant)
                .variables(Map.of("roundYear", 2027)).evaluate().getSingleResult().getEntry("noticeWorkingDays")).intValue();
    }

    long changes(String jurisdiction) {
        return jdbc.sql("select count(*) from rule_change where jurisdiction_code = :j").param("j", jurisdiction)
                .query(Long.class).single();
    }

    Deployment deploymentOf(long changeId) {
        return repository.createDeploymentQuery().deploymentName("rule-change-" + changeId).singleResult();
    }

    ProcessInstance activationOf(long changeId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(TcRuleChangeProcess.KEY)
                .processInstanceBusinessKey("rule-change-" + changeId).singleResult();
    }

    @Test
    void shouldHoldAnApprovedChangeUntilItsDateAndThenPutItInForceByTheEngineTimer() throws Exception {
        LocalDate on = TODAY.plusDays(10);
        Answer uploaded = api.upload("hekou-rules", "hekou", REASON, on.toString(), "hekou-pipeline.dmn",
                pipelineWithNoticeDays("hekou", 7));
        assertThat(uploaded.status()).as(String.valueOf(uploaded.body())).isEqualTo(201);
        long id = uploaded.id();
        assertThat(uploaded.status("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(uploaded.status("uploadedBy")).isEqualTo("hekou-rules");
        assertThat(uploaded.status("reason")).isEqualTo(REASON);
        assertThat(uploaded.status("activateOn")).isEqualTo("2027-03-11");
        assertThat(uploaded.body().get("files").get(0).asText()).isEqualTo("hekou-pipeline.dmn");
        assertThat(uploaded.body().has("approvedBy")).as("absent values are null, not left out").isTrue();
        assertThat(uploaded.body().get("approvedBy").isNull()).isTrue();
        assertThat(uploaded.body().get("deploymentId").isNull()).isTrue();
        String sha = jdbc.sql("select sha256 from rule_change_file where rule_change_id = :c").param("c", id)
                .query(String.class).single();
        assertThat(sha).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(pipelineWithNoticeDays("hekou", 7).getBytes(StandardCharsets.UTF_8))));

        Answer own = api.decide("hekou-rules", "hekou", id, true, "同意");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.message()).isEqualTo("四眼原则:规则变更 #" + id
                + " 由您(hekou-rules)上传,须由本辖区另一位规则管理员或工信局负责人审批");
        assertThat(api.decide("yanzhou-head", "hekou", id, true, "同意").status()).as("another jurisdiction's head")
                .isEqualTo(403);

        Answer approved = api.decide("hekou-head", "hekou", id, true, "同意,自3月11日起执行");
        assertThat(approved.status()).as(String.valueOf(approved.body())).isEqualTo(200);
        assertThat(approved.status("status")).isEqualTo("SCHEDULED");
        assertThat(approved.status("approvedBy")).isEqualTo("hekou-head");
        assertThat(approved.status("comment")).isEqualTo("同意,自3月11日起执行");
        assertThat(approved.body().get("deploymentId").isNull()).isTrue();
        assertThat(deploymentOf(id)).as("nothing deployed before the date").isNull();
        assertThat(noticeDays("hekou")).isEqualTo(5);

        Answer again = api.decide("hekou-head", "hekou", id, true, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.message()).isEqualTo("规则变更 #" + id + " 当前状态为「已批准,待生效」,只能审批待审批的规则变更");

        ProcessInstance pi = activationOf(id);
        assertThat(pi.getTenantId()).isEqualTo("hekou");
        Job timer = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(on.atStartOfDay(BEIJING).toInstant()));
        at(on.minusDays(1).atTime(23, 59));
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).executable().count())
                .as("not due the evening before").isZero();
        assertThat(noticeDays("hekou")).isEqualTo(5);

        at(on.atTime(0, 1));
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).executable().count()).isEqualTo(1);
        management.executeJob(timer.getId());
        Job deploy = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(deploy.getId()).as("Task_DeployRuleChange is its own job").isNotEqualTo(timer.getId());
        management.executeJob(deploy.getId());

        Answer listed = api.list("hekou-head", "hekou");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().get(0).get("id").asLong()).isEqualTo(id);
        assertThat(listed.body().get(0).get("status").asText()).isEqualTo("ACTIVE");
        Deployment d = deploymentOf(id);
        assertThat(listed.body().get(0).get("deploymentId").asText()).isEqualTo(d.getId());
        assertThat(d.getTenantId()).isEqualTo("hekou");
        assertThat(d.getSource()).isEqualTo("tc-rule-change:" + id);
        assertThat(repository.getDeploymentResourceNames(d.getId())).containsExactly("hekou-pipeline.dmn");
        assertThat(noticeDays("hekou")).isEqualTo(7);
        assertThat(noticeDays("liaocheng")).as("other jurisdictions keep their table").isEqualTo(5);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void shouldPutAnApprovedChangeWithoutDateOrDatedTodayInForceAtOnce() throws Exception {
        Answer first = api.upload("yanzhou-rules", "yanzhou", REASON, null, "yanzhou-pipeline.dmn",
                pipelineWithNoticeDays("yanzhou", 6));
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(201);
        assertThat(first.body().get("activateOn").isNull()).isTrue();
        assertThat(noticeDays("yanzhou")).as("held, not deployed, until approved").isEqualTo(5);

        Answer approved = api.decide("yanzhou-head", "yanzhou", first.id(), true, null);
        assertThat(approved.status()).as(String.valueOf(approved.body())).isEqualTo(200);
        assertThat(approved.status("status")).isEqualTo("ACTIVE");
        assertThat(approved.status("deploymentId")).isEqualTo(deploymentOf(first.id()).getId());
        assertThat(approved.body().get("comment").isNull()).isTrue();
        assertThat(noticeDays("yanzhou")).isEqualTo(6);
        assertThat(activationOf(first.id())).as("no timer for a change in force at once").isNull();

        Answer today = api.upload("yanzhou-rules", "yanzhou", "公示期调整为8个工作日", TODAY.toString(),
                "yanzhou-pipeline.dmn", pipelineWithNoticeDays("yanzhou", 8));
        assertThat(today.status()).isEqualTo(201);
        // The second pair of eyes may also be another rule administrator of the jurisdiction.
        if (identity.createUserQuery().userId("yanzhou-rules-2").count() == 0) { // the demo identities have it; kept for other set-ups
            org.camunda.bpm.engine.identity.User second = identity.newUser("yanzhou-rules-2");
            second.setPassword("yanzhou-rules-2");
            identity.saveUser(second);
            identity.createMembership("yanzhou-rules-2", "yanzhou-rules");
        }
        Answer approvedToday = api.decide("yanzhou-rules-2", "yanzhou", today.id(), true, "同意");
        assertThat(approvedToday.status()).as(String.valueOf(approvedToday.body())).isEqualTo(200);
        assertThat(approvedToday.status("status")).isEqualTo("ACTIVE");
        assertThat(approvedToday.status("approvedBy")).isEqualTo("yanzhou-rules-2");
        assertThat(noticeDays("yanzhou")).isEqualTo(8);
        assertThat(api.list("yanzhou-auditor", "yanzhou").body().get(0).get("id").asLong()).isEqualTo(today.id());
    }

    @Test
    void shouldDeployNothingForARejectedChange() throws Exception {
        Answer uploaded = api.upload("jiyuan-rules", "jiyuan", REASON, TODAY.plusDays(3).toString(),
                "jiyuan-pipeline.dmn", pipelineWithNoticeDays("jiyuan", 9));
        assertThat(uploaded.status()).isEqualTo(201);
        long id = uploaded.id();

        Answer noReason = api.decide("jiyuan-head", "jiyuan", id, false, " ");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().at("/errors/comment").asText()).isEqualTo("驳回须填写审批意见");
        Answer noChoice = api.decide("jiyuan-head", "jiyuan", id, null, "同意");
        assertThat(noChoice.status()).isEqualTo(400);
        assertThat(noChoice.body().at("/errors/approve").asText()).isEqualTo("请选择批准(true)或驳回(false)");

        Answer rejected = api.decide("jiyuan-head", "jiyuan", id, false, "公示期延长缺少依据,请补充文件");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.status("status")).isEqualTo("REJECTED");
        assertThat(rejected.status("approvedBy")).isEqualTo("jiyuan-head");
        assertThat(rejected.status("comment")).isEqualTo("公示期延长缺少依据,请补充文件");
        assertThat(deploymentOf(id)).isNull();
        assertThat(activationOf(id)).isNull();
        assertThat(noticeDays("jiyuan")).isEqualTo(5);
        assertThat(api.decide("jiyuan-head", "jiyuan", id, true, "同意").status()).isEqualTo(409);
    }

    @Test
    void shouldLetOnlyTheJurisdictionsRuleAdministratorUploadAndOnlyItsReadersList() throws Exception {
        String table = pipelineWithNoticeDays("hekou", 7);
        long before = changes("hekou");

        Answer foreign = api.upload("yanzhou-rules", "hekou", REASON, null, "hekou-pipeline.dmn", table);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.message()).isEqualTo("用户 yanzhou-rules 不是辖区 hekou 的规则管理员,不能上传该辖区的规则变更");
        Answer enterprise = api.upload("hekou-ent-1", "hekou", REASON, null, "hekou-pipeline.dmn", table);
        assertThat(enterprise.status()).isEqualTo(403);
        assertThat(enterprise.message()).isEqualTo("用户 hekou-ent-1 不是辖区 hekou 的规则管理员,不能上传该辖区的规则变更");
        for (String notUploader : List.of("hekou-head", "hekou-bureau", "hekou-auditor", "admin")) {
            assertThat(api.upload(notUploader, "hekou", REASON, null, "hekou-pipeline.dmn", table).status())
                    .as(notUploader).isEqualTo(403);
        }
        assertThat(changes("hekou")).as("nothing stored").isEqualTo(before);

        Answer enterpriseList = api.list("hekou-ent-1", "hekou");
        assertThat(enterpriseList.status()).isEqualTo(403);
        assertThat(enterpriseList.message()).isEqualTo("用户 hekou-ent-1 无权查看辖区 hekou 的规则变更");
        assertThat(api.list("hekou-finance", "hekou").status()).isEqualTo(403);
        assertThat(api.list("yanzhou-head", "hekou").status()).isEqualTo(403);
        for (String reader : List.of("hekou-rules", "hekou-head", "hekou-bureau", "hekou-auditor", "admin")) {
            assertThat(api.list(reader, "hekou").status()).as(reader).isEqualTo(200);
        }
        assertThat(api.list("hekou-rules", "nowhere").status()).isEqualTo(404);

        Answer pending = api.upload("hekou-rules", "hekou", REASON, TODAY.plusDays(30).toString(),
                "hekou-pipeline.dmn", table);
        Answer enterpriseApproves = api.decide("hekou-ent-1", "hekou", pending.id(), true, "同意");
        assertThat(enterpriseApproves.status()).isEqualTo(403);
        assertThat(enterpriseApproves.message())
                .isEqualTo("用户 hekou-ent-1 不是辖区 hekou 的规则管理员或工信局负责人,不能审批该辖区的规则变更");
        assertThat(api.decide("hekou-bureau", "hekou", pending.id(), true, "同意").status()).isEqualTo(403);
        assertThat(api.decide("admin", "hekou", pending.id(), true, "同意").status()).isEqualTo(403);
        assertThat(api.decide("yanzhou-head", "yanzhou", pending.id(), true, "同意").status())
                .as("a change of another jurisdiction reads as absent").isEqualTo(404);
        assertThat(api.decide("hekou-head", "hekou", 999_999, true, "同意").status()).isEqualTo(404);
    }

    @Test
    void shouldRefuseWhatIsNoTableOfTheJurisdictionAndStoreNothing() throws Exception {
        String table = pipelineWithNoticeDays("huanggang", 7);
        long before = changes("huanggang");

        Answer notDmn = api.upload("huanggang-rules", "huanggang", REASON, null, "pipeline.xml", table);
        assertThat(notDmn.status()).isEqualTo(400);
        assertThat(notDmn.body().at("/errors/files").asText()).isEqualTo("只接受决策表文件(.dmn),不接受 pipeline.xml");

        Answer past = api.upload("huanggang-rules", "huanggang", REASON, TODAY.minusDays(1).toString(),
                "huanggang-pipeline.dmn", table);
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body().at("/errors/activateOn").asText())
                .isEqualTo("生效日期 2027-02-28 早于今天(2027-03-01),只能是今天或以后");
        Answer badDate = api.upload("huanggang-rules", "huanggang", REASON, "2027/03/05", "huanggang-pipeline.dmn", table);
        assertThat(badDate.body().at("/errors/activateOn").asText()).isEqualTo("生效日期格式应为 yyyy-MM-dd,不接受 2027/03/05");

        Answer noReason = api.upload("huanggang-rules", "huanggang", null, null, "huanggang-pipeline.dmn", table);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().at("/errors/reason").asText()).isEqualTo("请填写变更理由");
        Answer longReason = api.upload("huanggang-rules", "huanggang", "理".repeat(501), null, "huanggang-pipeline.dmn", table);
        assertThat(longReason.body().at("/errors/reason").asText()).isEqualTo("变更理由不能超过 500 字(现为 501 字)");
        assertThat(api.upload("huanggang-rules", "huanggang", "理".repeat(500), TODAY.plusDays(5).toString(),
                "huanggang-pipeline.dmn", table).status()).as("500 characters are allowed").isEqualTo(201);
        before++;

        String padded = table.replace("</definitions>", "<!-- " + "x".repeat(1024 * 1024) + " --></definitions>");
        Answer tooLarge = api.upload("huanggang-rules", "huanggang", REASON, null, "huanggang-pipeline.dmn", padded);
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.body().at("/errors/files").asText())
                .startsWith("文件 huanggang-pipeline.dmn 大小 ").endsWith(" 字节,超过上限 1048576 字节(1 MiB)");

        Answer unknownKey = api.upload("huanggang-rules", "huanggang", REASON, null, "huanggang-pipeline.dmn",
                table.replace("id=\"tc-round-calendar\"", "id=\"tc-not-used\""));
        assertThat(unknownKey.status()).isEqualTo(400);
        assertThat(unknownKey.body().at("/errors/files").asText())
                .startsWith("文件 huanggang-pipeline.dmn 含本辖区不使用的决策 [tc-not-used],只接受 [");

        Answer doctype = api.upload("huanggang-rules", "huanggang", REASON, null, "huanggang-pipeline.dmn",
                table.replaceFirst("<definitions", "<!DOCTYPE x [<!ENTITY e \"e\">]><definitions"));
        assertThat(doctype.body().at("/errors/files").asText())
                .isEqualTo("文件 huanggang-pipeline.dmn 不是有效的 DMN XML(不接受 DOCTYPE)");

        Map<String, byte[]> none = new LinkedHashMap<>();
        Answer noFiles = api.upload("huanggang-rules", "huanggang", REASON, null, none);
        assertThat(noFiles.status()).isEqualTo(400);
        assertThat(noFiles.body().at("/errors/files").asText()).isEqualTo("请至少上传一个决策表文件(.dmn)");

        Rest.Response json = new Rest(port).post("huanggang-rules", "/api/rules/huanggang/changes", Map.of("reason", REASON));
        assertThat(json.status()).as("not multipart").isEqualTo(400);
        assertThat(json.body().at("/errors/files").asText()).isEqualTo("请至少上传一个决策表文件(.dmn)");

        assertThat(changes("huanggang")).as("nothing stored by a refused upload").isEqualTo(before);
        assertThat(noticeDays("huanggang")).isEqualTo(5);
    }

    @Test
    void shouldKeepFourEyesAndOneFileNamePerChangeInTheDatabase() throws Exception {
        Answer uploaded = api.upload("huanggang-rules", "huanggang", REASON, TODAY.plusDays(20).toString(),
                "huanggang-pipeline.dmn", pipelineWithNoticeDays("huanggang", 7));
        long id = uploaded.id();
        assertThatThrownBy(() -> jdbc.sql("""
                update rule_change set status = 'REJECTED', approved_by = uploaded_by, approved_at = uploaded_at
                where id = :id
                """).param("id", id).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("""
                insert into rule_change_file (rule_change_id, file_name, size_bytes, sha256, content)
                values (:id, 'huanggang-pipeline.dmn', 1, 'x', :content)
                """).param("id", id).param("content", new byte[] {1}).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(api.list("huanggang-rules", "huanggang").body().get(0).get("status").asText())
                .isEqualTo("PENDING_APPROVAL");
    }

    /**
     * The engine's deployment guards check the tables again on the date: a table they refuse then (here one whose
     * stored bytes no longer name this jurisdiction's decision) fails the job into an incident at once; the change
     * stays SCHEDULED and nothing is in force.
     */
    @Test
    void shouldFailIntoAnIncidentWhenTheEngineRefusesTheDeploymentOnTheDate() throws Exception {
        LocalDate on = TODAY.plusDays(3);
        Answer uploaded = api.upload("liaocheng-rules", "liaocheng", REASON, on.toString(), "liaocheng-pipeline.dmn",
                pipelineWithNoticeDays("liaocheng", 7));
        long id = uploaded.id();
        assertThat(api.decide("liaocheng-head", "liaocheng", id, true, "同意").status("status")).isEqualTo("SCHEDULED");
        byte[] refused = pipelineWithNoticeDays("liaocheng", 7).replace("id=\"tc-round-calendar\"", "id=\"tc-not-used\"")
                .getBytes(StandardCharsets.UTF_8);
        tamper(id, refused);

        ProcessInstance pi = activationOf(id);
        at(on.atTime(0, 1));
        management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
        Job deploy = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThatThrownBy(() -> management.executeJob(deploy.getId())).hasMessageContaining("tc-not-used");

        assertThat(management.createJobQuery().jobId(deploy.getId()).singleResult().getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult().getIncidentMessage())
                .startsWith("流程步骤被拒绝:规则变更 #" + id + " 的决策表部署被拒绝,未生效:");
        assertThat(api.list("liaocheng-rules", "liaocheng").body().get(0).get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(deploymentOf(id)).isNull();
        assertThat(noticeDays("liaocheng")).isEqualTo(5);
    }

    void tamper(long changeId, byte[] content) throws Exception {
        jdbc.sql("update rule_change_file set content = :c, sha256 = :sha, size_bytes = :size where rule_change_id = :id")
                .param("c", content).param("sha", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
                .param("size", content.length).param("id", changeId).update();
    }

    /** On approval, a deployment the engine refuses answers 400 and leaves the change pending, nothing in force. */
    @Test
    void shouldLeaveTheChangePendingWhenTheEngineRefusesTheDeploymentOnApproval() throws Exception {
        Answer uploaded = api.upload("jiyuan-rules", "jiyuan", REASON, null, "jiyuan-pipeline.dmn",
                pipelineWithNoticeDays("jiyuan", 7));
        long id = uploaded.id();
        tamper(id, pipelineWithNoticeDays("jiyuan", 7).replace("id=\"tc-round-calendar\"", "id=\"tc-not-used\"")
                .getBytes(StandardCharsets.UTF_8));

        Answer refused = api.decide("jiyuan-head", "jiyuan", id, true, "同意");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).startsWith("规则变更 #" + id + " 的决策表部署被拒绝,未生效:")
                .contains("不接受 [tc-not-used]");
        JsonNode listed = api.list("jiyuan-rules", "jiyuan").body();
        JsonNode row = null;
        for (JsonNode c : listed) {
            if (c.get("id").asLong() == id) {
                row = c;
            }
        }
        assertThat(row.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(row.get("approvedBy").isNull()).isTrue();
        assertThat(deploymentOf(id)).isNull();
        assertThat(noticeDays("jiyuan")).isEqualTo(5);
    }

    /**
     * tc-rule-change is the system's: no business role starts it, sends its variables, fires its timer or deploys
     * around the approval; the 工信局负责人 has no engine rights at all.
     */
    @Test
    void shouldLetNoCallerStartOrSteerTheActivation() throws Exception {
        Rest engineRest = new Rest(port);
        Answer uploaded = api.upload("huanggang-rules", "huanggang", REASON, TODAY.plusDays(7).toString(),
                "huanggang-pipeline.dmn", pipelineWithNoticeDays("huanggang", 7));
        long id = uploaded.id();
        assertThat(api.decide("huanggang-head", "huanggang", id, true, "同意").status("status")).isEqualTo("SCHEDULED");
        ProcessInstance pi = activationOf(id);
        String timer = management.createJobQuery().processInstanceId(pi.getId()).singleResult().getId();
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey(TcRuleChangeProcess.KEY).count();

        for (String user : List.of("huanggang-rules", "huanggang-head", "huanggang-bureau", "huanggang-ent-1")) {
            Rest.Response withVariables = engineRest.post(user, "/engine-rest/process-definition/key/tc-rule-change/start",
                    Rest.variables("ruleChangeId", id, "jurisdiction", "huanggang", "activationAt", "2027-03-01T00:00:00.000+0800"));
            // The head reads no definition at all: the process is absent to it.
            boolean head = user.endsWith("-head");
            assertThat(withVariables.status()).as("start with variables as " + user + ": " + withVariables.text())
                    .isEqualTo(head ? 404 : 400);
            if (!head) {
                assertThat(withVariables.body().path("message").asText()).contains("不含字段");
            }
            Rest.Response bare = engineRest.post(user, "/engine-rest/process-definition/key/tc-rule-change/start", Map.of());
            assertThat(bare.status()).as("start as " + user + ": " + bare.text()).isEqualTo(head ? 404 : 403);
            assertThat(engineRest.post(user, "/engine-rest/job/" + timer + "/execute", Map.of()).status())
                    .as("fire the timer as " + user).isEqualTo(403);
            assertThat(engineRest.put(user, "/engine-rest/job/" + timer + "/duedate",
                    Map.of("duedate", "2027-03-01T00:00:00.000+0800")).status()).as("re-time as " + user).isEqualTo(403);
            assertThat(engineRest.put(user, "/engine-rest/process-instance/" + pi.getId() + "/variables/ruleChangeId",
                    Map.of("value", 1, "type", "Long")).status()).as("rewrite the change id as " + user).isEqualTo(403);
        }
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(TcRuleChangeProcess.KEY).count())
                .isEqualTo(instances);
        assertThat(management.createJobQuery().jobId(timer).singleResult().getDuedate())
                .isEqualTo(Date.from(TODAY.plusDays(7).atStartOfDay(BEIJING).toInstant()));
        assertThat(TcRuleChangeProcess.Vars.RULE_CHANGE_ID.get(runtime, pi.getId())).isEqualTo(id);

        String table = pipelineWithNoticeDays("huanggang", 7);
        assertThat(engineRest.deploy("huanggang-head", "huanggang", "huanggang-pipeline.dmn", table).status())
                .as("the head deploys nothing itself").isEqualTo(403);
        assertThat(engineRest.get("huanggang-head", "/engine-rest/decision-definition").body()).as("reads no table")
                .isEmpty();
        assertThat(engineRest.get("huanggang-head", "/engine-rest/process-instance").body()).isEmpty();
        assertThat(noticeDays("huanggang")).isEqualTo(5);
    }
}
