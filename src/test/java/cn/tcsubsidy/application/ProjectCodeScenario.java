package cn.tcsubsidy.application;

import static cn.tcsubsidy.support.Rest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.support.Rest.Response;
import cn.tcsubsidy.support.Rest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 备案 code (项目代码) is required, well-formed and unique among a jurisdiction's live projects — also when
 * filings of the same code arrive at once — while a rejected project's code may be filed again.
 */
abstract class ProjectCodeScenario {

    private static final String LIAOCHENG_ENTERPRISE = "liaocheng-ent-1";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    cn.tcsubsidy.round.process.RoundJobs roundJobs;
    Rest rest;

    @BeforeEach
    void client() {
        rest = new Rest(port);
    }

    private static Map<String, Object> hekouFiling(String code) {
        Map<String, Object> f = ProjectLifecycleScenario.filing();
        f.put("projectCode", code);
        return f;
    }

    private static Map<String, Object> liaochengFiling(String code) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("jurisdiction", "liaocheng");
        f.put("unitCode", "dongchangfu");
        f.put("enterpriseName", "聊城市东昌府区示例机械有限公司");
        f.put("creditCode", CreditCode.withCheckCharacter("91371502MA3C5X7Q3"));
        f.put("projectCode", code);
        f.put("projectName", "数控机床设备更新改造");
        f.put("category", "EQUIPMENT");
        f.put("plannedTotalInvestment", 6_000_000);
        f.put("plannedEquipmentInvestment", 5_000_000);
        f.put("bankName", "中国建设银行聊城分行");
        f.put("bankAccount", "37050166710800000001");
        f.put("plannedStartDate", "2020-02-01");
        f.put("plannedEndDate", "2020-10-31");
        return f;
    }

    private long withCode(String jurisdiction, String code) {
        return jdbc.sql("select count(*) from project where jurisdiction_code = :j and project_code = :c")
                .param("j", jurisdiction).param("c", code).query(Long.class).single();
    }

    private void assertRefused(Map<String, Object> filing, String reason) {
        long before = withCode((String) filing.get("jurisdiction"), String.valueOf(filing.get("projectCode")));
        long all = jdbc.sql("select count(*) from project").query(Long.class).single();
        String filer = "hekou".equals(filing.get("jurisdiction")) ? ProjectLifecycleScenario.ENTERPRISE : LIAOCHENG_ENTERPRISE;
        Response r = rest.post(filer, "/api/projects", filing);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.body().at("/errors/projectCode").asText()).as(r.text()).contains(reason);
        assertThat(withCode((String) filing.get("jurisdiction"), String.valueOf(filing.get("projectCode"))))
                .isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from project").query(Long.class).single()).isEqualTo(all);
    }

    @Test
    void shouldRequireAWellFormedProjectCode() {
        Map<String, Object> missing = hekouFiling(null);
        missing.remove("projectCode");
        assertRefused(missing, "项目代码不能为空");
        assertRefused(hekouFiling("2021-370503-34-03-01234"), "YYYY-AAAAAA-NN-NN-NNNNNN");
        assertRefused(hekouFiling("2021370503-34-03-012345"), "YYYY-AAAAAA-NN-NN-NNNNNN");
        assertRefused(hekouFiling("２０２１-370503-34-03-012345"), "YYYY-AAAAAA-NN-NN-NNNNNN");
        assertRefused(hekouFiling("2021-37O503-34-03-012345"), "YYYY-AAAAAA-NN-NN-NNNNNN");
        assertRefused(hekouFiling("1999-370503-34-03-012345"), "2000 至 2100");
        assertRefused(hekouFiling("2101-370503-34-03-012345"), "2000 至 2100");
    }

    @Test
    void shouldStoreAndShowTheProjectCode() {
        Response filed = rest.post(ProjectLifecycleScenario.ENTERPRISE, "/api/projects",
                hekouFiling(" 2021-370503-34-03-000001 "));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        Response p = rest.get(ProjectLifecycleScenario.ENTERPRISE, "/api/projects/" + filed.body().get("projectId").asLong());
        assertThat(p.body().at("/project/projectCode").asText()).isEqualTo("2021-370503-34-03-000001");
    }

    @Test
    void shouldRefuseASecondLiveFilingOfTheSameCode() {
        String code = "2021-370503-34-03-000002";
        assertThat(rest.post(ProjectLifecycleScenario.ENTERPRISE, "/api/projects", hekouFiling(code)).status())
                .isEqualTo(201);
        assertRefused(hekouFiling(code), "已有在库项目");
        // Tasklist's start form is refused the same way.
        Map<String, Object> form = new LinkedHashMap<>();
        hekouFiling(code).forEach((k, v) -> form.put(k, Map.of("value", v)));
        Response started = rest.post(ProjectLifecycleScenario.ENTERPRISE,
                "/engine-rest/process-definition/key/tc-project/submit-form", Map.of("variables", form));
        assertThat(started.status()).as(started.text()).isEqualTo(400);
        assertThat(started.body().get("message").asText()).startsWith("提交被拒绝:").contains("项目代码");
        assertThat(withCode("hekou", code)).isEqualTo(1);
        // Codes are unique per jurisdiction: another jurisdiction may hold the same code.
        Response elsewhere = rest.post(LIAOCHENG_ENTERPRISE, "/api/projects", liaochengFiling(code));
        assertThat(elsewhere.status()).as(elsewhere.text()).isEqualTo(201);
    }

    @Test
    void shouldAcceptExactlyOneOfFiveSimultaneousFilingsOfOneCode() throws Exception {
        String code = "2021-370503-34-03-000003";
        int n = 5;
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return rest.post(ProjectLifecycleScenario.ENTERPRISE, "/api/projects", hekouFiling(code));
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> a : answers) {
                Response r = a.get(60, TimeUnit.SECONDS);
                statuses.add(r.status());
                if (r.status() != 201) {
                    assertThat(r.status()).as(r.text()).isEqualTo(400);
                    assertThat(r.body().at("/errors/projectCode").asText()).as(r.text()).contains("已有在库项目");
                }
            }
            assertThat(statuses).as(statuses.toString()).containsExactlyInAnyOrder(201, 400, 400, 400, 400);
        } finally {
            pool.shutdownNow();
        }
        assertThat(withCode("hekou", code)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from project_event e join project p on p.id = e.project_id"
                + " where p.project_code = :c").param("c", code).query(Long.class).single())
                .as("history of the one filing only").isEqualTo(2);
    }

    @Test
    void shouldLetARejectedProjectsCodeBeFiledAgain() {
        String code = "2020-371502-34-03-000004";
        Response filed = rest.post(LIAOCHENG_ENTERPRISE, "/api/projects", liaochengFiling(code));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        long id = filed.body().get("projectId").asLong();
        String pi = filed.body().get("processInstanceId").asText();
        assertThat(complete(LIAOCHENG_ENTERPRISE, task(LIAOCHENG_ENTERPRISE, pi, "Task_ReportCompletion"),
                "completionDate", "2020-10-20", "actualTotalInvestment", 6_000_000, "actualEquipmentInvestment", 5_000_000,
                "completionNote", "已竣工").status()).isEqualTo(204);
        Response round = rest.post("liaocheng-bureau",
                "/engine-rest/process-definition/key/tc-annual-round/tenant-id/liaocheng/start", variables("roundYear", 2021));
        assertThat(round.status()).as(round.text()).isEqualTo(200);
        // The town's task is created in the project's own job (the job executor is off in this test).
        roundJobs.runDueWithoutFailures("liaocheng");
        String town = "liaocheng-town-dongchangfu";
        assertThat(complete(town, task(town, pi, "Task_RecommendProject"), "recommendationDecision", "REJECT",
                "recommendationOpinion", "手续不全,不予推荐", "investmentAssessment", "未到位", "technologyAssessment", "一般",
                "benefitAssessment", "一般").status()).isEqualTo(204);
        assertThat(jdbc.sql("select stage || ':' || coalesce(live_project_code, '-') from project where id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("REJECTED:-");

        Response again = rest.post(LIAOCHENG_ENTERPRISE, "/api/projects", liaochengFiling(code));
        assertThat(again.status()).as(again.text()).isEqualTo(201);
        assertThat(withCode("liaocheng", code)).isEqualTo(2);
        assertRefused(liaochengFiling(code), "已有在库项目");
    }

    private String task(String user, String processInstanceId, String taskKey) {
        Response r = rest.get(user, "/engine-rest/task?processInstanceId=" + processInstanceId
                + "&taskDefinitionKey=" + taskKey);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body()).as(user + " sees " + taskKey).hasSize(1);
        JsonNode t = r.body().get(0);
        return t.get("id").asText();
    }

    private Response complete(String user, String taskId, Object... keyValues) {
        return rest.post(user, "/engine-rest/task/" + taskId + "/complete", variables(keyValues));
    }
}
