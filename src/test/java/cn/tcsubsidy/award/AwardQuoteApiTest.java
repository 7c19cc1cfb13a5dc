package cn.tcsubsidy.award;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.award.quote.AwardQuote;
import cn.tcsubsidy.award.quote.AwardQuoteService;
import cn.tcsubsidy.award.quote.QuoteRequest;
import cn.tcsubsidy.award.quote.QuoteRequestReader;
import cn.tcsubsidy.award.quote.QuoteRequestValidator;
import cn.tcsubsidy.award.scheme.domain.DemoSchemes;
import cn.tcsubsidy.support.Rest;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * POST /api/award-quotes over HTTP with Basic authentication, against the deployed tables. Huanggang's county rates
 * and Jiyuan GREEN come from annual schemes: the demo's samples (示例方案) are entered for 2022 and 2018, the years of
 * the worked examples; tests that enter their own use 2023.
 */
class AwardQuoteApiTest extends AwardEngineSupport {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    @Autowired
    DemoSchemes demoSchemes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AwardQuoteService quotes;
    @Autowired
    org.camunda.bpm.engine.HistoryService historyService;

    @BeforeEach
    void sampleSchemes() {
        demoSchemes.enter(2022);
        demoSchemes.enter(2018);
    }

    /** What a test entered besides the samples goes; the date settings go back to their defaults. */
    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from award_scheme_rate where scheme_id in (select id from award_scheme where not sample)").update();
        jdbc.sql("delete from award_scheme where not sample").update();
        jdbc.sql("delete from enterprise_standing").update();
        jdbc.sql("update quote_date_setting set policy_date_rule = 'COMPLETION_DATE', lpr_date_rule = 'APPLICATION_DATE'")
                .update();
    }

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
        Rest.Response r = rest().postRaw(user, "/api/award-quotes", json);
        try {
            // Read again with BigDecimals kept as written (the amounts' scale is asserted).
            return new Answer(r.status(), r.text() == null || r.text().isEmpty() ? null : JSON.readTree(r.text()));
        } catch (IOException e) {
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
                Arguments.of("hekou", "PILOT_DEMO", "'applicationDate':'2021-05-10','certificationLevel':'CITY','certificateNo':'东工信字〔2021〕7号'", "50000.00"),
                Arguments.of("huanggang", "INVESTMENT_SUBSIDY", "'applicationDate':'2022-03-01','county':'huangzhou','totalInvestment':10000000,'equipmentInvestment':6000000", "300000.00"),
                Arguments.of("huanggang", "LOAN_INTEREST", "'applicationDate':'2022-03-01','county':'macheng','totalInvestment':10000000,'loanAmount':4000000", "74000.00"),
                Arguments.of("yanzhou", "EQUIPMENT", "'applicationDate':'2021-06-01','equipmentInvestment':7000000,'mujuanClass':'B'", "210000.00"),
                Arguments.of("yanzhou", "ROBOT", "'applicationDate':'2021-06-01','robotInvestment':3000000,'equipmentInvestment':8000000", "400000.00"),
                Arguments.of("yanzhou", "INFORMATIZATION", "'applicationDate':'2021-06-01','informatizationInvestment':2500000", "250000.00"),
                Arguments.of("yanzhou", "CLUSTER", "'applicationDate':'2021-06-01','members':[{'enterprise':'链主','equipmentInvestment':3000000,'sme':false},{'enterprise':'甲','equipmentInvestment':2500000,'sme':true},{'enterprise':'乙','equipmentInvestment':1500000,'sme':true}]", "210000.00"),
                Arguments.of("jiyuan", "TECH_RETROFIT", "'applicationDate':'2018-03-01','completedInvestmentThisYear':8000000,'equipmentInvestment':5000000,'rdInvestment':1000000,'productionStartDate':'2017-12-01'", "1800000.00"),
                Arguments.of("jiyuan", "INNOVATION_CENTER", "'applicationDate':'2018-03-01','equipmentInvestment':4000000,'certificateNo':'济工信〔2018〕2号','listingYear':2018", "2000000.00"),
                Arguments.of("jiyuan", "INNOVATION_CENTER_PROVINCIAL", "'applicationDate':'2018-03-01','certificateNo':'豫工信〔2018〕3号'", "5000000.00"),
                Arguments.of("jiyuan", "NEW_PRODUCT", "'applicationDate':'2018-03-01','rdInvestment':2000000,'certificationLevel':'PROVINCE','certificateNo':'豫新产品〔2017〕101号','certificateDate':'2017-11-01'", "600000.00"),
                Arguments.of("jiyuan", "STRONG_BASE", "'applicationDate':'2018-03-01','nationalFunding':3000000,'certificateNo':'工信部强基〔2017〕5号'", "1500000.00"),
                Arguments.of("jiyuan", "FIRST_SET", "'applicationDate':'2018-03-01','purchasePrice':2000000,'certificationLevel':'PROVINCE','localMade':true,'certificateNo':'豫首台套〔2017〕9号','certificateDate':'2017-10-01'", "100000.00"),
                Arguments.of("jiyuan", "QUALITY_BRAND", "'applicationDate':'2018-03-01','certificationLevel':'NATIONAL','certificateNo':'QUALITY_BRAND-2017-01','certificateDate':'2017-09-01'", "500000.00"),
                Arguments.of("jiyuan", "SMART_MFG", "'applicationDate':'2018-03-01','certificationLevel':'PROVINCE','certificateNo':'SMART_MFG-2017-01','certificateDate':'2017-09-01'", "300000.00"),
                Arguments.of("jiyuan", "SERVICE_MFG", "'applicationDate':'2018-03-01','certificationLevel':'NATIONAL','certificateNo':'SERVICE_MFG-2017-01','certificateDate':'2017-09-01'", "500000.00"),
                Arguments.of("jiyuan", "INDUSTRIAL_CLOUD", "'applicationDate':'2018-03-01','certificationLevel':'PROVINCE','certificateNo':'INDUSTRIAL_CLOUD-2017-01','certificateDate':'2017-09-01'", "300000.00"),
                Arguments.of("jiyuan", "DUAL_PLATFORM", "'applicationDate':'2018-03-01','certificationLevel':'NATIONAL','certificateNo':'DUAL_PLATFORM-2017-01','certificateDate':'2017-09-01'", "500000.00"),
                Arguments.of("jiyuan", "DUAL_BASE", "'applicationDate':'2018-03-01','certificationLevel':'NATIONAL','certificateNo':'DUAL_BASE-2017-01','certificateDate':'2017-09-01'", "800000.00"),
                Arguments.of("jiyuan", "IIOT_MGMT_CERT", "'applicationDate':'2018-03-01','certificationLevel':'NATIONAL','certificateNo':'AIITRE-2017-0001','certificateDate':'2017-09-01'", "300000.00"),
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

    /**
     * A preview (the API) evaluates the deployed tables outside the engine; the process's quote goes through the
     * engine's DecisionService. Both give the same quote, field by field, for every category of every jurisdiction,
     * and only the engine's writes a decision history row.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyCategory")
    void shouldPreviewExactlyAsTheEngineQuotesAndWriteNoDecisionHistory(String jurisdiction, String category,
                                                                        String fields, String amount) throws Exception {
        String body = json("'jurisdiction':'" + jurisdiction + "','category':'" + category + "'," + fields);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build()
                .readValue(body, Map.class);
        QuoteRequest request = new QuoteRequestReader(new QuoteRequestValidator((j, u) -> true)).read(map);
        long history = historyService.createHistoricDecisionInstanceQuery().count();
        AwardQuote preview = quotes.preview(request);
        assertThat(historyService.createHistoricDecisionInstanceQuery().count()).as("a preview writes no history")
                .isEqualTo(history);
        AwardQuote engine = quotes.quote(request);
        long afterEngine = historyService.createHistoricDecisionInstanceQuery().count();
        assertThat(afterEngine).as("the engine's quote does").isGreaterThan(history);
        assertThat(preview).isEqualTo(engine);
        assertThat(preview.amount()).isEqualByComparingTo(amount);
        // And the API answers with the preview, writing no history either.
        assertThat(ok(body).amount()).isEqualByComparingTo(preview.amount());
        assertThat(historyService.createHistoricDecisionInstanceQuery().count()).isEqualTo(afterEngine);
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
                + "'completedInvestmentThisYear':50000000,'equipmentInvestment':40000000,'productionStartDate':'2017-12-01'"));
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

    /** [new tables] The checkbox is one provincial funding row: 未获得省级支持 fails for a city-pool project. */
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

    // ------------------------------------------------------------------------------------------- issue 7: contract
    // Tests marked [new tables] rely on the contract with the rule tables (dmn-contract.md) and pass once the tables
    // read the new inputs: before that, the old tables ignore policyDate, the schemes and the funding rows.

    private static final String CREDIT = "91370500MA0000001L";
    private static final String A_CODE = "91370800MA00000014";
    private static final String D_CODE = "91370800MA00000027";
    private static final String B_CODE = "91370800MA0000003A";

    private Rest rest() {
        return new Rest(port);
    }

    /** [new tables] A year without a filed scheme for the county pays nothing; no fallback to another county. */
    @Test
    void shouldRefuseHuanggangProjectWhoseCountyHasNoSchemeForTheYear() {
        Answer a = ok(json("'jurisdiction':'huanggang','category':'INVESTMENT_SUBSIDY','applicationDate':'2023-03-01',"
                + "'county':'wuxue','totalInvestment':10000000,'equipmentInvestment':6000000"));
        assertThat(a.body().get("eligible").asBoolean()).isFalse();
        assertThat(a.amount()).isEqualByComparingTo("0");
        assertThat(a.reasons()).anySatisfy(r -> assertThat(r).startsWith("本年度奖补方案未备案"));
        assertThat(a.body().get("awardYear").asInt()).isEqualTo(2023);
    }

    /** [new tables] A scheme the rule administrator enters applies at once, with its document as the basis. */
    @Test
    void shouldApplyAnEnteredCountySchemeAtOnceAndStopWhenItIsWithdrawn() {
        Map<String, Object> scheme = new LinkedHashMap<>();
        scheme.put("jurisdiction", "huanggang");
        scheme.put("scope", "macheng");
        scheme.put("year", 2023);
        scheme.put("document", "麻政办发〔2023〕3号");
        scheme.put("filedOn", "2023-02-01");
        scheme.put("rates", List.of(Map.of("category", "INVESTMENT_SUBSIDY", "rate", 0.04, "projectCap", 800000)));
        Rest.Response entered = rest().post("huanggang-rules", "/api/award-schemes", scheme);
        assertThat(entered.status()).as(entered.text()).isEqualTo(201);
        String body = json("'jurisdiction':'huanggang','category':'INVESTMENT_SUBSIDY','applicationDate':'2023-03-01',"
                + "'county':'macheng','totalInvestment':10000000,'equipmentInvestment':6000000");
        Answer a = ok(body);
        assertThat(a.amount()).isEqualByComparingTo("240000.00");
        assertThat(a.body().get("basis").asText()).contains("麻政办发〔2023〕3号").doesNotContain("示例方案");
        assertThat(a.body().get("projectCap").decimalValue()).isEqualByComparingTo("800000");
        long id = entered.body().get("id").asLong();
        assertThat(rest().post("huanggang-rules", "/api/award-schemes/" + id + "/withdrawal", Map.of("reason", "重新制定"))
                .status()).isEqualTo(200);
        assertThat(ok(body).reasons()).anySatisfy(r -> assertThat(r).startsWith("本年度奖补方案未备案"));
    }

    @Test
    void shouldLabelTheDemosSampleSchemeInTheBasis() {
        Answer a = ok(json("'jurisdiction':'huanggang','category':'INVESTMENT_SUBSIDY','applicationDate':'2022-03-01',"
                + "'county':'macheng','totalInvestment':10000000,'equipmentInvestment':6000000"));
        assertThat(a.amount()).isEqualByComparingTo("300000.00");
        assertThat(a.body().get("basis").asText()).contains("示例方案");
    }

    /** 74,000 = 4,000,000 × the sample scheme's 1.85 % (the old sample: LPR 3.70 % × 50 %). */
    @Test
    void shouldApplyTheSchemesInterestRateToHuanggangLoanInterest() {
        Answer a = ok(json("'jurisdiction':'huanggang','category':'LOAN_INTEREST','applicationDate':'2022-03-01',"
                + "'county':'macheng','totalInvestment':10000000,'loanAmount':4000000"));
        assertThat(a.amount()).isEqualByComparingTo("74000.00");
        assertThat(a.body().get("rate").decimalValue()).isEqualByComparingTo("0.0185");
        assertThat(a.body().get("projectCap").decimalValue()).isEqualByComparingTo("500000");
    }

    /**
     * [new tables] Yanzhou's policy ran 2020-08-15 … 2023-08-14: a project completed inside it and recommended on
     * 30 November 2023 is under it by the default setting (the completion date picks the policy).
     */
    @Test
    void shouldPickThePolicyByTheCompletionDate() {
        Answer a = ok(json("'jurisdiction':'yanzhou','category':'EQUIPMENT','applicationDate':'2023-11-30',"
                + "'completionDate':'2023-06-30','equipmentInvestment':7000000,'mujuanClass':'B'"));
        assertThat(a.body().get("eligible").asBoolean()).as(a.body().toString()).isTrue();
        assertThat(a.amount()).isEqualByComparingTo("210000.00");
        assertThat(a.body().get("policyDate").asText()).isEqualTo("2023-06-30");
        assertThat(a.body().get("lprDate").asText()).isEqualTo("2023-11-30");
    }

    @Test
    void shouldPickThePolicyByTheApplicationDateWhenNoCompletionDateIsKnown() {
        Answer a = ok(json("'jurisdiction':'yanzhou','category':'EQUIPMENT','applicationDate':'2023-11-30',"
                + "'equipmentInvestment':7000000,'mujuanClass':'B'"));
        assertThat(a.body().get("eligible").asBoolean()).isFalse();
        assertThat(a.body().get("policyDate").asText()).isEqualTo("2023-11-30");
    }

    /** [new tables] With the setting changed to the application date, the same project is outside the policy. */
    @Test
    void shouldFollowTheJurisdictionsSettingForThePolicyDate() {
        assertThat(rest().put("yanzhou-rules", "/api/quote-date-settings/yanzhou", Map.of("policyDate",
                "APPLICATION_DATE", "lprDate", "APPLICATION_DATE", "basis", "测试:按申请日期确定政策")).status())
                .isEqualTo(200);
        Answer a = ok(json("'jurisdiction':'yanzhou','category':'EQUIPMENT','applicationDate':'2023-11-30',"
                + "'completionDate':'2023-06-30','equipmentInvestment':7000000,'mujuanClass':'B'"));
        assertThat(a.body().get("policyDate").asText()).isEqualTo("2023-11-30");
        assertThat(a.body().get("eligible").asBoolean()).isFalse();
    }

    /** The LPR on the application date by default (3.70 % on 2022-01-20); on the completion date when so set (3.85 %). */
    @Test
    void shouldPickTheLprByTheDateTheSettingNames() {
        String body = json("'jurisdiction':'hekou','category':'LOAN_INTEREST','applicationDate':'2022-01-20',"
                + "'completionDate':'2021-12-01','totalInvestment':9000000,'loanAmount':8000000");
        Answer byApplication = ok(body);
        assertThat(byApplication.amount()).isEqualByComparingTo("74000.00");
        assertThat(byApplication.body().get("lprDate").asText()).isEqualTo("2022-01-20");
        assertThat(rest().put("hekou-rules", "/api/quote-date-settings/hekou", Map.of("policyDate", "COMPLETION_DATE",
                "lprDate", "COMPLETION_DATE", "basis", "测试:按竣工日LPR")).status()).isEqualTo(200);
        Answer byCompletion = ok(body);
        assertThat(byCompletion.amount()).isEqualByComparingTo("77000.00");
        assertThat(byCompletion.body().get("lprDate").asText()).isEqualTo("2021-12-01");
    }

    private long listEnterprise(String jurisdiction, String code, String from) {
        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put("jurisdiction", jurisdiction);
        listing.put("creditCode", code);
        listing.put("kind", "CREDIT_SANCTION");
        listing.put("basis", "信用中国公示的失信主体名单");
        listing.put("fromDate", from);
        Rest.Response r = rest().post(jurisdiction + "-bureau", "/api/standing-listings", listing);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    @Test
    void shouldRefuseAnEnterpriseOnTheStandingListUntilTheBureauLiftsIt() {
        long id = listEnterprise("hekou", CREDIT, "2021-01-01");
        String body = "'jurisdiction':'hekou','category':'DIRECT_SUBSIDY','applicationDate':'2021-05-10',"
                + "'totalInvestment':9000000,'equipmentInvestment':7000000";
        Answer listed = ok(json(body + ",'creditCode':'" + CREDIT + "'"));
        assertThat(listed.body().get("eligible").asBoolean()).isFalse();
        assertThat(listed.amount()).isEqualByComparingTo("0");
        assertThat(listed.reasons()).singleElement().asString().contains(CREDIT).contains("信用中国公示的失信主体名单")
                .contains("工信局录入和维护的数据");
        assertThat(ok(json(body)).amount()).as("no credit code: the list cannot apply").isEqualByComparingTo("420000.00");
        assertThat(rest().post("hekou-bureau", "/api/standing-listings/" + id + "/lifting", Map.of("reason", "信用修复"))
                .status()).isEqualTo(200);
        assertThat(ok(json(body + ",'creditCode':'" + CREDIT + "'")).amount()).isEqualByComparingTo("420000.00");
    }

    @Test
    void shouldRefuseAnEnterpriseListedAfterCompletionButBeforeItsApplication() {
        String other = cn.tcsubsidy.shared.CreditCode.withCheckCharacter("91370503MA3C0D009");
        listEnterprise("hekou", other, "2021-03-01");
        Answer a = ok(json("'jurisdiction':'hekou','category':'DIRECT_SUBSIDY','applicationDate':'2021-05-10',"
                + "'completionDate':'2021-01-20','totalInvestment':9000000,'equipmentInvestment':7000000,"
                + "'creditCode':'" + other + "'"));
        assertThat(a.body().get("policyDate").asText()).isEqualTo("2021-01-20");
        assertThat(a.body().get("eligible").asBoolean()).as("listed on the application date").isFalse();
        assertThat(a.reasons()).singleElement().asString().contains(other);
    }

    @Test
    void shouldApplyTheListingOnlyFromItsStartAndOnlyInItsJurisdiction() {
        listEnterprise("hekou", CREDIT, "2021-06-01");
        assertThat(ok(json("'jurisdiction':'hekou','category':'DIRECT_SUBSIDY','applicationDate':'2021-05-10',"
                + "'totalInvestment':9000000,'equipmentInvestment':7000000,'creditCode':'" + CREDIT + "'")).amount())
                .isEqualByComparingTo("420000.00");
        listEnterprise("yanzhou", CREDIT, "2020-01-01");
        assertThat(ok(json("'jurisdiction':'hekou','category':'DIRECT_SUBSIDY','applicationDate':'2021-05-10',"
                + "'totalInvestment':9000000,'equipmentInvestment':7000000,'creditCode':'" + CREDIT + "'")).amount())
                .as("another jurisdiction's list").isEqualByComparingTo("420000.00");
    }

    private static final String CLUSTER_AD = "'jurisdiction':'yanzhou','category':'CLUSTER','applicationDate':'2021-06-01',"
            + "'members':[{'enterprise':'链主','equipmentInvestment':3000000,'sme':false,'creditCode':'" + A_CODE
            + "','mujuanClass':'A'},{'enterprise':'甲','equipmentInvestment':2500000,'sme':true,'creditCode':'" + D_CODE
            + "','mujuanClass':'D'},{'enterprise':'乙','equipmentInvestment':1500000,'sme':true,'creditCode':'" + B_CODE
            + "','mujuanClass':'B'}]";

    /** 四、4 per member: the A-rated lead 4 %, the D-rated member nothing, the B-rated member 3 %. */
    @Test
    void shouldQuoteEachClusterMemberAtItsOwnRate() {
        Answer a = ok(json(CLUSTER_AD));
        assertThat(a.body().get("eligible").asBoolean()).as(a.body().toString()).isTrue();
        JsonNode allocations = a.body().get("allocations");
        assertThat(allocations.get(0).get("amount").decimalValue()).isEqualByComparingTo("120000.00");
        assertThat(allocations.get(1).get("amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(allocations.get(1).get("eligible").asBoolean()).isFalse();
        assertThat(allocations.get(1).get("reasons").get(0).asText()).contains("D类");
        assertThat(allocations.get(2).get("amount").decimalValue()).isEqualByComparingTo("45000.00");
        assertThat(allocations.get(0).get("creditCode").asText()).isEqualTo(A_CODE);
        assertThat(allocations.get(2).get("rate").decimalValue()).isEqualByComparingTo("0.03");
        assertThat(a.amount()).isEqualByComparingTo("165000.00");
        assertThat(a.reasons()).anySatisfy(r -> assertThat(r).startsWith("成员 甲:").contains("D类"))
                .anySatisfy(r -> assertThat(r).contains("本企业设备投资额 × 本企业适用比例"));
    }

    @Test
    void shouldScaleClusterMembersToTheCapInProportion() {
        // 15,000,000 × 4 % + 20,000,000 × 3 % = 1,200,000 over 1,000,000: each share × 5/6.
        JsonNode b = ok(json("'jurisdiction':'yanzhou','category':'CLUSTER','applicationDate':'2021-06-01','members':["
                + "{'enterprise':'链主','equipmentInvestment':15000000,'sme':false,'mujuanClass':'A'},"
                + "{'enterprise':'甲','equipmentInvestment':20000000,'sme':true}]")).body();
        assertThat(b.get("amount").decimalValue()).isEqualByComparingTo("1000000.00");
        assertThat(b.get("allocations").get(0).get("amount").decimalValue()).isEqualByComparingTo("500000.00");
        assertThat(b.get("allocations").get(1).get("amount").decimalValue()).isEqualByComparingTo("500000.00");
    }

    @Test
    void shouldRefuseAListedClusterMemberOnlyAndAListedApplicantWholly() {
        listEnterprise("yanzhou", B_CODE, "2020-01-01");
        Answer member = ok(json(CLUSTER_AD));
        assertThat(member.amount()).isEqualByComparingTo("120000.00");
        assertThat(member.body().get("allocations").get(2).get("reasons").get(0).asText()).contains(B_CODE);
        Answer applicant = ok(json(CLUSTER_AD + ",'creditCode':'" + B_CODE + "'"));
        assertThat(applicant.body().get("eligible").asBoolean()).isFalse();
        assertThat(applicant.amount()).isEqualByComparingTo("0");
    }

    @Test
    void shouldNotTakeCountyFundingForHekousHigherLevelSpecialFunds() {
        Answer a = ok(json("'jurisdiction':'hekou','category':'DIRECT_SUBSIDY','applicationDate':'2021-05-10',"
                + "'totalInvestment':9000000,'equipmentInvestment':7000000,"
                + "'otherFunding':[{'level':'COUNTY','source':'区级配套','document':'东河财〔2021〕1号','amount':50000}]"));
        assertThat(a.amount()).isEqualByComparingTo("420000.00");
    }

    /** [new tables] 享受上级专项资金奖补扶持的,不再纳入区级奖补扶持范围: a provincial row, or the legacy checkbox. */
    @ParameterizedTest
    @ValueSource(strings = {"'otherFunding':[{'level':'PROVINCE','source':'省技改专项','amount':300000}]",
            "'superiorFunded':true"})
    void shouldRefuseHekouProjectWithHigherLevelSpecialFunds(String funding) {
        Answer a = ok(json("'jurisdiction':'hekou','category':'DIRECT_SUBSIDY','applicationDate':'2021-05-10',"
                + "'totalInvestment':9000000,'equipmentInvestment':7000000," + funding));
        assertThat(a.body().get("eligible").asBoolean()).isFalse();
    }

    /** [new tables] 同一项目已获其它财政资金支持的,不予重复奖补: any level, the county too. */
    @Test
    void shouldRefuseYanzhouProjectWithAnyOtherPublicFunding() {
        Answer a = ok(json("'jurisdiction':'yanzhou','category':'EQUIPMENT','applicationDate':'2021-06-01',"
                + "'equipmentInvestment':7000000,'otherFunding':[{'level':'COUNTY','source':'镇级补助','amount':10000}]"));
        assertThat(a.body().get("eligible").asBoolean()).isFalse();
    }

    /** [new tables] Hekou's 300万 per enterprise is per mode (000 三(一)); Liaocheng's 单户企业 spans the policy. */
    @Test
    void shouldReportWhichAwardsShareTheEnterpriseCap() {
        assertThat(ok(json(VALID + ",'totalInvestment':9000000,'equipmentInvestment':7000000")).body().get("capScope")
                .asText()).isEqualTo("CATEGORY");
        assertThat(ok(json("'jurisdiction':'liaocheng','category':'EQUIPMENT','applicationDate':'2023-05-01',"
                + "'totalInvestment':6000000,'equipmentInvestment':4000000")).body().get("capScope").asText())
                .isEqualTo("POLICY");
    }

    // ------------------------------------------------------------------------------------------- rate by score

    private static final String SCORE_TABLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                         id="Definitions_test_rate_by_score" name="测试评分分档" namespace="http://tcsubsidy.cn/test">
              <decision id="tc-rate-by-score" name="测试评分分档" camunda:historyTimeToLive="1">
                <decisionTable id="DecisionTable_Score" hitPolicy="FIRST">
                  <input id="Input_Category"><inputExpression id="InputExpression_Category" typeRef="string"><text>category</text></inputExpression></input>
                  <input id="Input_Score"><inputExpression id="InputExpression_Score"><text>finalScore</text></inputExpression></input>
                  <output id="Output_Rate" name="rate"/>
                  <rule id="Rule_1"><inputEntry id="E_1_1"><text>-</text></inputEntry><inputEntry id="E_1_2"><text>null</text></inputEntry><outputEntry id="O_1"><text></text></outputEntry></rule>
                  <rule id="Rule_2"><inputEntry id="E_2_1"><text>-</text></inputEntry><inputEntry id="E_2_2"><text>&gt;= 90</text></inputEntry><outputEntry id="O_2"><text>1</text></outputEntry></rule>
                  <rule id="Rule_3"><inputEntry id="E_3_1"><text>-</text></inputEntry><inputEntry id="E_3_2"><text>&gt;= 80</text></inputEntry><outputEntry id="O_3"><text>0.04</text></outputEntry></rule>
                  <rule id="Rule_4"><inputEntry id="E_4_1"><text>-</text></inputEntry><inputEntry id="E_4_2"><text>-</text></inputEntry><outputEntry id="O_4"><text>0.02</text></outputEntry></rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    /** A tc-award whose 10 % rate is a ceiling the score may lower, for the quote's side of the contract alone. */
    private static final String CEILING_TABLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                         id="Definitions_test_ceiling" name="测试上限比例" namespace="http://tcsubsidy.cn/test">
              <decision id="tc-award" name="测试上限比例" camunda:historyTimeToLive="1">
                <decisionTable id="DecisionTable_Award" hitPolicy="FIRST">
                  <input id="Input_Category"><inputExpression id="InputExpression_Category" typeRef="string"><text>category</text></inputExpression></input>
                  <input id="Input_Total"><inputExpression id="InputExpression_Total" typeRef="number"><text>totalInvestment</text></inputExpression></input>
                  <output id="O_eligible" name="eligible" typeRef="boolean"/>
                  <output id="O_reasons" name="reasons"/>
                  <output id="O_rate" name="rate"/>
                  <output id="O_baseFields" name="baseFields" typeRef="string"/>
                  <output id="O_fixedAmount" name="fixedAmount"/>
                  <output id="O_projectCap" name="projectCap"/>
                  <output id="O_enterpriseCap" name="enterpriseCap"/>
                  <output id="O_basis" name="basis" typeRef="string"/>
                  <output id="O_capScope" name="capScope" typeRef="string"/>
                  <output id="O_scoredRate" name="scoredRate" typeRef="boolean"/>
                  <rule id="Rule_0">
                    <inputEntry id="E_0"><text>-</text></inputEntry>
                    <inputEntry id="E_0_Total"><text>&lt; 5000000</text></inputEntry>
                    <outputEntry id="O_0_1"><text>false</text></outputEntry>
                    <outputEntry id="O_0_2"><text>["测试:总投资不足500万元"]</text></outputEntry>
                    <outputEntry id="O_0_3"><text></text></outputEntry>
                    <outputEntry id="O_0_4"><text></text></outputEntry>
                    <outputEntry id="O_0_5"><text></text></outputEntry>
                    <outputEntry id="O_0_6"><text></text></outputEntry>
                    <outputEntry id="O_0_7"><text></text></outputEntry>
                    <outputEntry id="O_0_8"><text>"测试"</text></outputEntry>
                    <outputEntry id="O_0_9"><text></text></outputEntry>
                    <outputEntry id="O_0_10"><text>false</text></outputEntry>
                  </rule>
                  <rule id="Rule_1">
                    <inputEntry id="E_1"><text>-</text></inputEntry>
                    <inputEntry id="E_1_Total"><text>-</text></inputEntry>
                    <outputEntry id="O_1_1"><text>true</text></outputEntry>
                    <outputEntry id="O_1_2"><text>[]</text></outputEntry>
                    <outputEntry id="O_1_3"><text>0.10</text></outputEntry>
                    <outputEntry id="O_1_4"><text>"equipmentInvestment"</text></outputEntry>
                    <outputEntry id="O_1_5"><text></text></outputEntry>
                    <outputEntry id="O_1_6"><text></text></outputEntry>
                    <outputEntry id="O_1_7"><text>2000000</text></outputEntry>
                    <outputEntry id="O_1_8"><text>"测试:不超过10%"</text></outputEntry>
                    <outputEntry id="O_1_9"><text></text></outputEntry>
                    <outputEntry id="O_1_10"><text>true</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    private String deploy(String tenant, String name, String xml) {
        return repositoryService.createDeployment().name("test-" + name).tenantId(tenant).addString(name, xml.strip())
                .deploy().getId();
    }

    private static final String LIAOCHENG = "'jurisdiction':'liaocheng','category':'EQUIPMENT','applicationDate':'2023-05-01',"
            + "'totalInvestment':6000000,'equipmentInvestment':4000000";

    @Test
    void shouldTakeTheRateWithinTheCeilingFromTheScoreTable() {
        int before = latestAward("liaocheng").getVersion();
        String award = deploy("liaocheng", "test-ceiling.dmn", CEILING_TABLE);
        String score = deploy("liaocheng", "test-rate-by-score.dmn", SCORE_TABLE);
        try {
            int scoreVersion = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("tc-rate-by-score")
                    .tenantIdIn("liaocheng").latestVersion().singleResult().getVersion();
            JsonNode b = ok(json(LIAOCHENG + ",'expertScore':85")).body();
            assertThat(b.get("rate").decimalValue()).isEqualByComparingTo("0.04");
            assertThat(b.get("rateCeiling").decimalValue()).isEqualByComparingTo("0.10");
            assertThat(b.get("amount").decimalValue()).isEqualByComparingTo("160000.00");
            assertThat(b.get("rateDecision").get("key").asText()).isEqualTo("tc-rate-by-score");
            assertThat(b.get("rateDecision").get("version").asInt()).isEqualTo(scoreVersion);
            assertThat(b.get("decision").get("version").asInt()).isEqualTo(before + 1);
            assertThat(b.get("capScope").asText()).as("none from the table: the policy").isEqualTo("POLICY");

            Answer over = ok(json(LIAOCHENG + ",'expertScore':95"));
            assertThat(over.body().get("rate").decimalValue()).isEqualByComparingTo("0.10");
            assertThat(over.amount()).isEqualByComparingTo("400000.00");
            assertThat(over.reasons()).singleElement().asString().contains("超过政策规定的最高比例 10%");

            Answer unscored = ok(json(LIAOCHENG));
            assertThat(unscored.body().get("rate").decimalValue()).as("no score: the ceiling").isEqualByComparingTo("0.10");
            assertThat(unscored.reasons()).isEmpty();
        } finally {
            repositoryService.deleteDeployment(score, true);
            repositoryService.deleteDeployment(award, true);
        }
        assertThat(latestAward("liaocheng").getVersion()).isEqualTo(before);
        // The next preview is on the version in force again (no table kept from before the deletion).
        JsonNode back = ok(json(LIAOCHENG + ",'expertScore':85")).body();
        assertThat(back.get("decision").get("version").asInt()).isEqualTo(before);
        DecisionDefinition scoreInForce = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey("tc-rate-by-score").tenantIdIn("liaocheng").latestVersion().singleResult();
        if (scoreInForce == null) {
            assertThat(back.get("rateDecision").isNull()).isTrue();
        } else {
            assertThat(back.get("rateDecision").get("version").asInt()).isEqualTo(scoreInForce.getVersion());
        }
    }

    /** [new tables] Liaocheng's 不超过10% and Hekou's 最高不超过6% are ceilings; the score table sets the rate within. */
    @ParameterizedTest
    @ValueSource(strings = {"liaocheng", "hekou"})
    void shouldAskTheScoreTableWhereTheShippedTableSaysTheRateIsACeiling(String tenant) {
        String score = deploy(tenant, "test-rate-by-score.dmn", SCORE_TABLE);
        try {
            String body = tenant.equals("hekou")
                    ? VALID + ",'totalInvestment':9000000,'equipmentInvestment':4000000" : LIAOCHENG;
            JsonNode b = ok(json(body + ",'expertScore':85")).body();
            assertThat(b.get("rate").decimalValue()).isEqualByComparingTo("0.04");
            assertThat(b.get("amount").decimalValue()).isEqualByComparingTo("160000.00");
            assertThat(b.get("rateCeiling").decimalValue()).isEqualByComparingTo(tenant.equals("hekou") ? "0.06" : "0.10");
        } finally {
            repositoryService.deleteDeployment(score, true);
        }
    }

    // ------------------------------------------------------------------------------------------- issue 7: 400

    @Test
    void shouldRefuseAMisspeltFigureInsteadOfQuotingZero() {
        Answer a = quote(json(VALID + ",'totalInvestment':9000000,'equipmentInvestmnet':7000000"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("errors").get("equipmentInvestmnet").asText()).isEqualTo("未知字段: equipmentInvestmnet");
    }

    @Test
    void shouldRefuseAMisspeltFieldOfAMemberOrAFundingRow() {
        assertRefused(json("'jurisdiction':'yanzhou','category':'CLUSTER','applicationDate':'2021-06-01',"
                + "'members':[{'enterprise':'甲','equipmentInvestmnet':7000000,'sme':true}]"), "members[0].equipmentInvestmnet");
        assertRefused(json(VALID + ",'otherFunding':[{'level':'CITY','source':'市级','amout':1}]"), "otherFunding[0].amout");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'creditCode':'91370500MA0000001M'", "'listingYear':2019.5", "'listingYear':1999",
            "'certificateDate':'2018-02-30'", "'productionStartDate':'1999-12-31'", "'completionDate':'tomorrow'",
            "'localMade':'yes'", "'certificateNo':1", "'otherFunding':{'level':'CITY'}"})
    void shouldRefuseBadNewFields(String field) {
        String key = field.substring(1, field.indexOf('\'', 1));
        assertRefused(json(VALID + "," + field), key);
    }

    @Test
    void shouldRefuseAFundingRowOfUnknownLevelOrWithoutAmount() {
        assertRefused(json(VALID + ",'otherFunding':[{'level':'TOWN','source':'镇级','amount':1}]"), "otherFunding[0].level");
        assertRefused(json(VALID + ",'otherFunding':[{'level':'CITY','source':'市级'}]"), "otherFunding[0].amount");
    }

    @Test
    void shouldAcceptEveryNewFieldAndAnswerWithTheNewParts() {
        JsonNode b = ok(json("'jurisdiction':'jiyuan','category':'FIRST_SET','applicationDate':'2018-03-01',"
                + "'purchasePrice':2000000,'certificationLevel':'PROVINCE','certificateNo':'豫工信装〔2018〕8号',"
                + "'certificateDate':'2018-01-15','localMade':true,'listingYear':2018,'productionStartDate':'2018-02-01',"
                + "'otherFunding':[],'creditCode':'" + CREDIT + "','completionDate':'2017-12-20'")).body();
        assertThat(b.get("eligible").asBoolean()).as(b.toString()).isTrue();
        assertThat(b.get("amount").decimalValue()).isEqualByComparingTo("100000.00");
        for (String field : List.of("basis", "capScope", "rateCeiling", "rateDecision", "policyDate", "lprDate", "awardYear")) {
            assertThat(b.has(field)).as(field).isTrue();
        }
        assertThat(b.get("awardYear").asInt()).isEqualTo(2018);
    }
}
