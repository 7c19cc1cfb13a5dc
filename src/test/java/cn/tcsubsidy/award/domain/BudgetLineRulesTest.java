package cn.tcsubsidy.award.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.award.domain.BudgetLineRules.Entry;
import cn.tcsubsidy.award.domain.BudgetLineRules.Room;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of a move across the budget line, without a database. */
class BudgetLineRulesTest {

    static final String FUND = "聊城市工业企业技术改造设备奖补资金";

    static Entry outside(long charge) {
        return new Entry(3, 3, true, BigDecimal.valueOf(charge), false, Map.of("liaocheng", BigDecimal.valueOf(charge)));
    }

    static Room room(Long budget, long committed, long pending) {
        return new Room("liaocheng", FUND, 2025, budget == null ? null : BigDecimal.valueOf(budget),
                BigDecimal.valueOf(committed), BigDecimal.valueOf(pending));
    }

    @Test
    void shouldMoveInWhatFitsTheBudgetLeftByTheLedgerAndTheUndecidedProjectsInsideTheLine() {
        assertThat(BudgetLineRules.refusals(outside(300_000), "IN", Map.of("liaocheng", room(1_000_000L, 200_000, 500_000))))
                .as("exactly what is left").isEmpty();
        assertThat(BudgetLineRules.refusals(outside(300_001), "IN", Map.of("liaocheng", room(1_000_000L, 200_000, 500_000))))
                .containsExactly("预算余额不足,不能调入预算线内:" + FUND + " 2025 年度预算 1,000,000.00 元,台账已安排 200,000.00 元,"
                        + "线内待审定项目拟安排 500,000.00 元,剩余 300,000.00 元;本项目拟安排该资金 300,001.00 元,差额 1.00 元。"
                        + "可先将线内项目调出预算线,或由财政局调整预算");
    }

    @Test
    void shouldCheckEveryFundASplitProjectCharges() {
        Entry split = new Entry(7, 2, true, new BigDecimal("600000"), false,
                Map.of("huanggang", new BigDecimal("300000"), "huangzhou", new BigDecimal("300000")));
        Map<String, Room> rooms = Map.of(
                "huanggang", new Room("huanggang", "黄冈市市级工业技改专项资金", 2025, new BigDecimal("5000000"),
                        BigDecimal.ZERO, BigDecimal.ZERO),
                "huangzhou", new Room("huangzhou", "黄州区技改资金", 2025, null, BigDecimal.ZERO, BigDecimal.ZERO));

        assertThat(BudgetLineRules.refusals(split, "IN", rooms)).containsExactly(
                "黄州区技改资金 2025 年度预算未录入,不能调入预算线内;请财政局录入该年度预算");
        assertThat(BudgetLineRules.refusals(split, "IN", Map.of("huanggang", rooms.get("huanggang"))))
                .as("a fund without its room counts as without budget")
                .containsExactly("兑现资金 huangzhou 预算未录入,不能调入预算线内;请财政局录入该年度预算");
    }

    @Test
    void shouldRefuseAMoveThatChangesNothing() {
        Entry inside = new Entry(1, 1, true, BigDecimal.TEN, true, Map.of("liaocheng", BigDecimal.TEN));
        assertThat(BudgetLineRules.refusals(inside, "IN", Map.of())).containsExactly(
                "项目已在预算线内(预算排序第 1 名),本次调整不改变名单");
        assertThat(BudgetLineRules.refusals(outside(10), "OUT", Map.of())).containsExactly(
                "项目已在预算线外(预算排序第 3 名),本次调整不改变名单");
    }

    @Test
    void shouldAlwaysLetAProjectInsideTheLineMoveOut() {
        Entry inside = new Entry(1, 1, true, BigDecimal.TEN, true, Map.of("liaocheng", BigDecimal.TEN));
        assertThat(BudgetLineRules.refusals(inside, "OUT", Map.of("liaocheng", room(null, 0, 0)))).isEmpty();
        assertThat(BudgetLineRules.target("OUT")).isFalse();
        assertThat(BudgetLineRules.target("IN")).isTrue();
    }

    @Test
    void shouldNotMoveInAProjectTheRulesRefuseOrThatHasNothingToPropose() {
        Entry refused = new Entry(4, 4, false, BigDecimal.ZERO, false, Map.of());
        assertThat(BudgetLineRules.refusals(refused, "IN", Map.of())).containsExactly("按奖补规则该项目不予奖补,不能调入预算线内");
        Entry capUsed = new Entry(5, 5, true, BigDecimal.ZERO, false, Map.of());
        assertThat(BudgetLineRules.refusals(capUsed, "IN", Map.of())).singleElement().asString()
                .startsWith("该项目可拟扶持金额为 0");
    }

    @Test
    void shouldChargeALowerProposalToEachFundByTheRankingsShares() {
        Map<String, BigDecimal> charges = Map.of("a", new BigDecimal("300000.00"), "b", new BigDecimal("100000.00"));
        assertThat(BudgetLineService.scaled(charges, new BigDecimal("400000"), new BigDecimal("100000.01")))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("a", new BigDecimal("75000.01"),
                        "b", new BigDecimal("25000.00"))));
        assertThat(BudgetLineService.scaled(charges, new BigDecimal("400000"), new BigDecimal("500000")))
                .as("never above the ranking's charge").isSameAs(charges);
        assertThat(BudgetLineService.scaled(charges, new BigDecimal("400000"), null)).isSameAs(charges);
    }
}
