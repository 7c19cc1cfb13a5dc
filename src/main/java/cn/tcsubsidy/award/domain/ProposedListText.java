package cn.tcsubsidy.award.domain;

import cn.tcsubsidy.award.domain.BudgetLineService.Board;
import cn.tcsubsidy.award.domain.BudgetLineService.FundLine;
import cn.tcsubsidy.award.domain.BudgetLineService.MoveView;
import cn.tcsubsidy.award.domain.BudgetLineService.Row;
import cn.tcsubsidy.shared.Money;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The proposed list as the bureau's list task shows it: Markdown for a Camunda Forms text component
 * ({@code {{proposedList}}}; form-js renders tables and keeps only plain tags), a table per paying fund with the
 * budget line drawn across it, the projects charging no fund, and the moves. Every value from the records is escaped,
 * so an enterprise or project name cannot add markup, links or table cells.
 */
public final class ProposedListText {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ProposedListText() {
    }

    public static String render(Board b) {
        StringBuilder s = new StringBuilder();
        s.append("#### 预算排序与预算线(").append(b.year()).append(" 年度,截至 ").append(AT.format(b.asOf())).append(")\n\n");
        s.append("按专家评审得分排序(同分先竣工者在前);所有兑现资金都能足额安排的项目列于预算线内。")
                .append("列于预算线外的项目,须写明理由调入预算线内后才能列入拟扶持名单;调入不得超出预算。表中金额单位:元。\n\n");
        if (b.funds().isEmpty() && b.withoutCharge().isEmpty()) {
            s.append("本轮尚无按预算排序的项目。\n\n");
        }
        for (FundLine f : b.funds()) {
            s.append("##### ").append(esc(f.fundName())).append("\n\n");
            if (f.budgetEntered()) {
                s.append(b.year()).append(" 年度预算 ").append(amount(f.budget())).append(wan(f.budget()))
                        .append(";台账已安排 ").append(amount(f.committed())).append(wan(f.committed()))
                        .append(";线内待审定项目拟安排 ").append(amount(f.pending())).append(wan(f.pending()))
                        .append(";剩余 ").append(amount(f.remaining())).append(wan(f.remaining())).append("。\n\n");
            } else {
                s.append(b.year()).append(" 年度预算未录入:该资金不能安排奖补,请财政局录入预算。\n\n");
            }
            s.append("| 排名 | 项目编号 | 企业名称 | 项目名称 | 专家评审得分 | 按规则测算 | 可拟扶持 | 本资金安排 | 预算线 | 审定 |\n");
            s.append("|---:|---:|---|---|---:|---:|---:|---:|---|---|\n");
            List<Row> inside = f.rows().stream().filter(Row::withinLine).toList();
            List<Row> outside = f.rows().stream().filter(r -> !r.withinLine()).toList();
            inside.forEach(r -> row(s, r));
            s.append("| **预算线** | | | | | | | | | |\n");
            outside.forEach(r -> row(s, r));
            s.append('\n');
        }
        if (!b.withoutCharge().isEmpty()) {
            s.append("##### 不列入预算排序的项目\n\n");
            for (Row r : b.withoutCharge()) {
                s.append("- 第 ").append(r.rank()).append(" 名(编号 ").append(r.projectId()).append(")")
                        .append(esc(r.enterpriseName())).append("「").append(esc(r.projectName())).append("」:")
                        .append(esc(r.note() == null ? "按奖补规则不予奖补" : r.note())).append("\n");
            }
            s.append('\n');
        }
        s.append("##### 预算线调整记录\n\n");
        if (b.moves().isEmpty()) {
            s.append("尚无调整。\n\n");
        }
        for (MoveView m : b.moves()) {
            s.append("- ").append(AT.format(m.movedAt())).append(" ").append(esc(m.movedBy())).append(" 将第 ")
                    .append(m.rank()).append(" 名(编号 ").append(m.projectId()).append(")").append(esc(m.enterpriseName()))
                    .append("「").append(esc(m.projectName())).append("」")
                    .append(BudgetLineRules.IN.equals(m.direction()) ? "调入预算线内" : "调出预算线").append(":")
                    .append(esc(m.reason())).append("\n");
        }
        if (!b.moves().isEmpty()) {
            s.append('\n');
        }
        String api = "/api/rounds/" + b.roundId();
        s.append("调整预算线:在项目的「审定拟扶持金额」中填写调入预算线内的理由;或 `POST ").append(api)
                .append("/budget-line/moves`(projectId 项目编号、direction 为 IN 调入或 OUT 调出、reason 理由)。")
                .append("最新名单:[").append(api).append("/budget-line](").append(api).append("/budget-line),导出 [CSV](")
                .append(api).append("/proposed-list.csv)、[XLSX](").append(api).append("/proposed-list.xlsx)。\n");
        return s.toString();
    }

    private static void row(StringBuilder s, Row r) {
        String line = r.withinLine() ? "线内" : "线外";
        if (r.withinLine() != r.rankedWithinLine()) {
            line += r.withinLine() ? "(调入)" : "(调出)";
        }
        String decision = r.decision() + (r.proposedAmount() == null ? "" : " " + amount(r.proposedAmount()));
        s.append("| ").append(r.rank()).append(" | ").append(r.projectId()).append(" | ").append(esc(r.enterpriseName()))
                .append(" | ").append(esc(r.projectName())).append(" | ")
                .append(r.expertScore() == null ? "" : r.expertScore().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())
                .append(" | ").append(amount(r.quotedAmount())).append(" | ").append(amount(r.proposableAmount()))
                .append(" | ").append(amount(r.charge())).append(" | ").append(line).append(" | ").append(decision)
                .append(" |\n");
    }

    /** Yuan with thousands separators (12,000,000.00), as the bureau reads a list. */
    private static String amount(BigDecimal a) {
        return a == null ? "" : Money.grouped(a);
    }

    /** The same amount in 万元, in brackets, for the budget's sentence: (1,200.00 万元). */
    private static String wan(BigDecimal a) {
        return a == null ? "" : "(" + Money.groupedWan(a) + ")";
    }

    /** Text from the records, as plain text in a Markdown table cell: no markup, no HTML, no cell break, one line. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\n', '\r', '\t' -> out.append(' ');
                case '|', '\\', '*', '_', '[', ']', '(', ')', '`', '#', '~', '!', '{', '}', '"', '\'', '$' ->
                        out.append("&#").append(c).append(';');
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
