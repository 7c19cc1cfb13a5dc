package cn.tcsubsidy.award;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.support.ProcessTestEngine;
import cn.tcsubsidy.support.Rest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * tc-rate-by-score (Hekou, Liaocheng): shipped without score bands (null = the ceiling of tc-award), and a banded
 * version as a rule administrator would deploy it, evaluated through the engine.
 */
class RateByScoreTableTest extends AwardEngineSupport {

    static final String KEY = "tc-rate-by-score";

    /** Score bands inserted before the shipped default row: 90 and more 0.06, 80 to under 90 0.05, under 80 0.04. */
    static final String BANDS = band("Ninety", ">= 90", "0.06") + band("Eighty", "[80..90)", "0.05")
            + band("UnderEighty", "< 80", "0.04");

    static ProcessEngine banded;

    @BeforeAll
    static void deployBandedTable() throws IOException {
        banded = ProcessTestEngine.configuration("tc-rate-by-score-test").buildProcessEngine();
        banded.getRepositoryService().createDeployment().tenantId("hekou")
                .addString("hekou-rate-by-score.dmn", bandedTable()).deploy();
    }

    @AfterAll
    static void close() {
        banded.close();
    }

    static String band(String name, String score, String rate) {
        String id = "RateByScore_" + name;
        return "<rule id=\"Rule_" + id + "\"><description>示例分档</description>"
                + "<inputEntry id=\"InputEntry_" + id + "_Category\"><text>\"DIRECT_SUBSIDY\"</text></inputEntry>"
                + "<inputEntry id=\"InputEntry_" + id + "_FinalScore\"><text>" + score.replace("<", "&lt;").replace(">", "&gt;")
                + "</text></inputEntry>"
                + "<outputEntry id=\"OutputEntry_" + id + "_Rate\"><text>" + rate + "</text></outputEntry></rule>";
    }

    static String shippedTable() throws IOException {
        return Files.readString(Path.of("dmn/hekou/hekou-rate-by-score.dmn"));
    }

    static String bandedTable() throws IOException {
        String shipped = shippedTable();
        String defaultRow = "<rule id=\"Rule_RateByScore_Default\">";
        assertThat(shipped).contains(defaultRow);
        return shipped.replace(defaultRow, BANDS + defaultRow);
    }

    static BigDecimal rate(DecisionService decisions, String tenant, String category, BigDecimal score) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("category", category);
        vars.put("finalScore", score);
        DmnDecisionResultEntries out = decisions.evaluateDecisionByKey(KEY).decisionDefinitionTenantId(tenant)
                .variables(vars).evaluate().getSingleResult();
        assertThat(out).as("the default row always matches").isNotNull();
        return AwardTable.decimal(out.get("rate"));
    }

    @ParameterizedTest(name = "{0} {1} score {2} → the ceiling")
    @CsvSource({"hekou, DIRECT_SUBSIDY, 95", "hekou, DIRECT_SUBSIDY, 0", "hekou, DIRECT_SUBSIDY,",
            "liaocheng, EQUIPMENT, 100", "liaocheng, EQUIPMENT, 59.5", "liaocheng, EQUIPMENT,"})
    void shouldShipWithoutScoreBandsSoTheCeilingApplies(String tenant, String category, BigDecimal score) {
        assertThat(rate(decisionService, tenant, category, score)).isNull();
    }

    @Test
    void shouldSayWhereUsersSeeItThatTheDefaultIsTheCeilingAndBandsArePractice() throws IOException {
        for (String tenant : new String[] {"hekou", "liaocheng"}) {
            String table = Files.readString(Path.of("dmn/" + tenant + "/" + tenant + "-rate-by-score.dmn"));
            assertThat(table).contains("默认:按政策上限比例(文件未规定按评分分档,由规则管理员按本局评审办法维护)")
                    .contains("常见做法").contains("camunda:historyTimeToLive");
        }
    }

    @ParameterizedTest(name = "score {0} → {1}")
    @CsvSource({"100, 0.06", "90, 0.06", "89.99, 0.05", "80, 0.05", "79.99, 0.04", "0, 0.04"})
    void shouldGiveTheBandOfTheScoreInARedeployedBandedTable(BigDecimal score, String rate) {
        assertThat(rate(banded.getDecisionService(), "hekou", "DIRECT_SUBSIDY", score)).isEqualByComparingTo(rate);
    }

    @Test
    void shouldFallBackToTheCeilingInABandedTableWithoutScoreOrForAnotherCategory() {
        assertThat(rate(banded.getDecisionService(), "hekou", "DIRECT_SUBSIDY", null)).isNull();
        assertThat(rate(banded.getDecisionService(), "hekou", "LOAN_INTEREST", new BigDecimal("95"))).isNull();
    }

    @Test
    void shouldLetTheRuleAdministratorDeployScoreBandsOverRest() throws IOException {
        Rest rest = new Rest(port);
        assertThat(rest.deploy("hekou-ent-1", "hekou", "hekou-rate-by-score.dmn", bandedTable()).status())
                .as("an enterprise may not").isEqualTo(403);
        try {
            assertThat(rest.deploy("hekou-rules", "hekou", "hekou-rate-by-score.dmn", bandedTable()).status()).isEqualTo(200);
            assertThat(rate(decisionService, "hekou", "DIRECT_SUBSIDY", new BigDecimal("85"))).isEqualByComparingTo("0.05");
            assertThat(rate(decisionService, "liaocheng", "EQUIPMENT", new BigDecimal("85"))).as("other tenant").isNull();
        } finally {
            assertThat(rest.deploy("hekou-rules", "hekou", "hekou-rate-by-score.dmn", shippedTable()).status()).isEqualTo(200);
        }
        assertThat(rate(decisionService, "hekou", "DIRECT_SUBSIDY", new BigDecimal("85"))).isNull();
    }
}
