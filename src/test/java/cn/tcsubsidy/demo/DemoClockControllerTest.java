package cn.tcsubsidy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.calendar.domain.WorkingDays;
import cn.tcsubsidy.support.Rest.Response;
import cn.tcsubsidy.support.Rest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo profile's clock: only the administrator moves it, only forward, and moving it moves the engine's clock and
 * the app's together, so the job executor fires the timers now due by itself. With the job executor running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-demo-clock;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false"})
@ActiveProfiles("demo")
class DemoClockControllerTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final String CLOCK = "/api/demo/clock";

    @LocalServerPort int port;
    @Autowired Clock clock;
    @Autowired WorkingDays workingDays;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired TestRestTemplate http;
    Rest rest;

    @BeforeEach
    void client() {
        rest = new Rest(port);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    int delete(String user) {
        return http.withBasicAuth(user, user).exchange(CLOCK, HttpMethod.DELETE, null, String.class).getStatusCode().value();
    }

    static void assertNear(Instant actual, Instant expected) {
        assertThat(Duration.between(expected, actual).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldLetNoOneButTheAdministratorMoveTheClock() {
        for (String user : new String[] {"hekou-bureau", "hekou-ent-1", "jiyuan-rules"}) {
            Response moved = rest.post(user, CLOCK, Map.of("advanceWorkingDays", 6));
            assertThat(moved.status()).as(user).isEqualTo(403);
            assertThat(moved.body().get("message").asText()).isEqualTo("只有系统管理员可以调整演示时钟");
            assertThat(rest.get(user, CLOCK).status()).isEqualTo(403);
            assertNear(clock.instant(), Instant.now());
        }
        assertThat(rest.post(null, CLOCK, Map.of("advanceWorkingDays", 6)).status()).isEqualTo(401);

        Instant later = Instant.now().plus(Duration.ofDays(3));
        assertThat(rest.post("admin", CLOCK, Map.of("to", later.atZone(BEIJING).toOffsetDateTime().toString())).status())
                .isEqualTo(200);
        assertThat(delete("hekou-bureau")).isEqualTo(403);
        assertNear(clock.instant(), later);
    }

    @Test
    void shouldRefuseAMoveItCannotMake() {
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("advanceWorkingDays", 6);
        both.put("to", "2099-01-01T09:00:00+08:00");
        assertRefused(Map.of(), "advanceWorkingDays", "二者之一");
        assertRefused(both, "advanceWorkingDays", "二者之一");
        assertRefused(Map.of("advanceWorkingDays", 0), "advanceWorkingDays", "推进工作日数应在 1 至 250 之间");
        assertRefused(Map.of("advanceWorkingDays", 2.5), "advanceWorkingDays", "推进工作日数应为整数");
        assertRefused(Map.of("advanceWorkingDays", "六"), "advanceWorkingDays", "推进工作日数不是有效数字");
        assertRefused(Map.of("to", "下周一"), "to", "带时区的 ISO 时间");
        assertRefused(Map.of("to", "2026-12-10T09:00:00"), "to", "带时区的 ISO 时间");
        assertRefused(Map.of("to", "2101-01-01T00:00:00+08:00"), "to", "不能晚于 2100 年");
        assertRefused(Map.of("to", OffsetDateTime.now(BEIJING).minusHours(1).toString()), "to", "只能向后调整");
    }

    void assertRefused(Map<String, Object> body, String field, String reason) {
        Response r = rest.post("admin", CLOCK, body);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.body().at("/errors/" + field).asText()).contains(reason);
        assertNear(clock.instant(), Instant.now());
    }

    @Test
    void shouldMoveTheEnginesClockAndTheAppsTogetherSoTheJobExecutorFiresTheTimersNowDue() throws InterruptedException {
        Response filed = rest.post("hekou-ent-1", "/api/projects", Map.ofEntries(
                Map.entry("jurisdiction", "hekou"), Map.entry("unitCode", "yihe"),
                Map.entry("enterpriseName", "东营市河口区蓝海新材料有限公司"), Map.entry("creditCode", "91370503MA3C5X7Q3G"), Map.entry("projectCode", "2025-370503-34-03-900001"),
                Map.entry("projectName", "智能化改造项目"), Map.entry("category", "DIRECT_SUBSIDY"),
                Map.entry("plannedTotalInvestment", 9_000_000), Map.entry("plannedEquipmentInvestment", 7_000_000),
                Map.entry("bankName", "中国银行东营分行"), Map.entry("bankAccount", "219800012345678"),
                Map.entry("plannedStartDate", "2026-01-01"), Map.entry("plannedEndDate", "2026-12-31")));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        String pi = filed.body().get("processInstanceId").asText();
        Job progressDue = management.createJobQuery().processInstanceId(pi).activityId("Event_ProgressReportDue").singleResult();
        assertThat(progressDue.getDuedate().toInstant()).as("Hekou reports monthly").isAfter(Instant.now().plus(Duration.ofDays(27)));

        ZonedDateTime target = progressDue.getDuedate().toInstant().plus(Duration.ofHours(1)).atZone(BEIJING);
        Response moved = rest.post("admin", CLOCK, Map.of("to", target.toOffsetDateTime().toString()));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertNear(OffsetDateTime.parse(moved.body().get("now").asText()).toInstant(), target.toInstant());
        assertNear(clock.instant(), target.toInstant());
        assertNear(ClockUtil.getCurrentTime().toInstant(), target.toInstant());
        assertThat(moved.body().get("aheadOfRealTimeSeconds").asLong()).isGreaterThan(Duration.ofDays(27).toSeconds());

        // Nobody runs the job: the job executor finds it due and the progress report is asked for.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_ReportProgress").count() == 0) {
            assertThat(System.nanoTime()).as("the job executor fired the progress-report timer").isLessThan(deadline);
            Thread.sleep(200);
        }

        assertThat(delete("admin")).isEqualTo(200);
        assertNear(clock.instant(), Instant.now());
        assertNear(ClockUtil.getCurrentTime().toInstant(), Instant.now());
    }

    @Test
    void shouldAdvanceByWorkingDaysKeepingTheTimeOfDay() {
        ZonedDateTime before = ZonedDateTime.now(clock);
        Response moved = rest.post("admin", CLOCK, Map.of("advanceWorkingDays", 6));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        ZonedDateTime after = OffsetDateTime.parse(moved.body().get("now").asText()).atZoneSameInstant(BEIJING);

        LocalDate day = after.toLocalDate();
        assertThat(workingDays.isWorkingDay(day)).isTrue();
        assertThat(before.toLocalDate().datesUntil(day.plusDays(1)).skip(1).filter(workingDays::isWorkingDay).count())
                .as("working days after today up to the new day").isEqualTo(6);
        assertNear(after.toInstant(), before.with(day).toInstant());
        assertThat(rest.get("admin", CLOCK).body().get("now").asText()).startsWith(day.toString());
    }
}
