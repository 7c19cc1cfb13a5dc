package cn.tcsubsidy.round;

import static cn.tcsubsidy.support.Rest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.process.TcProjectProcess;
import cn.tcsubsidy.round.domain.RoundStepAnswers;
import cn.tcsubsidy.round.process.TcAnnualRoundProcess;
import cn.tcsubsidy.support.Postgres;
import cn.tcsubsidy.support.RequiresPostgres;
import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.StageFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Liaocheng round of 500 projects concludes its review with the job executor running (the pool settings of
 * application.yml): the bureau's click returns at once, every project quotes in a job of its own, one project with
 * bad data becomes one incident on its own instance while the others carry on, and once its data is fixed and the
 * administrator retries the incident, the round ranks the projects and goes on to the proposed list.
 */
@RequiresPostgres
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=true"})
class RoundAtScalePostgresTest {

    static final int PROJECTS = 500;
    static final String BUREAU = "liaocheng-bureau";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired ProjectRepository projects;
    @Autowired ProjectHistory history;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired ProcessEngine engine;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Postgres.useFreshDatabase(registry, "tc_round_scale_test");
    }

    @Test
    void shouldConcludeReviewOfFiveHundredProjectsAsOneJobEachAndSurviveOneBadProject() throws Exception {
        StageFixture fixture = new StageFixture(projects, history, jdbc);
        long roundId = fixture.round("REVIEW");
        int year = ((Number) fixture.roundRow(roundId).get("round_year")).intValue();
        List<Long> ids = new ArrayList<>();
        List<String> instances = new ArrayList<>();
        long setupStarted = System.nanoTime();
        for (int i = 0; i < PROJECTS; i++) {
            long id = fixture.project(Stage.REVIEWED, roundId);
            // Each project's process stands where a passed review leaves it: waiting for the round's ReviewClosed,
            // tagged with its jurisdiction as a filing by a Liaocheng user is (started inside an engine command,
            // as the app's own steps start instances).
            String pi = asLiaochengInsideTheEngine(() -> runtime.createProcessInstanceByKey(TcProjectProcess.KEY)
                    .startBeforeActivity(TcProjectProcess.Elements.REVIEW_CLOSED)
                    .setVariables(TcProjectProcess.Vars.PROJECT_ID.entry(id))
                    .setVariables(TcProjectProcess.Vars.ROUND_ID.entry(roundId)).setVariables(TcProjectProcess.Vars.ROUND_YEAR.entry(year))
                    .execute().getId());
            projects.setProcessInstance(id, pi);
            ids.add(id);
            instances.add(pi);
        }
        String roundPi = runtime.createProcessInstanceByKey(TcAnnualRoundProcess.KEY)
                .processDefinitionTenantId(StageFixture.JURISDICTION)
                .startBeforeActivity(TcAnnualRoundProcess.Elements.CLOSE_REVIEW)
                .setVariables(TcAnnualRoundProcess.Vars.ROUND_ID.entry(roundId)).setVariables(TcAnnualRoundProcess.Vars.ROUND_YEAR.entry(year))
                .setVariables(TcAnnualRoundProcess.Vars.REVIEW_COUNT.entry(PROJECTS)).execute().getId();
        jdbc.sql("update review_round set process_instance_id = :pi where id = :r").param("pi", roundPi).param("r", roundId)
                .update();
        System.out.printf("round of %d projects set up in %d ms%n", PROJECTS, millisSince(setupStarted));

        // One project's record is wrong: its category is not one of Liaocheng's.
        long bad = ids.get(PROJECTS / 2);
        String badPi = instances.get(PROJECTS / 2);
        jdbc.sql("update project set category = 'NO_SUCH_CATEGORY' where id = :p").param("p", bad).update();

        Rest rest = new Rest(port);
        String closeReview = tasks.createTaskQuery().processInstanceId(roundPi).singleResult().getId();
        // The bureau has Tasklist open: its session and the server are warm before the click that is timed.
        assertThat(rest.get(BUREAU, "/engine-rest/task/" + closeReview + "/form-variables").status()).isEqualTo(200);
        long clickStarted = System.nanoTime();
        Rest.Response click = rest.post(BUREAU, "/engine-rest/task/" + closeReview + "/complete",
                variables("reviewSummary", "专家评审完成"));
        long clickMillis = millisSince(clickStarted);
        assertThat(click.status()).as(click.text()).isEqualTo(204);
        System.out.printf("the bureau's click on a %d-project round returned in %d ms%n", PROJECTS, clickMillis);
        assertThat(clickMillis).as("the click stores the decision only; the step is a job").isLessThan(1000);

        long concludeStarted = System.nanoTime();
        waitUntil(Duration.ofMinutes(2), () -> answers(roundId, "DONE") == PROJECTS - 1);
        System.out.printf("%d projects quoted by the job executor in %d ms%n", PROJECTS - 1, millisSince(concludeStarted));
        List<Incident> incidents = runtime.createIncidentQuery().list();
        assertThat(incidents).as("one incident, on the project with bad data").hasSize(1);
        Incident incident = incidents.get(0);
        assertThat(incident.getProcessInstanceId()).isEqualTo(badPi);
        assertThat(incident.getIncidentMessage()).startsWith("数据有误,未重试:奖补类别取值无效:NO_SUCH_CATEGORY");
        assertThat(incident.getTenantId()).isEqualTo(StageFixture.JURISDICTION);
        assertThat(management.createJobQuery().jobId(incident.getConfiguration()).singleResult().getRetries())
                .as("bad data is not retried").isZero();
        assertThat(answers(roundId, "PENDING")).isEqualTo(1);
        Rest.Response answered = rest.get(BUREAU, "/api/rounds/" + roundId + "/answers");
        assertThat(answered.status()).as(answered.text()).isEqualTo(200);
        assertThat(answered.body().get("pending").asInt()).isEqualTo(1);
        assertThat(answered.body().get("answers")).hasSize(PROJECTS);
        assertThat(rest.get("hekou-bureau", "/api/rounds/" + roundId + "/answers").status())
                .as("another jurisdiction's round").isEqualTo(404);
        assertThat(rest.get("liaocheng-ent-1", "/api/rounds/" + roundId + "/answers").status())
                .as("an enterprise does not follow rounds").isEqualTo(404);
        assertThat(tasks.createTaskQuery().processInstanceId(roundPi).singleResult().getTaskDefinitionKey())
                .as("the round waits for the one that has not answered").isEqualTo(TcAnnualRoundProcess.Elements.AWAIT_QUOTES);
        Rest.Response goOnWithoutReason = rest.post(BUREAU, "/engine-rest/task/"
                + tasks.createTaskQuery().processInstanceId(roundPi).singleResult().getId() + "/complete", variables());
        assertThat(goOnWithoutReason.status()).isEqualTo(400);
        assertThat(goOnWithoutReason.text()).contains("尚有 1 个项目未完成奖补测算", "设备更新");

        // The data is fixed and the administrator retries the incident (Cockpit, or the REST call below).
        jdbc.sql("update project set category = 'EQUIPMENT' where id = :p").param("p", bad).update();
        Rest.Response retry = rest.put("admin", "/engine-rest/job/" + incident.getConfiguration() + "/retries",
                Map.of("retries", 1));
        assertThat(retry.status()).as(retry.text()).isEqualTo(204);
        waitUntil(Duration.ofMinutes(1), () -> tasks.createTaskQuery().processInstanceId(roundPi)
                .taskDefinitionKey(TcAnnualRoundProcess.Elements.DECIDE_PROPOSED_LIST).count() == 1);
        System.out.printf("review of %d projects concluded, fault fixed and retried, in %d ms%n", PROJECTS,
                millisSince(concludeStarted));

        assertThat(answers(roundId, "DONE")).isEqualTo(PROJECTS);
        assertThat(jdbc.sql("select count(*) from project_award where project_id in (select id from project where round_id = :r)")
                .param("r", roundId).query(Long.class).single()).as("every project quoted").isEqualTo(PROJECTS);
        assertThat(jdbc.sql("select count(*) from project where round_id = :r and stage = 'AWARD_DECISION'")
                .param("r", roundId).query(Long.class).single()).isEqualTo(PROJECTS);
        assertThat(runtime.createIncidentQuery().count()).isZero();
        assertThat(TcProjectProcess.Vars.BUDGET_NOTE.get(runtime, instances.get(0))).as("ranked").isNotNull();
    }

    private <T> T asLiaochengInsideTheEngine(java.util.function.Supplier<T> start) {
        identity.setAuthentication(BUREAU, List.of(BUREAU), List.of(StageFixture.JURISDICTION));
        try {
            return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                    .execute(commandContext -> start.get());
        } finally {
            identity.clearAuthentication();
        }
    }

    private long answers(long roundId, String status) {
        return jdbc.sql("select count(*) from round_step_answer where round_id = :r and step = :s and status = :st")
                .param("r", roundId).param("s", RoundStepAnswers.QUOTE_AWARD).param("st", status).query(Long.class).single();
    }

    private static void waitUntil(Duration limit, BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not done within " + limit);
            }
            Thread.sleep(200);
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
