package cn.tcsubsidy.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    private AwardTable.Inputs pilot(String level) {
        return table("hekou").category("PILOT_DEMO").on("2021-05-10").with("certificationLevel", level)
                .certificate("东工信字〔2021〕12号", "2021-03-01");
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
        assertThat(o.basis()).contains("东河政发〔2020〕5号 三(一)").contains("最高不超过6%");
    }

    @Test
    void shouldMarkDirectSubsidyRateAsTheCeilingTheScoreTableMayLower() {
        // 三(一): 最高不超过6%; the rate within the ceiling comes from tc-rate-by-score, not from this table.
        AwardTable.Outcome o = direct("2021-05-10", "9000000", "7000000").with("expertScore", new BigDecimal("61"))
                .evaluate();
        assertThat(o.rate()).isEqualByComparingTo("0.06");
        assertThat(o.scoredRate()).isTrue();
    }

    @Test
    void shouldCapDirectSubsidyPerEnterpriseWithinItsOwnMode() {
        // 三(一) states 单个企业不超过300万元 once for direct subsidy and once again for loan interest.
        AwardTable.Outcome o = direct("2021-05-10", "9000000", "7000000").evaluate();
        assertThat(o.capScope()).isEqualTo("CATEGORY");
        assertThat(o.enterpriseCap()).isEqualByComparingTo("3000000");
    }

    @Test
    void shouldCapLoanInterestPerEnterpriseWithinItsOwnMode() {
        AwardTable.Outcome o = loan("2021-03-01", "9000000", "8000000", "0.0385").evaluate();
        assertThat(o.capScope()).isEqualTo("CATEGORY");
        assertThat(o.enterpriseCap()).isEqualByComparingTo("3000000");
        assertThat(o.scoredRate()).isFalse();
    }

    @Test
    void shouldKeepStatsEntryAwardOutsideTheEnterpriseCaps() {
        AwardTable.Outcome o = table("hekou").category("STATS_ENTRY").on("2021-05-10")
                .money("totalInvestment", "20000000").evaluate();
        assertThat(o.capScope()).isEqualTo("NONE");
        assertThat(o.enterpriseCap()).isNull();
        assertThat(o.basis()).contains("不占用");
    }

    @Test
    void shouldKeepPilotDemoAwardOutsideTheEnterpriseCaps() {
        AwardTable.Outcome o = pilot("CITY").evaluate();
        assertThat(o.capScope()).isEqualTo("NONE");
        assertThat(o.enterpriseCap()).isNull();
        assertThat(o.scoredRate()).isFalse();
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
        assertThat(o.basis()).contains("贷款实际发生额");
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

    @ParameterizedTest(name = "{0} funding of {1}")
    @CsvSource({"otherFundingCity, 0.01", "otherFundingProvince, 0.01", "otherFundingNational, 0.01",
            "otherFundingProvince, 2000000"})
    void shouldRefuseDirectSubsidyForProjectWithHigherLevelFunding(String level, String amount) {
        // 三(一): 享受上级专项资金奖补扶持的,不再纳入区级奖补扶持范围 — city, province and state are above the district.
        AwardTable.Outcome o = direct("2021-05-10", "9000000", "7000000").money(level, amount).evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).singleElement().asString().contains("上级").contains("不再纳入区级奖补扶持范围");
    }

    @Test
    void shouldRefuseLoanInterestForProjectWithHigherLevelFunding() {
        assertThat(loan("2021-03-01", "9000000", "8000000", "0.0385").money("otherFundingCity", "0.01").evaluate()
                .reasons()).singleElement().asString().contains("上级");
    }

    @Test
    void shouldNotCountDistrictFundingAsHigherLevelFunding() {
        assertThat(direct("2021-05-10", "9000000", "7000000").money("otherFundingCounty", "500000").evaluate()
                .eligible()).isTrue();
    }

    @Test
    void shouldNotApplyHigherLevelFundingExclusionToStatsEntryAward() {
        // The exclusion is part of clause 三(一) (direct subsidy and loan interest); 三(三) is a separate measure.
        assertThat(table("hekou").category("STATS_ENTRY").on("2021-05-10").money("totalInvestment", "6000000")
                .money("otherFundingProvince", "100000").evaluate().eligible()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-09-21", "2022-12-31"})
    void shouldAcceptPolicyDateOnFirstAndLastDayOfValidity(String date) {
        assertThat(direct(date, "9000000", "7000000").evaluate().eligible()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-09-20", "2023-01-01"})
    void shouldRefusePolicyDateOutsideValidity(String date) {
        AwardTable.Outcome o = direct(date, "9000000", "7000000").evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).singleElement().asString().contains("不在政策有效期内");
    }

    @Test
    void shouldPickThePolicyByThePolicyDateNotTheApplicationDate() {
        // A project completed while the policy was in force, recommended after it expired.
        assertThat(direct("2023-11-30", "9000000", "7000000").policyDate("2022-12-31").evaluate().eligible()).isTrue();
        assertThat(direct("2022-06-30", "9000000", "7000000").policyDate("2023-01-01").evaluate().eligible()).isFalse();
    }

    @Test
    void shouldRefuseWithoutPolicyDate() {
        AwardTable.Outcome o = table("hekou").category("DIRECT_SUBSIDY")
                .money("totalInvestment", "9000000").money("equipmentInvestment", "7000000").evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).singleElement().asString().isEqualTo("未填写竣工日期或申请日期,无法确定适用的政策");
    }

    @Test
    void shouldListEveryReasonWhenSeveralRulesRefuse() {
        AwardTable.Outcome o = direct("2023-01-01", "4000000", "3000000").money("otherFundingNational", "1").evaluate();
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
        AwardTable.Outcome o = pilot(level).evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.fixedAmount()).isEqualByComparingTo("50000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"COUNTY", ""})
    void shouldRefusePilotDemoAwardBelowCityLevel(String level) {
        AwardTable.Outcome o = pilot(level.isEmpty() ? null : level).evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).singleElement().asString().contains("市级及以上");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void shouldRefusePilotDemoAwardWithoutCertificateNumber(String number) {
        // 三(四): 对认定的……试点示范项目 — the award rests on the certificate, which is paid once.
        AwardTable.Outcome o = pilot("CITY").certificate(number.isEmpty() ? null : number, "2021-03-01").evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).singleElement().asString().contains("证书编号");
    }

    @Test
    void shouldRefuseCategoryTheTableDoesNotKnow() {
        AwardTable.Outcome o = table("hekou").category("EQUIPMENT").on("2021-05-10").evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).singleElement().asString().contains("未配置");
        assertThat(o.capScope()).isNull();
    }
}
