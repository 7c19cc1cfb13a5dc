package cn.tcsubsidy.award.ledger;

import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The fund_budget table: annual fund amounts an administrator keeps. Runs in the caller's transaction. */
@Repository
class FundBudgets {

    record Budget(String fundName, BigDecimal amount) {
    }

    private final JdbcClient jdbc;

    FundBudgets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Budget> find(String jurisdiction, String fundCode, int year) {
        return select(jurisdiction, fundCode, year, "");
    }

    /** Locks the year's budget row until the transaction ends: every reservation against it waits its turn. */
    Optional<Budget> lock(String jurisdiction, String fundCode, int year) {
        return select(jurisdiction, fundCode, year, " for update");
    }

    String jurisdictionName(String jurisdiction) {
        return jdbc.sql("select name from jurisdiction where code = :c").param("c", jurisdiction)
                .query(String.class).optional().orElse(jurisdiction);
    }

    private Optional<Budget> select(String jurisdiction, String fundCode, int year, String lock) {
        return jdbc.sql("select fund_name, amount from fund_budget where jurisdiction_code = :j and fund_code = :f"
                        + " and budget_year = :y" + lock)
                .param("j", jurisdiction).param("f", fundCode).param("y", year)
                .query((rs, i) -> new Budget(rs.getString("fund_name"), rs.getBigDecimal("amount")))
                .optional();
    }
}
