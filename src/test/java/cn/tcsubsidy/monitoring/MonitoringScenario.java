package cn.tcsubsidy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.engine.EngineClock;
import cn.tcsubsidy.support.Logins;
import cn.tcsubsidy.support.Logins.Answer;
import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.Rest.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * /actuator for operators: who may read what (401, 403, 200), the health without and with login, and the figures of
 * /actuator/prometheus after real work (a filed project, a quote, an incident, a failed job, a task past its due date
 * by the app's clock). The test client stands behind a trusted proxy (127.0.0.1), so the throttle test picks its own
 * source address. Spring Boot tests leave metrics export off unless asked: the Prometheus registry is what is tested.
 */
@AutoConfigureObservability(tracing = false)
abstract class MonitoringScenario {

    /** The database's name as the db health shows it. */
    abstract String database();

    static final String ENTERPRISE = "hekou-ent-1";
    static final String PROMETHEUS = "/actuator/prometheus";
    static final String HEALTH = "/actuator/health";

    @LocalServerPort
    int port;
    @Autowired
    WorkloadMetrics metrics;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    Rest rest;
    Logins logins;

    @BeforeEach
    void clients() {
        rest = new Rest(port);
        logins = new Logins(port);
    }

    @AfterEach
    void clockBack() {
        EngineClock.reset();
    }

    // ------------------------------------------------------------------------------------------------ who may read

    @Test
    void shouldAskForALoginWithoutOneOrWithAWrongPassword() {
        for (String path : List.of(PROMETHEUS, "/actuator/info", "/actuator", "/actuator/health/db")) {
            Response anonymous = rest.get(null, path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.body().get("message").asText()).contains("请使用用户名和密码登录");
        }
        assertThat(logins.basic("GET", PROMETHEUS, "admin", "wrong", null, null).status()).isEqualTo(401);
        assertThat(logins.basic("GET", PROMETHEUS, "monitoring", "wrong", null, null).status()).isEqualTo(401);
        // Credentials sent to the open health are checked too.
        assertThat(logins.basic("GET", HEALTH, "admin", "wrong", null, null).status()).isEqualTo(401);
    }

    /** Paths as sent, not normalized by a client: none reaches the metrics without a login. */
    @Test
    void shouldNotOpenTheMetricsThroughAnOddPath() throws IOException {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("/actuator/health/../prometheus", 401);
        expected.put("/actuator/health/..;/prometheus", 401);
        expected.put("/actuator/health/%2e%2e/prometheus", 401);
        expected.put("/actuator/%2e%2e/actuator/prometheus", 401);
        expected.put("/actuator//prometheus", 401);
        expected.put("/actuator/health/", 401);
        expected.put("/actuator/Health", 401);
        expected.put("/actuator/health.json", 401);
        // Normalized to the open health, which the actuator does not serve under that raw path.
        expected.put("/actuator/prometheus/../health", 404);
        expected.put("/actuator/health;x=1", 200);
        Map<String, Integer> answered = new LinkedHashMap<>();
        for (String path : expected.keySet()) {
            answered.put(path, rawStatus(path));
        }
        assertThat(answered).isEqualTo(expected);
    }

    /** The status of a GET whose request line carries {@code path} byte for byte. */
    int rawStatus(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void shouldRefuseEveryUserButTheAdministratorAndTheMonitoringAccount() {
        for (String user : List.of("hekou-bureau", "hekou-owner", "hekou-auditor", "hekou-finance", "hekou-rules",
                "hekou-head", ENTERPRISE, "hekou-town-yihe", "hekou-expert-1", "yanzhou-bureau")) {
            for (String path : List.of(PROMETHEUS, HEALTH, "/actuator/info")) {
                Response r = rest.get(user, path);
                assertThat(r.status()).as(user + " " + path).isEqualTo(403);
                assertThat(r.body().get("message").asText()).as(user).contains("无权查看运行监控数据");
            }
        }
        for (String user : List.of("admin", "monitoring")) {
            Response r = rest.get(user, PROMETHEUS);
            assertThat(r.status()).as(user).isEqualTo(200);
            assertThat(r.text()).contains("# TYPE tc_mail_outbox gauge");
            assertThat(rest.get(user, "/actuator/info").status()).as(user).isEqualTo(200);
        }
    }

    @Test
    void shouldGiveTheMonitoringAccountNoEngineRights() {
        file("2020-370503-34-03-000701");
        assertThat(rest.get("admin", "/engine-rest/task").body()).isNotEmpty();
        assertThat(rest.get("monitoring", "/engine-rest/task").body()).isEmpty();
        assertThat(rest.get("monitoring", "/engine-rest/process-instance").body()).isEmpty();
        assertThat(rest.get("monitoring", "/engine-rest/deployment").body()).isEmpty();
        // /api lets any signed-in user ask; the project scope shows it nothing (no tenant, no group of a jurisdiction).
        Response projects = rest.get("monitoring", "/api/projects?jurisdiction=hekou");
        assertThat(projects.status()).as(projects.text()).isEqualTo(200);
        assertThat(projects.body().get("total").asLong()).isZero();
        assertThat(rest.get("admin", "/api/projects?jurisdiction=hekou").body().get("total").asLong()).isPositive();
    }

    @Test
    void shouldThrottleWrongPasswordsOnTheActuatorLikeEveryOtherLogin() {
        String source = "203.0.113.77";
        for (int i = 0; i < 10; i++) {
            assertThat(logins.basic("GET", PROMETHEUS, "monitoring", "guess-" + i, source, null).status()).isEqualTo(401);
        }
        Answer locked = logins.basic("GET", PROMETHEUS, "monitoring", "monitoring", source, null);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isPresent();
        assertThat(logins.basic("GET", PROMETHEUS, "monitoring", "monitoring", "203.0.113.78", null).status())
                .isEqualTo(200);
    }

    // ------------------------------------------------------------------------------------------------------ health

    @Test
    void shouldAnswerTheStatusAloneWithoutLogin() {
        Response r = rest.get(null, HEALTH);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void shouldShowTheComponentsToTheAdministratorAndTheMonitoringAccount() {
        for (String user : List.of("admin", "monitoring")) {
            Response r = rest.get(user, HEALTH);
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.body().get("status").asText()).isEqualTo("UP");
            assertThat(r.body().at("/components/db/status").asText()).isEqualTo("UP");
            assertThat(r.body().at("/components/db/details/database").asText()).isEqualTo(database());
            // Job execution is off in these tests: UNKNOWN, which leaves the overall status UP.
            assertThat(r.body().at("/components/jobExecutor/status").asText()).isEqualTo("UNKNOWN");
            assertThat(r.body().at("/components/jobExecutor/details/lateJobs").asLong()).isZero();
            // No SMTP host (MAIL_HOST empty): Spring's check would be DOWN; the outbox works without a server.
            assertThat(r.body().at("/components/mail/status").asText()).isEqualTo("UNKNOWN");
            assertThat(r.body().at("/components/mail/details/smtp").asText()).contains("MAIL_HOST 为空");
        }
    }

    @Test
    void shouldGoDownWhenJobsWaitTooLongToBeAcquired() {
        String pi = file("2020-370503-34-03-000301");
        Job job = jobOf(pi);
        Date due = job.getDuedate();
        try {
            managementService.setJobDuedate(job.getId(), Date.from(clock.instant().minus(Duration.ofMinutes(11))));
            Response admin = rest.get("admin", HEALTH);
            assertThat(admin.status()).as(admin.text()).isEqualTo(503);
            assertThat(admin.body().at("/components/jobExecutor/status").asText()).isEqualTo("DOWN");
            assertThat(admin.body().at("/components/jobExecutor/details/lateJobs").asLong()).isEqualTo(1);
            assertThat(admin.body().at("/components/jobExecutor/details/problem").asText()).contains("仍未被作业执行器领取");
            Response anonymous = rest.get(null, HEALTH);
            assertThat(anonymous.status()).isEqualTo(503);
            assertThat(anonymous.text()).isEqualTo("{\"status\":\"DOWN\"}");

            // Nine minutes late is within the allowed lag.
            managementService.setJobDuedate(job.getId(), Date.from(clock.instant().minus(Duration.ofMinutes(9))));
            assertThat(rest.get("admin", HEALTH).status()).isEqualTo(200);
        } finally {
            managementService.setJobDuedate(job.getId(), due);
        }
        assertThat(rest.get(null, HEALTH).status()).isEqualTo(200);
    }

    // ----------------------------------------------------------------------------------------------------- metrics

    @Test
    void shouldCountOpenAndOverdueTasksPerJurisdictionAndActivity() {
        Map<String, String> completion = Map.of("jurisdiction", "hekou", "activity", "Task_ReportCompletion");
        metrics.refresh();
        double open = value("tc_tasks_open", completion).orElse(0);
        String first = file("2020-370503-34-03-000401");
        String second = file("2020-370503-34-03-000402");
        metrics.refresh();
        assertThat(value("tc_tasks_open", completion)).hasValue(open + 2);
        assertThat(value("tc_tasks_overdue", completion)).isEmpty();

        // The system sets due dates: one yesterday, one in three days by the app's clock.
        Instant now = clock.instant();
        taskService.setDueDate(taskOf(first).getId(), Date.from(now.minus(Duration.ofDays(1))));
        taskService.setDueDate(taskOf(second).getId(), Date.from(now.plus(Duration.ofDays(3))));
        metrics.refresh();
        assertThat(value("tc_tasks_overdue", completion)).hasValue(1);
        assertThat(value("tc_tasks_open", completion)).hasValue(open + 2);
        assertThat(value("tc_tasks_open", Map.of("jurisdiction", "yanzhou", "activity", "Task_ReportCompletion")))
                .isEmpty();

        // Four days on (the engine's clock, which the app's follows), the second is overdue too.
        EngineClock.moveTo(now.plus(Duration.ofDays(4)));
        metrics.refresh();
        assertThat(value("tc_tasks_overdue", completion)).hasValue(2);
        EngineClock.reset();

        taskService.setDueDate(taskOf(first).getId(), null);
        taskService.setDueDate(taskOf(second).getId(), null);
        metrics.refresh();
        assertThat(value("tc_tasks_overdue", completion)).isEmpty();
    }

    @Test
    void shouldCountIncidentsAndFailedJobsPerJurisdiction() {
        metrics.refresh();
        assertThat(value("tc_jobs_failed", Map.of("jurisdiction", "hekou"))).hasValue(0);
        assertThat(value("tc_jobs_failed", Map.of("jurisdiction", "jiyuan"))).hasValue(0);
        String pi = file("2020-370503-34-03-000501");
        Job job = jobOf(pi);
        managementService.setJobRetries(job.getId(), 0);
        Incident incident = runtimeService.createIncident("tc-monitoring-test", taskOf(pi).getExecutionId(), "test");
        try {
            metrics.refresh();
            assertThat(value("tc_jobs_failed", Map.of("jurisdiction", "hekou"))).hasValue(failedJobs("hekou"));
            assertThat(failedJobs("hekou")).isEqualTo(1);
            assertThat(value("tc_jobs_failed", Map.of("jurisdiction", "jiyuan"))).hasValue(0);
            assertThat(value("tc_incidents", Map.of("jurisdiction", "hekou", "type", "tc-monitoring-test"))).hasValue(1);
        } finally {
            runtimeService.resolveIncident(incident.getId());
            managementService.setJobRetries(job.getId(), 3);
        }
        metrics.refresh();
        assertThat(value("tc_jobs_failed", Map.of("jurisdiction", "hekou"))).hasValue(0);
        assertThat(value("tc_incidents", Map.of("jurisdiction", "hekou", "type", "tc-monitoring-test"))).isEmpty();
    }

    @Test
    void shouldCountTheOutboxPerStatus() {
        file("2020-370503-34-03-000601");
        metrics.refresh();
        long pending = jdbc.sql("select count(*) from mail_outbox where status = 'PENDING'").query(Long.class).single();
        assertThat(pending).isPositive();
        assertThat(value("tc_mail_outbox", Map.of("status", "PENDING"))).hasValue(pending);
        assertThat(value("tc_mail_outbox", Map.of("status", "FAILED"))).hasValue(0);
        assertThat(value("tc_mail_outbox", Map.of("status", "SENT"))).hasValue(0);
        assertThat(value("tc_mail_outbox", Map.of("status", "SKIPPED"))).isPresent();
    }

    @Test
    void shouldTimeEveryDecisionEvaluationOfAQuote() {
        Map<String, String> award = Map.of("decision", "tc-award", "jurisdiction", "hekou");
        double before = value("tc_decision_evaluation_seconds_count", award).orElse(0);
        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("jurisdiction", "hekou");
        quote.put("category", "DIRECT_SUBSIDY");
        quote.put("applicationDate", "2021-05-10");
        quote.put("totalInvestment", 9_000_000);
        quote.put("equipmentInvestment", 7_000_000);
        Response r = rest.post("admin", "/api/award-quotes", quote);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("amount").decimalValue()).isEqualByComparingTo("420000.00");
        double after = value("tc_decision_evaluation_seconds_count", award).orElseThrow();
        assertThat(after).isGreaterThan(before);
        assertThat(value("tc_decision_evaluation_seconds_sum", award).orElseThrow()).isPositive();
        assertThat(rest.post("admin", "/api/award-quotes", quote).status()).isEqualTo(200);
        assertThat(value("tc_decision_evaluation_seconds_count", award).orElseThrow()).isEqualTo(after + (after - before));
    }

    // ----------------------------------------------------------------------------------------------------- helpers

    /** The value of the series {@code name} whose labels include {@code labels}, as the monitoring user scrapes it. */
    OptionalDouble value(String name, Map<String, String> labels) {
        Response r = rest.get("monitoring", PROMETHEUS);
        assertThat(r.status()).isEqualTo(200);
        OptionalDouble found = OptionalDouble.empty();
        for (String line : r.text().split("\n")) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            String labelText = line.substring(name.length() + 1, line.lastIndexOf('}'));
            if (labels.entrySet().stream().allMatch(e -> labelText.contains(e.getKey() + "=\"" + e.getValue() + "\""))) {
                assertThat(found).as("one series of %s %s", name, labels).isEmpty();
                found = OptionalDouble.of(Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).trim()));
            }
        }
        return found;
    }

    /** Files a Hekou project as its enterprise; the process instance's id. */
    String file(String projectCode) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("jurisdiction", "hekou");
        f.put("unitCode", "yihe");
        f.put("enterpriseName", "东营市河口区蓝海新材料有限公司");
        f.put("creditCode", "91370503MA3C5X7Q3G");
        f.put("projectCode", projectCode);
        f.put("projectName", "年产5万吨新材料生产线智能化改造");
        f.put("category", "DIRECT_SUBSIDY");
        f.put("plannedTotalInvestment", 12_000_000);
        f.put("plannedEquipmentInvestment", 8_000_000);
        f.put("bankName", "中国工商银行东营河口支行");
        f.put("bankAccount", "1614001234567890");
        f.put("plannedStartDate", "2020-01-10");
        f.put("plannedEndDate", "2020-09-30");
        f.put("contactEmail", "lanhai@example.test");
        Response filed = rest.post(ENTERPRISE, "/api/projects", f);
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        return filed.body().get("processInstanceId").asText();
    }

    Task taskOf(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("Task_ReportCompletion")
                .singleResult();
    }

    Job jobOf(String processInstanceId) {
        List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).list();
        assertThat(jobs).as("jobs of the filed project").isNotEmpty();
        return jobs.get(0);
    }

    long failedJobs(String tenant) {
        return managementService.createJobQuery().tenantIdIn(tenant).noRetriesLeft().count();
    }
}
