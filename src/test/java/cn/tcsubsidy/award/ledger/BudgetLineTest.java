package cn.tcsubsidy.award.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetLineTest {

    private static final String FUND = "河口区技术改造专项资金";

    private static BudgetStatus budget(String amount, String committed) {
        return BudgetStatus.configured("hekou", "hekou", 2021, FUND, new BigDecimal(amount), new BigDecimal(committed));
    }

    private static Candidate candidate(long id, String score, String amount, String completed) {
        return new Candidate(id, new BigDecimal(score), new BigDecimal(amount),
                completed == null ? null : LocalDate.parse(completed));
    }

    @Test
    void shouldRankByScoreThenEarlierCompletionThenLowerId() {
        ProposedList list = BudgetLine.draw(budget("100000000", "0"), List.of(
                candidate(5, "80", "1000", "2020-03-01"),
                candidate(4, "92.5", "1000", "2020-06-01"),
                candidate(3, "92.5", "1000", "2020-02-01"),
                candidate(2, "92.5", "1000", null),
                candidate(1, "92.5", "1000", "2020-06-01")));

        assertThat(list.ranked()).extracting(RankedProject::projectId).containsExactly(3L, 1L, 4L, 2L, 5L);
        assertThat(list.ranked()).extracting(RankedProject::rank).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void shouldAwardInOrderWhileTheBudgetLastsAndKeepTheRestWholeBelowTheLine() {
        ProposedList list = BudgetLine.draw(budget("2000000", "700000"), List.of(
                candidate(1, "90", "800000", "2020-05-01"),
                candidate(2, "85", "600000", "2020-05-01"),
                candidate(3, "85", "400000", "2020-04-01"),
                candidate(4, "80", "100000", "2020-04-01")));

        assertThat(list.aboveLine()).extracting(RankedProject::projectId).containsExactly(1L, 3L);
        assertThat(list.belowLine()).extracting(RankedProject::projectId).containsExactly(2L, 4L);
        assertThat(list.aboveLineTotal()).isEqualTo(new BigDecimal("1200000.00"));
        assertThat(list.remainingAfterList()).isEqualTo(new BigDecimal("100000.00"));
        RankedProject first = list.belowLine().get(0);
        assertThat(first.requestedAmount()).isEqualTo(new BigDecimal("600000.00"));
        assertThat(first.reason()).isEqualTo("预算余额不足:" + FUND + " 2021 年度预算剩余 100000.00 元,不足本项目申请的 "
                + "600000.00 元,列于预算线以下,不予核减,由工信局研究决定");
        RankedProject next = list.belowLine().get(1);
        assertThat(next.requestedAmount()).as("fits the rest but does not jump a higher score")
                .isEqualTo(new BigDecimal("100000.00"));
        assertThat(next.reason()).startsWith("预算余额不足:按评审得分排序,预算已安排至第 2 名(剩余 100000.00 元)");
        assertThat(list.aboveLine()).allSatisfy(r -> assertThat(r.reason()).isNull());
    }

    @Test
    void shouldPutAProjectThatUsesTheLastFenAboveTheLine() {
        ProposedList list = BudgetLine.draw(budget("1000000", "0"), List.of(
                candidate(1, "90", "600000", null),
                candidate(2, "80", "400000", null),
                candidate(3, "70", "0.01", null)));

        assertThat(list.aboveLine()).extracting(RankedProject::projectId).containsExactly(1L, 2L);
        assertThat(list.remainingAfterList()).isEqualTo(new BigDecimal("0.00"));
        assertThat(list.belowLine()).singleElement().satisfies(r -> assertThat(r.reason()).contains("预算余额不足"));
    }

    @Test
    void shouldPutEveryProjectBelowTheLineWhenEarlierAwardsUsedTheBudget() {
        ProposedList list = BudgetLine.draw(budget("1000000", "1200000"), List.of(
                candidate(1, "90", "1", null), candidate(2, "80", "1", null)));

        assertThat(list.aboveLine()).isEmpty();
        assertThat(list.remainingAfterList()).isEqualTo(new BigDecimal("-200000.00"));
        assertThat(list.belowLine().get(1).reason()).contains("预算不足以安排排名第 1 的项目");
    }

    @Test
    void shouldSayNoBudgetLimitAppliesWhenNoBudgetIsSet() {
        BudgetStatus none = BudgetStatus.notConfigured("yanzhou", "济宁市兖州区", "yanzhou", 2021, BigDecimal.ZERO);

        ProposedList list = BudgetLine.draw(none, List.of(
                candidate(1, "60", "90000000", null), candidate(2, "99", "1", null)));

        assertThat(list.aboveLine()).extracting(RankedProject::projectId).containsExactly(2L, 1L);
        assertThat(list.remainingAfterList()).isNull();
        assertThat(list.aboveLineTotal()).isEqualTo(new BigDecimal("90000001.00"));
        assertThat(list.budget().configured()).isFalse();
        assertThat(list.budget().note()).isEqualTo("济宁市兖州区 2021 年度未登记奖补资金预算,不受预算额度限制;如需按预算控制,请管理员登记该年度预算");
    }

    @Test
    void shouldRoundRequestedAmountsHalfUpToTheFen() {
        ProposedList list = BudgetLine.draw(budget("100.01", "0"), List.of(candidate(1, "90", "100.005", null)));

        assertThat(list.aboveLine()).singleElement()
                .satisfies(r -> assertThat(r.requestedAmount()).isEqualTo(new BigDecimal("100.01")));
        assertThat(list.remainingAfterList()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void shouldRefuseCandidatesWithoutScoreOrAmountOrTwice() {
        assertThatThrownBy(() -> BudgetLine.draw(budget("1", "0"), List.of(
                new Candidate(1, null, BigDecimal.ONE, null),
                new Candidate(2, BigDecimal.TEN, new BigDecimal("0.004"), null),
                new Candidate(2, BigDecimal.TEN, BigDecimal.ONE, null))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(cn.tcsubsidy.shared.FieldError::message)
                        .containsExactly("项目 1 尚无专家评审得分,不能排序", "项目 2 的申请奖补金额应大于 0",
                                "项目 2 在名单中出现两次"));
    }
}
