package cn.tcsubsidy.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Liaocheng's tc-award (设备奖补实施细则, as reported), evaluated as deployed for tenant liaocheng. */
class LiaochengAwardTableTest extends AwardEngineSupport {

    private AwardTable.Inputs equipment(String date, String total) {
        return table("liaocheng").category("EQUIPMENT").on(date).money("totalInvestment", total)
                .money("equipmentInvestment", "4000000");
    }

    @Test
    void shouldGiveTenPercentOfEquipmentInWorkedExample() {
        AwardTable.Outcome o = equipment("2023-05-01", "6000000").evaluate();
        assertThat(o.eligible()).isTrue();
        assertThat(o.rate()).isEqualByComparingTo("0.10");
        assertThat(o.baseFields()).isEqualTo("equipmentInvestment");
        assertThat(o.enterpriseCap()).isEqualByComparingTo("2000000");
        assertThat(o.projectCap()).isNull();
    }

    @Test
    void shouldCapEachEnterpriseOverAllItsAwardsUnderThePolicy() {
        // 单户企业最高支持200万元: one cap per enterprise, whatever the project or year.
        assertThat(equipment("2023-05-01", "6000000").evaluate().capScope()).isEqualTo("POLICY");
    }

    @Test
    void shouldAcceptTotalInvestmentAtFiveMillion() {
        assertThat(equipment("2023-05-01", "5000000").evaluate().eligible()).isTrue();
    }

    @Test
    void shouldRefuseTotalInvestmentOneFenUnderFiveMillion() {
        assertThat(equipment("2023-05-01", "4999999.99").evaluate().reasons())
                .singleElement().asString().contains("总投资不足500万元");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2015-01-01", "2035-12-31"})
    void shouldApplyOnAnyDateBecauseReportGivesNoValidity(String date) {
        assertThat(equipment("2023-05-01", "6000000").policyDate(date).evaluate().eligible()).isTrue();
    }

    @Test
    void shouldMarkTheTenPercentAsTheCeilingTheScoreTableMayLower() {
        // 不超过10%: the rate within the ceiling comes from tc-rate-by-score, not from this table.
        AwardTable.Outcome o = equipment("2023-05-01", "6000000").with("expertScore", new BigDecimal("70")).evaluate();
        assertThat(o.rate()).isEqualByComparingTo("0.10");
        assertThat(o.scoredRate()).isTrue();
    }

    @Test
    void shouldRefuseWithoutPolicyDate() {
        assertThat(equipment("2023-05-01", "6000000").policyDate(null).evaluate().reasons())
                .singleElement().asString().isEqualTo("未填写竣工日期或申请日期,无法确定适用的政策");
    }

    @Test
    void shouldRefuseCategoryTheTableDoesNotKnow() {
        AwardTable.Outcome o = table("liaocheng").category("ROBOT").on("2023-05-01").evaluate();
        assertThat(o.reasons()).singleElement().asString().contains("未配置该奖补类别");
        assertThat(o.capScope()).isNull();
    }
}
