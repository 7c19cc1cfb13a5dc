package cn.tcsubsidy.shared;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** What the app's XLSX exports share: a bold header row and number formats (e.g. {@code #,##0.00}). */
public final class Workbooks {

    private Workbooks() {
    }

    public static CellStyle bold(Workbook book) {
        CellStyle style = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        style.setFont(font);
        return style;
    }

    public static CellStyle numberFormat(Workbook book, String format) {
        CellStyle style = book.createCellStyle();
        style.setDataFormat(book.createDataFormat().getFormat(format));
        return style;
    }

    /** Row 0 of the sheet: the headers in the given style. */
    public static void headerRow(Sheet sheet, List<String> headers, CellStyle style) {
        Row h = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            Cell c = h.createCell(i);
            c.setCellValue(headers.get(i));
            c.setCellStyle(style);
        }
    }
}
