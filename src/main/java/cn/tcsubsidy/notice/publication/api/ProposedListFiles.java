package cn.tcsubsidy.notice.publication.api;

import cn.tcsubsidy.notice.publication.domain.ProposedListSheet;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.Workbooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The proposed list as a file: CSV (UTF-8 with a byte-order mark, so that Excel reads the Chinese; RFC 4180 quoting)
 * and XLSX (Apache POI), the same columns in both. Every amount column names its unit in its header: the amounts in
 * yuan (元), and the proposed amount once more in 万元 (yuan ÷ 10,000, half-up to 0.01), as the bureau's documents
 * write it. In the workbook amounts are number cells shown {@code #,##0.00} (12,000,000.00), so they add up and read
 * well; in the CSV they stay plain numbers with a dot (12000000.00): a CSV is read by programs and by a spreadsheet's
 * import, and thousands separators would be commas inside a comma-separated line, read back as text or as two fields.
 * A text cell that a spreadsheet would take for a formula (=, +, -, @) is written with a leading apostrophe.
 */
final class ProposedListFiles {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> HEADER = List.of("排名", "兑现资金", "企业名称", "项目名称", "奖补类别", "推荐单位",
            "专家评审得分", "按规则测算金额(元)", "拟扶持金额(元)", "拟扶持金额(万元)", "预算线", "审定结果", "排序说明");
    /** The column of the expert score (two decimals, no separators); the other decimal columns are money. */
    private static final int SCORE_COLUMN = 6;

    private ProposedListFiles() {
    }

    /** An amount in 万元: yuan ÷ 10,000, half-up to 0.01. */
    private record Wan(BigDecimal yuan) {
        BigDecimal value() {
            return Money.toWan(yuan);
        }
    }

    /** One row's cells in the order of {@link #HEADER}: Integer, BigDecimal (yuan or score), Wan or String (null: empty). */
    private static List<Object> cells(ProposedListSheet.Row r) {
        List<Object> c = new ArrayList<>();
        c.add(r.rank());
        c.add(r.funds());
        c.add(r.enterpriseName());
        c.add(r.projectName());
        c.add(r.category());
        c.add(r.recommendingUnit());
        c.add(r.expertScore());
        c.add(r.quotedAmount());
        c.add(r.proposedAmount());
        c.add(r.proposedAmount() == null ? null : new Wan(r.proposedAmount()));
        c.add(r.withinBudgetLine() == null ? null : r.withinBudgetLine() ? "线内" : "线外");
        c.add(r.decision());
        c.add(r.budgetNote());
        return c;
    }

    static byte[] csv(ProposedListSheet sheet) {
        StringBuilder b = new StringBuilder("\uFEFF");
        line(b, new ArrayList<>(HEADER));
        sheet.rows().forEach(r -> line(b, cells(r)));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder b, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Object v = cells.get(i);
            String s = v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : v instanceof Wan w
                    ? w.value().toPlainString() : v instanceof String t ? safe(t) : v.toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            b.append(s);
        }
        b.append("\r\n");
    }

    static byte[] xlsx(ProposedListSheet sheet) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = book.createSheet("拟扶持名单");
            CellStyle header = Workbooks.bold(book);
            CellStyle money = Workbooks.numberFormat(book, Money.GROUPED_PATTERN);
            CellStyle score = Workbooks.numberFormat(book, "0.00");
            Workbooks.headerRow(s, HEADER, header);
            int n = 1;
            for (ProposedListSheet.Row r : sheet.rows()) {
                Row row = s.createRow(n++);
                List<Object> cells = cells(r);
                for (int i = 0; i < cells.size(); i++) {
                    Object v = cells.get(i);
                    if (v == null) {
                        continue;
                    }
                    Cell c = row.createCell(i);
                    if (v instanceof BigDecimal d) {
                        c.setCellValue(d.doubleValue());
                        c.setCellStyle(i == SCORE_COLUMN ? score : money);
                    } else if (v instanceof Wan w) {
                        c.setCellValue(w.value().doubleValue());
                        c.setCellStyle(money);
                    } else if (v instanceof Integer k) {
                        c.setCellValue(k);
                    } else {
                        c.setCellValue(safe((String) v));
                    }
                }
            }
            s.createFreezePane(0, 1);
            for (int i = 0; i < HEADER.size() - 1; i++) {
                s.setColumnWidth(i, (i >= 1 && i <= 5 ? 24 : i >= 7 && i <= 9 ? 18 : 14) * 256);
            }
            s.setColumnWidth(HEADER.size() - 1, 80 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text a spreadsheet would read as a formula keeps its text (CSV/formula injection). */
    private static String safe(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
