package cn.tcsubsidy.award;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /api/award-quotes over HTTP with Basic authentication, against the deployed tables. */
class AwardQuoteApiTest extends AwardEngineSupport {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    private final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, JsonNode body) {
        BigDecimal amount() {
            return body.get("amount").decimalValue();
        }

        List<String> reasons() {
            List<String> out = new ArrayList<>();
            body.get("reasons").forEach(r -> out.add(r.asText()));
            return out;
        }
    }

    private Answer post(String user, String json) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/award-quotes"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            if (user != null) {
                b.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer quote(String json) {
        return post("admin", json);
    }

    private Answer ok(String json) {
        Answer a = quote(json);
        assertThat(a.status()).as("status of %s: %s", json, a.body()).isEqualTo(200);
        return a;
    }

    /** A JSON object from {@code 'key': value} pairs written with single quotes. */
    private static String json(String singleQuoted) {
        return "{" + singleQuoted.replace('\'', '"') + "}";
    }

    private DecisionDefinition latestAward(String tenant) {
        return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("tc-award").tenantIdIn(tenant)
                .latestVersion().singleResult();
    }

    // ------------------------------------------------------------------------------------------- every category

    static Stream<Arguments> everyCategory() {
        return Stream.of(
                Arguments.of("hekou", "DIRECT_SUBSIDY", "'applicationDate':'2021-05-10','totalInvestment':9000000,'equipmentInvestment':7000000", "420000.00"),
                Arguments.of("hekou", "LOAN_INTEREST", "'applicationDate':'2021-03-01','totalInvestment':9000000,'loanAmount':8000000", "77000.00"),
                Arguments.of("hekou", "STATS_ENTRY", "'applicationDate':'2021-05-10','totalInvestment':25000000", "30000.00"),
                Arguments.of("hekou", "PILOT_DEMO", "'applicationDate':'2021-05-10','certificationLevel':'CITY'", "50000.00"),
                Arguments.of("huanggang", "INVESTMENT_SUBSIDY", "'applicationDate':'2022-03-01','county':'huangzhou','totalInvestment':10000000,'equipmentInvestment':6000000", "300000.00"),
                Arguments.of("huanggang", "LOAN_INTEREST", "'applicationDate':'2022-03-01','county':'macheng','totalInvestment':10000000,'loanAmount':4000000", "74000.00"),
                Arguments.of("yanzhou", "EQUIPMENT", "'applicationDate':'2021-06-01','equipmentInvestment':7000000,'mujuanClass':'B'", "210000.00"),
                Arguments.of("yanzhou", "ROBOT", "'applicationDate':'2021-06-01','robotInvestment':3000000,'equipmentInvestment':8000000", "400000.00"),
                Arguments.of("yanzhou", "INFORMATIZATION", "'applicationDate':'2021-06-01','informatizationInvestment':2500000", "250000.00"),
                Arguments.of("yanzhou", "CLUSTER", "'applicationDate':'2021-06-01','members':[{'enterprise':'链主','equipmentInvestment':3000000,'sme':false},{'enterprise':'甲','equipmentInvestment':2500000,'sme':true},{'enterprise':'乙','equipmentInvestment':1500000,'sme':true}]", "210000.00"),
                Arguments.of("jiyuan", "TECH_RETROFIT", "'applicationDate':'2018-03-01','completedInvestmentThisYear':8000000,'equipmentInvestment':5000000,'rdInvestment':1000000", "1800000.00"),
                Arguments.of("jiyuan", "INNOVATION_CENTER", "'applicationDate':'2018-03-01','equipmentInvestment':4000000", "2000000.00"),
                Arguments.of("jiyuan", "INNOVATION_CENTER_PROVINCIAL", "'applicationDate':'2018-03-01'", "5000000.00"),
                Arguments.of("jiyuan", "NEW_PRODUCT", "'applicationDate':'2018-03-01','rdInvestment':2000000", "600000.00"),
                Arguments.of("jiyuan", "STRONG_BASE", "'applicationDate':'2018-03-01','nationalFunding':3000000", "1500000.00"),
                Arguments.of("jiyuan", "FIRST_SET", "'applicationDate':'2018-03-01','purchasePrice':2000000", "100000.00"),
                Arguments.of("jiyuan", "QUALITY_BRAND", "'applicationDate':'2018-03-01','certificationLevel':'NATIONAL'", "500000.00"),
                Arguments.of("jiyuan", "SMART_MFG", "'applicationDate':'2018-03-01','certificationLevel':'PROVINCE'", "300000.00"),
                Arguments.of("jiyuan", "SERVICE_MFG", "'applicationDate':'2018-03-01','certificationLevel':'NATIONAL'", "500000.00"),
                Arguments.of("jiyuan", "INDUSTRIAL_CLOUD", "'applicationDate':'2018-03-01','certificationLevel':'PROVINCE'", "300000.00"),
                Arguments.of("jiyuan", "DUAL_PLATFORM", "'applicationDate':'2018-03-01','certificationLevel':'NATIONAL'", "500000.00"),
                Arguments.of("jiyuan", "DUAL_BASE", "'applicationDate':'2018-03-01','certificationLevel':'NATIONAL'", "800000.00"),
                Arguments.of("jiyuan", "IIOT_MGMT_CERT", "'applicationDate':'2018-03-01'", "300000.00"),
                Arguments.of("jiyuan", "GREEN", "'applicationDate':'2018-03-01','totalInvestment':6000000", "180000.00"),
                Arguments.of("liaocheng", "EQUIPMENT", "'applicationDate':'2023-05-01','totalInvestment':6000000,'equipmentInvestment':4000000", "400000.00"));
    }

    @ParameterizedTest(name = "{0} {1} → {3}")
    @MethodSource("everyCategory")
    void shouldQuoteEveryCategoryOfEveryJurisdiction(String jurisdiction, String category, String fields, String amount) {
        Answer a = ok(json("'jurisdiction':'" + jurisdiction + "','category':'" + category + "'," + fields));
        assertThat(a.body().get("eligible").asBoolean()).as(a.body().toString()).isTrue();
        assertThat(a.amount()).isEqualByComparingTo(amount);
        assertThat(a.amount().scale()).isEqualTo(2);
        assertThat(a.reasons()).isEmpty();
        JsonNode decision = a.body().get("decision");
        assertThat(decision.get("key").asText()).isEqualTo("tc-award");
        assertThat(decision.get("tenant").asText()).isEqualTo(jurisdiction);
        assertThat(decision.get("version").asInt()).isEqualTo(latestAward(jurisdiction).getVersion());
        assertThat(a.body().has("poolLevel")).isTrue();
        assertThat(a.body().has("allocations")).isTrue();
    }

    @Test
    void shouldCoverEveryCategoryOfEveryJurisdiction() {
        for (String j : cn.tcsubsidy.engine.Tenants.ALL) {
            assertThat(everyCategory().filter(a -> a.get()[0].equals(j)).map(a -> a.get()[1]))
                    .containsExactlyInAnyOrderElementsOf(cn.tcsubsidy.jurisdiction.AwardCategories.of(j).keySet());
        }
    }

    // ------------------------------------------------------------------------------------------- worked examples

    @Test
    void shouldAnswerHekouDirectSubsidyWorkedExampleInFull() {
        JsonNode b = ok(json("'jurisdiction':'hekou','category':'DIRECT_SUBSIDY','applicationDate':'2021-05-10',"
                + "'totalInvestment':9000000,'equipmentInvestment':7000000")).body();
        assertThat(b.get("rate").decimalValue()).isEqualByComparingTo("0.06");
        assertThat(b.get("base").decimalValue()).isEqualByComparingTo("7000000");
        assertThat(b.get("projectCap").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(b.get("enterpriseCap").decimalValue()).isEqualByComparingTo("3000000");
        assertThat(b.get("poolLevel").isNull()).isTrue();
        assertThat(b.get("allocations").isNull()).isTrue();
    }

    @Test
    void shouldAnswerHekouLoanInterestWorkedExampleWithEffectiveRate() {
        JsonNode b = ok(json("'jurisdiction':'hekou','category':'LOAN_INTEREST','applicationDate':'2021-03-01',"
                + "'totalInvestment':9000000,'loanAmount':8000000")).body();
        assertThat(b.get("amount").decimalValue()).isEqualByComparingTo("77000.00");
        assertThat(b.get("rate").decimalValue()).isEqualByComparingTo("0.009625");
        assertThat(b.get("base").decimalValue()).isEqualByComparingTo("8000000");
    }

    @Test
    void shouldUseLprPublishedOnApplicationDay() {
        // 2022-01-20: 3.70 % from that day, 3.80 % the day before.
        String body = "'jurisdiction':'hekou','category':'LOAN_INTEREST','totalInvestment':9000000,'loanAmount':8000000,";
        assertThat(ok(json(body + "'applicationDate':'2022-01-20'")).amount()).isEqualByComparingTo("74000.00");
        assertThat(ok(json(body + "'applicationDate':'2022-01-19'")).amount()).isEqualByComparingTo("76000.00");
    }

    @Test
    void shouldAnswerYanzhouRatedAWorkedExample() {
        assertThat(ok(json("'jurisdiction':'yanzhou','category':'EQUIPMENT','applicationDate':'2021-06-01',"
                + "'equipmentInvestment':7000000,'mujuanClass':'A'")).amount()).isEqualByComparingTo("280000.00");
    }

    @Test
    void shouldRefuseYanzhouRatedDWorkedExampleWithReasons() {
        Answer a = ok(json("'jurisdiction':'yanzhou','category':'EQUIPMENT','applicationDate':'2021-06-01',"
                + "'equipmentInvestment':7000000,'mujuanClass':'D'"));
        assertThat(a.body().get("eligible").asBoolean()).isFalse();
        assertThat(a.amount()).isEqualByComparingTo("0");
        assertThat(a.reasons()).singleElement().asString().contains("D类");
    }

    @Test
    void shouldRefuseHekouLoanInterestWithoutTotalBecauseAbsentCountsAsZero() {
        // The digest's worked example gives no total; absent counts as 0, below the 5,000,000 scope of 三(一).
        Answer a = ok(json("'jurisdiction':'hekou','category':'LOAN_INTEREST','applicationDate':'2021-03-01','loanAmount':8000000"));
        assertThat(a.body().get("eligible").asBoolean()).isFalse();
        assertThat(a.reasons()).singleElement().asString().contains("总投资不足500万元");
    }

    // ------------------------------------------------------------------------------------------- caps and rounding

    @Test
    void shouldCutToProjectCapWithReason() {
        Answer a = ok(json("'jurisdiction':'hekou','category':'DIRECT_SUBSIDY','applicationDate':'2021-05-10',"
                + "'totalInvestment':25000000,'equipmentInvestment':20000000"));
        assertThat(a.body().get("eligible").asBoolean()).isTrue();
        assertThat(a.amount()).isEqualByComparingTo("1000000.00");
        assertThat(a.reasons()).singleElement().asString().contains("单个项目奖补上限");
    }

    @Test
    void shouldCutToEnterpriseCapWithReason() {
        Answer a = ok(json("'jurisdiction':'yanzhou','category':'EQUIPMENT','applicationDate':'2021-06-01','equipmentInvestment':40000000"));
        assertThat(a.amount()).isEqualByComparingTo("1000000.00");
        assertThat(a.reasons()).singleElement().asString().contains("单个企业奖补上限");
    }

    @Test
    void shouldQuoteExactlyTheCapWithoutReason() {
        Answer a = ok(json("'jurisdiction':'hekou','category':'DIRECT_SUBSIDY','applicationDate':'2021-05-10',"
                + "'totalInvestment':25000000,'equipmentInvestment':16666666.67"));
        assertThat(a.amount()).isEqualByComparingTo("1000000.00");
        assertThat(a.reasons()).isEmpty();
    }

    @Test
    void shouldCutJiyuanRetrofitToTenMillion() {
        Answer a = ok(json("'jurisdiction':'jiyuan','category':'TECH_RETROFIT','applicationDate':'2018-03-01',"
                + "'completedInvestmentThisYear':50000000,'equipmentInvestment':40000000"));
        assertThat(a.amount()).isEqualByComparingTo("10000000.00");
        assertThat(a.reasons()).hasSize(1);
    }

    @Test
    void shouldRoundHalfUpToTheFen() {
        assertThat(ok(json("'jurisdiction':'hekou','category':'DIRECT_SUBSIDY','applicationDate':'2021-05-10',"
                + "'totalInvestment':9000000,'equipmentInvestment':5000000.75")).amount()).isEqualByComparingTo("300000.05");
    }

    @Test
    void shouldSplitClusterAwardExactlyAmongMembers() {
        Answer a = ok(json("'jurisdiction':'yanzhou','category':'CLUSTER','applicationDate':'2021-06-01','members':["
                + "{'enterprise':'甲','equipmentInvestment':12000000,'sme':true},"
                + "{'enterprise':'乙','equipmentInvestment':12000000,'sme':true},"
                + "{'enterprise':'丙','equipmentInvestment':12000000,'sme':false}]"));
        assertThat(a.amount()).isEqualByComparingTo("1000000.00");
        assertThat(a.reasons()).singleElement().asString().contains("单个项目奖补上限");
        JsonNode allocations = a.body().get("allocations");
        assertThat(allocations).hasSize(3);
        assertThat(allocations.get(0).get("enterprise").asText()).isEqualTo("甲");
        assertThat(allocations.get(0).get("amount").decimalValue()).isEqualByComparingTo("333333.34");
        assertThat(allocations.get(1).get("amount").decimalValue()).isEqualByComparingTo("333333.33");
        assertThat(allocations.get(2).get("amount").decimalValue()).isEqualByComparingTo("333333.33");
    }

    @Test
    void shouldSplitClusterAwardInProportionToEquipment() {
        JsonNode allocations = ok(json("'jurisdiction':'yanzhou','category':'CLUSTER','applicationDate':'2021-06-01',"
                + "'totalInvestment':9000000,'equipmentInvestment':7000000,'members':["
                + "{'enterprise':'链主','equipmentInvestment':3000000,'sme':false},"
                + "{'enterprise':'甲','equipmentInvestment':2500000,'sme':true},"
                + "{'enterprise':'乙','equipmentInvestment':1500000,'sme':true}]")).body().get("allocations");
        assertThat(allocations.get(0).get("amount").decimalValue()).isEqualByComparingTo("90000.00");
        assertThat(allocations.get(1).get("amount").decimalValue()).isEqualByComparingTo("75000.00");
        assertThat(allocations.get(2).get("amount").decimalValue()).isEqualByComparingTo("45000.00");
    }

    @Test
    void shouldRefuseClusterWhoseSmesHoldLessThanHalf() {
        Answer a = ok(json("'jurisdiction':'yanzhou','category':'CLUSTER','applicationDate':'2021-06-01','members':["
                + "{'enterprise':'链主','equipmentInvestment':4000000,'sme':false},"
                + "{'enterprise':'甲','equipmentInvestment':3000000,'sme':true}]"));
        assertThat(a.body().get("eligible").asBoolean()).isFalse();
        assertThat(a.body().get("allocations").get(0).get("amount").decimalValue()).isEqualByComparingTo("0");
    }

    // ------------------------------------------------------------------------------------------- pool level

    @Test
    void shouldPutHuanggangProjectOfTwentyMillionInCityPool() {
        assertThat(ok(json("'jurisdiction':'huanggang','category':'INVESTMENT_SUBSIDY','applicationDate':'2022-03-01',"
                + "'county':'wuxue','totalInvestment':20000000,'equipmentInvestment':6000000")).body().get("poolLevel").asText())
                .isEqualTo("CITY");
    }

    @Test
    void shouldPutHuanggangProjectOneFenUnderTwentyMillionInCountyPool() {
        assertThat(ok(json("'jurisdiction':'huanggang','category':'INVESTMENT_SUBSIDY','applicationDate':'2022-03-01',"
                + "'county':'wuxue','totalInvestment':19999999.99,'equipmentInvestment':6000000")).body().get("poolLevel").asText())
                .isEqualTo("COUNTY");
    }

    @Test
    void shouldRefuseHuanggangCityPoolProjectWithProvincialSupport() {
        Answer a = ok(json("'jurisdiction':'huanggang','category':'INVESTMENT_SUBSIDY','applicationDate':'2022-03-01',"
                + "'county':'wuxue','totalInvestment':30000000,'equipmentInvestment':6000000,'superiorFunded':true"));
        assertThat(a.body().get("eligible").asBoolean()).isFalse();
        assertThat(a.reasons()).singleElement().asString().contains("省级支持");
    }

    @Test
    void shouldRefuseHuanggangQuoteWithoutCounty() {
        Answer a = ok(json("'jurisdiction':'huanggang','category':'INVESTMENT_SUBSIDY','applicationDate':'2022-03-01',"
                + "'totalInvestment':10000000,'equipmentInvestment':6000000"));
        assertThat(a.body().get("eligible").asBoolean()).isFalse();
        assertThat(a.reasons()).singleElement().asString().contains("未指定县(市、区)");
    }

    // ------------------------------------------------------------------------------------------- administrator

    @Test
    void shouldApplyReplacedCountySchemeAtOnceAndReportItsVersion() throws IOException {
        String original;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("dmn/huanggang/huanggang-award.dmn")) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String replaced = original.replaceFirst("<text>0\\.05</text>", "<text>0.04</text>");
        assertThat(replaced).isNotEqualTo(original);
        int before = latestAward("huanggang").getVersion();
        String deployment = repositoryService.createDeployment().name("test-huangzhou-2022").tenantId("huanggang")
                .addString("huanggang-award.dmn", replaced).deploy().getId();
        try {
            Answer a = ok(json("'jurisdiction':'huanggang','category':'INVESTMENT_SUBSIDY','applicationDate':'2022-03-01',"
                    + "'county':'huangzhou','totalInvestment':10000000,'equipmentInvestment':6000000"));
            assertThat(a.amount()).isEqualByComparingTo("240000.00");
            assertThat(a.body().get("decision").get("version").asInt()).isEqualTo(before + 1);
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
        assertThat(latestAward("huanggang").getVersion()).isEqualTo(before);
    }

    // ------------------------------------------------------------------------------------------- who may ask

    @Test
    void shouldLetAnEnterpriseQuoteItsOwnJurisdiction() {
        assertThat(post("hekou-ent-1", json("'jurisdiction':'hekou','category':'PILOT_DEMO','applicationDate':'2021-05-10',"
                + "'certificationLevel':'CITY'")).status()).isEqualTo(200);
    }

    @Test
    void shouldLetAnySignedInUserQuoteAnyJurisdiction() {
        Answer a = post("hekou-ent-1", json("'jurisdiction':'liaocheng','category':'EQUIPMENT','applicationDate':'2023-05-01',"
                + "'totalInvestment':6000000,'equipmentInvestment':4000000"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.amount()).isEqualByComparingTo("400000.00");
    }

    @Test
    void shouldRefuseAnonymousCaller() {
        assertThat(post(null, json("'jurisdiction':'hekou'")).status()).isEqualTo(401);
    }

    // ------------------------------------------------------------------------------------------- 400

    private void assertRefused(String body, String field) {
        Answer a = quote(body);
        assertThat(a.status()).as("status of %s: %s", body, a.body()).isEqualTo(400);
        assertThat(a.body().get("message").asText()).isNotBlank();
        assertThat(a.body().get("errors").has(field)).as("errors of %s: %s", body, a.body()).isTrue();
        assertThat(a.body().get("errors").get(field).asText()).isNotBlank();
    }

    private static final String VALID = "'jurisdiction':'hekou','category':'DIRECT_SUBSIDY','applicationDate':'2021-05-10'";

    @Test
    void shouldRefuseUnknownJurisdiction() {
        assertRefused(json("'jurisdiction':'beijing','category':'DIRECT_SUBSIDY','applicationDate':'2021-05-10'"), "jurisdiction");
    }

    @Test
    void shouldRefuseMissingJurisdiction() {
        assertRefused(json("'category':'DIRECT_SUBSIDY','applicationDate':'2021-05-10'"), "jurisdiction");
    }

    @Test
    void shouldRefuseUnknownCategory() {
        assertRefused(json("'jurisdiction':'hekou','category':'BONUS','applicationDate':'2021-05-10'"), "category");
    }

    @Test
    void shouldRefuseCategoryOfAnotherJurisdiction() {
        assertRefused(json("'jurisdiction':'liaocheng','category':'DIRECT_SUBSIDY','applicationDate':'2021-05-10'"), "category");
    }

    @Test
    void shouldRefuseMissingCategory() {
        assertRefused(json("'jurisdiction':'hekou','applicationDate':'2021-05-10'"), "category");
    }

    @Test
    void shouldRefuseMissingDate() {
        assertRefused(json("'jurisdiction':'hekou','category':'DIRECT_SUBSIDY'"), "applicationDate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-02-30", "2021-02-29", "2021-13-01", "2021-5-10", "10/05/2021"})
    void shouldRefuseImpossibleDate(String date) {
        assertRefused(json("'jurisdiction':'hekou','category':'DIRECT_SUBSIDY','applicationDate':'" + date + "'"), "applicationDate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"totalInvestment", "equipmentInvestment", "robotInvestment", "informatizationInvestment",
            "rdInvestment", "loanAmount", "completedInvestmentThisYear", "nationalFunding", "purchasePrice"})
    void shouldRefuseNegativeFigure(String figure) {
        assertRefused(json(VALID + ",'" + figure + "':-1"), figure);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'abc'", "'1,000'", "true", "[1]", "{'v':1}"})
    void shouldRefuseNonNumericFigure(String value) {
        assertRefused(json(VALID + ",'equipmentInvestment':" + value), "equipmentInvestment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "'NaN'", "'Infinity'", "1e400"})
    void shouldRefuseNonFiniteFigure(String value) {
        assertRefused(json(VALID + ",'loanAmount':" + value), "loanAmount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"equipmentInvestment", "robotInvestment", "informatizationInvestment", "rdInvestment",
            "completedInvestmentThisYear"})
    void shouldRefusePartLargerThanTotal(String part) {
        assertRefused(json(VALID + ",'totalInvestment':5000000,'equipmentInvestment':5000000,'" + part + "':5000000.01"), part);
    }

    @Test
    void shouldRefuseRobotsLargerThanEquipment() {
        assertRefused(json("'jurisdiction':'yanzhou','category':'ROBOT','applicationDate':'2021-06-01',"
                + "'robotInvestment':3000000,'equipmentInvestment':2999999.99"), "robotInvestment");
    }

    @Test
    void shouldRefuseUnknownMujuanClass() {
        assertRefused(json("'jurisdiction':'yanzhou','category':'EQUIPMENT','applicationDate':'2021-06-01','mujuanClass':'E'"), "mujuanClass");
    }

    @Test
    void shouldRefuseUnknownCertificationLevel() {
        assertRefused(json(VALID + ",'certificationLevel':'WORLD'"), "certificationLevel");
    }

    @Test
    void shouldRefuseExpertScoreOutOfRange() {
        assertRefused(json(VALID + ",'expertScore':-1"), "expertScore");
    }

    @Test
    void shouldRefuseFlagThatIsNotBoolean() {
        assertRefused(json(VALID + ",'superiorFunded':'yes'"), "superiorFunded");
    }

    @Test
    void shouldRefuseUnknownCounty() {
        assertRefused(json("'jurisdiction':'huanggang','category':'INVESTMENT_SUBSIDY','applicationDate':'2022-03-01','county':'wuhan'"), "county");
    }

    @Test
    void shouldRefuseClusterWithoutMembers() {
        assertRefused(json("'jurisdiction':'yanzhou','category':'CLUSTER','applicationDate':'2021-06-01','equipmentInvestment':7000000"), "members");
    }

    @Test
    void shouldRefuseClusterMemberWithNegativeEquipment() {
        assertRefused(json("'jurisdiction':'yanzhou','category':'CLUSTER','applicationDate':'2021-06-01',"
                + "'members':[{'enterprise':'甲','equipmentInvestment':-1,'sme':true}]"), "members[0].equipmentInvestment");
    }

    @Test
    void shouldNameEveryRefusedFieldInOneAnswer() {
        Answer a = quote(json("'jurisdiction':'hekou','applicationDate':'2021-02-30','loanAmount':-5,'equipmentInvestment':'x'"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("errors").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("category", "applicationDate", "loanAmount", "equipmentInvestment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "\"text\"", "{\"jurisdiction\":"})
    void shouldRefuseBodyThatIsNotJsonObject(String body) {
        Answer a = quote(body);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("message").asText()).contains("JSON");
    }

    @Test
    void shouldRefuseEmptyBodyNamingRequiredFields() {
        Answer a = quote("");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("errors").fieldNames()).toIterable()
                .contains("jurisdiction", "category", "applicationDate");
    }
}
