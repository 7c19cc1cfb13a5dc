package cn.tcsubsidy.evidence.domain;

import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The VAT invoices a completion report lists (table {@code project_invoice}). An invoice number is used by one live
 * project of a jurisdiction at most: the database's unique constraint decides when two reports arrive at once, and
 * a rejected project's invoices are free again ({@link #LIVE_CONSTRAINT}, released with the project's rejection).
 */
@Repository
public class Invoices {

    /** The field of the completion report that lists the invoices. */
    public static final String FIELD = "invoices";
    public static final String NUMBER = "invoiceNo";
    public static final String DATE = "invoiceDate";
    public static final String SELLER = "seller";
    public static final String AMOUNT = "amountExclVat";
    /** More invoices than a retrofit project's equipment purchases come with. */
    public static final int MAX_ROWS = 500;
    static final String LIVE_CONSTRAINT = "project_invoice_live_once";
    private static final Pattern NUMBER_SHAPE = Pattern.compile("[0-9]{8,32}");

    private final JdbcClient jdbc;
    private final Clock clock;

    public Invoices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Reads the listed invoices, rejecting in {@code f} each wrong field by row; one number listed twice too. */
    public List<Invoice> read(FormValues f, ListField list) {
        List<Invoice> invoices = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int row : list.rows()) {
            String numberKey = list.key(row, NUMBER);
            String number = f.text(numberKey, "第 " + row + " 张发票的发票号码", true, 32);
            if (number != null && !NUMBER_SHAPE.matcher(number).matches()) {
                f.reject(numberKey, "第 " + row + " 张发票的发票号码应为 8 至 32 位半角数字(数电发票填 20 位号码;"
                        + "纸质或旧版电子发票填发票代码和发票号码,不含空格和横线):" + number);
                number = null;
            }
            if (number != null && seen.containsKey(number)) {
                f.reject(numberKey, "发票号码 " + number + " 在第 " + seen.get(number) + " 行已填写,同一张发票只能列一次");
                number = null;
            }
            if (number != null) {
                seen.put(number, row);
            }
            LocalDate date = f.date(list.key(row, DATE), "第 " + row + " 张发票的开票日期", true);
            if (date != null && date.isAfter(LocalDate.now(clock))) {
                f.reject(list.key(row, DATE), "第 " + row + " 张发票的开票日期不能晚于今天");
                date = null;
            }
            String seller = f.name(list.key(row, SELLER), "第 " + row + " 张发票的销售方名称", true, 200);
            BigDecimal amount = f.money(list.key(row, AMOUNT), "第 " + row + " 张发票的金额(不含税)", true);
            if (amount != null && amount.signum() == 0) {
                f.reject(list.key(row, AMOUNT), "第 " + row + " 张发票的金额(不含税)应大于 0");
                amount = null;
            }
            if (number != null && date != null && seller != null && amount != null) {
                invoices.add(new Invoice(number, date, seller, amount));
            }
        }
        return invoices;
    }

    public static BigDecimal total(List<Invoice> invoices) {
        return Money.round(invoices.stream().map(Invoice::amountExclVat).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** The refusal of an invoice another live project of the jurisdiction lists. */
    public static String taken(String number) {
        return "发票号码 " + number + " 已被本辖区另一个在库项目列为设备投资发票,同一张发票不能重复申报";
    }

    /** Whether another live project of the jurisdiction lists this invoice (the early answer; see {@link #store}). */
    public boolean takenElsewhere(String jurisdiction, String number, long projectId) {
        return jdbc.sql("""
                select count(*) from project_invoice
                 where live_jurisdiction = :j and invoice_no = :n and project_id <> :p
                """).param("j", jurisdiction).param("n", number).param("p", projectId)
                .query(Long.class).single() > 0;
    }

    /**
     * Stores the project's invoices, numbered as listed. An invoice another live project of the jurisdiction stored
     * in the meantime is refused by the database, and the refusal names the row's field: the caller's transaction
     * (the task completion) rolls back whole.
     *
     * @param list the list the invoices were read from (valid, so row by row), which names the refused field
     */
    public void store(long projectId, String jurisdiction, List<Invoice> invoices, ListField list) {
        for (int i = 0; i < invoices.size(); i++) {
            Invoice inv = invoices.get(i);
            try {
                jdbc.sql("""
                        insert into project_invoice (project_id, row_no, invoice_no, invoice_date, seller, amount_excl_vat,
                          live_jurisdiction)
                        values (:p, :row, :no, :date, :seller, :amount, :j)
                        """)
                        .param("p", projectId).param("row", i + 1).param("no", inv.number()).param("date", inv.date())
                        .param("seller", inv.seller()).param("amount", inv.amountExclVat()).param("j", jurisdiction)
                        .update();
            } catch (DuplicateKeyException e) {
                if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains(LIVE_CONSTRAINT)) {
                    throw new ValidationException(list.key(list.rows().get(i), NUMBER), taken(inv.number()));
                }
                throw e;
            }
        }
    }

    public List<Invoice> of(long projectId) {
        return jdbc.sql("select * from project_invoice where project_id = :p order by row_no").param("p", projectId)
                .query((rs, i) -> new Invoice(rs.getString("invoice_no"), rs.getObject("invoice_date", LocalDate.class),
                        rs.getString("seller"), rs.getBigDecimal("amount_excl_vat")))
                .list();
    }
}
