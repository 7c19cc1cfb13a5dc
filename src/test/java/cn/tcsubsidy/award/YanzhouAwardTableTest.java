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

    @ParameterizedTest
    @ValueSource(strings = {"2020-08-15", "2023-08-14"})
    void shouldAcceptFirstAndLastDayOfValidity(String date) {
        assertThat(table("yanzhou").category("EQUIPMENT").on(date).money("equipmentInvestment", "7000000").evaluate()
                .eligible()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-08-14", "2023-08-15"})
    void shouldRefuseDayBeforeAndDayAfterValidity(String date) {
        assertThat(table("yanzhou").category("EQUIPMENT").on(date).money("equipmentInvestment", "7000000").evaluate()
                .reasons()).singleElement().asString().contains("有效期");
    }

    @Test
    void shouldRefuseProjectFundedFromOtherPublicMoney() {
        assertThat(equipment("7000000").with("superiorFunded", true).evaluate().reasons())
                .singleElement().asString().contains("不予重复奖补");
    }
}
