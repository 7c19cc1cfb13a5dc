package cn.tcsubsidy.award;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Hekou's tc-award (东河政发〔2020〕5号), evaluated as deployed for tenant hekou. */
class HekouAwardTableTest extends AwardEngineSupport {

    private AwardTable.Inputs direct(String date, String total, String equipment) {
        return table("hekou").category("DIRECT_SUBSIDY").on(date)
                .money("totalInvestment", total).money("equipmentInvestment", equipment);
    }

    private AwardTable.Inputs loan(String date, String total, String loan, String lpr) {
        return table("hekou").category("LOAN_INTEREST").on(date)
                .money("totalInvestment", total).money("loanAmount", loan).with("lpr", lpr);
    }

    @Test
    void shouldGiveDirectSubsidyAtSixPercentOfEquipmentInWorkedExample() {
        AwardTable.Outcome o = direct("2021-05-10", "9000000", "7000000").evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.reasons()).isEmpty();
        assertThat(o.rate()).isEqualByComparingTo("0.06");
        assertThat(o.baseFields()).isEqualTo("equipmentInvestment");
        assertThat(o.projectCap()).isEqualByComparingTo("1000000");
        assertThat(o.enterpriseCap()).isEqualByComparingTo("3000000");
        assertThat(o.fixedAmount()).isNull();
        assertThat(o.basis()).contains("东河政发〔2020〕5号 三(一)");
    }

    @Test
    void shouldKeepMaximumRateWhenExpertScoreGivenAndNoTiersConfigured() {
        assertThat(direct("2021-05-10", "9000000", "7000000").with("expertScore", new java.math.BigDecimal("61"))
                .evaluate().rate()).isEqualByComparingTo("0.06");
    }

    @Test
    void shouldAcceptDirectSubsidyAtTotalInvestmentThreshold() {
        assertThat(direct("2021-05-10", "5000000", "4000000").evaluate().eligible()).isTrue();
    }

    @Test
    void shouldRefuseDirectSubsidyOneFenUnderTotalInvestmentThreshold() {
        AwardTable.Outcome o = direct("2021-05-10", "4999999.99", "4000000").evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).singleElement().asString().contains("总投资不足500万元");
        assertThat(o.rate()).isEqualByComparingTo("0.06");
    }

    @Test
    void shouldGiveLoanInterestAtQuarterOfLprInWorkedExample() {
        AwardTable.Outcome o = loan("2021-03-01", "9000000", "8000000", "0.0385").evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.rate()).isEqualByComparingTo("0.009625");
        assertThat(o.baseFields()).isEqualTo("loanAmount");
        assertThat(o.projectCap()).isEqualByComparingTo("1000000");
        assertThat(o.enterpriseCap()).isEqualByComparingTo("3000000");
    }

    @Test
    void shouldRefuseLoanInterestUnderTotalInvestmentThreshold() {
        assertThat(loan("2021-03-01", "4999999.99", "8000000", "0.0385").evaluate().reasons())
                .singleElement().asString().contains("总投资不足500万元");
    }

    @Test
    void shouldRefuseLoanInterestWithoutLpr() {
        AwardTable.Outcome o = table("hekou").category("LOAN_INTEREST").on("2021-03-01")
                .money("totalInvestment", "9000000").money("loanAmount", "8000000").evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).singleElement().asString().contains("LPR");
    }

    @Test
    void shouldRefuseLoanInterestWithoutLoan() {
        assertThat(loan("2021-03-01", "9000000", "0", "0.0385").evaluate().reasons())
                .singleElement().asString().contains("贷款实际发生额为0");
    }

    @Test
    void shouldRefuseDirectSubsidyForSuperiorFundedProject() {
        AwardTable.Outcome o = direct("2021-05-10", "9000000", "7000000").with("superiorFunded", true).evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).singleElement().asString().contains("上级专项资金");
    }

    @Test
    void shouldRefuseLoanInterestForSuperiorFundedProject() {
        assertThat(loan("2021-03-01", "9000000", "8000000", "0.0385").with("superiorFunded", true).evaluate().eligible())
                .isFalse();
    }

    @Test
    void shouldNotApplySuperiorFundingExclusionToStatsEntryAward() {
        // The exclusion is part of clause 三(一) (direct subsidy and loan interest); 三(三) is a separate measure.
        assertThat(table("hekou").category("STATS_ENTRY").on("2021-05-10").money("totalInvestment", "6000000")
                .with("superiorFunded", true).evaluate().eligible()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-09-21", "2022-12-31"})
    void shouldAcceptApplicationOnFirstAndLastDayOfValidity(String date) {
        assertThat(direct(date, "9000000", "7000000").evaluate().eligible()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-09-20", "2023-01-01"})
    void shouldRefuseApplicationOutsideValidity(String date) {
        AwardTable.Outcome o = direct(date, "9000000", "7000000").evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).singleElement().asString().contains("不在政策有效期内");
    }

    @Test
    void shouldRefuseApplicationWithoutDate() {
        AwardTable.Outcome o = table("hekou").category("DIRECT_SUBSIDY")
                .money("totalInvestment", "9000000").money("equipmentInvestment", "7000000").evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).singleElement().asString().contains("未填写申请日期");
    }

    @Test
    void shouldListEveryReasonWhenSeveralRulesRefuse() {
        AwardTable.Outcome o = direct("2023-01-01", "4000000", "3000000").with("superiorFunded", true).evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).hasSize(3);
    }

    @Test
    void shouldGiveThirtyThousandStatsEntryAwardAtTwentyMillion() {
        AwardTable.Outcome o = table("hekou").category("STATS_ENTRY").on("2021-05-10")
                .money("totalInvestment", "20000000").evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.fixedAmount()).isEqualByComparingTo("30000");
        assertThat(o.rate()).isNull();
        assertThat(o.baseFields()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"19999999.99", "5000000"})
    void shouldGiveTwentyThousandStatsEntryAwardFromFiveToUnderTwentyMillion(String total) {
        AwardTable.Outcome o = table("hekou").category("STATS_ENTRY").on("2021-05-10")
                .money("totalInvestment", total).evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.fixedAmount()).isEqualByComparingTo("20000");
    }

    @Test
    void shouldRefuseStatsEntryAwardOneFenUnderFiveMillion() {
        AwardTable.Outcome o = table("hekou").category("STATS_ENTRY").on("2021-05-10")
                .money("totalInvestment", "4999999.99").evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).singleElement().asString().contains("纳统奖励");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CITY", "PROVINCE", "NATIONAL"})
    void shouldGivePilotDemoAwardForCityLevelOrHigher(String level) {
        AwardTable.Outcome o = table("hekou").category("PILOT_DEMO").on("2021-05-10")
                .with("certificationLevel", level).evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.fixedAmount()).isEqualByComparingTo("50000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"COUNTY", ""})
    void shouldRefusePilotDemoAwardBelowCityLevel(String level) {
        AwardTable.Outcome o = table("hekou").category("PILOT_DEMO").on("2021-05-10")
                .with("certificationLevel", level.isEmpty() ? null : level).evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).singleElement().asString().contains("市级及以上");
    }

    @Test
    void shouldRefuseCategoryTheTableDoesNotKnow() {
        AwardTable.Outcome o = table("hekou").category("EQUIPMENT").on("2021-05-10").evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).singleElement().asString().contains("未配置");
    }
}
