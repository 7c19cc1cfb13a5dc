package cn.tcsubsidy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.support.Rest;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's history is spread over the weeks before the real now ({@link DemoTimeline}): the bottleneck report over
 * it shows waits of hours to days, different per stage and per jurisdiction; no step lies in the future; the clock is
 * real time again once the demo has loaded. Without the job executor, so nothing but the demo wrote the history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-demo-history;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=true",
    "camunda.bpm.job-execution.enabled=false"})
class DemoHistoryH2Test {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void shouldBeBackOnRealTimeAfterTheDemo() {
        assertThat(Math.abs(ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis())).isLessThan(60_000);
    }

    @Test
    void shouldWriteNoHistoryAfterTheRealNowAndSpreadItOverWeeks() {
        Timestamp now = Timestamp.from(Instant.now());
        assertThat(jdbc.sql("select count(*) from ACT_HI_ACTINST where START_TIME_ > :now or END_TIME_ > :now")
                .param("now", now).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from ACT_HI_TASKINST where START_TIME_ > :now or END_TIME_ > :now")
                .param("now", now).query(Long.class).single()).isZero();
        for (String tenant : List.of("hekou", "huanggang", "yanzhou", "jiyuan", "liaocheng")) {
            Timestamp first = jdbc.sql("select min(START_TIME_) from ACT_HI_ACTINST where TENANT_ID_ = :t")
                    .param("t", tenant).query(Timestamp.class).single();
            Timestamp last = jdbc.sql("select max(coalesce(END_TIME_, START_TIME_)) from ACT_HI_ACTINST where TENANT_ID_ = :t")
                    .param("t", tenant).query(Timestamp.class).single();
            assertThat(Duration.between(first.toInstant(), last.toInstant())).as(tenant).isGreaterThan(Duration.ofDays(21));
        }
    }

    @Test
    void shouldShowWaitsOfHoursToDaysPerStageInTheBottleneckReport() {
        Rest rest = new Rest(port);
        Rest.Response hekou = rest.get("hekou-owner", "/api/bottlenecks?jurisdiction=hekou&processDefinitionKey=tc-project");
        assertThat(hekou.status()).isEqualTo(200);
        Map<String, Double> medians = userWaitMedians(hekou.body());
        List<String> waited = new ArrayList<>();
        medians.forEach((id, hours) -> {
            if (hours > 1) {
                waited.add(id);
            }
        });
        assertThat(waited).hasSizeGreaterThanOrEqualTo(8).contains("Task_ReportCompletion", "Task_RecommendProject",
                "Task_DecideAward", "Task_PreparePayment", "Task_ApprovePayment", "Task_RecordAcceptance");
        // Hours to days, not weeks on end: the longest (the notice period, the follow-up) within a month.
        assertThat(medians.values()).allSatisfy(h -> assertThat(h).isLessThan(24 * 31.0));
        // Different per stage...
        assertThat(new HashSet<>(waited.stream().map(medians::get).toList())).hasSizeGreaterThanOrEqualTo(waited.size() - 1);
        // ... and per jurisdiction.
        Map<String, Double> huanggang = userWaitMedians(rest.get("huanggang-owner",
                "/api/bottlenecks?jurisdiction=huanggang&processDefinitionKey=tc-project").body());
        assertThat(huanggang.get("Task_RecommendProject")).isGreaterThan(1).isNotEqualTo(medians.get("Task_RecommendProject"));
        assertThat(huanggang.get("Task_DecideAward")).isGreaterThan(1).isNotEqualTo(medians.get("Task_DecideAward"));

        Map<String, Double> round = userWaitMedians(rest.get("hekou-owner",
                "/api/bottlenecks?jurisdiction=hekou&processDefinitionKey=tc-annual-round").body());
        for (String step : List.of("Task_CloseRecommendation", "Task_CloseReview", "Task_DecideProposedList",
                "Event_NoticePeriodOver")) {
            assertThat(round.get(step)).as(step).isGreaterThan(1);
        }
    }

    @Test
    void shouldKeepTheFormsDatesInOrderAndNotAfterToday() {
        LocalDate today = LocalDate.now(BEIJING);
        List<Map<String, Object>> paid = jdbc.sql("""
                select o.project_id, o.payment_date, a.accepted_on, o.prepared_at
                from payment_order o left join project_acceptance a on a.project_id = o.project_id
                where o.status = 'PAID'
                """).query().listOfRows();
        assertThat(paid).hasSizeGreaterThanOrEqualTo(5);
        Set<LocalDate> days = new HashSet<>();
        for (Map<String, Object> row : paid) {
            LocalDate payment = date(row.get("PAYMENT_DATE"));
            days.add(payment);
            assertThat(payment).isBeforeOrEqualTo(today);
            assertThat(payment).isEqualTo(((Timestamp) row.get("PREPARED_AT")).toLocalDateTime().toLocalDate());
            if (row.get("ACCEPTED_ON") != null) {
                assertThat(date(row.get("ACCEPTED_ON"))).isAfterOrEqualTo(payment).isBeforeOrEqualTo(today);
            }
        }
        assertThat(days).hasSizeGreaterThan(1);
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(value.toString());
    }

    /** Activity id → median wait in hours, for the activities people or the calendar keep waiting. */
    private static Map<String, Double> userWaitMedians(JsonNode report) {
        Map<String, Double> out = new java.util.TreeMap<>();
        report.at("/result/activities").forEach(a -> {
            String type = a.get("type").asText();
            if (a.hasNonNull("medianWaitHours") && a.get("completed").asInt() > 0 && (type.equals("userTask")
                    || type.equals("callActivity") || type.startsWith("intermediate"))) {
                out.put(a.get("activityId").asText(), a.get("medianWaitHours").asDouble());
            }
        });
        return out;
    }
}
