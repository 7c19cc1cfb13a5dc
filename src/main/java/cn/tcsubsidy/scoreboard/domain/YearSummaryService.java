package cn.tcsubsidy.scoreboard.domain;

import cn.tcsubsidy.award.ledger.Payers;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year at a glance for the jurisdiction's dashboard:
 * <ul>
 *   <li><b>stages</b>: the year's projects — filed in year Y ({@code filed_at}, Beijing time) or taking part in the
 *       review round of year Y — each once, by the stage it stands in now; every {@link Stage} listed in process
 *       order with its Chinese label, zero included;</li>
 *   <li><b>awardDecided</b>: what live awards of award year Y commit (拟扶持 and paid: the ledger's fund shares,
 *       the sum the budgets are charged); cancelled awards do not count;</li>
 *   <li><b>awardPaid</b>: paid payment orders (拨付单, status PAID) of the awards of award year Y, before any
 *       recovery;</li>
 *   <li><b>budget</b>: the sum of the funds' budgets for Y as finance entered them ({@code fund_budget}), null when
 *       none is entered; {@code budgetSource} names the table and each budget decision (文件号);</li>
 *   <li><b>funds</b>: per fund of the jurisdiction with a budget, a commitment or a payment in Y.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class YearSummaryService {

    private final JdbcClient jdbc;
    private final ScoreboardReaders readers;
    private final Payers payers;

    public YearSummaryService(JdbcClient jdbc, ScoreboardReaders readers, Payers payers) {
        this.jdbc = jdbc;
        this.readers = readers;
        this.payers = payers;
    }

    public YearSummary of(String jurisdiction, int year, Actor actor) {
        readers.requireReader(jurisdiction, year, actor);
        Optional<Long> round = jdbc.sql("select id from review_round where jurisdiction_code = :j and round_year = :y")
                .param("j", jurisdiction).param("y", year).query(Long.class).optional();
        Map<String, Integer> byStage = new HashMap<>();
        jdbc.sql("""
                select stage, count(*) as n from project
                 where jurisdiction_code = :j and ((filed_at >= :from and filed_at < :to) or round_id = :r)
                 group by stage
                """)
                .param("j", jurisdiction).param("r", round.orElse(-1L))
                .param("from", LocalDate.of(year, 1, 1).atStartOfDay())
                .param("to", LocalDate.of(year + 1, 1, 1).atStartOfDay())
                .query((rs, i) -> byStage.put(rs.getString("stage"), rs.getInt("n"))).list();
        List<YearSummary.StageCount> stages = new ArrayList<>();
        for (Stage s : Stage.values()) {
            stages.add(new YearSummary.StageCount(s.name(), s.label(), byStage.getOrDefault(s.name(), 0)));
        }

        Map<String, BigDecimal> decided = sums("""
                select s.fund_code, sum(s.amount) as amount from award_fund_share s join award a on a.id = s.award_id
                 where a.jurisdiction_code = :j and a.award_year = :y and a.live = true group by s.fund_code
                """, jurisdiction, year);
        Map<String, BigDecimal> paid = sums("""
                select o.fund_code, sum(o.amount) as amount from payment_order o join award a on a.id = o.award_id
                 where a.jurisdiction_code = :j and a.award_year = :y and o.status = 'PAID' group by o.fund_code
                """, jurisdiction, year);
        Map<String, BigDecimal> budgets = new HashMap<>();
        Map<String, String> bases = new HashMap<>();
        jdbc.sql("select fund_code, amount, basis from fund_budget where jurisdiction_code = :j and budget_year = :y")
                .param("j", jurisdiction).param("y", year)
                .query((rs, i) -> {
                    budgets.put(rs.getString("fund_code"), Money.round(rs.getBigDecimal("amount")));
                    return bases.put(rs.getString("fund_code"), rs.getString("basis"));
                }).list();

        List<YearSummary.FundLine> funds = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        for (Payers.Fund f : payers.funds(jurisdiction)) {
            String code = f.code();
            if (!budgets.containsKey(code) && !decided.containsKey(code) && !paid.containsKey(code)) {
                continue;
            }
            funds.add(new YearSummary.FundLine(code, f.name(), budgets.get(code),
                    Money.round(decided.getOrDefault(code, BigDecimal.ZERO)),
                    Money.round(paid.getOrDefault(code, BigDecimal.ZERO)), bases.get(code)));
            if (bases.containsKey(code)) {
                sources.add(f.name() + ":" + bases.get(code));
            }
        }
        BigDecimal budget = budgets.isEmpty() ? null
                : Money.round(budgets.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        String budgetSource = budgets.isEmpty()
                ? year + " 年度技改专项资金预算未录入(由财政局在 /api/fund-budgets 或 Tasklist「录入技改专项资金预算」录入)"
                : "技改专项资金年度预算(财政局录入,fund_budget):" + String.join(";", sources);
        return new YearSummary(jurisdiction, year, stages,
                Money.round(decided.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)),
                Money.round(paid.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)),
                budget, budgetSource, funds);
    }

    private Map<String, BigDecimal> sums(String sql, String jurisdiction, int year) {
        Map<String, BigDecimal> sums = new HashMap<>();
        jdbc.sql(sql).param("j", jurisdiction).param("y", year)
                .query((rs, i) -> sums.put(rs.getString("fund_code"), rs.getBigDecimal("amount"))).list();
        return sums;
    }
}
