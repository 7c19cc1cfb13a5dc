package cn.tcsubsidy.award;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Huanggang's tc-award: the document's rules plus a sample scheme (示例方案) per county. */
class HuanggangAwardTableTest extends AwardEngineSupport {

    private static final String[] COUNTIES = {"huangzhou", "tuanfeng", "hongan", "macheng", "luotian", "yingshan",
            "xishui", "qichun", "huangmei", "wuxue", "longganhu"};

    private AwardTable.Inputs investment(String county) {
        return table("huanggang").category("INVESTMENT_SUBSIDY").on("2022-03-01").with("county", county)
                .money("totalInvestment", "10000000").money("equipmentInvestment", "6000000").with("poolLevel", "COUNTY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"huangzhou", "tuanfeng", "hongan", "macheng", "luotian", "yingshan", "xishui", "qichun",
            "huangmei", "wuxue", "longganhu"})
    void shouldApplyEachCountysSampleInvestmentScheme(String county) {
        AwardTable.Outcome o = investment(county).evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.rate()).isEqualByComparingTo("0.05");
        assertThat(o.baseFields()).isEqualTo("equipmentInvestment");
        assertThat(o.projectCap()).isEqualByComparingTo("1000000");
        assertThat(o.basis()).startsWith("示例方案");
    }

    @ParameterizedTest
    @ValueSource(strings = {"huangzhou", "tuanfeng", "hongan", "macheng", "luotian", "yingshan", "xishui", "qichun",
            "huangmei", "wuxue", "longganhu"})
    void shouldApplyEachCountysSampleLoanInterestScheme(String county) {
        AwardTable.Outcome o = table("huanggang").category("LOAN_INTEREST").on("2022-03-01").with("county", county)
                .money("totalInvestment", "10000000").money("loanAmount", "4000000").with("lpr", "0.037").evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.rate()).isEqualByComparingTo("0.0185");
        assertThat(o.baseFields()).isEqualTo("loanAmount");
        assertThat(o.projectCap()).isEqualByComparingTo("500000");
        assertThat(o.basis()).startsWith("示例方案");
    }

    @Test
    void shouldCoverEveryCounty() {
        assertThat(COUNTIES).hasSize(11);
    }

    @Test
    void shouldRefuseWithoutCounty() {
        assertThat(investment(null).evaluate().reasons()).singleElement().asString().contains("未指定县(市、区)");
    }

    @Test
    void shouldRefuseCountyWithoutScheme() {
        assertThat(investment("elsewhere").evaluate().reasons()).singleElement().asString().contains("尚未在系统中配置");
    }

    @Test
    void shouldAcceptTotalInvestmentAtFiveMillion() {
        assertThat(investment("macheng").money("totalInvestment", "5000000").evaluate().eligible()).isTrue();
    }

    @Test
    void shouldRefuseTotalInvestmentOneFenUnderFiveMillion() {
        assertThat(investment("macheng").money("totalInvestment", "4999999.99").evaluate().reasons())
                .singleElement().asString().contains("总投资不足500万元");
    }

    @Test
    void shouldRefuseCityPoolProjectWithProvincialSupport() {
        assertThat(investment("macheng").money("totalInvestment", "20000000").with("poolLevel", "CITY")
                .with("superiorFunded", true).evaluate().reasons()).singleElement().asString().contains("省级支持");
    }

    @Test
    void shouldAcceptCityPoolProjectWithoutProvincialSupport() {
        assertThat(investment("macheng").money("totalInvestment", "20000000").with("poolLevel", "CITY").evaluate()
                .eligible()).isTrue();
    }

    @Test
    void shouldAcceptCountyPoolProjectEvenWithProvincialSupport() {
        // 四(二): the exclusion names only projects of 20 million or more without provincial support.
        assertThat(investment("macheng").with("superiorFunded", true).evaluate().eligible()).isTrue();
    }

    @Test
    void shouldRefuseLoanInterestWithoutLpr() {
        assertThat(table("huanggang").category("LOAN_INTEREST").on("2022-03-01").with("county", "wuxue")
                .money("totalInvestment", "10000000").money("loanAmount", "4000000").evaluate().reasons())
                .singleElement().asString().contains("LPR");
    }

    @Test
    void shouldRefuseLoanInterestWithoutLoan() {
        assertThat(table("huanggang").category("LOAN_INTEREST").on("2022-03-01").with("county", "wuxue")
                .money("totalInvestment", "10000000").with("lpr", "0.037").evaluate().reasons())
                .singleElement().asString().contains("贷款实际发生额为0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-01-01", "2023-12-31"})
    void shouldAcceptFirstAndLastDayOfActionPlan(String date) {
        assertThat(investment("xishui").on(date).evaluate().eligible()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-12-31", "2024-01-01"})
    void shouldRefuseDaysOutsideActionPlan(String date) {
        assertThat(investment("xishui").on(date).evaluate().reasons()).singleElement().asString().contains("2021—2023年");
    }
}
