package cn.tcsubsidy.award;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Jiyuan's tc-award (济政〔2017〕27号), evaluated as deployed for tenant jiyuan. */
class JiyuanAwardTableTest extends AwardEngineSupport {

    private AwardTable.Inputs retrofit(String date, String completed) {
        return table("jiyuan").category("TECH_RETROFIT").on(date).money("completedInvestmentThisYear", completed)
                .money("equipmentInvestment", "5000000").money("rdInvestment", "1000000");
    }

    @Test
    void shouldGiveThirtyPercentOfEquipmentAndRdInWorkedExample() {
        AwardTable.Outcome o = retrofit("2018-03-01", "8000000").evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.rate()).isEqualByComparingTo("0.30");
        assertThat(o.baseFields()).isEqualTo("equipmentInvestment + rdInvestment");
        assertThat(o.projectCap()).isEqualByComparingTo("10000000");
        assertThat(o.enterpriseCap()).isNull();
    }

    @Test
    void shouldAcceptRetrofitWithFiveMillionCompletedThisYear() {
        assertThat(retrofit("2018-03-01", "5000000").evaluate().eligible()).isTrue();
    }

    @Test
    void shouldRefuseRetrofitOneFenUnderFiveMillionCompletedThisYear() {
        assertThat(retrofit("2018-03-01", "4999999.99").evaluate().reasons())
                .singleElement().asString().contains("当年完成投资不足500万元");
    }

    @Test
    void shouldAcceptFirstDayOfPolicy() {
        assertThat(retrofit("2017-08-02", "8000000").evaluate().eligible()).isTrue();
    }

    @Test
    void shouldRefuseDayBeforePolicy() {
        assertThat(retrofit("2017-08-01", "8000000").evaluate().reasons())
                .singleElement().asString().contains("2017年8月2日");
    }

    @Test
    void shouldHaveNoEndDate() {
        assertThat(retrofit("2035-12-31", "8000000").evaluate().eligible()).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1} of {2}, project cap {3}")
    @CsvSource({
            "INNOVATION_CENTER, 0.50, equipmentInvestment, 5000000",
            "NEW_PRODUCT,       0.30, rdInvestment,        1000000",
            "STRONG_BASE,       0.50, nationalFunding,",
            "FIRST_SET,         0.05, purchasePrice,",
            "GREEN,             0.03, totalInvestment,     1000000"})
    void shouldGiveRateOfBase(String category, String rate, String base, String projectCap) {
        AwardTable.Outcome o = table("jiyuan").category(category).on("2018-03-01").money(base, "6000000").evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.rate()).isEqualByComparingTo(rate);
        assertThat(o.baseFields()).isEqualTo(base);
        if (projectCap == null) {
            assertThat(o.projectCap()).isNull();
        } else {
            assertThat(o.projectCap()).isEqualByComparingTo(projectCap);
        }
    }

    @Test
    void shouldGiveFiveMillionOnceForProvincialInnovationCenter() {
        AwardTable.Outcome o = table("jiyuan").category("INNOVATION_CENTER_PROVINCIAL").on("2018-03-01").evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.fixedAmount()).isEqualByComparingTo("5000000");
    }

    @Test
    void shouldRefuseStrongBaseWithoutNationalFunding() {
        assertThat(table("jiyuan").category("STRONG_BASE").on("2018-03-01").evaluate().reasons())
                .singleElement().asString().contains("国家工业强基");
    }

    @Test
    void shouldRefuseFirstSetWithoutPurchasePrice() {
        assertThat(table("jiyuan").category("FIRST_SET").on("2018-03-01").evaluate().reasons())
                .singleElement().asString().contains("购买价格");
    }

    @Test
    void shouldLabelGreenRetrofitTermsAsSampleScheme() {
        assertThat(table("jiyuan").category("GREEN").on("2018-03-01").money("totalInvestment", "6000000").evaluate()
                .basis()).startsWith("示例方案");
    }

    @Test
    void shouldAcceptGreenRetrofitAtFiveMillionNewInvestment() {
        assertThat(table("jiyuan").category("GREEN").on("2018-03-01").money("totalInvestment", "5000000").evaluate()
                .eligible()).isTrue();
    }

    @Test
    void shouldRefuseGreenRetrofitOneFenUnderFiveMillionNewInvestment() {
        assertThat(table("jiyuan").category("GREEN").on("2018-03-01").money("totalInvestment", "4999999.99").evaluate()
                .reasons()).singleElement().asString().contains("新增投资额不足500万元");
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "QUALITY_BRAND, NATIONAL, 500000", "QUALITY_BRAND, PROVINCE, 300000",
            "SMART_MFG, NATIONAL, 500000", "SMART_MFG, PROVINCE, 300000",
            "SERVICE_MFG, NATIONAL, 500000", "SERVICE_MFG, PROVINCE, 300000",
            "INDUSTRIAL_CLOUD, NATIONAL, 500000", "INDUSTRIAL_CLOUD, PROVINCE, 300000",
            "DUAL_PLATFORM, NATIONAL, 500000", "DUAL_PLATFORM, PROVINCE, 300000",
            "DUAL_BASE, NATIONAL, 800000", "DUAL_BASE, PROVINCE, 500000",
            "IIOT_MGMT_CERT, NATIONAL, 300000", "IIOT_MGMT_CERT, , 300000"})
    void shouldGiveFixedAwardByCertificationLevel(String category, String level, String amount) {
        AwardTable.Outcome o = table("jiyuan").category(category).on("2018-03-01").with("certificationLevel", level)
                .evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.fixedAmount()).isEqualByComparingTo(amount);
        assertThat(o.rate()).isNull();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "QUALITY_BRAND, CITY", "QUALITY_BRAND, ", "SMART_MFG, COUNTY", "SERVICE_MFG, CITY",
            "INDUSTRIAL_CLOUD, ", "DUAL_PLATFORM, CITY", "DUAL_BASE, COUNTY", "IIOT_MGMT_CERT, PROVINCE"})
    void shouldRefuseFixedAwardBelowItsLevel(String category, String level) {
        AwardTable.Outcome o = table("jiyuan").category(category).on("2018-03-01").with("certificationLevel", level)
                .evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).hasSize(1);
        assertThat(o.fixedAmount()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TECH_RETROFIT", "QUALITY_BRAND"})
    void shouldNotKnowSuperiorFundingExclusion(String category) {
        // 济政〔2017〕27号 has no rule against other public funding; the flag changes nothing.
        assertThat(table("jiyuan").category(category).on("2018-03-01").money("completedInvestmentThisYear", "8000000")
                .with("certificationLevel", "NATIONAL").with("superiorFunded", true).evaluate().eligible()).isTrue();
    }
}
