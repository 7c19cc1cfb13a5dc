package cn.tcsubsidy.award.domain;

import cn.tcsubsidy.award.ledger.AwardClaim;
import cn.tcsubsidy.award.ledger.AwardLedger;
import cn.tcsubsidy.award.ledger.AwardStatus;
import cn.tcsubsidy.award.ledger.Candidate;
import cn.tcsubsidy.award.ledger.ProposedList;
import cn.tcsubsidy.award.ledger.RankedProject;
import cn.tcsubsidy.award.ledger.Reservation;
import cn.tcsubsidy.award.quote.AwardQuote;
import cn.tcsubsidy.award.quote.AwardQuoteService;
import cn.tcsubsidy.award.quote.Figure;
import cn.tcsubsidy.award.quote.QuoteRequest;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.StepRefusedException;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A project's award from quote to clawback: the jurisdiction's tables quote it from the actual figures (the
 * application date is the round's recommendation deadline, which picks the policy in force and the LPR); the
 * bureau's proposal is reserved in the ledger, within the quote; payment, an upheld objection and a clawback
 * follow it there. No number of policy is here: rates and caps come from the tables, budgets from the ledger's data.
 */
@Service
public class AwardCases {

    private final AwardQuoteService quotes;
    private final AwardLedger ledger;
    private final StageGuard guard;
    private final ProjectHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;

    public AwardCases(AwardQuoteService quotes, AwardLedger ledger, StageGuard guard, ProjectHistory history,
                      JdbcClient jdbc, Clock clock) {
        this.quotes = quotes;
        this.ledger = ledger;
        this.guard = guard;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Quotes the award of a reviewed project once, on its way to the award decision; records the quote in its history
     * and returns it as the bureau reads it.
     */
    public String quote(long projectId) {
        Project p = guard.require(projectId, "按奖补规则测算", Stage.AWARD_DECISION);
        if (quoteOf(projectId).isPresent()) {
            throw new StepRefusedException("项目 " + projectId + " 已按奖补规则测算,不能重新测算");
        }
        AwardQuote q = quotes.quote(request(p));
        String note = (q.eligible()
                ? "按规则测算奖补金额 " + Money.format(q.amount())
                : "按规则不予奖补,测算金额 " + Money.format(Money.ZERO))
                + (q.reasons().isEmpty() ? "" : ";" + String.join(";", q.reasons()))
                + (q.basis() == null ? "" : "(依据:" + q.basis() + ")");
        String decision = q.decision().key() + " v" + q.decision().version() + " " + q.decision().tenant();
        jdbc.sql("""
                insert into project_award (project_id, eligible, quoted_amount, enterprise_cap, pool_level, quote_note,
                  decision_ref, quoted_at)
                values (:p, :eligible, :amount, :cap, :pool, :note, :decision, :at)
                """)
                .param("p", projectId).param("eligible", q.eligible()).param("amount", Money.round(q.amount()))
                .param("cap", q.enterpriseCap()).param("pool", q.poolLevel()).param("note", truncate(note, 2000))
                .param("decision", decision).param("at", LocalDateTime.now(clock)).update();
        history.record(projectId, Stage.AWARD_DECISION, "AWARD_QUOTED", Actor.SYSTEM, truncate(note + "[" + decision + "]", 2000));
        return note;
    }

    /**
     * Ranks the round's projects awaiting the award decision by expert score against each fund's budget; returns each
     * project's place as the bureau reads it.
     */
    public Map<Long, String> rank(int year, List<Project> candidates) {
        Map<Long, String> notes = new java.util.HashMap<>();
        Map<String, List<Project>> byFund = candidates.stream()
                .collect(Collectors.groupingBy(p -> p.jurisdiction() + "/" + fundOf(p)));
        for (List<Project> fund : byFund.values()) {
            Project first = fund.get(0);
            List<Candidate> list = fund.stream().map(p -> new Candidate(p.id(), p.expertScore(),
                    quoteOf(p.id()).map(QuoteRow::amount).orElse(Money.ZERO), p.completionDate())).toList();
            ProposedList ranked = ledger.rank(first.jurisdiction(), fundOf(first), year, list);
            for (RankedProject r : ranked.ranked()) {
                String note = "预算排序第 " + r.rank() + " 名," + (r.aboveLine() ? "在预算线内" : "在预算线外")
                        + (r.reason() == null ? "" : ":" + r.reason()) + ";" + ranked.budget().note();
                jdbc.sql("update project_award set budget_note = :n where project_id = :p")
                        .param("n", truncate(note, 1000)).param("p", r.projectId()).update();
                history.record(r.projectId(), Stage.AWARD_DECISION, "BUDGET_RANKED", Actor.SYSTEM, truncate(note, 2000));
                notes.put(r.projectId(), truncate(note, 1000));
            }
        }
        return notes;
    }

    /**
     * Reserves the bureau's proposed amount, which may not exceed the quote; the ledger cuts it to what is left
     * under the enterprise cap and refuses it when the year's budget cannot pay it whole. Returns the amount granted.
     */
    public Reservation reserve(Project p, BigDecimal proposed, Actor actor) {
        QuoteRow q = quoteOf(p.id()).orElseThrow(() -> new IllegalStateException("project " + p.id() + " has no quote"));
        if (!q.eligible()) {
            throw new ValidationException("awardDecision", "按奖补规则该项目不予奖补,不能列入拟扶持名单:" + q.note());
        }
        if (proposed.compareTo(q.amount()) > 0) {
            throw new ValidationException("proposedAmount", "拟扶持金额不能超过按奖补规则测算的 " + Money.format(q.amount()));
        }
        Policy policy = policyOf(p.jurisdiction());
        int year = roundYear(p);
        Reservation r = ledger.reserve(new AwardClaim(p.id(), p.jurisdiction(), p.creditCode(), p.category(),
                Set.of(p.category()), policy.key(), policy.capPerCategory() ? p.category() : null, q.enterpriseCap(),
                false, fundOf(p), year, proposed), actor);
        jdbc.sql("update project_award set award_id = :a where project_id = :p").param("a", r.awardId()).param("p", p.id()).update();
        return r;
    }

    public void paid(long projectId, BigDecimal amount, Actor actor) {
        ledger.markPaid(awardId(projectId), amount, actor);
    }

    /** Refuses {@code step} unless the ledger records the project's award as paid. */
    public void requirePaid(long projectId, String step) {
        AwardStatus status = quoteOf(projectId).map(QuoteRow::awardId).map(id -> ledger.get(id).status()).orElse(null);
        if (status != AwardStatus.PAID) {
            throw new StepRefusedException("项目 " + projectId + " 的奖补资金在台账中"
                    + (status == null ? "没有记录" : "为「" + status.label() + "」(" + status + ")")
                    + ",尚未拨付,不能" + step);
        }
    }

    public void cancel(long projectId, String reason, Actor actor) {
        ledger.cancel(awardId(projectId), reason, actor);
    }

    public void recovered(long projectId, BigDecimal amount, String reason, Actor actor) {
        ledger.recover(awardId(projectId), amount, reason, actor);
    }

    private long awardId(long projectId) {
        return quoteOf(projectId).map(QuoteRow::awardId).filter(id -> id != null)
                .orElseThrow(() -> new IllegalStateException("project " + projectId + " has no award in the ledger"));
    }

    /** Who pays: a county-pool project is paid by its county (谁受益、谁兑现), any other by the jurisdiction's fund. */
    private String fundOf(Project p) {
        String pool = quoteOf(p.id()).map(QuoteRow::poolLevel).orElse(p.poolLevel());
        return "COUNTY".equals(pool) ? p.unitCode() : null;
    }

    QuoteRequest request(Project p) {
        Map<Figure, BigDecimal> figures = new EnumMap<>(Figure.class);
        figures.put(Figure.TOTAL_INVESTMENT, p.actualTotalInvestment());
        figures.put(Figure.EQUIPMENT_INVESTMENT, p.actualEquipmentInvestment());
        figures.put(Figure.RD_INVESTMENT, p.actualRdInvestment());
        figures.put(Figure.LOAN_AMOUNT, p.loanAmount());
        // The investment completed in the year of completion: the project's actual total.
        figures.put(Figure.COMPLETED_INVESTMENT_THIS_YEAR, p.actualTotalInvestment());
        Facts f = facts(p.id());
        figures.put(Figure.ROBOT_INVESTMENT, f.robot());
        figures.put(Figure.INFORMATIZATION_INVESTMENT, f.informatization());
        figures.put(Figure.NATIONAL_FUNDING, f.nationalFunding());
        figures.put(Figure.PURCHASE_PRICE, f.purchasePrice());
        return new QuoteRequest(p.jurisdiction(), p.category(), applicationDate(p), figures, f.mujuanClass(),
                f.echelonListed(), f.superiorFunded(), f.certificationLevel(), p.expertScore(),
                // The recommending unit is the county-level unit where tables set rates per county (Huanggang);
                // tables without county rules do not read it.
                p.unitCode(), List.of());
    }

    /** The round's recommendation deadline: the application is the November recommendation of that year. */
    private LocalDate applicationDate(Project p) {
        return jdbc.sql("select recommendation_deadline from review_round where id = :r").param("r", p.roundId())
                .query(LocalDate.class).single();
    }

    private int roundYear(Project p) {
        return jdbc.sql("select round_year from review_round where id = :r").param("r", p.roundId())
                .query(Integer.class).single();
    }

    record Facts(BigDecimal robot, BigDecimal informatization, BigDecimal nationalFunding, BigDecimal purchasePrice,
                 String mujuanClass, boolean echelonListed, boolean superiorFunded, String certificationLevel) {
    }

    private Facts facts(long projectId) {
        return jdbc.sql("select * from project_award_facts where project_id = :p").param("p", projectId)
                .query((rs, i) -> new Facts(rs.getBigDecimal("robot_investment"), rs.getBigDecimal("informatization_investment"),
                        rs.getBigDecimal("national_funding"), rs.getBigDecimal("purchase_price"), rs.getString("mujuan_class"),
                        rs.getBoolean("echelon_listed"), rs.getBoolean("superior_funded"), rs.getString("certification_level")))
                .optional().orElse(new Facts(null, null, null, null, null, false, false, null));
    }

    record QuoteRow(boolean eligible, BigDecimal amount, BigDecimal enterpriseCap, String poolLevel, String note,
                    Long awardId) {
    }

    private Optional<QuoteRow> quoteOf(long projectId) {
        return jdbc.sql("select * from project_award where project_id = :p").param("p", projectId)
                .query((rs, i) -> new QuoteRow(rs.getBoolean("eligible"), rs.getBigDecimal("quoted_amount"),
                        rs.getBigDecimal("enterprise_cap"), rs.getString("pool_level"), rs.getString("quote_note"),
                        rs.getObject("award_id") == null ? null : rs.getLong("award_id")))
                .optional();
    }

    record Policy(String key, boolean capPerCategory) {
    }

    private Policy policyOf(String jurisdiction) {
        return jdbc.sql("select policy_key, cap_per_category from award_policy where jurisdiction_code = :j")
                .param("j", jurisdiction).query((rs, i) -> new Policy(rs.getString(1), rs.getBoolean(2))).single();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
