package cn.tcsubsidy.award.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading and checking a quote request, without an engine. */
class QuoteRequestReaderTest {

    private final QuoteRequestReader reader = new QuoteRequestReader(
            new QuoteRequestValidator((j, unit) -> j.equals("huanggang") && unit.equals("macheng")));

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> m = new HashMap<>(Map.of("jurisdiction", "hekou", "category", "DIRECT_SUBSIDY",
                "applicationDate", "2021-05-10"));
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private Map<String, String> refused(Map<String, Object> body) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> reader.read(body));
        assertThat(e).as("request should be refused").isNotNull();
        Map<String, String> fields = new HashMap<>();
        for (FieldError f : e.errors()) {
            fields.merge(f.field(), f.message(), (a, b) -> a + ";" + b);
        }
        return fields;
    }

    @Test
    void shouldReadFiguresFlagsAndChoices() {
        QuoteRequest r = reader.read(body("totalInvestment", 9000000, "equipmentInvestment", new BigDecimal("7000000.005"),
                "echelonListed", true, "superiorFunded", "false", "mujuanClass", "A", "expertScore", 88.5));
        assertThat(r.applicationDate()).isEqualTo(LocalDate.of(2021, 5, 10));
        assertThat(r.figure(Figure.TOTAL_INVESTMENT)).isEqualByComparingTo("9000000");
        assertThat(r.figure(Figure.EQUIPMENT_INVESTMENT)).isEqualByComparingTo("7000000.01");
        assertThat(r.figure(Figure.LOAN_AMOUNT)).isEqualByComparingTo("0");
        assertThat(r.given(Figure.LOAN_AMOUNT)).isFalse();
        assertThat(r.echelonListed()).isTrue();
        assertThat(r.superiorFunded()).isFalse();
        assertThat(r.expertScore()).isEqualByComparingTo("88.5");
    }

    @Test
    void shouldNameEveryRefusedFieldAtOnce() {
        Map<String, String> errors = refused(Map.of("jurisdiction", "nowhere", "applicationDate", "2021-02-30",
                "loanAmount", -1));
        assertThat(errors).containsOnlyKeys("jurisdiction", "category", "applicationDate", "loanAmount");
    }

    @Test
    void shouldRefuseUnknownJurisdiction() {
        assertThat(refused(body("jurisdiction", "beijing"))).containsOnlyKeys("jurisdiction");
    }

    @Test
    void shouldRefuseMissingJurisdiction() {
        Map<String, Object> b = body();
        b.remove("jurisdiction");
        assertThat(refused(b)).containsOnlyKeys("jurisdiction");
    }

    @Test
    void shouldRefuseCategoryOfAnotherJurisdiction() {
        assertThat(refused(body("category", "CLUSTER")).get("category")).contains("DIRECT_SUBSIDY");
    }

    @Test
    void shouldRefuseMissingCategory() {
        Map<String, Object> b = body();
        b.remove("category");
        assertThat(refused(b)).containsOnlyKeys("category");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2021-02-30", "2021-13-01", "10/05/2021", "yesterday"})
    void shouldRefuseMissingOrImpossibleDate(String date) {
        assertThat(refused(body("applicationDate", date))).containsOnlyKeys("applicationDate");
    }

    @Test
    void shouldRefuseNegativeFigure() {
        assertThat(refused(body("equipmentInvestment", new BigDecimal("-0.01")))).containsOnlyKeys("equipmentInvestment");
    }

    @Test
    void shouldRefuseNonNumericAndNonFiniteFigures() {
        assertThat(refused(body("totalInvestment", "abc", "equipmentInvestment", Double.NaN, "loanAmount",
                Double.POSITIVE_INFINITY, "rdInvestment", "Infinity", "purchasePrice", true)))
                .containsOnlyKeys("totalInvestment", "equipmentInvestment", "loanAmount", "rdInvestment", "purchasePrice");
    }

    @Test
    void shouldRefuseAmountTooLargeForTheLedger() {
        assertThat(refused(body("loanAmount", new BigDecimal("1E+400")))).containsOnlyKeys("loanAmount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"equipmentInvestment", "robotInvestment", "informatizationInvestment", "rdInvestment",
            "completedInvestmentThisYear"})
    void shouldRefusePartLargerThanGivenTotal(String part) {
        Map<String, Object> b = body("totalInvestment", 1000000, part, new BigDecimal("1000000.01"),
                "equipmentInvestment", new BigDecimal("1000000.01"));
        assertThat(refused(b)).containsKey(part).doesNotContainKey("totalInvestment");
    }

    @Test
    void shouldAcceptPartsWhenTotalIsNotGiven() {
        assertThat(reader.read(body("equipmentInvestment", 7000000)).given(Figure.TOTAL_INVESTMENT)).isFalse();
    }

    @Test
    void shouldRefuseRobotsLargerThanEquipment() {
        assertThat(refused(body("robotInvestment", 3000000, "equipmentInvestment", 2999999))).containsOnlyKeys("robotInvestment");
    }

    @Test
    void shouldRefuseRobotsWithoutEquipment() {
        assertThat(refused(body("robotInvestment", 3000000))).containsOnlyKeys("robotInvestment");
    }

    @Test
    void shouldRefuseUnknownChoicesAndScoreOutOfRange() {
        assertThat(refused(body("mujuanClass", "E", "certificationLevel", "WORLD", "expertScore", 101,
                "echelonListed", "yes"))).containsOnlyKeys("mujuanClass", "certificationLevel", "expertScore", "echelonListed");
    }

    @Test
    void shouldRefuseUnknownCounty() {
        assertThat(refused(body("jurisdiction", "huanggang", "category", "INVESTMENT_SUBSIDY", "county", "wuhan")))
                .containsOnlyKeys("county");
        assertThat(reader.read(body("jurisdiction", "huanggang", "category", "INVESTMENT_SUBSIDY", "county", "macheng"))
                .county()).isEqualTo("macheng");
    }

    @Test
    void shouldReadClusterMembersAsItsEquipment() {
        QuoteRequest r = reader.read(body("jurisdiction", "yanzhou", "category", "CLUSTER", "members", List.of(
                Map.of("enterprise", "链主", "equipmentInvestment", 3000000, "sme", false),
                Map.of("enterprise", "甲", "equipmentInvestment", "2500000", "sme", true))));
        assertThat(r.figure(Figure.EQUIPMENT_INVESTMENT)).isEqualByComparingTo("5500000");
        assertThat(r.membersEquipment(true)).isEqualByComparingTo("2500000");
    }

    @Test
    void shouldRefuseClusterWithoutMembers() {
        assertThat(refused(body("jurisdiction", "yanzhou", "category", "CLUSTER"))).containsOnlyKeys("members");
    }

    @Test
    void shouldRefuseBadMembers() {
        Map<String, String> errors = refused(body("jurisdiction", "yanzhou", "category", "CLUSTER", "members", List.of(
                Map.of("enterprise", "甲", "equipmentInvestment", -5),
                Map.of("enterprise", "甲", "equipmentInvestment", 5, "sme", "maybe"),
                "乙")));
        assertThat(errors).containsOnlyKeys("members[0].equipmentInvestment", "members[1].enterprise", "members[1].sme",
                "members[2]");
    }

    @Test
    void shouldRefuseEquipmentThatDiffersFromMembersTotal() {
        assertThat(refused(body("jurisdiction", "yanzhou", "category", "CLUSTER", "equipmentInvestment", 100,
                "members", List.of(Map.of("enterprise", "甲", "equipmentInvestment", 99)))))
                .containsOnlyKeys("equipmentInvestment");
    }

    @Test
    void shouldRefuseClusterLargerThanTotal() {
        assertThat(refused(body("jurisdiction", "yanzhou", "category", "CLUSTER", "totalInvestment", 100,
                "members", List.of(Map.of("enterprise", "甲", "equipmentInvestment", 101)))))
                .containsOnlyKeys("members");
    }
}
