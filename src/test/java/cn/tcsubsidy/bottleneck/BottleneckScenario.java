package cn.tcsubsidy.bottleneck;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.engine.EngineClock;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.StageFixture;
import cn.tcsubsidy.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bottleneck report on a history with known waiting times: four Liaocheng projects of 茌平 pass a town task in
 * 1, 2, 3 and 10 hours and wait at a bureau task (one done after 5 hours, three still open) with a due date that
 * the clock then passes. Exact medians, 90th percentiles, overdue counts, per unit and per reviewer; the filters;
 * who may read it, over HTTP Basic and with the webapps' session; tenant isolation.
 * Run on H2 ({@link BottleneckH2Test}) and PostgreSQL ({@link BottleneckPostgresTest}).
 */
abstract class BottleneckScenario {

    static final String KEY = "tc-test-waits";
    static final Instant T0 = OffsetDateTime.parse("2031-03-03T09:00:00+08:00").toInstant();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProjectRepository projects;
    @Autowired
    ProjectHistory history;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    Rest rest;

    @BeforeEach
    void setUp() {
        rest = new Rest(port);
        if (repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
            repository.createDeployment().addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY)
                    .camundaHistoryTimeToLive(30).startEvent()
                    .userTask("Task_Town").name("镇街审核").camundaCandidateGroups("liaocheng-town-chiping")
                    .camundaDueDate("${townDue}")
                    .userTask("Task_Bureau").name("工信局审定").camundaCandidateGroups("liaocheng-bureau")
                    .camundaDueDate("${bureauDue}")
                    .endEvent().done()).deploy();
        }
    }

    @AfterEach
    void tearDown() {
        EngineClock.reset();
    }

    private void at(Duration sinceT0) {
        EngineClock.moveTo(T0.plus(sinceT0));
    }

    private String task(String instance, String key) {
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult().getId();
    }

    private JsonNode activity(Rest.Response r, String id) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode a = r.body().get("result").get("activities").get(id);
        assertThat(a).as("activity " + id + " in " + r.text()).isNotNull();
        return a;
    }

    @Test
    void shouldReportExactWaitingTimesOverdueTasksUnitsAndReviewersOfOneTenantOnly() {
        StageFixture fixture = new StageFixture(projects, history, jdbc);
        List<String> instances = new ArrayList<>();
        at(Duration.ZERO);
        for (int i = 0; i < 4; i++) {
            long project = fixture.project(Stage.IN_PROGRESS, null);
            instances.add(runtime.startProcessInstanceByKey(KEY, String.valueOf(project), Map.of(
                    "jurisdiction", "liaocheng",
                    "townDue", Date.from(T0.plus(Duration.ofHours(24))),
                    "bureauDue", Date.from(T0.plus(Duration.ofHours(16))))).getId());
        }
        // The town officer finishes after 1, 2, 3 and 10 hours; the bureau finishes the first 5 hours after it came.
        int[] townHours = {1, 2, 3, 10};
        for (int i = 0; i < 4; i++) {
            at(Duration.ofHours(townHours[i]));
            String t = task(instances.get(i), "Task_Town");
            tasks.claim(t, "liaocheng-town-chiping");
            tasks.complete(t);
            if (i == 0) {
                continue;
            }
        }
        at(Duration.ofHours(6));
        String b = task(instances.get(0), "Task_Bureau");
        tasks.claim(b, "liaocheng-bureau");
        tasks.complete(b);

        // Before the bureau's due date (T0 + 16 h) nothing is overdue.
        at(Duration.ofHours(15));
        String path = "/api/bottlenecks?jurisdiction=liaocheng&processDefinitionKey=" + KEY;
        Rest.Response early = rest.get("liaocheng-owner", path);
        assertThat(activity(early, "Task_Bureau").get("overdue").asInt()).isZero();

        at(Duration.ofHours(20));
        Rest.Response r = rest.get("liaocheng-owner", path);
        JsonNode town = activity(r, "Task_Town");
        assertThat(town.get("name").asText()).isEqualTo("镇街审核");
        assertThat(town.get("waiting").asInt()).isZero();
        assertThat(town.get("completed").asInt()).isEqualTo(4);
        // [1, 2, 3, 10] h: median 2.5; p90 at rank 2.7 → 3 + 0.7 × 7 = 7.9.
        assertThat(town.get("medianWaitHours").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(town.get("p90WaitHours").decimalValue()).isEqualByComparingTo("7.90");
        assertThat(town.get("overdue").asInt()).isZero();

        JsonNode bureau = activity(r, "Task_Bureau");
        // One stay done in 5 h; three open since T0 + 2, 3, 10 h, at T0 + 20 h: 18, 17, 10 h → [5, 10, 17, 18].
        assertThat(bureau.get("waiting").asInt()).isEqualTo(3);
        assertThat(bureau.get("completed").asInt()).isEqualTo(1);
        assertThat(bureau.get("medianWaitHours").decimalValue()).isEqualByComparingTo("13.50");
        assertThat(bureau.get("p90WaitHours").decimalValue()).isEqualByComparingTo("17.70");
        assertThat(bureau.get("overdue").asInt()).isEqualTo(3);
        assertThat(bureau.get("severity").asText()).isEqualTo("HIGH");
        assertThat(town.get("severity").asText()).isEqualTo("LOW");
        assertThat(r.body().get("result").get("activities").has("StartEvent_1")).isFalse();

        JsonNode chiping = null;
        for (JsonNode u : r.body().get("result").get("units")) {
            if (u.get("unit").asText().equals("chiping")) {
                chiping = u;
            }
        }
        assertThat(chiping).isNotNull();
        assertThat(chiping.get("unitName").asText()).isEqualTo("茌平区");
        assertThat(chiping.get("projects").asInt()).isEqualTo(4);
        assertThat(chiping.get("completedTasks").asInt()).isEqualTo(4);
        assertThat(chiping.get("openTasks").asInt()).isZero();
        assertThat(chiping.get("medianHoursToComplete").decimalValue()).isEqualByComparingTo("2.50");

        JsonNode reviewers = r.body().get("result").get("reviewers");
        assertThat(reviewers.findValuesAsText("reviewer")).containsExactly("liaocheng-bureau", "liaocheng-town-chiping");
        assertThat(reviewers.get(0).get("medianHoursToComplete").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(reviewers.get(1).get("completed").asInt()).isEqualTo(4);

        // Filters: the year the stays began in, and the recommending unit.
        assertThat(rest.get("liaocheng-bureau", path + "&year=2031").body().get("result").get("activities")
                .get("Task_Town").get("completed").asInt()).isEqualTo(4);
        assertThat(rest.get("liaocheng-bureau", path + "&year=2030").body().get("result").get("activities").size()).isZero();
        assertThat(rest.get("liaocheng-auditor", path + "&unit=dongchangfu").body().get("result").get("activities").size()).isZero();
        assertThat(rest.get("liaocheng-auditor", path + "&unit=chiping").body().get("result").get("activities")
                .get("Task_Bureau").get("waiting").asInt()).isEqualTo(3);

        // Bad filters: 400 naming the field; unknown jurisdiction 404.
        Rest.Response badYear = rest.get("liaocheng-owner", path + "&year=1999");
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.text()).contains("year");
        Rest.Response foreignUnit = rest.get("liaocheng-owner", path + "&unit=yihe");
        assertThat(foreignUnit.status()).isEqualTo(400);
        assertThat(foreignUnit.text()).contains("unit");
        assertThat(rest.get("liaocheng-owner", "/api/bottlenecks?jurisdiction=liaocheng").status()).isEqualTo(400);
        assertThat(rest.get("admin", "/api/bottlenecks?jurisdiction=nowhere&processDefinitionKey=" + KEY).status()).isEqualTo(404);

        // Who reads: the jurisdiction's bureau, owner, auditor and the administrator; nobody else; no other tenant's.
        for (String user : List.of("liaocheng-bureau", "liaocheng-auditor", "admin")) {
            assertThat(rest.get(user, path).status()).as(user).isEqualTo(200);
        }
        for (String user : List.of("liaocheng-ent-1", "liaocheng-town-chiping", "liaocheng-expert-1", "liaocheng-finance",
                "liaocheng-rules", "liaocheng-head", "hekou-owner", "hekou-bureau")) {
            assertThat(rest.get(user, path).status()).as(user).isEqualTo(403);
        }
        assertThat(rest.get(null, path).status()).isEqualTo(401);
        Rest.Response hekou = rest.get("hekou-owner", "/api/bottlenecks?jurisdiction=hekou&processDefinitionKey=" + KEY);
        assertThat(hekou.status()).isEqualTo(200);
        assertThat(hekou.body().get("result").get("activities").size()).isZero();
        assertThat(hekou.body().get("result").get("reviewers").size()).isZero();

        // The Cockpit plugin's way: the webapps' session, for reads only.
        WebappSession owner = WebappSession.signIn(port, "liaocheng-owner");
        Rest.Response bySession = owner.getApp(path);
        assertThat(activity(bySession, "Task_Bureau").get("waiting").asInt()).isEqualTo(3);
        assertThat(owner.getApp("/api/bottlenecks?jurisdiction=hekou&processDefinitionKey=" + KEY).status()).isEqualTo(403);
        assertThat(owner.getApp("/api/me").body().get("jurisdictions").findValuesAsText("code")).containsExactly("liaocheng");
        assertThat(owner.postApp("/api/award-quotes", Map.of()).status()).isEqualTo(401);
    }
}
