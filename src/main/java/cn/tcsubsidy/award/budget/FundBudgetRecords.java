package cn.tcsubsidy.award.budget;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes fund_budget and its history fund_budget_change; the ledger reads and locks the budgets (AwardLedger). Runs in
 * the caller's transaction.
 */
@Repository
class FundBudgetRecords {

    /** A budget row as stored, without the ledger's sums. */
    record Row(String fundCode, int year, BigDecimal amount, String basis, String enteredBy, LocalDateTime enteredAt,
               String updatedBy, LocalDateTime updatedAt) {
    }

    private final JdbcClient jdbc;

    FundBudgetRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> list(String jurisdiction) {
        return jdbc.sql("select * from fund_budget where jurisdiction_code = :j order by budget_year desc, fund_code")
                .param("j", jurisdiction)
                .query((rs, i) -> new Row(rs.getString("fund_code"), rs.getInt("budget_year"), rs.getBigDecimal("amount"),
                        rs.getString("basis"), rs.getString("entered_by"), rs.getObject("entered_at", LocalDateTime.class),
                        rs.getString("updated_by"), rs.getObject("updated_at", LocalDateTime.class)))
                .list();
    }

    Optional<Row> find(String jurisdiction, String fundCode, int year) {
        return list(jurisdiction).stream().filter(r -> r.fundCode().equals(fundCode) && r.year() == year).findFirst();
    }

    List<FundBudget.Change> changes(String jurisdiction, String fundCode, int year) {
        return jdbc.sql("""
                select * from fund_budget_change where jurisdiction_code = :j and fund_code = :f and budget_year = :y
                 order by id
                """)
                .param("j", jurisdiction).param("f", fundCode).param("y", year)
                .query((rs, i) -> new FundBudget.Change(rs.getBigDecimal("previous_amount"), rs.getBigDecimal("amount"),
                        rs.getString("basis"), rs.getString("reason"), rs.getString("changed_by"),
                        rs.getObject("changed_at", LocalDateTime.class)))
                .list();
    }

    void insert(String jurisdiction, String fundCode, int year, BigDecimal amount, String basis, String by,
                LocalDateTime at) {
        jdbc.sql("""
                insert into fund_budget (jurisdiction_code, fund_code, budget_year, amount, basis, entered_by, entered_at,
                  updated_by, updated_at)
                values (:j, :f, :y, :a, :basis, :by, :at, :by, :at)
                """)
                .param("j", jurisdiction).param("f", fundCode).param("y", year).param("a", amount).param("basis", basis)
                .param("by", by).param("at", at).update();
        history(jurisdiction, fundCode, year, null, amount, basis, null, by, at);
    }

    void update(String jurisdiction, String fundCode, int year, BigDecimal previous, BigDecimal amount, String basis,
                String reason, String by, LocalDateTime at) {
        jdbc.sql("""
                update fund_budget set amount = :a, basis = :basis, updated_by = :by, updated_at = :at
                 where jurisdiction_code = :j and fund_code = :f and budget_year = :y
                """)
                .param("j", jurisdiction).param("f", fundCode).param("y", year).param("a", amount).param("basis", basis)
                .param("by", by).param("at", at).update();
        history(jurisdiction, fundCode, year, previous, amount, basis, reason, by, at);
    }

    private void history(String jurisdiction, String fundCode, int year, BigDecimal previous, BigDecimal amount,
                         String basis, String reason, String by, LocalDateTime at) {
        jdbc.sql("""
                insert into fund_budget_change (jurisdiction_code, fund_code, budget_year, previous_amount, amount, basis,
                  reason, changed_by, changed_at)
                values (:j, :f, :y, :previous, :a, :basis, :reason, :by, :at)
                """)
                .param("j", jurisdiction).param("f", fundCode).param("y", year).param("previous", previous)
                .param("a", amount).param("basis", basis).param("reason", reason).param("by", by).param("at", at).update();
    }
}
