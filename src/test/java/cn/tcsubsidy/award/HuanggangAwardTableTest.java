package cn.tcsubsidy.award;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Huanggang's tc-award: the document's rules; rates and caps come from each county's annual scheme (四(二)), passed in
 * as the scheme inputs — the table holds no rate of its own.
 */
class HuanggangAwardTableTest extends AwardEngineSupport {

    static final String SCHEME = "麻政办发〔2022〕8号";

    private AwardTable.Inputs investment(String county) {
        return table("huanggang").category("INVESTMENT_SUBSIDY").on("2022-03-01").with("county", county)
                .money("totalInvestment", "10000000").money("equipmentInvestment", "6000000").with("poolLevel", "COUNTY")
                .scheme(SCHEME, "0.05", "1000000", null, false);
    }

    private AwardTable.Inputs loan(String county) {
        return table("huanggang").category("LOAN_INTEREST").on("2022-03-01").with("county", county)
                .money("totalInvestment", "10000000").money("loanAmount", "4000000").with("poolLevel", "COUNTY")
                .scheme(SCHEME, "0.0185", "500000", "800000", false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"huangzhou", "tuanfeng", "hongan", "macheng", "luotian", "yingshan", "xishui", "qichun",
            "huangmei", "wuxue", "longganhu"})
    void shouldApplyTheCountysFiledInvestmentScheme(String county) {
        AwardTable.Outcome o = investment(county).evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.rate()).isEqualByComparingTo("0.05");
        assertThat(o.baseFields()).isEqualTo("equipmentInvestment");
        assertThat(o.projectCap()).isEqualByComparingTo("1000000");
        assertThat(o.enterpriseCap()).isNull();
        assertThat(o.capScope()).isEqualTo("NONE");
        assertThat(o.basis()).startsWith(SCHEME + ";").contains("各地分年度制定专项奖补方案").doesNotContain("示例方案")
                .contains("设备投资额(文件未规定,本系统的解释)");
    }

    @Test
    void shouldTakeTheSchemesRateAndCapsAsGiven() {
        AwardTable.Outcome o = investment("macheng").scheme("黄州政发〔2023〕2号", "0.07", "1500000", "2000000", false)
                .evaluate();
        assertThat(o.rate()).isEqualByComparingTo("0.07");
        assertThat(o.projectCap()).isEqualByComparingTo("1500000");
        assertThat(o.enterpriseCap()).isEqualByComparingTo("2000000");
        assertThat(o.capScope()).isEqualTo("CATEGORY_YEAR");
        assertThat(o.scoredRate()).isFalse();
    }

    @Test
    void shouldApplyTheCountysFiledLoanInterestScheme() {
        AwardTable.Outcome o = loan("wuxue").evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.rate()).isEqualByComparingTo("0.0185");
        assertThat(o.baseFields()).isEqualTo("loanAmount");
        assertThat(o.projectCap()).isEqualByComparingTo("500000");
        assertThat(o.enterpriseCap()).isEqualByComparingTo("800000");
        assertThat(o.capScope()).isEqualTo("CATEGORY_YEAR");
    }

    @Test
    void shouldNotNeedAnLprBecauseTheSchemeGivesTheLoanInterestRate() {
        assertThat(loan("wuxue").with("lpr", null).evaluate().eligible()).isTrue();
    }

    @Test
    void shouldLabelASampleSchemeInTheBasis() {
        assertThat(investment("macheng").scheme("示例方案-2022", "0.05", "1000000", null, true).evaluate().basis())
                .startsWith("示例方案-2022(示例方案);");
    }

    @ParameterizedTest
    @ValueSource(strings = {"INVESTMENT_SUBSIDY", "LOAN_INTEREST"})
    void shouldRefuseWhenTheCountyHasNoFiledSchemeForTheYear(String category) {
        AwardTable.Outcome o = investment("macheng").with("category", category).money("loanAmount", "4000000")
                .scheme(null, null, null, null, false).evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).singleElement().asString().startsWith("本年度奖补方案未备案").contains("2022年度");
        assertThat(o.rate()).isNull();
        assertThat(o.projectCap()).isNull();
    }

    @Test
    void shouldRefuseASchemeWithoutARateForTheCategory() {
        assertThat(investment("macheng").scheme(SCHEME, null, null, null, false).evaluate().reasons())
                .singleElement().asString().contains(SCHEME).contains("未规定该类别的奖补比例");
    }

    @Test
    void shouldRefuseWithoutCounty() {
        assertThat(investment(null).evaluate().reasons()).singleElement().asString().contains("未指定县(市、区)");
    }

    @Test
    void shouldRefuseCategoryTheTableDoesNotKnow() {
        assertThat(investment("macheng").with("category", "EQUIPMENT").evaluate().reasons())
                .singleElement().asString().contains("未配置该奖补类别");
    }

    @Test
    void shouldRefuseWithoutCategory() {
        AwardTable.Outcome o = investment("macheng").with("category", null).evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).singleElement().asString().contains("未配置该奖补类别");
    }

    @Test
    void shouldAcceptTotalInvestmentAtFiveMillion() {
        assertThat(investment("macheng").money("totalInvestment", "5000000").evaluate().eligible()).isTrue();
    }

    @Test
    void shouldRefuseTotalInvestmentOneFenUnderFiveMillion() {
        assertThat(investment("macheng").money("totalInvestment", "4999999.99").evaluate().reasons())
                .singleElement().asString().contains("总投资不足500万元").contains("解释");
    }

    @Test
    void shouldRefuseCityPoolProjectWithProvincialSupport() {
        assertThat(investment("macheng").money("totalInvestment", "20000000").with("poolLevel", "CITY")
                .money("otherFundingProvince", "0.01").evaluate().reasons()).singleElement().asString().contains("省级支持");
    }

    @Test
    void shouldAcceptCityPoolProjectWithoutProvincialSupport() {
        assertThat(investment("macheng").money("totalInvestment", "20000000").with("poolLevel", "CITY").evaluate()
                .eligible()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"otherFundingCounty", "otherFundingCity", "otherFundingNational"})
    void shouldNotTreatOtherLevelsAsProvincialSupport(String level) {
        // 四(二) names 未获得省级支持 only.
        assertThat(investment("macheng").money("totalInvestment", "20000000").with("poolLevel", "CITY")
                .money(level, "1000000").evaluate().eligible()).isTrue();
    }

    @Test
    void shouldAcceptCountyPoolProjectEvenWithProvincialSupport() {
        // 四(二): the exclusion names only projects of 20 million or more without provincial support.
        assertThat(investment("macheng").money("otherFundingProvince", "1000000").evaluate().eligible()).isTrue();
    }

    @Test
    void shouldRefuseLoanInterestWithoutLoan() {
        assertThat(loan("wuxue").money("loanAmount", "0").evaluate().reasons())
                .singleElement().asString().contains("贷款实际发生额为0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-01-01", "2023-12-31"})
    void shouldAcceptFirstAndLastDayOfActionPlan(String date) {
        assertThat(investment("xishui").policyDate(date).evaluate().eligible()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-12-31", "2024-01-01"})
    void shouldRefuseDaysOutsideActionPlan(String date) {
        assertThat(investment("xishui").policyDate(date).evaluate().reasons()).singleElement().asString()
                .contains("2021—2023年");
    }

    @Test
    void shouldRefuseWithoutPolicyDate() {
        assertThat(investment("xishui").policyDate(null).evaluate().reasons()).singleElement().asString()
                .isEqualTo("未填写竣工日期或申请日期,无法确定适用的政策");
    }
}
