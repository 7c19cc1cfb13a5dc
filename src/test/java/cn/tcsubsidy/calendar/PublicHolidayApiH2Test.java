package cn.tcsubsidy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.calendar.domain.WorkingDays;
import cn.tcsubsidy.support.Rest.Response;
import cn.tcsubsidy.support.Rest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * /api/public-holidays: a year of the calendar for any signed-in user; entries changed and removed by the
 * administrator only (403 for every other role, nothing changed), bad input refused naming the field; a change moves
 * the working days at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-holiday-api;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class PublicHolidayApiH2Test {

    static final List<String> NOT_ADMIN = List.of("hekou-ent-1", "hekou-town-yihe", "hekou-expert-1", "hekou-bureau",
            "hekou-finance", "hekou-rules", "hekou-owner");
    /** A Monday in a year no notice covers yet. */
    static final LocalDate DAY = LocalDate.of(2031, 1, 6);

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired WorkingDays workingDays;
    Rest rest;

    @BeforeEach
    void client() {
        rest = new Rest(port);
        jdbc.sql("delete from public_holiday where holiday_date >= DATE '2031-01-01'").update();
    }

    String calendar() {
        return jdbc.sql("select * from public_holiday order by holiday_date").query().listOfRows()
                + "" + jdbc.sql("select count(*) from public_holiday_change").query(Long.class).single();
    }

    static Map<String, Object> entry(String name, Object workday, String basis) {
        return Map.of("name", name, "workday", workday, "basis", basis);
    }

    @Test
    void shouldListAYearForAnySignedInUserAndNobodyElse() {
        assertThat(rest.get(null, "/api/public-holidays?year=2024").status()).isEqualTo(401);
        for (String user : List.of("hekou-ent-1", "liaocheng-town-chiping", "hekou-expert-1", "admin")) {
            Response r = rest.get(user, "/api/public-holidays?year=2024");
            assertThat(r.status()).as(user).isEqualTo(200);
            assertThat(r.body()).hasSize(36);
            JsonNode nationalDay = find(r.body(), "2024-10-01");
            assertThat(nationalDay.path("name").asText()).isEqualTo("国庆节");
            assertThat(nationalDay.path("workday").asBoolean()).isFalse();
            assertThat(nationalDay.path("basis").asText()).startsWith("国办发明电〔2023〕7号");
            JsonNode makeUp = find(r.body(), "2024-09-29");
            assertThat(makeUp.path("name").asText()).isEqualTo("调休上班(国庆节)");
            assertThat(makeUp.path("workday").asBoolean()).isTrue();
        }
        Response noYear = rest.get("hekou-ent-1", "/api/public-holidays");
        assertThat(noYear.status()).isEqualTo(400);
        assertThat(noYear.body().path("errors").has("year")).isTrue();
        assertThat(rest.get("hekou-ent-1", "/api/public-holidays?year=abc").body().path("errors").has("year")).isTrue();
        assertThat(rest.get("hekou-ent-1", "/api/public-holidays?year=1999").body().path("errors").has("year")).isTrue();
    }

    @Test
    void shouldRefuseChangesToEveryoneButTheAdministrator() {
        jdbc.sql("insert into public_holiday (holiday_date, name, workday, basis) values (DATE '2031-01-07', '测试', false, '测试')")
                .update();
        String before = calendar();
        for (String user : NOT_ADMIN) {
            Response put = rest.put(user, "/api/public-holidays/" + DAY, entry("测试假日", false, "测试依据"));
            assertThat(put.status()).as(user + " " + put.text()).isEqualTo(403);
            assertThat(rest.put(user, "/api/public-holidays/2031-13-01", Map.of()).status()).as(user).isEqualTo(403);
            assertThat(rest.delete(user, "/api/public-holidays/2031-01-07").status()).as(user).isEqualTo(403);
        }
        assertThat(rest.put(null, "/api/public-holidays/" + DAY, entry("测试假日", false, "测试依据")).status()).isEqualTo(401);
        assertThat(calendar()).isEqualTo(before);
    }

    @Test
    void shouldRefuseBadInputNamingTheField() {
        String before = calendar();
        Response bad = rest.put("admin", "/api/public-holidays/" + DAY, Map.of("name", " ", "workday", "yes", "basis", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").has("name")).isTrue();
        assertThat(bad.body().path("errors").has("workday")).isTrue();
        assertThat(bad.body().path("errors").has("basis")).isTrue();

        assertThat(rest.put("admin", "/api/public-holidays/2031-13-01", entry("测试", false, "测试")).body()
                .path("errors").has("date")).isTrue();
        assertThat(rest.put("admin", "/api/public-holidays/tomorrow", entry("测试", false, "测试")).body()
                .path("errors").has("date")).isTrue();
        Response weekday = rest.put("admin", "/api/public-holidays/" + DAY, entry("调休上班(测试)", true, "测试"));
        assertThat(weekday.status()).isEqualTo(400);
        assertThat(weekday.body().path("errors").path("workday").asText()).contains("星期一");
        Response unknown = rest.put("admin", "/api/public-holidays/" + DAY, Map.of("name", "测试", "workday", false,
                "basis", "测试", "holiday", true));
        assertThat(unknown.body().path("errors").has("holiday")).isTrue();
        assertThat(rest.delete("admin", "/api/public-holidays/not-a-date").body().path("errors").has("date")).isTrue();
        assertThat(rest.delete("admin", "/api/public-holidays/2031-02-03").status()).isEqualTo(404);
        assertThat(calendar()).isEqualTo(before);
    }

    @Test
    void shouldLetTheAdministratorAddChangeAndRemoveADateAndMoveTheWorkingDays() {
        assertThat(DAY.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(workingDays.isWorkingDay(DAY)).isTrue();

        Response added = rest.put("admin", "/api/public-holidays/" + DAY, entry("测试假日", false, "国办发明电〔2030〕1号(测试)"));
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        assertThat(added.body().path("date").asText()).isEqualTo(DAY.toString());
        assertThat(added.body().path("updatedBy").asText()).isEqualTo("admin");
        assertThat(workingDays.isWorkingDay(DAY)).isFalse();
        assertThat(workingDays.onOrAfter(LocalDate.of(2031, 1, 4))).isEqualTo(LocalDate.of(2031, 1, 7));

        Response makeUp = rest.put("admin", "/api/public-holidays/2031-01-04", entry("调休上班(测试)", true, "测试"));
        assertThat(makeUp.status()).isEqualTo(200);
        assertThat(workingDays.isWorkingDay(LocalDate.of(2031, 1, 4))).as("a make-up Saturday").isTrue();

        Response changed = rest.put("admin", "/api/public-holidays/" + DAY, entry("测试假日(更正)", false, "测试"));
        assertThat(changed.status()).isEqualTo(200);
        JsonNode year = rest.get("hekou-bureau", "/api/public-holidays?year=2031").body();
        assertThat(year).hasSize(2);
        assertThat(find(year, DAY.toString()).path("name").asText()).isEqualTo("测试假日(更正)");

        assertThat(rest.delete("admin", "/api/public-holidays/" + DAY).status()).isEqualTo(204);
        assertThat(workingDays.isWorkingDay(DAY)).isTrue();
        assertThat(rest.delete("admin", "/api/public-holidays/" + DAY).status()).isEqualTo(404);
        assertThat(jdbc.sql("select previous_name || '>' || coalesce(name, '-') from public_holiday_change"
                        + " where holiday_date = :d order by id").param("d", DAY).query(String.class).list())
                .containsExactly(null, "测试假日>测试假日(更正)", "测试假日(更正)>-");
    }

    static JsonNode find(JsonNode list, String date) {
        return StreamSupport.stream(list.spliterator(), false).filter(e -> date.equals(e.path("date").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + date + " in " + list));
    }
}
