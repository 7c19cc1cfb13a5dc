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
        AwardQuote q = calculator.compute(equipment("7000000"), rate("0.06", "1000000", "3000000", Figure.EQUIPMENT_INVESTMENT));
        assertThat(q.amount()).isEqualByComparingTo("420000.00");
        assertThat(q.amount().scale()).isEqualTo(2);
        assertThat(q.base()).isEqualByComparingTo("7000000");
        assertThat(q.reasons()).isEmpty();
        assertThat(q.projectCap()).isEqualByComparingTo("1000000.00");
    }

    @Test
    void shouldRoundHalfUpWhereHalfEvenWouldRoundDown() {
        // 5,000,000.75 × 6% = 300,000.045: half-up gives .05, FEEL's half-even would give .04.
        AwardQuote q = calculator.compute(equipment("5000000.75"), rate("0.06", null, null, Figure.EQUIPMENT_INVESTMENT));
        assertThat(q.amount()).isEqualByComparingTo("300000.05");
    }

    @Test
    void shouldSumEveryFigureOfTheBase() {
        QuoteRequest r = request("TECH_RETROFIT", Map.of(Figure.EQUIPMENT_INVESTMENT, new BigDecimal("5000000"),
                Figure.RD_INVESTMENT, new BigDecimal("1000000")), List.of());
        AwardQuote q = calculator.compute(r, rate("0.30", "10000000", null, Figure.EQUIPMENT_INVESTMENT, Figure.RD_INVESTMENT));
        assertThat(q.base()).isEqualByComparingTo("6000000");
        assertThat(q.amount()).isEqualByComparingTo("1800000.00");
    }

    @Test
    void shouldCutToProjectCapWithReason() {
        AwardQuote q = calculator.compute(equipment("20000000"), rate("0.06", "1000000", "3000000", Figure.EQUIPMENT_INVESTMENT));
        assertThat(q.amount()).isEqualByComparingTo("1000000.00");
        assertThat(q.eligible()).isTrue();
        assertThat(q.reasons()).singleElement().asString().contains("单个项目奖补上限").contains("1200000.00").contains("测试依据");
    }

    @Test
    void shouldCutToEnterpriseCapWithReason() {
        AwardQuote q = calculator.compute(equipment("40000000"), rate("0.03", null, "1000000", Figure.EQUIPMENT_INVESTMENT));
        assertThat(q.amount()).isEqualByComparingTo("1000000.00");
        assertThat(q.reasons()).singleElement().asString().contains("单个企业奖补上限");
    }

    @Test
    void shouldGiveOneReasonPerCapThatCuts() {
        AwardQuote q = calculator.compute(equipment("40000000"), rate("0.06", "2000000", "1000000", Figure.EQUIPMENT_INVESTMENT));
        assertThat(q.amount()).isEqualByComparingTo("1000000.00");
        assertThat(q.reasons()).hasSize(2);
    }

    @Test
    void shouldNotCutAmountEqualToCap() {
        // 16,666,666.67 × 6% = 1,000,000.0002 → 1,000,000.00 after rounding: at the cap, not over it.
        AwardQuote q = calculator.compute(equipment("16666666.67"), rate("0.06", "1000000", "3000000", Figure.EQUIPMENT_INVESTMENT));
        assertThat(q.amount()).isEqualByComparingTo("1000000.00");
        assertThat(q.reasons()).isEmpty();
    }

    @Test
    void shouldCutAmountOneFenOverCap() {
        AwardQuote q = calculator.compute(equipment("16666666.84"), rate("0.06", "1000000", null, Figure.EQUIPMENT_INVESTMENT));
        assertThat(q.amount()).isEqualByComparingTo("1000000.00");
        assertThat(q.reasons()).hasSize(1);
    }

    @Test
    void shouldPayFixedAmount() {
        AwardTerms fixed = new AwardTerms(true, List.of(), null, List.of(), new BigDecimal("50000"), null, null, "依据",
                null, DECISION);
        AwardQuote q = calculator.compute(request("PILOT_DEMO", Map.of(), List.of()), fixed);
        assertThat(q.amount()).isEqualByComparingTo("50000.00");
        assertThat(q.rate()).isNull();
        assertThat(q.base()).isNull();
        assertThat(q.allocations()).isNull();
    }

    @Test
    void shouldQuoteZeroWithReasonsWhenNotEligible() {
        AwardTerms refused = new AwardTerms(false, List.of("不符合"), new BigDecimal("0.03"),
                List.of(Figure.EQUIPMENT_INVESTMENT), null, null, new BigDecimal("1000000"), "依据", null, DECISION);
        AwardQuote q = calculator.compute(equipment("7000000"), refused);
        assertThat(q.eligible()).isFalse();
        assertThat(q.amount()).isEqualByComparingTo("0.00");
        assertThat(q.reasons()).containsExactly("不符合");
        assertThat(q.rate()).isEqualByComparingTo("0.03");
    }

    @Test
    void shouldRefuseTableThatRefusesWithoutReason() {
        AwardTerms silent = new AwardTerms(false, List.of(), null, List.of(), null, null, null, null, null, DECISION);
        assertThatThrownBy(() -> calculator.compute(equipment("1"), silent)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseTableThatGrantsWithoutRateOrAmount() {
        AwardTerms empty = new AwardTerms(true, List.of(), null, List.of(), null, null, null, null, null, DECISION);
        assertThatThrownBy(() -> calculator.compute(equipment("1"), empty)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldSplitClusterAwardInProportionToEquipment() {
        List<ClusterMember> members = List.of(new ClusterMember("链主", new BigDecimal("3000000"), false),
                new ClusterMember("甲", new BigDecimal("2500000"), true),
                new ClusterMember("乙", new BigDecimal("1500000"), true));
        AwardQuote q = calculator.compute(request("CLUSTER", Map.of(), members),
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
        List<ClusterMember> equal = List.of(new ClusterMember("A", new BigDecimal("1"), true),
                new ClusterMember("B", new BigDecimal("1"), true), new ClusterMember("C", new BigDecimal("1"), true));
        assertThat(AwardCalculator.split(new BigDecimal("1000000.00"), equal)).extracting(AwardQuote.Allocation::amount)
                .containsExactly(new BigDecimal("333333.34"), new BigDecimal("333333.33"), new BigDecimal("333333.33"));
        List<ClusterMember> uneven = List.of(new ClusterMember("A", new BigDecimal("1"), true),
                new ClusterMember("B", new BigDecimal("2"), true));
        // 0.10 × 1/3 = 0.0333… and × 2/3 = 0.0666…: B's remainder is larger, so B gets the leftover fen.
        assertThat(AwardCalculator.split(new BigDecimal("0.10"), uneven)).extracting(AwardQuote.Allocation::amount)
                .containsExactly(new BigDecimal("0.03"), new BigDecimal("0.07"));
    }

    @Test
    void shouldAlwaysSplitToExactlyTheTotal() {
        Random random = new Random(20240520);
        for (int round = 0; round < 500; round++) {
            List<ClusterMember> members = new ArrayList<>();
            int n = 1 + random.nextInt(7);
            for (int i = 0; i < n; i++) {
                members.add(new ClusterMember("m" + i, BigDecimal.valueOf(random.nextInt(100_000_000), 2), true));
            }
            BigDecimal total = BigDecimal.valueOf(random.nextInt(100_000_000), 2);
            if (members.stream().allMatch(m -> m.equipmentInvestment().signum() == 0)) {
                continue;
            }
            List<AwardQuote.Allocation> split = AwardCalculator.split(total, members);
            assertThat(split.stream().map(AwardQuote.Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(total);
            assertThat(split).allSatisfy(a -> assertThat(a.amount().signum()).isNotNegative());
            assertThat(AwardCalculator.split(total, members)).isEqualTo(split);
        }
    }

    @Test
    void shouldGiveEveryMemberZeroWhenClusterIsRefused() {
        List<ClusterMember> members = List.of(new ClusterMember("A", new BigDecimal("100"), true),
                new ClusterMember("B", BigDecimal.ZERO, true));
        AwardTerms refused = new AwardTerms(false, List.of("不符合"), null, List.of(Figure.EQUIPMENT_INVESTMENT), null,
                null, null, null, null, DECISION);
        assertThat(calculator.compute(request("CLUSTER", Map.of(), members), refused).allocations())
                .extracting(AwardQuote.Allocation::amount).containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"));
    }
}
