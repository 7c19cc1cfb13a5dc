package cn.tcsubsidy.award.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.award.ledger.AwardClaim.CapKey;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BudgetLineTest {

    private static final String FUND = "河口区技术改造专项资金";
    private static final List<FundShare> HEKOU = List.of(FundShare.whole("hekou", "测试"));

    private static Map<String, BudgetStatus> budget(String amount, String committed) {
        return Map.of("hekou", BudgetStatus.configured("hekou", "hekou", 2021, FUND, new BigDecimal(amount),
                new BigDecimal(committed)));
    }

    private static AwardClaim claim(long id, String amount, String credit, String cap, List<FundShare> payers) {
        return new AwardClaim(id, "hekou", credit, "DIRECT_SUBSIDY", Set.of("DIRECT_SUBSIDY"), "hekou-2020",
                "DIRECT_SUBSIDY", cap == null ? null : new BigDecimal(cap), false, payers, 2021, new BigDecimal(amount),
                null, null);
    }

    private static Candidate candidate(long id, String score, String amount, String completed) {
        return Candidate.quoted(new BigDecimal(score), completed == null ? null : LocalDate.parse(completed),
                claim(id, amount, "E" + id, null, HEKOU));
    }

    private static ProposedList draw(Map<String, BudgetStatus> budgets, Candidate... candidates) {
        return BudgetLine.draw(budgets, Map.of(), List.of(candidates));
    }

    @Test
    void shouldRankByScoreThenEarlierCompletionThenLowerId() {
        ProposedList list = draw(budget("100000000", "0"),
                candidate(5, "80", "1000", "2020-03-01"),
                candidate(4, "92.5", "1000", "2020-06-01"),
                candidate(3, "92.5", "1000", "2020-02-01"),
                candidate(2, "92.5", "1000", null),
                candidate(1, "92.5", "1000", "2020-06-01"));

        assertThat(list.ranked()).extracting(RankedProject::projectId).containsExactly(3L, 1L, 4L, 2L, 5L);
        assertThat(list.ranked()).extracting(RankedProject::rank).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void shouldAwardInOrderWhileTheBudgetLastsAndKeepTheRestWholeBelowTheLine() {
        ProposedList list = draw(budget("2000000", "700000"),
                candidate(1, "90", "800000", "2020-05-01"),
                candidate(2, "85", "600000", "2020-05-01"),
                candidate(3, "85", "400000", "2020-04-01"),
                candidate(4, "80", "100000", "2020-04-01"));

        assertThat(list.aboveLine()).extracting(RankedProject::projectId).containsExactly(1L, 3L);
        assertThat(list.belowLine()).extracting(RankedProject::projectId).containsExactly(2L, 4L);
        assertThat(list.aboveLineTotal()).isEqualTo(new BigDecimal("1200000.00"));
        assertThat(list.remainingAfterList()).containsEntry("hekou", new BigDecimal("100000.00"));
        RankedProject first = list.belowLine().get(0);
        assertThat(first.proposedAmount()).isEqualTo(new BigDecimal("600000.00"));
        assertThat(first.reason()).isEqualTo("预算余额不足:" + FUND + " 2021 年度预算剩余 100,000.00 元,不足本项目拟安排的 "
                + "600,000.00 元,列于预算线以下,不予核减,由工信局研究决定");
        RankedProject next = list.belowLine().get(1);
        assertThat(next.proposedAmount()).as("fits the rest but does not jump a higher score")
                .isEqualTo(new BigDecimal("100000.00"));
        assertThat(next.reason()).startsWith("预算余额不足:按评审得分排序," + FUND + " 预算已安排至第 2 名(剩余 100,000.00 元)");
        assertThat(list.aboveLine()).allSatisfy(r -> assertThat(r.reason()).isNull());
        assertThat(list.budgetNote(list.ranked().get(0))).isEqualTo(FUND + " 2021 年度预算 2,000,000.00 元,已安排 700,000.00 元,"
                + "剩余 1,300,000.00 元");
    }

    @Test
    void shouldPutAProjectThatUsesTheLastFenAboveTheLine() {
        ProposedList list = draw(budget("1000000", "0"),
                candidate(1, "90", "600000", null),
                candidate(2, "80", "400000", null),
                candidate(3, "70", "0.01", null));

        assertThat(list.aboveLine()).extracting(RankedProject::projectId).containsExactly(1L, 2L);
        assertThat(list.remainingAfterList()).containsEntry("hekou", new BigDecimal("0.00"));
        assertThat(list.belowLine()).singleElement().satisfies(r -> assertThat(r.reason()).contains("预算余额不足"));
    }

    @Test
    void shouldPutEveryProjectBelowTheLineWhenEarlierAwardsUsedTheBudget() {
        ProposedList list = draw(budget("1000000", "1200000"), candidate(1, "90", "1", null), candidate(2, "80", "1", null));

        assertThat(list.aboveLine()).isEmpty();
        assertThat(list.remainingAfterList()).containsEntry("hekou", new BigDecimal("-200000.00"));
        assertThat(list.belowLine().get(1).reason()).contains("预算不足以安排排名第 1 的项目");
    }

    @Test
    void shouldPutEveryCandidateOfAFundWithoutABudgetBelowTheLineWithTheFundAndYear() {
        BudgetStatus none = BudgetStatus.notConfigured("huanggang", "macheng", 2025, "麻城市工业技改专项资金", BigDecimal.ZERO);
        List<FundShare> macheng = List.of(FundShare.whole("macheng", "测试"));

        ProposedList list = BudgetLine.draw(Map.of("macheng", none), Map.of(), List.of(
                Candidate.quoted(new BigDecimal("60"), null, claim(1, "90000000", "E1", null, macheng)),
                Candidate.quoted(new BigDecimal("99"), null, claim(2, "1", "E2", null, macheng))));

        assertThat(list.aboveLine()).isEmpty();
        assertThat(list.aboveLineTotal()).isEqualTo(new BigDecimal("0.00"));
        assertThat(list.remainingAfterList()).isEmpty();
        assertThat(list.belowLine()).extracting(RankedProject::reason).containsOnly(
                "麻城市工业技改专项资金 2025 年度预算未录入,不能安排奖补;请财政局录入该年度预算");
    }

    @Test
    void shouldPlaceIneligibleAndZeroQuotedProjectsBelowTheLineOutsideTheSum() {
        ProposedList list = draw(budget("1000000", "0"),
                Candidate.ineligible(1, new BigDecimal("99"), null, "本年度奖补方案未备案"),
                Candidate.quoted(new BigDecimal("95"), null, claim(2, "0", "E2", null, HEKOU)),
                candidate(3, "90", "1000000", null),
                Candidate.ineligible(4, null, null, null));

        assertThat(list.aboveLine()).extracting(RankedProject::projectId).containsExactly(3L);
        assertThat(list.aboveLineTotal()).isEqualTo(new BigDecimal("1000000.00"));
        assertThat(list.ranked()).extracting(RankedProject::projectId).containsExactly(1L, 2L, 3L, 4L);
        assertThat(list.ranked().get(0)).satisfies(r -> {
            assertThat(r.eligible()).isFalse();
            assertThat(r.aboveLine()).isFalse();
            assertThat(r.reason()).isEqualTo("按奖补规则不予奖补,不列入预算排序:本年度奖补方案未备案");
            assertThat(r.fundCharges()).isEmpty();
            assertThat(list.budgetNote(r)).isEmpty();
        });
        assertThat(list.ranked().get(1).reason()).isEqualTo("按奖补规则测算金额为 0,不列入预算排序");
        assertThat(list.ranked().get(3).reason()).endsWith("按奖补规则不予奖补");
    }

    @Test
    void shouldRankEachProjectAtItsQuoteCutToWhatIsLeftUnderTheEnterpriseCap() {
        CapKey cap = new CapKey("hekou-2020", "E", "DIRECT_SUBSIDY");

        ProposedList list = BudgetLine.draw(budget("1500000", "0"), Map.of(cap, new BigDecimal("2500000")), List.of(
                Candidate.quoted(new BigDecimal("90"), null, claim(1, "1000000", "E", "3000000", HEKOU)),
                Candidate.quoted(new BigDecimal("85"), null, claim(2, "800000", "E", "3000000", HEKOU)),
                Candidate.quoted(new BigDecimal("80"), null, claim(3, "1000000", "F", "3000000", HEKOU))));

        assertThat(list.ranked().get(0)).satisfies(r -> {
            assertThat(r.quotedAmount()).isEqualTo(new BigDecimal("1000000.00"));
            assertThat(r.proposedAmount()).isEqualTo(new BigDecimal("500000.00"));
            assertThat(r.aboveLine()).isTrue();
            assertThat(r.reason()).isEqualTo("单个企业奖补累计不超过300万元,已获奖补 2,500,000.00 元,本次申请 1,000,000.00 元,"
                    + "核减为 500,000.00 元");
        });
        assertThat(list.ranked().get(1)).as("the first took the rest of the cap").satisfies(r -> {
            assertThat(r.proposedAmount()).isEqualTo(new BigDecimal("0.00"));
            assertThat(r.aboveLine()).isFalse();
            assertThat(r.reason()).contains("额度已用完", "企业累计奖补额度已用完,不列入预算排序");
        });
        assertThat(list.ranked().get(2).aboveLine()).as("the cut left room in the budget").isTrue();
        assertThat(list.remainingAfterList()).containsEntry("hekou", new BigDecimal("0.00"));
    }

    @Test
    void shouldChargeASplitProjectToEveryFundAndDrawEachFundsLineApart() {
        List<FundShare> split = List.of(new FundShare("huanggang", new BigDecimal("0.5"), "示例", true),
                new FundShare("huangzhou", new BigDecimal("0.5"), "示例", true));
        List<FundShare> county = List.of(FundShare.whole("macheng", "测试"));
        Map<String, BudgetStatus> budgets = Map.of(
                "huanggang", BudgetStatus.configured("huanggang", "huanggang", 2025, "市级", new BigDecimal("1000000"), BigDecimal.ZERO),
                "huangzhou", BudgetStatus.configured("huanggang", "huangzhou", 2025, "黄州区", new BigDecimal("299999.99"), BigDecimal.ZERO),
                "macheng", BudgetStatus.configured("huanggang", "macheng", 2025, "麻城市", new BigDecimal("500000"), BigDecimal.ZERO));
        AwardClaim a = new AwardClaim(1, "huanggang", "A", "INVESTMENT_SUBSIDY", Set.of("INVESTMENT_SUBSIDY"), "huanggang-2021",
                null, null, false, split, 2025, new BigDecimal("400000.01"), null, null);

        ProposedList list = BudgetLine.draw(budgets, Map.of(), List.of(
                Candidate.quoted(new BigDecimal("90"), null, a),
                Candidate.quoted(new BigDecimal("85"), null, new AwardClaim(2, "huanggang", "B", "INVESTMENT_SUBSIDY",
                        Set.of("INVESTMENT_SUBSIDY"), "huanggang-2021", null, null, false, split, 2025, new BigDecimal("200000"),
                        null, null)),
                Candidate.quoted(new BigDecimal("80"), null, new AwardClaim(3, "huanggang", "C", "INVESTMENT_SUBSIDY",
                        Set.of("INVESTMENT_SUBSIDY"), "huanggang-2021", null, null, false, county, 2025,
                        new BigDecimal("500000"), null, null))));

        assertThat(list.ranked().get(0).fundCharges()).containsExactly(
                Map.entry("huanggang", new BigDecimal("200000.01")), Map.entry("huangzhou", new BigDecimal("200000.00")));
        assertThat(list.ranked().get(0).aboveLine()).isTrue();
        assertThat(list.ranked().get(1).aboveLine()).as("黄州区 has 99,999.99 left for its 100,000 share").isFalse();
        assertThat(list.ranked().get(1).reason()).isEqualTo("预算余额不足:黄州区 2025 年度预算剩余 99,999.99 元,不足本项目拟安排"
                + "中该资金分担的 100,000.00 元,列于预算线以下,不予核减,由工信局研究决定");
        assertThat(list.ranked().get(2).aboveLine()).as("麻城市's line is its own").isTrue();
        assertThat(list.remainingAfterList()).containsEntry("huanggang", new BigDecimal("799999.99"))
                .containsEntry("huangzhou", new BigDecimal("99999.99")).containsEntry("macheng", new BigDecimal("0.00"));
    }

    @Test
    void shouldRoundQuotedAmountsHalfUpToTheFen() {
        ProposedList list = draw(budget("100.01", "0"), candidate(1, "90", "100.005", null));

        assertThat(list.aboveLine()).singleElement()
                .satisfies(r -> assertThat(r.proposedAmount()).isEqualTo(new BigDecimal("100.01")));
        assertThat(list.remainingAfterList()).containsEntry("hekou", new BigDecimal("0.00"));
    }

    @Test
    void shouldRefuseEligibleCandidatesWithoutScoreOrWithANegativeQuoteOrTwice() {
        assertThatThrownBy(() -> draw(budget("1", "0"),
                Candidate.quoted(null, null, claim(1, "1", "E1", null, HEKOU)),
                candidate(2, "10", "-1", null),
                candidate(2, "10", "1", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(cn.tcsubsidy.shared.FieldError::message)
                        .containsExactly("项目 1 尚无专家评审得分,不能排序", "项目 2 的测算奖补金额缺失或为负数",
                                "项目 2 在名单中出现两次"));
    }
}
