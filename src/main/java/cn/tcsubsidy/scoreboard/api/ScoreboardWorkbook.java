package cn.tcsubsidy.scoreboard.api;

import cn.tcsubsidy.scoreboard.domain.Scoreboard;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.Workbooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The scoreboard as an Excel workbook (Apache POI, as the proposed-list export): one sheet, Chinese headers, one row
 * per unit in rank order, a totals row (合计), then the ranking method (常见做法), the targets' source and the time.
 * Amounts in 万元 (yuan ÷ 10,000, half-up to 0.01) shown {@code #,##0.00}; rates as percentages.
 */
final class ScoreboardWorkbook {

    static final List<String> HEADER = List.of("排名", "推荐单位", "备案项目数", "推荐项目数", "获奖补项目数",
            "实施技改企业数", "技改完成投资(万元)", "奖补金额(万元)", "工业投资目标(万元)", "工业技改投资目标(万元)",
            "实施技改企业目标(家)", "技改投资完成率", "实施技改企业完成率");
    static final String TOTALS = "合计";

    private ScoreboardWorkbook() {
    }

    static String fileName(Scoreboard b) {
        return b.jurisdictionName() + b.year() + "年度镇街技术改造目标考核排序通报.xlsx";
    }

    /** One line's cells in the order of {@link #HEADER}: Integer, String, money (Wan) or rate, null empty. */
    private static List<Object> cells(Integer rank, String unit, int filed, int recommended, int awarded,
                                      int enterprises, BigDecimal investment, BigDecimal awardAmount,
                                      Scoreboard.Targets t, Scoreboard.Progress p) {
        List<Object> c = new ArrayList<>();
        c.add(rank);
        c.add(unit);
        c.add(filed);
        c.add(recommended);
        c.add(awarded);
        c.add(enterprises);
        c.add(new Wan(investment));
        c.add(new Wan(awardAmount));
        c.add(t == null ? null : new Wan(t.industrialInvestment()));
        c.add(t == null ? null : new Wan(t.retrofitInvestment()));
        c.add(t == null ? null : t.retrofittingEnterprises());
        c.add(p == null || p.retrofitInvestment() == null ? null : new Rate(p.retrofitInvestment()));
        c.add(p == null || p.retrofittingEnterprises() == null ? null : new Rate(p.retrofittingEnterprises()));
        return c;
    }

    private record Wan(BigDecimal yuan) {
        double value() {
            return Money.toWan(yuan).doubleValue();
        }
    }

    private record Rate(BigDecimal fraction) {
    }

    static byte[] xlsx(Scoreboard b) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = book.createSheet(b.year() + "年度排序通报");
            CellStyle header = Workbooks.bold(book);
            CellStyle money = Workbooks.numberFormat(book, Money.GROUPED_PATTERN);
            CellStyle rate = Workbooks.numberFormat(book, "0.00%");
            Workbooks.headerRow(s, HEADER, header);
            int n = 1;
            for (Scoreboard.UnitRow r : b.units()) {
                write(s.createRow(n++), cells(r.rank(), r.unitName(), r.filed(), r.recommended(), r.awarded(),
                        r.enterprises(), r.investment(), r.awardAmount(), r.targets(), r.progress()), money, rate);
            }
            Scoreboard.Totals t = b.totals();
            Row totals = s.createRow(n++);
            write(totals, cells(null, TOTALS, t.filed(), t.recommended(), t.awarded(), t.enterprises(), t.investment(),
                    t.awardAmount(), t.targets(), t.progress()), money, rate);
            totals.getCell(1).setCellStyle(header);
            n++;
            s.createRow(n++).createCell(0).setCellValue("排序依据:" + b.rankedBy() + "。" + b.practice());
            if (b.targetSource() != null) {
                s.createRow(n++).createCell(0).setCellValue("目标来源:" + b.targetSource());
            }
            s.createRow(n).createCell(0).setCellValue("统计时间:" + b.asOf()
                    + ";济政〔2017〕27号:定期对各产业集聚区、镇(街道)企业技术改造情况进行排序通报");
            s.createFreezePane(0, 1);
            s.setColumnWidth(0, 8 * 256);
            s.setColumnWidth(1, 22 * 256);
            for (int i = 2; i < HEADER.size(); i++) {
                s.setColumnWidth(i, 18 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<Object> cells, CellStyle money, CellStyle rate) {
        for (int i = 0; i < cells.size(); i++) {
            Object v = cells.get(i);
            if (v == null) {
                continue;
            }
            Cell c = row.createCell(i);
            if (v instanceof Wan w) {
                c.setCellValue(w.value());
                c.setCellStyle(money);
            } else if (v instanceof Rate r) {
                c.setCellValue(r.fraction().doubleValue());
                c.setCellStyle(rate);
            } else if (v instanceof Integer k) {
                c.setCellValue(k);
            } else {
                c.setCellValue((String) v);
            }
        }
    }
}
