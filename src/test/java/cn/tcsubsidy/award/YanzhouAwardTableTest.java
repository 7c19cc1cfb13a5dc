package cn.tcsubsidy.award;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Yanzhou's tc-award (济兖政字〔2020〕14号), evaluated as deployed for tenant yanzhou. */
class YanzhouAwardTableTest extends AwardEngineSupport {

    private AwardTable.Inputs equipment(String equipment) {
        return table("yanzhou").category("EQUIPMENT").on("2021-06-01").money("equipmentInvestment", equipment);
    }

    private AwardTable.Inputs cluster(String equipment, String smeEquipment) {
        return table("yanzhou").category("CLUSTER").on("2021-06-01")
                .money("equipmentInvestment", equipment).money("smeEquipmentInvestment", smeEquipment);
    }

    @Test
    void shouldGiveThreePercentForEquipmentOfRatedBEnterpriseInWorkedExample() {
        AwardTable.Outcome o = equipment("7000000").with("mujuanClass", "B").evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.rate()).isEqualByComparingTo("0.03");
        assertThat(o.baseFields()).isEqualTo("equipmentInvestment");
        assertThat(o.enterpriseCap()).isEqualByComparingTo("1000000");
        assertThat(o.projectCap()).isNull();
        assertThat(o.scoredRate()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"EQUIPMENT", "ROBOT", "INFORMATIZATION", "CLUSTER"})
    void shouldCountEachMeasuresEnterpriseCapOnItsOwn(String category) {
        // 四.1 and 四.2 state 单个企业最高… for each measure; this replaces award_policy.cap_per_category.
        AwardTable.Outcome o = table("yanzhou").category(category).on("2021-06-01").money("equipmentInvestment", "8000000")
                .money("robotInvestment", "3000000").money("informatizationInvestment", "2000000")
                .money("smeEquipmentInvestment", "4000000").evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.capScope()).isEqualTo("CATEGORY");
    }

    @Test
    void shouldAddOnePointForRatedAEnterpriseInWorkedExample() {
        assertThat(equipment("7000000").with("mujuanClass", "A").evaluate().rate()).isEqualByComparingTo("0.04");
    }

    @Test
    void shouldAddOnePointForEchelonListedEnterprise() {
        assertThat(equipment("7000000").with("echelonListed", true).evaluate().rate()).isEqualByComparingTo("0.04");
    }

    @Test
    void shouldAddOnePointOnlyOnceForRatedAAndEchelonListedEnterprise() {
        assertThat(equipment("7000000").with("mujuanClass", "A").with("echelonListed", true).evaluate().rate())
                .isEqualByComparingTo("0.04");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C", ""})
    void shouldKeepBaseRateForRatedCOrUnratedEnterprise(String rating) {
        assertThat(equipment("7000000").with("mujuanClass", rating.isEmpty() ? null : rating).evaluate().rate())
                .isEqualByComparingTo("0.03");
    }

    @Test
    void shouldRefuseRatedDEnterpriseInWorkedExample() {
        AwardTable.Outcome o = equipment("7000000").with("mujuanClass", "D").evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).singleElement().asString().contains("D类");
    }

    @ParameterizedTest
    @CsvSource({"EQUIPMENT", "ROBOT", "INFORMATIZATION", "CLUSTER"})
    void shouldRefuseRatedDEnterpriseInEveryCategory(String category) {
        assertThat(table("yanzhou").category(category).on("2021-06-01").with("mujuanClass", "D").evaluate().reasons())
                .anySatisfy(r -> assertThat(r).contains("D类"));
    }

    @Test
    void shouldAcceptEquipmentAtFiveMillion() {
        assertThat(equipment("5000000").evaluate().eligible()).isTrue();
    }

    @Test
    void shouldRefuseEquipmentOneFenUnderFiveMillion() {
        assertThat(equipment("4999999.99").evaluate().reasons()).singleElement().asString().contains("不足500万元");
    }

    @Test
    void shouldGiveFivePercentOfEquipmentForRobotsAtThreeMillion() {
        AwardTable.Outcome o = table("yanzhou").category("ROBOT").on("2021-06-01")
                .money("robotInvestment", "3000000").money("equipmentInvestment", "8000000").evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.rate()).isEqualByComparingTo("0.05");
        assertThat(o.baseFields()).isEqualTo("equipmentInvestment");
        assertThat(o.enterpriseCap()).isEqualByComparingTo("1000000");
    }

    @Test
    void shouldRefuseRobotsOneFenUnderThreeMillion() {
        assertThat(table("yanzhou").category("ROBOT").on("2021-06-01").money("robotInvestment", "2999999.99")
                .money("equipmentInvestment", "8000000").evaluate().reasons())
                .singleElement().asString().contains("工业机器人");
    }

    @Test
    void shouldGiveTenPercentForInformatizationAtTwoMillion() {
        AwardTable.Outcome o = table("yanzhou").category("INFORMATIZATION").on("2021-06-01")
                .money("informatizationInvestment", "2000000").evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.rate()).isEqualByComparingTo("0.10");
        assertThat(o.baseFields()).isEqualTo("informatizationInvestment");
        assertThat(o.enterpriseCap()).isEqualByComparingTo("500000");
    }

    @Test
    void shouldAddOnePointToInformatizationForRatedAEnterprise() {
        assertThat(table("yanzhou").category("INFORMATIZATION").on("2021-06-01")
                .money("informatizationInvestment", "2000000").with("mujuanClass", "A").evaluate().rate())
                .isEqualByComparingTo("0.11");
    }

    @Test
    void shouldRefuseInformatizationOneFenUnderTwoMillion() {
        assertThat(table("yanzhou").category("INFORMATIZATION").on("2021-06-01")
                .money("informatizationInvestment", "1999999.99").evaluate().reasons())
                .singleElement().asString().contains("200万元");
    }

    @Test
    void shouldGiveThreePercentToClusterOneFenOverFiveMillion() {
        AwardTable.Outcome o = cluster("5000000.01", "2500000.01").evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.rate()).isEqualByComparingTo("0.03");
        assertThat(o.projectCap()).isEqualByComparingTo("1000000");
        assertThat(o.enterpriseCap()).isNull();
        assertThat(o.capScope()).isEqualTo("CATEGORY");
        assertThat(o.basis()).contains("按各企业设备投资额度比例分配");
    }

    @Test
    void shouldGiveThreePercentToClusterWellOverFiveMillion() {
        assertThat(cluster("8000000", "6000000").evaluate().eligible()).isTrue();
    }

    @Test
    void shouldRefuseClusterAtExactlyFiveMillionBecauseTextSaysMoreThan() {
        assertThat(cluster("5000000", "5000000").evaluate().reasons()).singleElement().asString().contains("未超过500万元");
    }

    @Test
    void shouldAcceptClusterWhoseSmesHoldExactlyHalf() {
        assertThat(cluster("6000000", "3000000").evaluate().eligible()).isTrue();
    }

    @Test
    void shouldRefuseClusterWhoseSmesHoldOneFenUnderHalf() {
        assertThat(cluster("6000000", "2999999.99").evaluate().reasons()).singleElement().asString().contains("50%");
    }

    @Test
    void shouldAcceptClusterWhoseSmesHoldMoreThanHalf() {
        assertThat(cluster("6000000", "3000000.01").evaluate().eligible()).isTrue();
    }

    @ParameterizedTest(name = "member rated {0}, echelon {1} → {2}")
    @CsvSource({"A, false, 0.04", "B, true, 0.04", "A, true, 0.04", "B, false, 0.03", ", false, 0.03"})
    void shouldRateEachClusterMemberByItsOwnStanding(String rating, boolean echelon, String rate) {
        // The quote evaluates the table once per member: the member's standing, the cluster's totals (四.3, 四.4).
        assertThat(cluster("8000000", "6000000").with("mujuanClass", rating).with("echelonListed", echelon).evaluate()
                .rate()).isEqualByComparingTo(rate);
    }

    @Test
    void shouldRefuseRatedDClusterMember() {
        AwardTable.Outcome o = cluster("8000000", "6000000").with("mujuanClass", "D").with("echelonListed", true).evaluate();
        assertThat(o.eligible()).isFalse();
        assertThat(o.reasons()).singleElement().asString().contains("D类");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-08-15", "2023-08-14"})
    void shouldAcceptFirstAndLastDayOfValidity(String date) {
        assertThat(equipment("7000000").policyDate(date).evaluate().eligible()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-08-14", "2023-08-15"})
    void shouldRefuseDayBeforeAndDayAfterValidity(String date) {
        assertThat(equipment("7000000").policyDate(date).evaluate().reasons())
                .singleElement().asString().contains("有效期");
    }

    @Test
    void shouldAwardProjectCompletedWithinValidityButRecommendedAfterIt() {
        // The example: completed inside 2020-08-15..2023-08-14, recommended on 30 November 2023.
        assertThat(table("yanzhou").category("EQUIPMENT").on("2023-11-30").policyDate("2023-06-30")
                .money("equipmentInvestment", "7000000").evaluate().eligible()).isTrue();
    }

    @Test
    void shouldRefuseWithoutPolicyDate() {
        assertThat(equipment("7000000").policyDate(null).evaluate().reasons())
                .singleElement().asString().isEqualTo("未填写竣工日期或申请日期,无法确定适用的政策");
    }

    @ParameterizedTest
    @ValueSource(strings = {"otherFundingCounty", "otherFundingCity", "otherFundingProvince", "otherFundingNational"})
    void shouldRefuseProjectFundedFromOtherPublicMoneyOfAnyLevel(String level) {
        // 五.3: 同一项目已获其它财政资金支持的,不予重复奖补 — any public money, whatever its level.
        assertThat(equipment("7000000").money(level, "0.01").evaluate().reasons())
                .singleElement().asString().contains("不予重复奖补");
    }

    @Test
    void shouldAcceptProjectWithoutOtherPublicMoney() {
        assertThat(equipment("7000000").evaluate().eligible()).isTrue();
    }

    @Test
    void shouldRefuseCategoryTheTableDoesNotKnow() {
        AwardTable.Outcome o = table("yanzhou").category("GREEN").on("2021-06-01").evaluate();
        assertThat(o.reasons()).singleElement().asString().contains("未配置该奖补类别");
        assertThat(o.capScope()).isNull();
    }
}
