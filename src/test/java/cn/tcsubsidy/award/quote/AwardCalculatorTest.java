package cn.tcsubsidy.award.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The arithmetic after the tables: rounding, caps with their reasons, cluster split. No engine. */
class AwardCalculatorTest {

    private static final DecisionRef DECISION = new DecisionRef("tc-award", 1, "test");
    private final AwardCalculator calculator = new AwardCalculator();

    private static QuoteRequest request(String category, Map<Figure, BigDecimal> figures, List<ClusterMember> members) {
        return new QuoteRequest("test", category, LocalDate.of(2021, 5, 10), figures, null, false, false, null, null,
                null, members);
    }

    /** The request's dates as they are: the application date picks the policy and the LPR, its year pays. */
    private static QuoteContext context(QuoteRequest r) {
        return new QuoteContext(r.applicationDate(), r.applicationDate(), r.effectiveAwardYear(), null);
    }

    private AwardQuote compute(QuoteRequest request, AwardTerms terms) {
        return calculator.compute(request, context(request), terms);
    }

    private static QuoteRequest equipment(String yuan) {
        return request("DIRECT_SUBSIDY", Map.of(Figure.EQUIPMENT_INVESTMENT, new BigDecimal(yuan)), List.of());
    }

    private static AwardTerms rate(String rate, String projectCap, String enterpriseCap, Figure... base) {
        return new AwardTerms(true, List.of(), new BigDecimal(rate), List.of(base), null,
                projectCap == null ? null : new BigDecimal(projectCap),
                enterpriseCap == null ? null : new BigDecimal(enterpriseCap), "测试依据", null, DECISION);
    }

    @Test
    void shouldMultiplyBaseByRate() {
        AwardQuote q = compute(equipment("7000000"), rate("0.06", "1000000", "3000000", Figure.EQUIPMENT_INVESTMENT));
        assertThat(q.amount()).isEqualByComparingTo("420000.00");
        assertThat(q.amount().scale()).isEqualTo(2);
        assertThat(q.base()).isEqualByComparingTo("7000000");
        assertThat(q.reasons()).isEmpty();
        assertThat(q.projectCap()).isEqualByComparingTo("1000000.00");
    }

    @Test
    void shouldRoundHalfUpWhereHalfEvenWouldRoundDown() {
        // 5,000,000.75 × 6% = 300,000.045: half-up gives .05, FEEL's half-even would give .04.
        AwardQuote q = compute(equipment("5000000.75"), rate("0.06", null, null, Figure.EQUIPMENT_INVESTMENT));
        assertThat(q.amount()).isEqualByComparingTo("300000.05");
    }

    @Test
    void shouldSumEveryFigureOfTheBase() {
        QuoteRequest r = request("TECH_RETROFIT", Map.of(Figure.EQUIPMENT_INVESTMENT, new BigDecimal("5000000"),
                Figure.RD_INVESTMENT, new BigDecimal("1000000")), List.of());
        AwardQuote q = compute(r, rate("0.30", "10000000", null, Figure.EQUIPMENT_INVESTMENT, Figure.RD_INVESTMENT));
        assertThat(q.base()).isEqualByComparingTo("6000000");
        assertThat(q.amount()).isEqualByComparingTo("1800000.00");
    }

    @Test
    void shouldCutToProjectCapWithReason() {
        AwardQuote q = compute(equipment("20000000"), rate("0.06", "1000000", "3000000", Figure.EQUIPMENT_INVESTMENT));
        assertThat(q.amount()).isEqualByComparingTo("1000000.00");
        assertThat(q.eligible()).isTrue();
        assertThat(q.reasons()).singleElement().asString().contains("单个项目奖补上限").contains("1,200,000.00 元").contains("测试依据");
    }

    @Test
    void shouldCutToEnterpriseCapWithReason() {
        AwardQuote q = compute(equipment("40000000"), rate("0.03", null, "1000000", Figure.EQUIPMENT_INVESTMENT));
        assertThat(q.amount()).isEqualByComparingTo("1000000.00");
        assertThat(q.reasons()).singleElement().asString().contains("单个企业奖补上限");
    }

    @Test
    void shouldGiveOneReasonPerCapThatCuts() {
        AwardQuote q = compute(equipment("40000000"), rate("0.06", "2000000", "1000000", Figure.EQUIPMENT_INVESTMENT));
        assertThat(q.amount()).isEqualByComparingTo("1000000.00");
        assertThat(q.reasons()).hasSize(2);
    }

    @Test
    void shouldNotCutAmountEqualToCap() {
        // 16,666,666.67 × 6% = 1,000,000.0002 → 1,000,000.00 after rounding: at the cap, not over it.
        AwardQuote q = compute(equipment("16666666.67"), rate("0.06", "1000000", "3000000", Figure.EQUIPMENT_INVESTMENT));
        assertThat(q.amount()).isEqualByComparingTo("1000000.00");
        assertThat(q.reasons()).isEmpty();
    }

    @Test
    void shouldCutAmountOneFenOverCap() {
        AwardQuote q = compute(equipment("16666666.84"), rate("0.06", "1000000", null, Figure.EQUIPMENT_INVESTMENT));
        assertThat(q.amount()).isEqualByComparingTo("1000000.00");
        assertThat(q.reasons()).hasSize(1);
    }

    @Test
    void shouldPayFixedAmount() {
        AwardTerms fixed = new AwardTerms(true, List.of(), null, List.of(), new BigDecimal("50000"), null, null, "依据",
                null, DECISION);
        AwardQuote q = compute(request("PILOT_DEMO", Map.of(), List.of()), fixed);
        assertThat(q.amount()).isEqualByComparingTo("50000.00");
        assertThat(q.rate()).isNull();
        assertThat(q.base()).isNull();
        assertThat(q.allocations()).isNull();
    }

    @Test
    void shouldQuoteZeroWithReasonsWhenNotEligible() {
        AwardTerms refused = new AwardTerms(false, List.of("不符合"), new BigDecimal("0.03"),
                List.of(Figure.EQUIPMENT_INVESTMENT), null, null, new BigDecimal("1000000"), "依据", null, DECISION);
        AwardQuote q = compute(equipment("7000000"), refused);
        assertThat(q.eligible()).isFalse();
        assertThat(q.amount()).isEqualByComparingTo("0.00");
        assertThat(q.reasons()).containsExactly("不符合");
        assertThat(q.rate()).isEqualByComparingTo("0.03");
    }

    @Test
    void shouldRefuseTableThatRefusesWithoutReason() {
        AwardTerms silent = new AwardTerms(false, List.of(), null, List.of(), null, null, null, null, null, DECISION);
        assertThatThrownBy(() -> compute(equipment("1"), silent)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseTableThatGrantsWithoutRateOrAmount() {
        AwardTerms empty = new AwardTerms(true, List.of(), null, List.of(), null, null, null, null, null, DECISION);
        assertThatThrownBy(() -> compute(equipment("1"), empty)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldSplitClusterAwardInProportionToEquipment() {
        List<ClusterMember> members = List.of(new ClusterMember("链主", new BigDecimal("3000000"), false),
                new ClusterMember("甲", new BigDecimal("2500000"), true),
                new ClusterMember("乙", new BigDecimal("1500000"), true));
        AwardQuote q = compute(request("CLUSTER", Map.of(), members),
                rate("0.03", "1000000", null, Figure.EQUIPMENT_INVESTMENT));
        assertThat(q.base()).isEqualByComparingTo("7000000");
        assertThat(q.amount()).isEqualByComparingTo("210000.00");
        assertThat(q.allocations()).extracting(AwardQuote.Allocation::enterprise).containsExactly("链主", "甲", "乙");
        assertThat(q.allocations()).extracting(AwardQuote.Allocation::amount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("90000"), new BigDecimal("75000"), new BigDecimal("45000"));
    }

    @Test
    void shouldGiveLeftoverFenToLargestRemaindersThenToFirstListed() {
        List<BigDecimal> equal = List.of(new BigDecimal("1"), new BigDecimal("1"), new BigDecimal("1"));
        assertThat(AwardCalculator.split(new BigDecimal("1000000.00"), equal))
                .containsExactly(new BigDecimal("333333.34"), new BigDecimal("333333.33"), new BigDecimal("333333.33"));
        List<BigDecimal> uneven = List.of(new BigDecimal("1"), new BigDecimal("2"));
        // 0.10 × 1/3 = 0.0333… and × 2/3 = 0.0666…: B's remainder is larger, so B gets the leftover fen.
        assertThat(AwardCalculator.split(new BigDecimal("0.10"), uneven))
                .containsExactly(new BigDecimal("0.03"), new BigDecimal("0.07"));
    }

    @Test
    void shouldAlwaysSplitToExactlyTheTotal() {
        Random random = new Random(20240520);
        for (int round = 0; round < 500; round++) {
            List<BigDecimal> weights = new ArrayList<>();
            int n = 1 + random.nextInt(7);
            for (int i = 0; i < n; i++) {
                weights.add(BigDecimal.valueOf(random.nextInt(100_000_000), 2));
            }
            BigDecimal total = BigDecimal.valueOf(random.nextInt(100_000_000), 2);
            if (weights.stream().allMatch(w -> w.signum() == 0)) {
                continue;
            }
            List<BigDecimal> split = AwardCalculator.split(total, weights);
            assertThat(split.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(total);
            assertThat(split).allSatisfy(a -> assertThat(a.signum()).isNotNegative());
            assertThat(AwardCalculator.split(total, weights)).isEqualTo(split);
        }
    }

    @Test
    void shouldGiveEveryMemberZeroWhenClusterIsRefused() {
        List<ClusterMember> members = List.of(new ClusterMember("A", new BigDecimal("100"), true),
                new ClusterMember("B", BigDecimal.ZERO, true));
        AwardTerms refused = new AwardTerms(false, List.of("不符合"), null, List.of(Figure.EQUIPMENT_INVESTMENT), null,
                null, null, null, null, DECISION);
        assertThat(compute(request("CLUSTER", Map.of(), members), refused).allocations())
                .extracting(AwardQuote.Allocation::amount).containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"));
    }

    // ------------------------------------------------------------------------------------------ rate by score

    private static final DecisionRef BY_SCORE = new DecisionRef("tc-rate-by-score", 2, "test");

    private static AwardTerms ceiling(String ceiling, String scored) {
        return new AwardTerms(true, List.of(), new BigDecimal(ceiling), List.of(Figure.EQUIPMENT_INVESTMENT), null,
                new BigDecimal("1000000"), new BigDecimal("3000000"), "最高不超过6%", null, DECISION, "CATEGORY", true,
                scored == null ? null : new BigDecimal(scored), BY_SCORE);
    }

    @Test
    void shouldApplyCeilingWhenScoreTableGivesNoRate() {
        AwardQuote q = compute(equipment("7000000"), ceiling("0.06", null));
        assertThat(q.rate()).isEqualByComparingTo("0.06");
        assertThat(q.rateCeiling()).isEqualByComparingTo("0.06");
        assertThat(q.amount()).isEqualByComparingTo("420000.00");
        assertThat(q.rateDecision()).isEqualTo(BY_SCORE);
        assertThat(q.reasons()).isEmpty();
    }

    @Test
    void shouldUseLowerRateTheScoreGivesAndSayWhy() {
        AwardQuote q = compute(equipment("7000000"), ceiling("0.06", "0.04"));
        assertThat(q.rate()).isEqualByComparingTo("0.04");
        assertThat(q.rateCeiling()).isEqualByComparingTo("0.06");
        assertThat(q.amount()).isEqualByComparingTo("280000.00");
        assertThat(q.reasons()).singleElement().asString().contains("4%").contains("6%").contains("tc-rate-by-score");
    }

    @Test
    void shouldCutScoreRateAboveTheCeilingToTheCeiling() {
        AwardQuote q = compute(equipment("7000000"), ceiling("0.06", "0.07"));
        assertThat(q.rate()).isEqualByComparingTo("0.06");
        assertThat(q.amount()).isEqualByComparingTo("420000.00");
        assertThat(q.reasons()).singleElement().asString().contains("7%").contains("超过政策规定的最高比例 6%");
    }

    @Test
    void shouldRefuseNegativeScoreRateAsBrokenTable() {
        assertThatThrownBy(() -> compute(equipment("7000000"), ceiling("0.06", "-0.01")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("negative");
    }

    @Test
    void shouldReportNoCeilingWhereTheRateIsFixed() {
        AwardQuote q = compute(equipment("7000000"), rate("0.06", null, null, Figure.EQUIPMENT_INVESTMENT));
        assertThat(q.rateCeiling()).isNull();
        assertThat(q.rateDecision()).isNull();
        assertThat(q.capScope()).isEqualTo("POLICY");
    }

    @Test
    void shouldCarryTheTablesCapScope() {
        assertThat(compute(equipment("7000000"), ceiling("0.06", null)).capScope()).isEqualTo("CATEGORY");
    }

    @Test
    void shouldReportTheDatesAndYearTheQuoteUsed() {
        QuoteRequest r = equipment("7000000");
        QuoteContext context = new QuoteContext(LocalDate.of(2020, 12, 1), LocalDate.of(2021, 11, 30), 2021, null);
        AwardQuote q = calculator.compute(r, context, rate("0.06", null, null, Figure.EQUIPMENT_INVESTMENT));
        assertThat(q.policyDate()).isEqualTo(LocalDate.of(2020, 12, 1));
        assertThat(q.lprDate()).isEqualTo(LocalDate.of(2021, 11, 30));
        assertThat(q.awardYear()).isEqualTo(2021);
    }

    // ------------------------------------------------------------------------------------------ cluster per member

    private static final String CODE_A = "91370800MA00000014";
    private static final String CODE_B = "91370800MA00000027";
    private static final String CODE_D = "91370800MA0000003A";

    private static AwardTerms member(String rate) {
        return new AwardTerms(true, List.of(), new BigDecimal(rate), List.of(Figure.EQUIPMENT_INVESTMENT), null,
                new BigDecimal("1000000"), null, "四.3", null, DECISION);
    }

    private static AwardTerms refusedMember(String... reasons) {
        return new AwardTerms(false, List.of(reasons), new BigDecimal("0.03"), List.of(Figure.EQUIPMENT_INVESTMENT),
                null, new BigDecimal("1000000"), null, "四.3", null, DECISION);
    }

    private static QuoteRequest cluster(String... equipment) {
        String[] codes = {CODE_A, CODE_B, CODE_D};
        List<ClusterMember> members = new ArrayList<>();
        for (int i = 0; i < equipment.length; i++) {
            members.add(new ClusterMember("成员" + i, new BigDecimal(equipment[i]), true, codes[i], null, false));
        }
        return request("CLUSTER", Map.of(), members);
    }

    private AwardQuote cluster(QuoteRequest r, AwardTerms... terms) {
        return calculator.computeCluster(r, context(r), List.of(terms));
    }

    @Test
    void shouldGiveEachMemberItsEquipmentTimesItsOwnRate() {
        // A-rated member: 3% + 1 point; B-rated: 3%; D-rated: refused by the table, nothing.
        AwardQuote q = cluster(cluster("3000000", "2500000", "1500000"), member("0.04"), member("0.03"),
                refusedMember("亩产效益评价为D类的企业不予支持"));
        assertThat(q.eligible()).isTrue();
        assertThat(q.allocations()).extracting(AwardQuote.Allocation::amount).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("120000"), new BigDecimal("75000"), BigDecimal.ZERO);
        assertThat(q.amount()).isEqualByComparingTo("195000.00");
        assertThat(q.allocations()).extracting(AwardQuote.Allocation::creditCode).containsExactly(CODE_A, CODE_B, CODE_D);
        assertThat(q.allocations()).extracting(AwardQuote.Allocation::eligible).containsExactly(true, true, false);
        assertThat(q.allocations().get(2).reasons()).containsExactly("亩产效益评价为D类的企业不予支持");
        assertThat(q.rate()).as("members' rates differ").isNull();
        assertThat(q.base()).isEqualByComparingTo("7000000");
        assertThat(q.reasons()).contains("成员 成员2:亩产效益评价为D类的企业不予支持")
                .anySatisfy(r -> assertThat(r).contains("本企业设备投资额 × 本企业适用比例").contains("解释"));
    }

    @Test
    void shouldScaleMembersSharesDownToExactlyTheProjectCap() {
        // 20,000,000 × 4% = 800,000 and 15,000,000 × 3% = 450,000: 1,250,000 over the cap of 1,000,000,
        // scaled by 0.8 to 640,000 and 360,000.
        AwardQuote q = cluster(cluster("20000000", "15000000"), member("0.04"), member("0.03"));
        assertThat(q.amount()).isEqualByComparingTo("1000000.00");
        assertThat(q.allocations()).extracting(AwardQuote.Allocation::amount).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("640000"), new BigDecimal("360000"));
        assertThat(q.reasons()).anySatisfy(r -> assertThat(r).contains("单个项目奖补上限").contains("1,250,000.00 元")
                .contains("按各企业设备投资额度比例分配"));
    }

    @Test
    void shouldSplitTheCapToTheFenWhenSharesDoNotDivideEvenly() {
        AwardQuote q = cluster(cluster("12000000", "12000000", "12000000"), member("0.03"), member("0.03"),
                member("0.03"));
        assertThat(q.allocations()).extracting(AwardQuote.Allocation::amount)
                .containsExactly(new BigDecimal("333333.34"), new BigDecimal("333333.33"), new BigDecimal("333333.33"));
        assertThat(q.rate()).isEqualByComparingTo("0.03");
    }

    @Test
    void shouldNotScaleWhenARefusedMemberBringsTheSumUnderTheCap() {
        AwardQuote q = cluster(cluster("30000000", "20000000"), refusedMember("D类"), member("0.04"));
        assertThat(q.amount()).isEqualByComparingTo("800000.00");
        assertThat(q.allocations()).extracting(AwardQuote.Allocation::amount).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.ZERO, new BigDecimal("800000"));
        assertThat(q.reasons()).noneMatch(r -> r.contains("单个项目奖补上限"));
    }

    @Test
    void shouldReportTheClustersOwnRefusalOnceAndRefuseEveryMember() {
        AwardQuote q = cluster(cluster("4000000", "3000000"), refusedMember("中小企业设备投资占比不足50%"),
                refusedMember("中小企业设备投资占比不足50%", "亩产效益评价为D类的企业不予支持"));
        assertThat(q.eligible()).isFalse();
        assertThat(q.amount()).isEqualByComparingTo("0");
        assertThat(q.reasons()).containsExactly("中小企业设备投资占比不足50%", "成员 成员1:亩产效益评价为D类的企业不予支持");
        assertThat(q.allocations().get(0).reasons()).isEmpty();
    }

    @Test
    void shouldRefuseClusterTermsThatAreNotARateOnEquipment() {
        AwardTerms fixed = new AwardTerms(true, List.of(), null, List.of(), new BigDecimal("50000"), null, null, null,
                null, DECISION);
        assertThatThrownBy(() -> cluster(cluster("1"), fixed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldApplyEnterpriseCapToEachMembersShare() {
        AwardTerms capped = new AwardTerms(true, List.of(), new BigDecimal("0.03"), List.of(Figure.EQUIPMENT_INVESTMENT),
                null, new BigDecimal("1000000"), new BigDecimal("100000"), "四.3", null, DECISION);
        AwardQuote q = cluster(cluster("5000000", "2000000"), capped, capped);
        assertThat(q.allocations()).extracting(AwardQuote.Allocation::amount).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("100000"), new BigDecimal("60000"));
        assertThat(q.allocations().get(0).reasons()).singleElement().asString().contains("单个企业奖补上限");
    }
}
