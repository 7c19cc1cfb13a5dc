package cn.tcsubsidy.scoreboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.demo.DemoProjects;
import cn.tcsubsidy.scoreboard.domain.UnitTargets;
import cn.tcsubsidy.support.Rest;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's targets (the 2017 table copied into the demo's year, marked 示例目标, once however often the demo loads)
 * and the scoreboard and year at a glance over the demo's 2022 round, whose award the ledger reserved and the
 * finance officers paid through the processes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-scoreboard-demo;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=true",
    "camunda.bpm.job-execution.enabled=false"})
class ScoreboardDemoH2Test {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired UnitTargets targets;
    @Autowired DemoProjects demo;

    @Test
    void shouldSeedTheDemoYearsTargetsOnceAsSamplesOf2017() {
        int year = LocalDate.now(clock).getYear();
        List<Map<String, Object>> seeded = rows(year);
        assertThat(seeded).hasSize(19);
        assertThat(seeded).allSatisfy(r -> assertThat((String) r.get("SOURCE")).startsWith("示例目标(沿用2017年目标)"));
        assertThat(figures(year)).isEqualTo(figures(2017));

        assertThat(targets.enterSampleTargets(year)).isZero();
        demo.load();
        assertThat(rows(year)).isEqualTo(seeded);

        JsonNode board = new Rest(port).get("jiyuan-bureau", "/api/scoreboard?jurisdiction=jiyuan&year=" + year).body();
        assertThat(board.get("rankedBy").asText()).isEqualTo("完成率(技改投资)");
        assertThat(board.get("targetSource").asText()).startsWith("示例目标(沿用2017年目标)");
        assertThat(board.at("/totals/targets/retrofitInvestment").decimalValue()).isEqualByComparingTo("4000000000");
        assertThat(board.at("/totals/targets/retrofittingEnterprises").asInt()).isEqualTo(60);
        // The demo files its projects on its timeline, in the weeks before the start (in January partly last year):
        // the scoreboard counts Jiyuan's filed in the demo's year (Beijing time), five from February on.
        long filedThisYear = jdbc.sql("select filed_at from project where jurisdiction_code = 'jiyuan'")
                .query((rs, i) -> rs.getObject(1, java.time.LocalDateTime.class)).list().stream()
                .filter(t -> t.getYear() == year).count();
        assertThat(jdbc.sql("select count(*) from project where jurisdiction_code = 'jiyuan'").query(Long.class).single())
                .isEqualTo(5);
        assertThat(board.at("/totals/filed").asLong()).isEqualTo(filedThisYear);
    }

    @Test
    void shouldShowTheDemoRoundsAwardAsTheLedgerAndThePaymentsHoldIt() {
        BigDecimal granted = jdbc.sql("""
                select sum(granted_amount) from award where jurisdiction_code = 'jiyuan' and award_year = 2022 and live
                """).query(BigDecimal.class).single();
        assertThat(granted).isPositive();
        Rest rest = new Rest(port);
        JsonNode board = rest.get("jiyuan-owner", "/api/scoreboard?jurisdiction=jiyuan&year=2022").body();
        assertThat(board.at("/totals/recommended").asInt()).isEqualTo(1);
        assertThat(board.at("/totals/awarded").asInt()).isEqualTo(1);
        assertThat(board.at("/totals/awardAmount").decimalValue()).isEqualByComparingTo(granted);
        assertThat(board.at("/units/0/awarded").asInt()).isEqualTo(1);

        JsonNode summary = rest.get("jiyuan-auditor", "/api/year-summary?jurisdiction=jiyuan&year=2022").body();
        assertThat(summary.get("awardDecided").decimalValue()).isEqualByComparingTo(granted);
        assertThat(summary.get("awardPaid").decimalValue()).isEqualByComparingTo(granted);
        assertThat(summary.get("budget").decimalValue()).isEqualByComparingTo("30000000");
        assertThat(summary.get("budgetSource").asText()).contains("示例预算");
        int projects = 0;
        int rejected = 0;
        for (JsonNode s : summary.get("stages")) {
            projects += s.get("projects").asInt();
            rejected += s.get("stage").asText().equals("REJECTED") ? s.get("projects").asInt() : 0;
        }
        assertThat(projects).as("the 2022 round's two projects").isEqualTo(2);
        assertThat(rejected).as("the one not recommended").isEqualTo(1);
    }

    private List<Map<String, Object>> rows(int year) {
        return jdbc.sql("select * from unit_target where jurisdiction = 'jiyuan' and target_year = :y order by unit_code")
                .param("y", year).query().listOfRows();
    }

    private List<String> figures(int year) {
        return jdbc.sql("""
                select unit_code || ':' || industrial_investment_target || ':' || retrofit_investment_target || ':'
                       || retrofitting_enterprises_target
                  from unit_target where jurisdiction = 'jiyuan' and target_year = :y order by unit_code
                """).param("y", year).query(String.class).list();
    }
}
