package cn.tcsubsidy.award;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Jiyuan's tc-award (济政〔2017〕27号), evaluated as deployed for tenant jiyuan. */
class JiyuanAwardTableTest extends AwardEngineSupport {

    static final String CERTIFICATE = "豫工信〔2018〕15号";

    private AwardTable.Inputs retrofit(String date, String completed) {
        return table("jiyuan").category("TECH_RETROFIT").on(date).money("completedInvestmentThisYear", completed)
                .money("equipmentInvestment", "5000000").money("rdInvestment", "1000000")
                .with("productionStartDate", date);
    }

    /** A certificate-based award of 2018 at the given level. */
    private AwardTable.Inputs certified(String category, String level) {
        return table("jiyuan").category(category).on("2018-03-01").with("certificationLevel", level)
                .certificate(CERTIFICATE, "2018-01-15");
    }

    private AwardTable.Inputs innovationCenter(int listingYear, int awardYear) {
        return table("jiyuan").category("INNOVATION_CENTER").on(awardYear + "-03-01").money("equipmentInvestment", "6000000")
                .with("listingYear", listingYear).certificate("济工信〔" + listingYear + "〕3号", listingYear + "-06-01");
    }

    private AwardTable.Inputs green(String total) {
        return table("jiyuan").category("GREEN").on("2018-03-01").money("totalInvestment", total)
                .scheme("济工信〔2018〕20号", "0.03", "1000000", null, false);
    }

    @Test
    void shouldGiveThirtyPercentOfEquipmentAndRdInWorkedExample() {
        AwardTable.Outcome o = retrofit("2018-03-01", "8000000").evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.rate()).isEqualByComparingTo("0.30");
        assertThat(o.baseFields()).isEqualTo("equipmentInvestment + rdInvestment");
        assertThat(o.projectCap()).isEqualByComparingTo("10000000");
        assertThat(o.enterpriseCap()).isNull();
        assertThat(o.capScope()).isEqualTo("NONE");
        assertThat(o.scoredRate()).isFalse();
    }

    @Test
    void shouldAcceptRetrofitWithFiveMillionCompletedThisYear() {
        assertThat(retrofit("2018-03-01", "5000000").evaluate().eligible()).isTrue();
    }

    @Test
    void shouldRefuseRetrofitOneFenUnderFiveMillionCompletedThisYear() {
        assertThat(retrofit("2018-03-01", "4999999.99").evaluate().reasons())
                .singleElement().asString().contains("奖补年度内完成投资不足500万元");
    }

    @Test
    void shouldJudgeRetrofitByTheYearsCompletedInvestmentNotTheProjectsTotal() {
        // 二(一): 当年投资完成在500万元以上 — the app passes the award year's figure; the cumulative total does not count.
        assertThat(retrofit("2018-03-01", "4999999.99").money("totalInvestment", "30000000").evaluate().eligible()).isFalse();
    }

    @Test
    void shouldRefuseRetrofitWithoutProductionStartDate() {
        assertThat(retrofit("2018-03-01", "8000000").with("productionStartDate", null).evaluate().reasons())
                .singleElement().asString().contains("未填写投产日期");
    }

    @Test
    void shouldAcceptRetrofitInProductionOnTheLastDayOfTheAwardYear() {
        assertThat(retrofit("2018-03-01", "8000000").with("productionStartDate", "2018-12-31").evaluate().eligible())
                .isTrue();
    }

    @Test
    void shouldRefuseRetrofitInProductionOnlyAfterTheAwardYear() {
        assertThat(retrofit("2018-03-01", "8000000").with("productionStartDate", "2019-01-01").evaluate().reasons())
                .singleElement().asString().contains("投产日期晚于奖补年度(2018年)12月31日");
    }

    @Test
    void shouldRefuseRetrofitWithoutAwardYear() {
        assertThat(retrofit("2018-03-01", "8000000").awardYear(null).evaluate().reasons())
                .singleElement().asString().contains("未确定奖补年度");
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

    @Test
    void shouldRefuseWithoutPolicyDate() {
        assertThat(retrofit("2018-03-01", "8000000").policyDate(null).evaluate().reasons())
                .singleElement().asString().isEqualTo("未填写竣工日期或申请日期,无法确定适用的政策");
    }

    @ParameterizedTest(name = "listed {0}, award year {1}")
    @CsvSource({"2020, 2020", "2020, 2021", "2020, 2022"})
    void shouldSupportInnovationCenterForThreeYearsFromListing(int listed, int year) {
        AwardTable.Outcome o = innovationCenter(listed, year).evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.rate()).isEqualByComparingTo("0.50");
        assertThat(o.baseFields()).isEqualTo("equipmentInvestment");
        assertThat(o.projectCap()).isEqualByComparingTo("5000000");
        assertThat(o.enterpriseCap()).isEqualByComparingTo("5000000");
        assertThat(o.capScope()).isEqualTo("CATEGORY_YEAR");
    }

    @Test
    void shouldRefuseInnovationCenterFromTheFourthYear() {
        assertThat(innovationCenter(2020, 2023).evaluate().reasons()).singleElement().asString()
                .contains("连续支持3年").contains("第4年");
    }

    @Test
    void shouldRefuseInnovationCenterBeforeItsListingYear() {
        assertThat(innovationCenter(2020, 2019).evaluate().reasons()).singleElement().asString().contains("早于列入市培育名单");
    }

    @Test
    void shouldRefuseInnovationCenterWithoutListingYear() {
        assertThat(innovationCenter(2020, 2021).with("listingYear", null).evaluate().reasons()).singleElement().asString()
                .contains("未填写列入市制造业创新中心培育名单的年度");
    }

    @Test
    void shouldGiveFiveMillionOnceEverForProvincialInnovationCenter() {
        AwardTable.Outcome o = certified("INNOVATION_CENTER_PROVINCIAL", null).evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.fixedAmount()).isEqualByComparingTo("5000000");
        assertThat(o.enterpriseCap()).isEqualByComparingTo("5000000");
        assertThat(o.capScope()).isEqualTo("CATEGORY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"QUALITY_BRAND", "SMART_MFG", "SERVICE_MFG", "INDUSTRIAL_CLOUD", "DUAL_PLATFORM", "DUAL_BASE",
            "IIOT_MGMT_CERT", "FIRST_SET", "NEW_PRODUCT", "STRONG_BASE", "INNOVATION_CENTER", "INNOVATION_CENTER_PROVINCIAL"})
    void shouldRefuseACertificateBasedAwardWithoutTheCertificateNumber(String category) {
        for (String number : new String[] {null, "", "  "}) {
            assertThat(table("jiyuan").category(category).on("2018-03-01").certificate(number, "2018-01-15").evaluate()
                    .reasons()).as(category + " with certificate number [" + number + "]")
                    .anySatisfy(r -> assertThat(r).contains("证书编号"));
        }
    }

    @Test
    void shouldGiveNewProductThirtyPercentOfRdForAProvincialListing() {
        AwardTable.Outcome o = certified("NEW_PRODUCT", "PROVINCE").money("rdInvestment", "6000000").evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.rate()).isEqualByComparingTo("0.30");
        assertThat(o.baseFields()).isEqualTo("rdInvestment");
        assertThat(o.projectCap()).isEqualByComparingTo("1000000");
        assertThat(o.capScope()).isEqualTo("NONE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NATIONAL", "CITY", ""})
    void shouldRefuseNewProductWithoutProvincialListing(String level) {
        // 二(三): 认定为省工业新产品的 — the text names the provincial listing only.
        assertThat(certified("NEW_PRODUCT", level.isEmpty() ? null : level).money("rdInvestment", "6000000").evaluate()
                .reasons()).singleElement().asString().contains("省工业新产品");
    }

    @Test
    void shouldGiveFirstSetFivePercentOfPriceForLocallyMadeProvinciallyCertifiedEquipment() {
        AwardTable.Outcome o = certified("FIRST_SET", "PROVINCE").money("purchasePrice", "6000000").with("localMade", true)
                .evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.rate()).isEqualByComparingTo("0.05");
        assertThat(o.baseFields()).isEqualTo("purchasePrice");
        assertThat(o.projectCap()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NATIONAL", "CITY", ""})
    void shouldRefuseFirstSetWithoutProvincialCertification(String level) {
        // 二(六): 经省认定的首台(套).
        assertThat(certified("FIRST_SET", level.isEmpty() ? null : level).money("purchasePrice", "6000000")
                .with("localMade", true).evaluate().reasons()).singleElement().asString().contains("经省认定");
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", ""})
    void shouldRefuseFirstSetNotMadeInJiyuan(String localMade) {
        // 二(六): 购买使用我市……的首台(套).
        assertThat(certified("FIRST_SET", "PROVINCE").money("purchasePrice", "6000000")
                .with("localMade", localMade.isEmpty() ? null : Boolean.valueOf(localMade)).evaluate().reasons())
                .singleElement().asString().contains("我市");
    }

    @Test
    void shouldRefuseFirstSetWithoutPurchasePrice() {
        assertThat(certified("FIRST_SET", "PROVINCE").with("localMade", true).evaluate().reasons())
                .singleElement().asString().contains("购买价格");
    }

    @Test
    void shouldGiveStrongBaseHalfOfTheNationalGrant() {
        AwardTable.Outcome o = certified("STRONG_BASE", null).money("nationalFunding", "6000000").evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.rate()).isEqualByComparingTo("0.50");
        assertThat(o.baseFields()).isEqualTo("nationalFunding");
    }

    @Test
    void shouldRefuseStrongBaseWithoutNationalFunding() {
        assertThat(certified("STRONG_BASE", null).evaluate().reasons())
                .singleElement().asString().contains("国家工业强基");
    }

    @Test
    void shouldRefuseGreenRetrofitWithoutAFiledScheme() {
        // 绿色化 二(一): 按照节能降耗效果和投资规模的一定比例 — no rate in the text, none in the table.
        AwardTable.Outcome o = green("6000000").scheme(null, null, null, null, false).evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).singleElement().asString().startsWith("本年度奖补方案未备案(2018年度)");
        assertThat(o.rate()).isNull();
    }

    @Test
    void shouldApplyTheFiledGreenScheme() {
        AwardTable.Outcome o = green("6000000").scheme("济工信〔2018〕20号", "0.04", "1200000", "2000000", false).evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.rate()).isEqualByComparingTo("0.04");
        assertThat(o.baseFields()).isEqualTo("totalInvestment");
        assertThat(o.projectCap()).isEqualByComparingTo("1200000");
        assertThat(o.enterpriseCap()).isEqualByComparingTo("2000000");
        assertThat(o.capScope()).isEqualTo("CATEGORY_YEAR");
        assertThat(o.basis()).startsWith("济工信〔2018〕20号;").contains("一定比例");
    }

    @Test
    void shouldLabelASampleGreenScheme() {
        assertThat(green("6000000").scheme("示例方案-2018", "0.03", "1000000", null, true).evaluate().basis())
                .startsWith("示例方案-2018(示例方案);");
    }

    @Test
    void shouldRefuseAGreenSchemeWithoutARate() {
        assertThat(green("6000000").scheme("济工信〔2018〕20号", null, null, null, false).evaluate().reasons())
                .singleElement().asString().contains("未规定绿色化改造的奖补比例");
    }

    @Test
    void shouldAcceptGreenRetrofitAtFiveMillionNewInvestment() {
        assertThat(green("5000000").evaluate().eligible()).isTrue();
    }

    @Test
    void shouldRefuseGreenRetrofitOneFenUnderFiveMillionNewInvestment() {
        assertThat(green("4999999.99").evaluate().reasons()).singleElement().asString().contains("新增投资额不足500万元");
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "QUALITY_BRAND, NATIONAL, 500000", "QUALITY_BRAND, PROVINCE, 300000",
            "SMART_MFG, NATIONAL, 500000", "SMART_MFG, PROVINCE, 300000",
            "SERVICE_MFG, NATIONAL, 500000", "SERVICE_MFG, PROVINCE, 300000",
            "INDUSTRIAL_CLOUD, NATIONAL, 500000", "INDUSTRIAL_CLOUD, PROVINCE, 300000",
            "DUAL_PLATFORM, NATIONAL, 500000", "DUAL_PLATFORM, PROVINCE, 300000",
            "DUAL_BASE, NATIONAL, 800000", "DUAL_BASE, PROVINCE, 500000",
            "IIOT_MGMT_CERT, NATIONAL, 300000"})
    void shouldGiveFixedAwardByCertificationLevel(String category, String level, String amount) {
        AwardTable.Outcome o = certified(category, level).evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.fixedAmount()).isEqualByComparingTo(amount);
        assertThat(o.rate()).isNull();
        assertThat(o.capScope()).isEqualTo("NONE");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "QUALITY_BRAND, CITY", "QUALITY_BRAND, ", "SMART_MFG, COUNTY", "SERVICE_MFG, CITY",
            "INDUSTRIAL_CLOUD, ", "DUAL_PLATFORM, CITY", "DUAL_BASE, COUNTY", "IIOT_MGMT_CERT, PROVINCE",
            "IIOT_MGMT_CERT, "})
    void shouldRefuseFixedAwardBelowItsLevel(String category, String level) {
        // 智能化 三(一): only 通过国家信息化和工业化融合管理体系评定的; a blank level is not national.
        AwardTable.Outcome o = certified(category, level).evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).hasSize(1);
        assertThat(o.fixedAmount()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"IIOT_MGMT_CERT", "SMART_MFG", "SERVICE_MFG", "INDUSTRIAL_CLOUD", "DUAL_PLATFORM", "DUAL_BASE"})
    void shouldGiveFrom2017AwardsForACertificateOfTheFirstDayOf2017(String category) {
        assertThat(certified(category, "NATIONAL").certificate(CERTIFICATE, "2017-01-01").evaluate().eligible()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"IIOT_MGMT_CERT", "SMART_MFG", "SERVICE_MFG", "INDUSTRIAL_CLOUD", "DUAL_PLATFORM", "DUAL_BASE"})
    void shouldRefuseFrom2017AwardsForACertificateOfTheLastDayOf2016(String category) {
        // 智能化 三(一)至三(四)、三(六): 从2017年起.
        assertThat(certified(category, "NATIONAL").certificate(CERTIFICATE, "2016-12-31").evaluate().reasons())
                .singleElement().asString().contains("2017年");
    }

    @ParameterizedTest
    @ValueSource(strings = {"IIOT_MGMT_CERT", "SMART_MFG", "SERVICE_MFG", "INDUSTRIAL_CLOUD", "DUAL_PLATFORM", "DUAL_BASE"})
    void shouldRefuseFrom2017AwardsWithoutCertificateDate(String category) {
        assertThat(certified(category, "NATIONAL").certificate(CERTIFICATE, null).evaluate().reasons())
                .singleElement().asString().contains("未填写证书日期").contains("2017年");
    }

    @Test
    void shouldSayThatReadingFrom2017IntoTheDualBaseSentenceIsThisSystemsReading() {
        // 三(六): the 双创基地 sentence follows the one that starts 从2017年起 without repeating it.
        assertThat(certified("DUAL_BASE", "NATIONAL").certificate(CERTIFICATE, "2016-12-31").evaluate().reasons())
                .singleElement().asString().contains("本系统的解释");
    }

    @Test
    void shouldNotAskForA2017CertificateWhereTheTextSetsNoStart() {
        // 技改 二(五) (质量品牌) has no 从2017年起.
        assertThat(certified("QUALITY_BRAND", "PROVINCE").certificate(CERTIFICATE, "2016-05-01").evaluate().eligible())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"otherFundingCounty", "otherFundingCity", "otherFundingProvince", "otherFundingNational"})
    void shouldNotKnowAnOtherFundingExclusion(String level) {
        // 济政〔2017〕27号 has no rule against other public funding; STRONG_BASE even builds on the national grant.
        assertThat(retrofit("2018-03-01", "8000000").money(level, "1000000").evaluate().eligible()).isTrue();
        assertThat(certified("QUALITY_BRAND", "NATIONAL").money(level, "1000000").evaluate().eligible()).isTrue();
    }

    @Test
    void shouldRefuseCategoryTheTableDoesNotKnow() {
        AwardTable.Outcome o = table("jiyuan").category("EQUIPMENT").on("2018-03-01").evaluate();
        assertThat(o.reasons()).singleElement().asString().contains("未配置该奖补类别");
        assertThat(o.capScope()).isNull();
    }
}
