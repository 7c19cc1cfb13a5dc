package cn.tcsubsidy.award.ledger;

import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and locks the fund_budget table (entered by the finance officer, see {@code award.budget}). Runs in the
 * caller's transaction.
 */
@Repository
class FundBudgets {

    record Budget(String fundName, BigDecimal amount) {
    }

    private final JdbcClient jdbc;

    FundBudgets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Budget> find(String jurisdiction, String fundCode, int year) {
        return amount(jurisdiction, fundCode, year, "").map(a -> new Budget(fundName(jurisdiction, fundCode), a));
    }

    /**
     * Locks the year's budget row until the transaction ends: every reservation against it, and every change of it,
     * waits its turn.
     */
    Optional<Budget> lock(String jurisdiction, String fundCode, int year) {
        return amount(jurisdiction, fundCode, year, " for update").map(a -> new Budget(fundName(jurisdiction, fundCode), a));
    }

    /** The fund's name, or its code when the jurisdiction has no such fund. */
    String fundName(String jurisdiction, String fundCode) {
        return jdbc.sql("select fund_name from fund where jurisdiction_code = :j and fund_code = :f")
                .param("j", jurisdiction).param("f", fundCode).query(String.class).optional().orElse(fundCode);
    }

    private Optional<BigDecimal> amount(String jurisdiction, String fundCode, int year, String lock) {
        return jdbc.sql("select amount from fund_budget where jurisdiction_code = :j and fund_code = :f and budget_year = :y"
                        + lock)
                .param("j", jurisdiction).param("f", fundCode).param("y", year).query(BigDecimal.class).optional();
    }
}
