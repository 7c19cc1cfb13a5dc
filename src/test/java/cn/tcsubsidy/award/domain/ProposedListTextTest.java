package cn.tcsubsidy.award.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.award.domain.BudgetLineService.Board;
import cn.tcsubsidy.award.domain.BudgetLineService.FundLine;
import cn.tcsubsidy.award.domain.BudgetLineService.MoveView;
import cn.tcsubsidy.award.domain.BudgetLineService.Row;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The list task's Markdown: a table per fund cut by the budget line, names escaped, the moves listed. */
class ProposedListTextTest {

    static final String HOSTILE = "<script>alert(1)</script>|**粗体**[链接](javascript:x){{roundId}}";

    static Row row(int rank, String project, boolean within, boolean ranked, String decision) {
        return new Row(rank, 100 + rank, "企业" + rank, project, new BigDecimal("8" + (10 - rank) + ".5"), true,
                new BigDecimal("300000"), new BigDecimal("300000"), new BigDecimal("300000"), within, ranked, decision,
                null, "预算排序第 " + rank + " 名");
    }

    @Test
    void shouldDrawTheLineAcrossEachFundsTableAndEscapeTheRecords() {
        FundLine fund = new FundLine("liaocheng", "聊城市工业企业技术改造设备奖补资金", true, new BigDecimal("650000"),
                new BigDecimal("0"), new BigDecimal("600000"), new BigDecimal("50000"),
                List.of(row(1, "甲项目", true, true, "待审定"), row(2, HOSTILE, false, true, "待审定"),
                        row(3, "丙项目", true, false, "待审定")));
        Row refused = new Row(4, 104, "企业4", "丁项目", null, false, BigDecimal.ZERO, BigDecimal.ZERO, null, false, false,
                "待审定", null, "按奖补规则不予奖补:总投资不足500万元");
        MoveView move = new MoveView(1, 103, 3, "企业3", "丙项目", "IN", "带动就业|明显", "liaocheng-bureau",
                LocalDateTime.of(2025, 12, 1, 9, 30));
        String text = ProposedListText.render(new Board(9, "liaocheng", 2025, "LIST_DECISION",
                LocalDateTime.of(2025, 12, 1, 10, 0), List.of(fund), List.of(refused), List.of(move)));

        assertThat(text).startsWith("#### 预算排序与预算线(2025 年度,截至 2025-12-01 10:00)")
                .contains("##### 聊城市工业企业技术改造设备奖补资金\n\n2025 年度预算 650,000.00(65.00 万元);台账已安排 0.00(0.00 万元);"
                        + "线内待审定项目拟安排 600,000.00(60.00 万元);剩余 50,000.00(5.00 万元)。")
                .contains("| 1 | 101 | 企业1 | 甲项目 | 89.50 | 300,000.00 | 300,000.00 | 300,000.00 | 线内 | 待审定 |")
                .contains("| 3 | 103 | 企业3 | 丙项目 | 87.50 | 300,000.00 | 300,000.00 | 300,000.00 | 线内(调入) | 待审定 |")
                .contains("线外(调出)")
                .contains("- 第 4 名(编号 104)企业4「丁项目」:按奖补规则不予奖补:总投资不足500万元")
                .contains("- 2025-12-01 09:30 liaocheng-bureau 将第 3 名(编号 103)企业3「丙项目」调入预算线内:带动就业&#124;明显")
                .contains("/api/rounds/9/budget-line/moves");
        String[] lines = text.split("\n");
        int line = indexOf(lines, "| **预算线** |");
        assertThat(indexOf(lines, "| 1 | 101 ")).isLessThan(line);
        assertThat(indexOf(lines, "| 3 | 103 ")).as("moved in: above the line").isLessThan(line);
        assertThat(indexOf(lines, "| 2 | 102 ")).as("moved out: below").isGreaterThan(line);
        String hostile = lines[indexOf(lines, "| 2 | 102 ")];
        assertThat(hostile).doesNotContain("<script").doesNotContain("**粗体**").doesNotContain("](").doesNotContain("{{")
                .contains("&lt;script&gt;alert&#40;1&#41;&lt;/script&gt;&#124;&#42;&#42;粗体");
        assertThat(hostile.chars().filter(c -> c == '|').count()).as("no cell added").isEqualTo(11);
    }

    @Test
    void shouldSayWhenAFundHasNoBudgetAndWhenNothingWasRankedOrMoved() {
        FundLine none = new FundLine("macheng", "麻城市工业技改专项资金", false, null, BigDecimal.ZERO, BigDecimal.ZERO, null,
                List.of(row(1, "甲项目", false, false, "待审定")));
        String text = ProposedListText.render(new Board(2, "huanggang", 2024, "LIST_DECISION",
                LocalDateTime.of(2024, 12, 1, 8, 0), List.of(none), List.of(), List.of()));
        assertThat(text).contains("2024 年度预算未录入:该资金不能安排奖补").contains("尚无调整")
                .doesNotContain("不列入预算排序的项目");
        assertThat(ProposedListText.render(new Board(2, "huanggang", 2024, "LIST_DECISION",
                LocalDateTime.of(2024, 12, 1, 8, 0), List.of(), List.of(), List.of()))).contains("本轮尚无按预算排序的项目");
    }

    static int indexOf(String[] lines, String start) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no line starting " + start);
    }
}
