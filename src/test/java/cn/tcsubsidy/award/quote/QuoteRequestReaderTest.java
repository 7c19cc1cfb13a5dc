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

    // ------------------------------------------------------------------------------------------ fields added in issue 7

    static final String CODE = "91350100M000100Y43";
    static final String OTHER_CODE = "91370800MA00000014";

    @Test
    void shouldReadEvidenceDatesAndCreditCode() {
        QuoteRequest r = reader.read(body("certificateNo", "豫工信〔2018〕12号", "certificateDate", "2018-03-01",
                "localMade", true, "listingYear", 2019, "productionStartDate", "2018-06-30", "creditCode", CODE,
                "completionDate", "2020-12-15"));
        assertThat(r.certificateNo()).isEqualTo("豫工信〔2018〕12号");
        assertThat(r.certificateDate()).isEqualTo(LocalDate.of(2018, 3, 1));
        assertThat(r.localMade()).isTrue();
        assertThat(r.listingYear()).isEqualTo(2019);
        assertThat(r.productionStartDate()).isEqualTo(LocalDate.of(2018, 6, 30));
        assertThat(r.creditCode()).isEqualTo(CODE);
        assertThat(r.completionDate()).isEqualTo(LocalDate.of(2020, 12, 15));
        assertThat(r.awardYear()).as("the API takes the year of the application date").isNull();
        assertThat(r.effectiveAwardYear()).isEqualTo(2021);
    }

    @Test
    void shouldLeaveUnstatedEvidenceEmpty() {
        QuoteRequest r = reader.read(body());
        assertThat(r.localMade()).as("not stated is not false").isNull();
        assertThat(r.listingYear()).isNull();
        assertThat(r.otherFunding()).isEmpty();
        assertThat(r.creditCode()).isNull();
        assertThat(r.completionDate()).isNull();
    }

    @Test
    void shouldReadLocalMadeFalseAsStated() {
        assertThat(reader.read(body("localMade", "false")).localMade()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"certificateDate", "productionStartDate", "completionDate"})
    void shouldRefuseImpossibleOrOutOfCenturyDates(String field) {
        assertThat(refused(body(field, "2021-02-30"))).containsOnlyKeys(field);
        assertThat(refused(body(field, "1999-12-31"))).containsOnlyKeys(field);
        assertThat(refused(body(field, "2101-01-01"))).containsOnlyKeys(field);
        assertThat(refused(body(field, 20210301))).containsOnlyKeys(field);
    }

    @Test
    void shouldRefuseListingYearThatIsNotAWholeYearOfTheCentury() {
        assertThat(refused(body("listingYear", 2019.5))).containsOnlyKeys("listingYear");
        assertThat(refused(body("listingYear", "2019年"))).containsOnlyKeys("listingYear");
        assertThat(refused(body("listingYear", 1999))).containsOnlyKeys("listingYear");
        assertThat(refused(body("listingYear", 2101))).containsOnlyKeys("listingYear");
        assertThat(reader.read(body("listingYear", "2100")).listingYear()).isEqualTo(2100);
    }

    @Test
    void shouldRefuseLocalMadeThatIsNotBoolean() {
        assertThat(refused(body("localMade", "是"))).containsOnlyKeys("localMade");
        assertThat(refused(body("localMade", 1))).containsOnlyKeys("localMade");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "91350100M000100Y4", "913501000000000000", "abc"})
    void shouldRefuseInvalidCreditCode(String code) {
        assertThat(refused(body("creditCode", code))).containsOnlyKeys("creditCode");
    }

    @Test
    void shouldRefuseOverlongCertificateNumber() {
        assertThat(refused(body("certificateNo", "号".repeat(101)))).containsOnlyKeys("certificateNo");
    }

    @Test
    void shouldReadOtherFundingRowsAndSumThemPerLevel() {
        QuoteRequest r = reader.read(body("otherFunding", List.of(
                Map.of("level", "PROVINCE", "source", "省技改专项", "document", "鄂经信〔2021〕1号", "amount", 300000),
                Map.of("level", "PROVINCE", "source", "省制造业高质量发展专项", "amount", "200000.5"),
                Map.of("level", "COUNTY", "source", "区级配套", "amount", 1000))));
        assertThat(r.otherFunding()).hasSize(3);
        assertThat(r.otherFunding().get(0).document()).isEqualTo("鄂经信〔2021〕1号");
        assertThat(r.otherFunding(OtherFunding.PROVINCE)).isEqualByComparingTo("500000.50");
        assertThat(r.otherFunding(OtherFunding.COUNTY)).isEqualByComparingTo("1000");
        assertThat(r.otherFunding(OtherFunding.CITY)).isEqualByComparingTo("0");
        assertThat(r.otherFunding(OtherFunding.NATIONAL)).isEqualByComparingTo("0");
    }

    @Test
    void shouldTakeTheSuperiorFundedCheckboxAsOneProvincialRowOfUnstatedAmount() {
        QuoteRequest r = reader.read(body("superiorFunded", true));
        assertThat(r.superiorFunded()).isTrue();
        assertThat(r.otherFunding()).as("the rows given").isEmpty();
        assertThat(r.fundingRows()).containsExactly(new OtherFunding("PROVINCE", "上级专项资金", "申报时勾选", null));
        assertThat(r.otherFunding(OtherFunding.PROVINCE)).as("funded: more than 0, the smallest amount")
                .isEqualByComparingTo("0.01");
        assertThat(r.otherFunding(OtherFunding.CITY)).isEqualByComparingTo("0");
    }

    @Test
    void shouldAddTheCheckboxToStatedProvincialFundingWithoutChangingItsSum() {
        QuoteRequest r = reader.read(body("superiorFunded", true, "otherFunding", List.of(
                Map.of("level", "PROVINCE", "source", "省技改专项", "amount", 300000))));
        assertThat(r.fundingRows()).hasSize(2);
        assertThat(r.otherFunding(OtherFunding.PROVINCE)).isEqualByComparingTo("300000");
    }

    @Test
    void shouldRefuseBadFundingRowsByPath() {
        Map<String, String> errors = refused(body("otherFunding", List.of(
                Map.of("level", "TOWN", "source", "镇级", "amount", 1),
                Map.of("level", "CITY", "amount", 0),
                Map.of("level", "NATIONAL", "source", "国家专项"),
                Map.of("level", "CITY", "source", "市级", "amount", -3),
                "省级")));
        assertThat(errors).containsOnlyKeys("otherFunding[0].level", "otherFunding[1].source", "otherFunding[1].amount",
                "otherFunding[2].amount", "otherFunding[3].amount", "otherFunding[4]");
    }

    @Test
    void shouldRefuseFundingThatIsNotAList() {
        assertThat(refused(body("otherFunding", Map.of("level", "CITY")))).containsOnlyKeys("otherFunding");
    }

    @Test
    void shouldReadClusterMembersStanding() {
        QuoteRequest r = reader.read(body("jurisdiction", "yanzhou", "category", "CLUSTER", "members", List.of(
                Map.of("enterprise", "链主", "equipmentInvestment", 3000000, "sme", false, "creditCode", CODE,
                        "mujuanClass", "A"),
                Map.of("enterprise", "甲", "equipmentInvestment", 2500000, "sme", true, "creditCode", OTHER_CODE,
                        "echelonListed", true))));
        assertThat(r.members()).extracting(ClusterMember::creditCode).containsExactly(CODE, OTHER_CODE);
        assertThat(r.members()).extracting(ClusterMember::mujuanClass).containsExactly("A", null);
        assertThat(r.members()).extracting(ClusterMember::echelonListed).containsExactly(false, true);
        QuoteRequest second = r.forMember(r.members().get(1));
        assertThat(second.creditCode()).isEqualTo(OTHER_CODE);
        assertThat(second.echelonListed()).isTrue();
        assertThat(second.mujuanClass()).isNull();
        assertThat(second.figure(Figure.EQUIPMENT_INVESTMENT)).as("the cluster's equipment").isEqualByComparingTo("5500000");
        assertThat(second.membersEquipment(true)).isEqualByComparingTo("2500000");
    }

    @Test
    void shouldRefuseBadMembersStanding() {
        Map<String, String> errors = refused(body("jurisdiction", "yanzhou", "category", "CLUSTER", "members", List.of(
                Map.of("enterprise", "甲", "equipmentInvestment", 1, "creditCode", "123", "mujuanClass", "E"),
                Map.of("enterprise", "乙", "equipmentInvestment", 1, "creditCode", CODE, "echelonListed", "maybe"),
                Map.of("enterprise", "丙", "equipmentInvestment", 1, "creditCode", CODE))));
        assertThat(errors).containsOnlyKeys("members[0].creditCode", "members[0].mujuanClass",
                "members[1].echelonListed", "members[2].creditCode");
    }

    // ------------------------------------------------------------------------------------------ unknown fields

    @Test
    void shouldRefuseUnknownFieldByName() {
        Map<String, String> errors = refused(body("equipmentInvestmnet", 7000000));
        assertThat(errors).containsOnlyKeys("equipmentInvestmnet");
        assertThat(errors.get("equipmentInvestmnet")).isEqualTo("未知字段: equipmentInvestmnet");
    }

    @Test
    void shouldRefuseUnknownFieldEvenWhenNull() {
        Map<String, Object> b = body();
        b.put("loanAmout", null);
        assertThat(refused(b)).containsOnlyKeys("loanAmout");
    }

    @Test
    void shouldRefuseFieldsTheApiDoesNotTake() {
        // awardYear comes from the application date in the API; the scheme and the dates are worked out, not sent.
        assertThat(refused(body("awardYear", 2021, "policyDate", "2021-01-01", "schemeRate", 0.5)))
                .containsOnlyKeys("awardYear", "policyDate", "schemeRate");
    }

    @Test
    void shouldRefuseUnknownFieldOfAMember() {
        Map<String, String> errors = refused(body("jurisdiction", "yanzhou", "category", "CLUSTER", "members", List.of(
                Map.of("enterprise", "甲", "equipmentInvestment", 1, "sme", true),
                Map.of("enterprise", "乙", "equipmentInvestmnet", 5000000, "sme", true))));
        assertThat(errors).containsOnlyKeys("members[1].equipmentInvestmnet");
        assertThat(errors.get("members[1].equipmentInvestmnet")).isEqualTo("未知字段: members[1].equipmentInvestmnet");
    }

    @Test
    void shouldRefuseUnknownFieldOfAFundingRow() {
        assertThat(refused(body("otherFunding", List.of(Map.of("level", "CITY", "source", "市级", "amount", 1,
                "amout", 5)))))
                .containsOnlyKeys("otherFunding[0].amout");
    }

    @Test
    void shouldNameUnknownAndBadFieldsTogether() {
        assertThat(refused(body("totalInvestmnet", 1, "loanAmount", -1))).containsOnlyKeys("totalInvestmnet", "loanAmount");
    }

    // ------------------------------------------------------------------------------------------ the validator alone

    private final QuoteRequestValidator validator = new QuoteRequestValidator((j, unit) -> true);

    private static QuoteRequest built(String creditCode, LocalDate completion, Integer awardYear,
                                      List<OtherFunding> funding) {
        return new QuoteRequest("hekou", "DIRECT_SUBSIDY", LocalDate.of(2021, 5, 10), Map.of(), null, false, false,
                null, null, null, List.of(), null, null, null, null, null, funding, creditCode, completion, awardYear);
    }

    @Test
    void shouldCheckWhatTheProcessBuildsToo() {
        List<FieldError> problems = validator.problems(built("913501000000000000", LocalDate.of(1999, 1, 1), 2101,
                List.of(new OtherFunding("TOWN", " ", null, BigDecimal.ZERO))));
        assertThat(problems).extracting(FieldError::field).containsExactlyInAnyOrder("creditCode", "completionDate",
                "awardYear", "otherFunding[0].level", "otherFunding[0].source", "otherFunding[0].amount");
    }

    @Test
    void shouldAcceptAFundingRowOfUnstatedAmountFromTheProcess() {
        assertThat(validator.problems(built(CODE, LocalDate.of(2020, 12, 1), 2021,
                List.of(OtherFunding.superiorFundedCheckbox())))).isEmpty();
    }

    @Test
    void shouldKeepTheOldConstructorForExistingCallers() {
        QuoteRequest r = new QuoteRequest("hekou", "DIRECT_SUBSIDY", LocalDate.of(2021, 5, 10), Map.of(), null, false,
                true, null, null, null, List.of());
        assertThat(r.otherFunding()).isEmpty();
        assertThat(r.fundingRows()).containsExactly(OtherFunding.superiorFundedCheckbox());
        assertThat(r.creditCode()).isNull();
        assertThat(r.effectiveAwardYear()).isEqualTo(2021);
        assertThat(new ClusterMember("甲", BigDecimal.ONE, true).creditCode()).isNull();
    }
}
