package cn.tcsubsidy.correction;

import static cn.tcsubsidy.support.Rest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.project.process.TcProjectProcess;
import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.correction.domain.CorrectionService;
import cn.tcsubsidy.correction.domain.Revision;
import cn.tcsubsidy.project.domain.ProjectEvent;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.support.Rest.Response;
import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.StageFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Return for correction (退回补正) over the engine's REST API as Tasklist submits it, on Liaocheng projects filed by
 * liaocheng-ent-1: the town returns a project at recommendation with its points; only the filing enterprise's user
 * sees and completes the correction task (not another enterprise, the town, another unit's town or an expert); bad
 * input and planted variables are refused by name; the corrected fields reach the project, both versions stay in
 * project_revision, and the town decides again on the corrected values. A missed deadline rejects the project with the
 * points as the reason; a return at the award decision quotes the award again from the corrected figures.
 */
abstract class CorrectionScenario {

    static final String ENTERPRISE = "liaocheng-ent-1";
    static final String OTHER_ENTERPRISE = "liaocheng-ent-2";
    static final String TOWN = "liaocheng-town-chiping";
    static final String OTHER_TOWN = "liaocheng-town-dongchangfu";
    static final String EXPERT = "liaocheng-expert-1";
    static final String BUREAU = "liaocheng-bureau";
    static final String POINTS = "实际设备投资与购置合同金额不符,请按合同更正;项目名称与备案证不一致";
    static final AtomicInteger SERIAL = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    ProjectRepository projects;
    @Autowired
    ProjectHistory history;
    @Autowired
    CorrectionService corrections;
    @Autowired
    AwardCases awards;

    Rest rest;
    StageFixture fixture;

    @BeforeEach
    void setUp() {
        rest = new Rest(port);
        fixture = new StageFixture(projects, history, jdbc);
    }

    record Case(long id, String pi) {
    }

    /**
     * A project filed over REST by its enterprise and completed (the domain's own step), put in a round's
     * recommendation, its instance moved by the system to the task of {@code stage}: the earlier stages are other
     * tests' business.
     */
    Case filedAndAt(Stage stage, String task) {
        int n = SERIAL.incrementAndGet();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("jurisdiction", "liaocheng");
        f.put("unitCode", "chiping");
        f.put("enterpriseName", "聊城市补正测试机械" + n + "有限公司");
        f.put("creditCode", CreditCode.withCheckCharacter(String.format("9137152%010d", 4_000 + n)));
        f.put("projectCode", String.format("2025-371523-34-03-%06d", 940_000 + n));
        f.put("projectName", "设备更新改造" + n);
        f.put("category", "EQUIPMENT");
        f.put("plannedTotalInvestment", 6_000_000);
        f.put("plannedEquipmentInvestment", 4_000_000);
        f.put("bankName", "中国银行聊城分行");
        f.put("bankAccount", "6217000012349" + String.format("%03d", n));
        f.put("plannedStartDate", "2025-01-01");
        f.put("plannedEndDate", "2025-09-30");
        Response filed = rest.post(ENTERPRISE, "/api/projects", f);
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        long p = filed.body().get("projectId").asLong();
        String pi = filed.body().get("processInstanceId").asText();
        projects.recordCompletion(p, LocalDate.of(2025, 9, 30), new BigDecimal("6000000"), new BigDecimal("4000000"),
                BigDecimal.ZERO, BigDecimal.ZERO);
        projects.setRound(p, fixture.round(stage == Stage.RECOMMENDATION ? "RECOMMENDATION" : "LIST_DECISION"));
        projects.setStage(p, stage);
        if (stage == Stage.AWARD_DECISION) {
            projects.setExpertScore(p, BigDecimal.valueOf(85));
            awards.quote(p);
        }
        runtime.createProcessInstanceModification(pi).cancelAllForActivity("Task_ReportCompletion")
                .startBeforeActivity(task)
                .setVariables(TcProjectProcess.Vars.RECOMMENDATION_DUE_AT.entry(java.sql.Timestamp.valueOf("2099-11-30 00:00:00"))).execute();
        return new Case(p, pi);
    }

    Case returnedAtRecommendation() {
        Case c = filedAndAt(Stage.RECOMMENDATION, "Task_RecommendProject");
        Response r = complete(TOWN, taskOf(TOWN, c.pi(), "Task_RecommendProject"), "recommendationDecision", "CORRECT",
                "correctionPoints", POINTS, "recommendationOpinion", "材料需补正", "investmentAssessment", "待补正",
                "technologyAssessment", "待补正", "benefitAssessment", "待补正");
        assertThat(r.status()).as(r.text()).isEqualTo(204);
        return c;
    }

    @Test
    void shouldLetOnlyTheFilingEnterpriseCorrectAndReturnTheProjectToTheTownWithBothVersionsKept() {
        Case c = filedAndAt(Stage.RECOMMENDATION, "Task_RecommendProject");
        String recommend = taskOf(TOWN, c.pi(), "Task_RecommendProject");
        Response noPoints = complete(TOWN, recommend, "recommendationDecision", "CORRECT", "recommendationOpinion", "需补正",
                "investmentAssessment", "-", "technologyAssessment", "-", "benefitAssessment", "-");
        assertThat(noPoints.status()).isEqualTo(400);
        assertThat(noPoints.text()).contains("需企业补正的内容不能为空");
        assertThat(complete(TOWN, recommend, "recommendationDecision", "CORRECT", "correctionPoints", POINTS,
                "recommendationOpinion", "材料需补正", "investmentAssessment", "待补正", "technologyAssessment", "待补正",
                "benefitAssessment", "待补正").status()).isEqualTo(204);

        Revision open = corrections.open(c.id()).orElseThrow();
        assertThat(open.stage()).isEqualTo(Stage.RECOMMENDATION);
        assertThat(open.points()).isEqualTo(POINTS);
        assertThat(open.requestedBy()).isEqualTo(TOWN);
        assertThat(open.workingDays()).as("Liaocheng's table, common practice").isEqualTo(5);
        assertThat(open.before()).containsEntry("actualEquipmentInvestment", "4000000.00");
        assertThat(stage(c.id())).as("the project stays at its stage while out for correction").isEqualTo("RECOMMENDATION");

        // Only the filing enterprise's user sees the task; the points and current values are on its form.
        String correct = taskOf(ENTERPRISE, c.pi(), "Task_CorrectProject");
        assertThat(formVariable(ENTERPRISE, correct, "correctionPoints")).isEqualTo(POINTS);
        assertThat(formVariable(ENTERPRISE, correct, "correctionDeadlineNote")).contains("5 个工作日", "常见做法");
        assertThat(formVariable(ENTERPRISE, correct, "actualEquipmentInvestment")).isEqualTo("4000000.0");
        assertThat(formVariable(ENTERPRISE, correct, "correctedProjectName")).startsWith("设备更新改造");
        for (String stranger : List.of(OTHER_ENTERPRISE, TOWN, OTHER_TOWN, EXPERT, "hekou-ent-1")) {
            // The jurisdiction's own users are refused the task (403); another tenant's do not find it (404).
            int refused = stranger.startsWith("hekou-") ? 404 : 403;
            assertThat(tasksOf(stranger, c.pi())).as(stranger + " sees no correction task").isEmpty();
            assertThat(complete(stranger, correct, corrected("伪造")).status()).as(stranger).isEqualTo(refused);
            assertThat(rest.post(stranger, "/engine-rest/task/" + correct + "/claim", Map.of("userId", stranger))
                    .status()).as(stranger + " claims").isEqualTo(refused);
        }

        // Bad input and planted variables are refused by name; nothing is written.
        Response bad = complete(ENTERPRISE, correct, "correctedProjectName", "设备更新改造(更正)", "plannedTotalInvestment", 6_000_000,
                "plannedStartDate", "2025-01-01", "plannedEndDate", "2024-12-31", "actualTotalInvestment", 6_000_000,
                "actualEquipmentInvestment", 7_000_000, "correctionNote", "已更正");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("计划竣工日期不能早于计划开工日期", "实际设备投资不能大于实际总投资");
        Response planted = complete(ENTERPRISE, correct, withPlanted(corrected("已更正"), "projectId", 1));
        assertThat(planted.status()).isEqualTo(400);
        assertThat(planted.text()).contains("projectId");
        Response category = complete(ENTERPRISE, correct, withPlanted(corrected("已更正"), "category", "ROBOT"));
        assertThat(category.status()).as("the category is not correctable").isEqualTo(400);
        assertThat(projects.get(c.id()).actualEquipmentInvestment()).isEqualByComparingTo("4000000");
        assertThat(corrections.open(c.id())).isPresent();

        Response ok = complete(ENTERPRISE, correct, corrected("按购置合同更正设备投资;项目名称与备案证一致"));
        assertThat(ok.status()).as(ok.text()).isEqualTo(204);

        assertThat(projects.get(c.id()).actualEquipmentInvestment()).isEqualByComparingTo("3800000");
        assertThat(projects.get(c.id()).projectName()).isEqualTo("设备更新改造项目(更正)");
        List<Revision> revisions = corrections.of(c.id());
        assertThat(revisions).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Revision.CORRECTED);
            assertThat(r.correctedBy()).isEqualTo(ENTERPRISE);
            assertThat(r.before()).containsEntry("actualEquipmentInvestment", "4000000.00");
            assertThat(r.after()).containsEntry("actualEquipmentInvestment", "3800000.00")
                    .containsEntry("projectName", "设备更新改造项目(更正)");
        });
        assertThat(revisions.get(0).before().get("projectName")).asString().startsWith("设备更新改造");
        assertThat(revisions.get(0).before().get("projectName")).isNotEqualTo("设备更新改造项目(更正)");
        ProjectEvent event = history.of(c.id()).stream().filter(e -> "CORRECTED".equals(e.action())).findFirst()
                .orElseThrow();
        assertThat(event.actor()).isEqualTo(ENTERPRISE);
        assertThat(event.summary()).contains("实际设备投资:4000000.00 → 3800000.00", "项目名称:");
        assertThat(history.of(c.id()).stream().map(ProjectEvent::action).toList())
                .containsSubsequence("CORRECTION_REQUESTED", "CORRECTED");

        // Back at the town's task, which shows the corrected values; the town recommends.
        String again = taskOf(TOWN, c.pi(), "Task_RecommendProject");
        assertThat(formVariable(TOWN, again, "projectName")).isEqualTo("设备更新改造项目(更正)");
        assertThat(formVariable(TOWN, again, "actualEquipmentInvestment")).isEqualTo("3800000.0");
        assertThat(tasksOf(ENTERPRISE, c.pi())).isEmpty();
        Response recommended = complete(TOWN, again, "recommendationDecision", "RECOMMEND", "recommendationOpinion", "同意推荐",
                "investmentAssessment", "投资到位", "technologyAssessment", "工艺先进", "benefitAssessment", "效益良好",
                "authenticityConfirmed", true, "formalitiesComplete", true);
        assertThat(recommended.status()).as(recommended.text()).isEqualTo(204);
        assertThat(stage(c.id())).isEqualTo("EXPERT_REVIEW");
    }

    @Test
    void shouldRejectTheProjectWithThePointsAsReasonWhenTheDeadlinePasses() {
        Case c = returnedAtRecommendation();
        ProcessInstance child = runtime.createProcessInstanceQuery().superProcessInstanceId(c.pi()).singleResult();
        Job deadline = management.createJobQuery().processInstanceId(child.getId())
                .activityId("Event_CorrectionDeadline").singleResult();
        assertThat(deadline.getDuedate()).as("Beijing midnight after the last working day").isEqualTo(java.util.Date.from(
                corrections.open(c.id()).orElseThrow().deadline().atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));

        management.executeJob(deadline.getId());

        assertThat(stage(c.id())).isEqualTo("REJECTED");
        assertThat(projects.get(c.id()).rejectionReason()).isEqualTo("逾期未补正:" + POINTS);
        assertThat(corrections.of(c.id())).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Revision.EXPIRED);
            assertThat(r.after()).isNull();
        });
        assertThat(history.of(c.id()).stream().map(ProjectEvent::action).toList())
                .containsSubsequence("CORRECTION_REQUESTED", "CORRECTION_EXPIRED", "CLOSED_REJECTED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(c.pi()).count()).as("the project's file ends")
                .isZero();
    }

    @Test
    void shouldQuoteAgainFromTheCorrectedFiguresAfterAReturnAtTheAwardDecision() {
        Case c = filedAndAt(Stage.AWARD_DECISION, "Task_DecideAward");
        BigDecimal first = quoted(c.id());
        String decide = taskOf(BUREAU, c.pi(), "Task_DecideAward");
        assertThat(complete(TOWN, decide, "awardDecision", "CORRECT", "correctionPoints", POINTS, "awardOpinion", "补正")
                .status()).as("the town does not decide awards").isEqualTo(403);
        Response r = complete(BUREAU, decide, "awardDecision", "CORRECT", "correctionPoints", POINTS,
                "awardOpinion", "设备投资需核实");
        assertThat(r.status()).as(r.text()).isEqualTo(204);
        assertThat(corrections.open(c.id()).orElseThrow().stage()).isEqualTo(Stage.AWARD_DECISION);

        String correct = taskOf(ENTERPRISE, c.pi(), "Task_CorrectProject");
        Response ok = complete(ENTERPRISE, correct, corrected("按购置合同更正"));
        assertThat(ok.status()).as(ok.text()).isEqualTo(204);

        BigDecimal again = quoted(c.id());
        assertThat(again).as("the quote follows the corrected equipment figure").isLessThan(first);
        assertThat(history.of(c.id()).stream().map(ProjectEvent::action).toList())
                .containsSubsequence("AWARD_QUOTED", "CORRECTION_REQUESTED", "CORRECTED", "AWARD_QUOTED", "AWARD_REQUOTED");
        String decideAgain = taskOf(BUREAU, c.pi(), "Task_DecideAward");
        assertThat(new BigDecimal(formVariable(BUREAU, decideAgain, "proposedAmount"))).isEqualByComparingTo(again);
        assertThat(stage(c.id())).isEqualTo("AWARD_DECISION");
    }

    BigDecimal quoted(long projectId) {
        return jdbc.sql("select quoted_amount from project_award where project_id = :p").param("p", projectId)
                .query(BigDecimal.class).single();
    }

    /** A complete correction: equipment from 4,000,000 to 3,800,000 and the project's name. */
    static Object[] corrected(String note) {
        return new Object[] {"correctedProjectName", "设备更新改造项目(更正)", "plannedTotalInvestment", 6_000_000,
            "plannedEquipmentInvestment", 4_000_000, "plannedStartDate", "2025-01-01", "plannedEndDate", "2025-09-30",
            "actualTotalInvestment", 6_000_000, "actualEquipmentInvestment", 3_800_000, "correctionNote", note};
    }

    static Object[] withPlanted(Object[] values, String key, Object value) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + 2);
        all[values.length] = key;
        all[values.length + 1] = value;
        return all;
    }

    String stage(long id) {
        return jdbc.sql("select stage from project where id = :id").param("id", id).query(String.class).single();
    }

    String formVariable(String user, String taskId, String name) {
        Response r = rest.get(user, "/engine-rest/task/" + taskId + "/form-variables?variableNames=" + name);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body().at("/" + name + "/value").asText();
    }

    /** The user's tasks of the project: its own instance's and those of the instances it calls. */
    List<JsonNode> tasksOf(String user, String rootInstanceId) {
        Response r = rest.get(user, "/engine-rest/task");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> instances = new java.util.ArrayList<>(List.of(rootInstanceId));
        runtime.createProcessInstanceQuery().superProcessInstanceId(rootInstanceId).list()
                .forEach(child -> instances.add(child.getId()));
        List<JsonNode> found = new java.util.ArrayList<>();
        r.body().forEach(t -> {
            if (instances.contains(t.get("processInstanceId").asText())) {
                found.add(t);
            }
        });
        return found;
    }

    String taskOf(String user, String rootInstanceId, String taskKey) {
        for (JsonNode t : tasksOf(user, rootInstanceId)) {
            if (taskKey.equals(t.get("taskDefinitionKey").asText())) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError(user + " sees no task " + taskKey + " of " + rootInstanceId);
    }

    Response complete(String user, String taskId, Object... keyValues) {
        return rest.post(user, "/engine-rest/task/" + taskId + "/complete", variables(keyValues));
    }
}
