package cn.tcsubsidy.followup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.engine.Tenants;
import cn.tcsubsidy.followup.domain.FollowUpRules;
import cn.tcsubsidy.followup.domain.Indicator;
import cn.tcsubsidy.followup.process.CamundaFollowUpRules;
import cn.tcsubsidy.support.ProcessTestEngine;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each jurisdiction's follow-up tables (tc-follow-up-period, tc-performance-indicators, tc-performance-evaluation),
 * deployed per tenant and evaluated through the engine by {@link CamundaFollowUpRules}: the periods, the indicators
 * (Huanggang's five from its plan's 四(四)), every evaluation rule and its boundaries, common practice labelled.
 */
class FollowUpTablesTest {

    static ProcessEngine engine;
    static CamundaFollowUpRules rules;

    @BeforeAll
    static void deploy() {
        engine = ProcessTestEngine.configuration("tc-follow-up-tables-test").buildProcessEngine();
        for (String t : Tenants.ALL) {
            ProcessTestEngine.deploy(engine, t, "dmn/" + t + "/" + t + "-follow-up.dmn");
        }
        rules = new CamundaFollowUpRules(engine.getDecisionService(), engine.getIdentityService());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @AfterEach
    void signOut() {
        engine.getIdentityService().clearAuthentication();
    }

    static List<String> tenants() {
        return Tenants.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tenants")
    void shouldAskForResultsTwelveMonthsAfterPaymentAsCommonPractice(String tenant) {
        FollowUpRules.Period p = rules.period(tenant, "EQUIPMENT");
        assertThat(p.reportAfterMonths()).isEqualTo(12);
        assertThat(p.reportWorkingDays()).isEqualTo(20);
        assertThat(p.escalationWorkingDays()).isEqualTo(10);
        assertThat(p.rectifyWorkingDays()).isEqualTo(60);
        assertThat(p.note()).contains("常见做法").contains("tc-follow-up-period " + tenant);
    }

    @Test
    void shouldFollowHuanggangsFiveIndicatorsOfItsPlan() {
        assertThat(rules.indicators("huanggang", "INVESTMENT_SUBSIDY")).containsExactly(
                Indicator.INVESTMENT_COMPLETION_RATE, Indicator.DEVELOPMENT_CONTRIBUTION_RATE, Indicator.OUTPUT_VALUE,
                Indicator.TAX, Indicator.NEW_JOBS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"hekou", "yanzhou", "liaocheng"})
    void shouldFollowOutputTaxJobsAndInvestmentElsewhere(String tenant) {
        assertThat(rules.indicators(tenant, "EQUIPMENT")).containsExactly(Indicator.OUTPUT_VALUE, Indicator.TAX,
                Indicator.NEW_JOBS, Indicator.INVESTMENT_COMPLETION_RATE);
    }

    @Test
    void shouldFollowEnergySavedInJiyuan() {
        assertThat(rules.indicators("jiyuan", "GREEN")).contains(Indicator.ENERGY_SAVED);
    }

    @ParameterizedTest(name = "{0}: round {1}, lowest ratio {2} -> {3} {4}")
    @CsvSource({
        "hekou, 1, 1.5, PASS, 0", "hekou, 1, 0.8, PASS, 0", "hekou, 1, 0.7999, RECTIFY, 0", "hekou, 1, 0.5, RECTIFY, 0",
        "hekou, 1, 0.4999, CLAWBACK, 1", "hekou, 1, 0, CLAWBACK, 1",
        "hekou, 2, 0.8, PASS, 0", "hekou, 2, 0.7999, CLAWBACK, 0.3", "hekou, 2, 0.5, CLAWBACK, 0.3",
        "hekou, 2, 0.4999, CLAWBACK, 1",
        "huanggang, 1, 0.6, RECTIFY, 0", "huanggang, 2, 0.6, CLAWBACK, 0.3", "jiyuan, 1, 0.9, PASS, 0",
        "yanzhou, 1, 0.3, CLAWBACK, 1", "liaocheng, 2, 0.79, CLAWBACK, 0.3"})
    void shouldSuggestByTheLowestRatioAchieved(String tenant, int round, String ratio, String conclusion, String share) {
        FollowUpRules.Suggestion s = rules.suggest(tenant, round, new BigDecimal(ratio));
        assertThat(s.conclusion()).isEqualTo(conclusion);
        assertThat(s.share()).isEqualByComparingTo(share);
        assertThat(s.note()).contains("常见做法");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tenants")
    void shouldSuggestPassingWhenTheProjectHasNoTargets(String tenant) {
        FollowUpRules.Suggestion s = rules.suggest(tenant, 1, null);
        assertThat(s.conclusion()).isEqualTo("PASS");
        assertThat(s.note()).contains("未设定绩效目标");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tenants")
    void shouldNeverSuggestASecondRectification(String tenant) {
        for (String ratio : List.of("0", "0.3", "0.5", "0.6", "0.79", "0.8", "2")) {
            assertThat(rules.suggest(tenant, 2, new BigDecimal(ratio)).conclusion()).isNotEqualTo("RECTIFY");
        }
    }

    @Test
    void shouldRestoreTheCallersAuthentication() {
        engine.getIdentityService().setAuthentication("hekou-bureau", List.of("hekou-bureau"), List.of("hekou"));
        rules.suggest("hekou", 1, BigDecimal.ONE);
        assertThat(engine.getIdentityService().getCurrentAuthentication().getUserId()).isEqualTo("hekou-bureau");
    }
}
