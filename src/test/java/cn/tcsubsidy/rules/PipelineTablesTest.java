package cn.tcsubsidy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.engine.Tenants;
import cn.tcsubsidy.support.ProcessTestEngine;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each jurisdiction's pool-entry and round-calendar tables, deployed per tenant and evaluated through the engine. */
class PipelineTablesTest {

    static ProcessEngine engine;

    @BeforeAll
    static void deploy() {
        engine = ProcessTestEngine.configuration("tc-pipeline-tables-test").buildProcessEngine();
        for (String t : Tenants.ALL) {
            ProcessTestEngine.deploy(engine, t, "dmn/" + t + "/" + t + "-pipeline.dmn");
        }
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static Map<String, Object> evaluate(String tenant, String decision, Map<String, Object> variables) {
        DmnDecisionResult r = engine.getDecisionService().evaluateDecisionByKey(decision)
                .decisionDefinitionTenantId(tenant).variables(variables).evaluate();
        assertThat(r).hasSize(1);
        return r.getSingleResult().getEntryMap();
    }

    @ParameterizedTest(name = "huanggang total {0} -> {1}")
    @CsvSource({"20000000, CITY", "20000000.01, CITY", "19999999.99, COUNTY", "5000000, COUNTY"})
    void shouldPutHuanggangProjectsOfTwentyMillionAndMoreInTheCityPool(double total, String level) {
        Map<String, Object> r = evaluate("huanggang", "tc-pool-entry", Map.of("plannedTotalInvestment", total));
        assertThat(r).containsEntry("poolLevel", level).containsEntry("progressCycle", "R/P1M");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hekou", "yanzhou", "jiyuan"})
    void shouldKeepOnePoolWithMonthlyReportsElsewhere(String tenant) {
        Map<String, Object> r = evaluate(tenant, "tc-pool-entry", Map.of("plannedTotalInvestment", 30_000_000));
        assertThat(r.get("poolLevel")).as("no pool level").isNull();
        assertThat(r).containsEntry("progressCycle", "R/P1M");
    }

    @Test
    void shouldAskLiaochengKeyProjectsForWeeklyReports() {
        assertThat(evaluate("liaocheng", "tc-pool-entry", Map.of("plannedTotalInvestment", 6_000_000)))
                .containsEntry("progressCycle", "R/P7D");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hekou", "huanggang", "yanzhou", "jiyuan", "liaocheng"})
    void shouldRecommendProjectsCompletedByLastYearsEndByNovemberThirtiethWithFiveWorkingDaysNotice(String tenant) {
        Map<String, Object> r = evaluate(tenant, "tc-round-calendar", Map.of("roundYear", 2026));
        assertThat(r).containsEntry("recommendationDeadline", "2026-11-30")
                .containsEntry("completedBefore", "2025-12-31");
        assertThat(((Number) r.get("noticeWorkingDays")).intValue()).isEqualTo(5);
    }

    @ParameterizedTest(name = "hekou round {0} takes projects completed from {1}")
    @CsvSource({"2026, 2025-01-01", "2021, 2020-01-01"})
    void shouldTakeOnlyLastYearsCompletedProjectsInHekou(int year, String from) {
        // 000 三(五): 每年11月份……对上年度竣工项目推荐
        assertThat(evaluate("hekou", "tc-round-calendar", Map.of("roundYear", year)))
                .containsEntry("completedFrom", from)
                .containsEntry("completedBefore", (year - 1) + "-12-31");
    }

    @ParameterizedTest
    @ValueSource(strings = {"huanggang", "yanzhou", "jiyuan", "liaocheng"})
    void shouldSetNoLowerCompletionBoundWhereTheSourceGivesNone(String tenant) {
        Map<String, Object> r = evaluate(tenant, "tc-round-calendar", Map.of("roundYear", 2026));
        assertThat(r).containsKey("completedFrom");
        assertThat(r.get("completedFrom")).as("no lower bound").isNull();
    }
}
