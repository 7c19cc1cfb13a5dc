package cn.tcsubsidy.award.domain;

import cn.tcsubsidy.award.ledger.Award;
import cn.tcsubsidy.award.ledger.AwardClaim;
import cn.tcsubsidy.award.ledger.AwardLedger;
import cn.tcsubsidy.award.ledger.AwardStatus;
import cn.tcsubsidy.award.ledger.Candidate;
import cn.tcsubsidy.award.ledger.FundShare;
import cn.tcsubsidy.award.ledger.Payers;
import cn.tcsubsidy.award.ledger.ProposedList;
import cn.tcsubsidy.award.ledger.RankedProject;
import cn.tcsubsidy.award.ledger.Reservations;
import cn.tcsubsidy.award.quote.AwardCalculator;
import cn.tcsubsidy.award.quote.AwardQuote;
import cn.tcsubsidy.award.quote.AwardQuoteService;
import cn.tcsubsidy.award.quote.AwardRules;
import cn.tcsubsidy.award.quote.ClusterMember;
import cn.tcsubsidy.award.quote.Figure;
import cn.tcsubsidy.award.quote.OtherFunding;
import cn.tcsubsidy.award.quote.QuoteRequest;
import cn.tcsubsidy.evidence.domain.ProjectFigures;
import cn.tcsubsidy.evidence.domain.ReportedFigures;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A project's award from quote to clawback. The jurisdiction's tables quote it from the figures its reports recorded
 * and their evidence ({@link ReportedFigures}: the invoice sum where invoices decide the equipment figure, the loan
 * actually drawn, certificates, other public funding, a cluster's members); the quote service picks the policy date
 * and the LPR date by the jurisdiction's settings, applies the annual scheme and the standing list. The bureau's
 * proposal is reserved in the ledger within the quote, charged to the funds that pay the project's recommending unit
 * (谁受益、谁兑现) and cut to what is left under the enterprise's cap in the scope the table named; a cluster's award
 * is booked to each member. Payment, an upheld objection and a clawback follow it there. No number of policy is
 * here: rates and caps come from the tables, budgets, payers and schemes from data.
 */
@Service
public class AwardCases {

    private final AwardQuoteService quotes;
    private final AwardLedger ledger;
    private final Payers payers;
    private final ReportedFigures reported;
    private final StageGuard guard;
    private final ProjectHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;

    public AwardCases(AwardQuoteService quotes, AwardLedger ledger, Payers payers, ReportedFigures reported,
                      StageGuard guard, ProjectHistory history, JdbcClient jdbc, Clock clock) {
        this.quotes = quotes;
        this.ledger = ledger;
        this.payers = payers;
        this.reported = reported;
        this.guard = guard;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Quotes the award of a reviewed project once, on its way to the award decision; records the quote (and a
     * cluster's member shares) and its history, and returns it as the bureau reads it.
     */
    public String quote(long projectId) {
        Project p = guard.require(projectId, "按奖补规则测算", Stage.AWARD_DECISION);
        if (quoteOf(projectId).isPresent()) {
            throw new StepRefusedException("项目 " + projectId + " 已按奖补规则测算,不能重新测算");
        }
        return store(p, false);
    }

    /**
     * Quotes again from the figures the enterprise corrected (退回补正 at the award decision): the quote row and a
     * cluster's member shares are replaced, the history keeps the earlier quote beside the new one. The budget
     * ranking's place is the round's and stays as drawn; the reservation checks caps and budgets anew.
     */
    public String requote(long projectId) {
        Project p = guard.require(projectId, "按补正后的数据重新测算", Stage.AWARD_DECISION);
        QuoteRow before = quoteOf(projectId).orElseThrow(() -> new StepRefusedException("项目 " + projectId
                + " 尚未按奖补规则测算,不能重新测算"));
        jdbc.sql("delete from project_award_allocation where project_id = :p").param("p", projectId).update();
        String note = store(p, true);
        history.record(projectId, Stage.AWARD_DECISION, "AWARD_REQUOTED", Actor.SYSTEM,
                truncate("补正后重新测算:原测算 " + Money.format(before.amount()) + "(" + before.note() + ")", 2000));
        return note;
    }

    private String store(Project p, boolean again) {
        long projectId = p.id();
        AwardQuote q = quotes.quote(request(p));
        String note = (q.eligible()
                ? "按规则测算奖补金额 " + Money.format(q.amount())
                : "按规则不予奖补,测算金额 " + Money.format(Money.ZERO))
                + (q.reasons().isEmpty() ? "" : ";" + String.join(";", q.reasons()))
                + (q.basis() == null ? "" : "(依据:" + q.basis() + ")")
                + ";适用政策日期 " + q.policyDate() + (q.lprDate() == null ? "" : ",LPR 日期 " + q.lprDate());
        String decision = q.decision().key() + " v" + q.decision().version() + " " + q.decision().tenant()
                + (q.rateDecision() == null ? "" : "," + q.rateDecision().key() + " v" + q.rateDecision().version());
        jdbc.sql(again ? """
                update project_award set eligible = :eligible, quoted_amount = :amount, enterprise_cap = :cap,
                  cap_scope = :scope, pool_level = :pool, quote_note = :note, decision_ref = :decision, quoted_at = :at
                 where project_id = :p
                """ : """
                insert into project_award (project_id, eligible, quoted_amount, enterprise_cap, cap_scope, pool_level,
                  quote_note, decision_ref, quoted_at)
                values (:p, :eligible, :amount, :cap, :scope, :pool, :note, :decision, :at)
                """)
                .param("p", projectId).param("eligible", q.eligible()).param("amount", Money.round(q.amount()))
                .param("cap", q.enterpriseCap()).param("scope", q.capScope()).param("pool", q.poolLevel())
                .param("note", truncate(note, 2000)).param("decision", truncate(decision, 100))
                .param("at", LocalDateTime.now(clock)).update();
        if (q.allocations() != null) {
            for (AwardQuote.Allocation a : q.allocations()) {
                jdbc.sql("""
                        insert into project_award_allocation (project_id, credit_code, enterprise, amount, eligible, note)
                        values (:p, :c, :e, :a, :ok, :n)
                        """)
                        .param("p", projectId).param("c", a.creditCode()).param("e", a.enterprise())
                        .param("a", Money.round(a.amount())).param("ok", a.eligible())
                        .param("n", truncate(a.enterprise() + " " + Money.format(a.amount())
                                + (a.reasons().isEmpty() ? "" : ":" + String.join(";", a.reasons())), 2000))
                        .update();
            }
        }
        history.record(projectId, Stage.AWARD_DECISION, "AWARD_QUOTED", Actor.SYSTEM, truncate(note + "[" + decision + "]", 2000));
        return note;
    }

    /**
     * Ranks the round's projects awaiting the award decision by expert score against the budgets of the funds that
     * pay them; returns each project's place as the bureau reads it. An ineligible project sits below the line with
     * its reasons; a project without a quote stops the ranking with a message naming it (an incident of the step).
     * The place is stored as data too (rank, what the bureau could propose, each paying fund's charge, inside or
     * outside the line) for the bureau's list, its moves across the line ({@link BudgetLineService}) and the exports.
     */
    public Map<Long, String> rank(int year, List<Project> candidates) {
        Map<Long, String> notes = new HashMap<>();
        Map<String, List<Project>> byJurisdiction = candidates.stream().collect(Collectors.groupingBy(Project::jurisdiction));
        for (Map.Entry<String, List<Project>> e : byJurisdiction.entrySet()) {
            List<Candidate> list = new ArrayList<>();
            for (Project p : e.getValue()) {
                Optional<QuoteRow> q = quoteOf(p.id());
                if (q.isEmpty()) {
                    list.add(Candidate.unquoted(p.id(), p.expertScore(), p.completionDate()));
                } else if (!q.get().eligible() || q.get().amount().signum() <= 0) {
                    list.add(Candidate.ineligible(p.id(), p.expertScore(), p.completionDate(), q.get().note()));
                } else {
                    list.add(Candidate.quoted(p.expertScore(), p.completionDate(), claims(p, q.get(), year, null, null)));
                }
            }
            ProposedList ranked = ledger.rank(e.getKey(), year, list);
            for (RankedProject r : ranked.ranked()) {
                String budgets = ranked.budgetNote(r);
                String note = "预算排序第 " + r.rank() + " 名,"
                        + (!r.eligible() ? "按规则不予奖补,列于预算线外" : r.aboveLine() ? "在预算线内" : "在预算线外")
                        + (r.eligible() ? ",可拟扶持 " + Money.format(r.proposedAmount()) : "")
                        + (r.reason() == null ? "" : ":" + r.reason()) + (budgets.isEmpty() ? "" : ";" + budgets);
                jdbc.sql("""
                        update project_award set budget_note = :n, budget_rank = :rank, proposable_amount = :proposable,
                          ranked_within_line = :within, within_line = :within
                         where project_id = :p
                        """)
                        .param("n", truncate(note, 1000)).param("rank", r.rank())
                        .param("proposable", r.eligible() ? Money.round(r.proposedAmount()) : Money.ZERO)
                        .param("within", r.aboveLine()).param("p", r.projectId()).update();
                jdbc.sql("delete from project_award_fund_charge where project_id = :p").param("p", r.projectId()).update();
                r.fundCharges().forEach((fund, amount) -> jdbc.sql("""
                        insert into project_award_fund_charge (project_id, fund_code, amount) values (:p, :f, :a)
                        """).param("p", r.projectId()).param("f", fund).param("a", Money.round(amount)).update());
                history.record(r.projectId(), Stage.AWARD_DECISION, "BUDGET_RANKED", Actor.SYSTEM, truncate(note, 2000));
                notes.put(r.projectId(), truncate(note, 1000));
            }
        }
        return notes;
    }

    /**
     * A project's quote and place on the budget line under the deployed tables and under {@code candidate} (a rule
     * change's what-if); {@code error} names why the project could not be quoted. Nothing is written.
     */
    public record Recomputed(long projectId, AwardQuote before, AwardQuote after, Boolean withinBefore,
                             Boolean withinAfter, String error) {
    }

    /**
     * Quotes each project of the round year {@code year} of one jurisdiction twice, under the deployed tables and
     * under {@code candidate}, from the figures its reports recorded; where {@code rank}, also draws the budget line
     * twice (scores, budgets and what the enterprises already hold as today). Nothing is written.
     */
    public List<Recomputed> recompute(int year, List<Project> projects, AwardRules candidate, boolean rank) {
        Map<Long, AwardQuote> before = new java.util.LinkedHashMap<>();
        Map<Long, AwardQuote> after = new java.util.LinkedHashMap<>();
        Map<Long, String> errors = new HashMap<>();
        for (Project p : projects) {
            try {
                QuoteRequest r = request(p);
                before.put(p.id(), quotes.preview(r));
                after.put(p.id(), quotes.quote(r, candidate));
            } catch (RuntimeException e) {
                errors.put(p.id(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        List<Project> quoted = projects.stream().filter(p -> !errors.containsKey(p.id())).toList();
        Map<Long, Boolean> lineBefore = rank ? line(year, quoted, before) : Map.of();
        Map<Long, Boolean> lineAfter = rank ? line(year, quoted, after) : Map.of();
        List<Recomputed> out = new ArrayList<>();
        for (Project p : projects) {
            out.add(new Recomputed(p.id(), before.get(p.id()), after.get(p.id()), lineBefore.get(p.id()),
                    lineAfter.get(p.id()), errors.get(p.id())));
        }
        return out;
    }

    /** Inside (true) or outside the budget line, per project, had the projects these quotes. */
    private Map<Long, Boolean> line(int year, List<Project> projects, Map<Long, AwardQuote> quoted) {
        Map<Long, Boolean> within = new HashMap<>();
        Map<String, List<Project>> byJurisdiction = projects.stream().collect(Collectors.groupingBy(Project::jurisdiction));
        for (Map.Entry<String, List<Project>> e : byJurisdiction.entrySet()) {
            List<Candidate> list = new ArrayList<>();
            for (Project p : e.getValue()) {
                AwardQuote q = quoted.get(p.id());
                if (!q.eligible() || q.amount().signum() <= 0) {
                    list.add(Candidate.ineligible(p.id(), p.expertScore(), p.completionDate(), null));
                } else {
                    QuoteRow row = new QuoteRow(true, q.amount(), q.enterpriseCap(), q.capScope(), q.poolLevel(), "");
                    list.add(Candidate.quoted(p.expertScore(), p.completionDate(), claims(p, row, year, null, null)));
                }
            }
            ledger.rank(e.getKey(), year, list).ranked().forEach(r -> within.put(r.projectId(), r.eligible() && r.aboveLine()));
        }
        return within;
    }

    /** What the rules quoted for an eligible project (null when the rules refuse it or it has no quote yet). */
    public BigDecimal eligibleQuote(long projectId) {
        return quoteOf(projectId).filter(QuoteRow::eligible).map(QuoteRow::amount)
                .filter(a -> a.signum() > 0).orElse(null);
    }

    /** What a reservation did: the amount granted in all (members together) and what the bureau reads of it. */
    public record Reserved(BigDecimal granted, String note) {
    }

    /**
     * Reserves the bureau's proposed amount, which may not exceed the quote; the ledger cuts it to what is left under
     * the enterprise cap (each member's, for a cluster, whose proposal is split by the quoted shares) and refuses it
     * when a paying fund has no budget for the year or cannot pay it whole.
     *
     * @param annualLimitOverride the bureau's written reason to lift Yanzhou's one project a year (原则上), or null
     */
    public Reserved reserve(Project p, BigDecimal proposed, String annualLimitOverride, Actor actor) {
        QuoteRow q = quoteOf(p.id()).orElseThrow(() -> new IllegalStateException("project " + p.id() + " has no quote"));
        if (!q.eligible()) {
            throw new ValidationException("awardDecision", "按奖补规则该项目不予奖补,不能列入拟扶持名单:" + q.note());
        }
        if (proposed.compareTo(q.amount()) > 0) {
            throw new ValidationException("proposedAmount", "拟扶持金额不能超过按奖补规则测算的 " + Money.format(q.amount()));
        }
        List<AwardClaim> claims = claims(p, q, roundYear(p), proposed, annualLimitOverride);
        Reservations r = QuoteRequest.CLUSTER.equals(p.category())
                ? ledger.reserveAll(claims, actor)
                : new Reservations(List.of(new Reservations.Outcome(p.creditCode(),
                        ledger.reserve(claims.get(0), actor).award(), null, null)), List.of());
        BigDecimal granted = r.awards().stream().map(Award::grantedAmount).reduce(Money.ZERO, BigDecimal::add);
        List<String> notes = new ArrayList<>();
        for (Reservations.Outcome o : r.outcomes()) {
            if (o.reserved()) {
                if (o.award().isCut()) {
                    notes.add(o.award().cutReason());
                }
            } else {
                notes.add("企业 " + o.creditCode() + " 未安排:" + o.explanation());
            }
        }
        notes.add(payers.describe(p.jurisdiction(), claims.get(0).payers()));
        if (annualLimitOverride != null && !annualLimitOverride.isBlank()) {
            notes.add("工信局决定不适用“原则上每年只能申报一个项目”:" + annualLimitOverride.strip());
        }
        r.budgets().forEach(b -> notes.add(b.note()));
        return new Reserved(granted, String.join(";", notes));
    }

    /** Records the payment of the project's award; a cluster's members are each paid their granted share. */
    public void paid(long projectId, BigDecimal amount, Actor actor) {
        List<Award> live = liveAwards(projectId);
        if (live.size() == 1) {
            ledger.markPaid(live.get(0).id(), amount, actor);
            return;
        }
        BigDecimal granted = live.stream().map(Award::grantedAmount).reduce(Money.ZERO, BigDecimal::add);
        if (amount == null || Money.round(amount).compareTo(granted) != 0) {
            throw new ValidationException("paidAmount", "共同体项目按成员分别拨付核定金额,拨付金额应等于核定总额 " + Money.format(granted));
        }
        for (Award a : live) {
            ledger.markPaid(a.id(), a.grantedAmount(), actor);
        }
    }

    /** Refuses {@code step} unless the ledger records every award of the project as paid. */
    public void requirePaid(long projectId, String step) {
        List<Award> live = liveAwards(projectId);
        AwardStatus status = live.isEmpty() ? null
                : live.stream().map(Award::status).filter(s -> s != AwardStatus.PAID).findFirst().orElse(AwardStatus.PAID);
        if (status != AwardStatus.PAID) {
            throw new StepRefusedException("项目 " + projectId + " 的奖补资金在台账中"
                    + (status == null ? "没有记录" : "为「" + status.label() + "」(" + status + ")")
                    + ",尚未拨付,不能" + step);
        }
    }

    /** Whether the ledger holds an award of the project that is not cancelled (an upheld objection cancels it). */
    public boolean hasLiveAward(long projectId) {
        return !liveAwards(projectId).isEmpty();
    }

    public void cancel(long projectId, String reason, Actor actor) {
        List<Award> live = liveAwards(projectId);
        if (live.isEmpty()) {
            throw new IllegalStateException("project " + projectId + " has no award in the ledger");
        }
        for (Award a : live) {
            ledger.cancel(a.id(), reason, actor);
        }
    }

    /** Records money recovered; a cluster's recovery is split among its members by what each was paid. */
    public void recovered(long projectId, BigDecimal amount, String reason, Actor actor) {
        List<Award> live = liveAwards(projectId);
        if (live.size() == 1) {
            ledger.recover(live.get(0).id(), amount, reason, actor);
            return;
        }
        List<BigDecimal> parts = AwardCalculator.split(amount, live.stream().map(Award::paidAmount).toList());
        for (int i = 0; i < live.size(); i++) {
            if (parts.get(i).signum() > 0) {
                ledger.recover(live.get(i).id(), parts.get(i), reason, actor);
            }
        }
    }

    private List<Award> liveAwards(long projectId) {
        return ledger.awardsOf(projectId).stream().filter(a -> a.status() != AwardStatus.CANCELLED).toList();
    }

    /**
     * The claims a proposal of {@code amount} (null: the quote) would reserve: one for the project, or one per member
     * of a cluster at its share of the quote (scaled to the amount), each under the cap in the scope the table named.
     */
    private List<AwardClaim> claims(Project p, QuoteRow q, int year, BigDecimal amount, String annualLimitOverride) {
        Policy policy = policyOf(p.jurisdiction());
        List<FundShare> paying = payers.of(p.jurisdiction(), p.unitCode());
        String scope = switch (q.capScope()) {
            case "CATEGORY" -> p.category();
            case "CATEGORY_YEAR" -> p.category() + "/" + year;
            default -> policy.key();
        };
        BigDecimal cap = "NONE".equals(q.capScope()) ? null : q.enterpriseCap();
        String certificate = reported.of(p.id(), year).certificateNo();
        BigDecimal total = amount == null ? q.amount() : amount;
        boolean lead = clusterLead(p, year);
        List<Allocation> members = allocations(p.id());
        if (members.isEmpty()) {
            return List.of(new AwardClaim(p.id(), p.jurisdiction(), p.creditCode(), p.category(), Set.of(p.category()),
                    policy.key(), scope, cap, lead, paying, year, total, certificate, annualLimitOverride));
        }
        List<Allocation> paid = members.stream().filter(m -> m.amount().signum() > 0).toList();
        List<BigDecimal> shares = AwardCalculator.split(total, paid.stream().map(Allocation::amount).toList());
        List<AwardClaim> claims = new ArrayList<>();
        for (int i = 0; i < paid.size(); i++) {
            if (shares.get(i).signum() > 0) {
                String member = paid.get(i).creditCode();
                claims.add(new AwardClaim(p.id(), p.jurisdiction(), member, p.category(), Set.of(p.category()),
                        policy.key(), scope, cap, member.equals(p.creditCode()) && lead, paying, year, shares.get(i),
                        certificate, annualLimitOverride));
            }
        }
        return claims;
    }

    /**
     * 济兖政字〔2020〕14号 五.3: 除强链条壮集群技改奖补牵头企业可申报两个项目外…: the enterprise leads a cluster project
     * (强链条壮集群) of the year when it filed one that is in a round of that year and not rejected.
     */
    private boolean clusterLead(Project p, int year) {
        if (QuoteRequest.CLUSTER.equals(p.category())) {
            return true;
        }
        return jdbc.sql("""
                select count(*) from project pr join review_round r on r.id = pr.round_id
                 where pr.jurisdiction_code = :j and pr.credit_code = :c and pr.category = :cluster
                   and r.round_year = :y and pr.stage <> 'REJECTED'
                """)
                .param("j", p.jurisdiction()).param("c", p.creditCode()).param("cluster", QuoteRequest.CLUSTER)
                .param("y", year).query(Long.class).single() > 0;
    }

    QuoteRequest request(Project p) {
        int year = roundYear(p);
        // 当年投资完成 (Jiyuan TECH_RETROFIT): the investment completed in the calendar year the project was completed
        // and went into production, the last year of its investment; the round of the following November awards it.
        ProjectFigures f = reported.of(p.id(), p.completionDate() == null ? year : p.completionDate().getYear());
        Map<Figure, BigDecimal> figures = new EnumMap<>(Figure.class);
        figures.put(Figure.TOTAL_INVESTMENT, p.actualTotalInvestment());
        figures.put(Figure.EQUIPMENT_INVESTMENT, f.equipmentInvestment() != null ? f.equipmentInvestment()
                : p.actualEquipmentInvestment());
        figures.put(Figure.RD_INVESTMENT, p.actualRdInvestment());
        // 按照项目贷款实际发生额 (000 三(一)): the loan drawn as the completion report recorded it, never the planned loan.
        figures.put(Figure.LOAN_AMOUNT, f.loanDrawn());
        figures.put(Figure.COMPLETED_INVESTMENT_THIS_YEAR, f.investmentCompletedInYear());
        figures.put(Figure.ROBOT_INVESTMENT, f.robotInvestment());
        figures.put(Figure.INFORMATIZATION_INVESTMENT, f.informatizationInvestment());
        figures.put(Figure.NATIONAL_FUNDING, f.nationalFunding());
        figures.put(Figure.PURCHASE_PRICE, f.purchasePrice());
        List<ClusterMember> members = f.clusterMembers().stream()
                .map(m -> new ClusterMember(m.name(), m.equipmentInvestment(), m.sme(), m.creditCode(), m.mujuanClass(),
                        m.echelonListed())).toList();
        List<OtherFunding> funding = f.otherFunding().stream()
                .map(o -> new OtherFunding(o.level(), o.source(), o.document(), o.amount())).toList();
        return new QuoteRequest(p.jurisdiction(), p.category(), applicationDate(p), figures, f.mujuanClass(),
                f.echelonListed(), f.superiorFunded(), f.certificationLevel(), p.expertScore(),
                // The recommending unit is the county-level unit whose annual scheme applies (Huanggang); tables
                // without county rules do not read it.
                p.unitCode(), members, f.certificateNo(), f.certificateDate(), f.localMade(), f.listingYear(),
                f.productionStartDate(), funding, p.creditCode(), p.completionDate(), year);
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

    record QuoteRow(boolean eligible, BigDecimal amount, BigDecimal enterpriseCap, String capScope, String poolLevel,
                    String note) {
    }

    private Optional<QuoteRow> quoteOf(long projectId) {
        return jdbc.sql("select * from project_award where project_id = :p").param("p", projectId)
                .query((rs, i) -> new QuoteRow(rs.getBoolean("eligible"), rs.getBigDecimal("quoted_amount"),
                        rs.getBigDecimal("enterprise_cap"), rs.getString("cap_scope"), rs.getString("pool_level"),
                        rs.getString("quote_note")))
                .optional();
    }

    record Allocation(String creditCode, BigDecimal amount) {
    }

    /** A cluster's member shares as quoted, by credit code (the ledger's order); empty for any other project. */
    private List<Allocation> allocations(long projectId) {
        return jdbc.sql("select credit_code, amount from project_award_allocation where project_id = :p order by credit_code")
                .param("p", projectId).query((rs, i) -> new Allocation(rs.getString(1), rs.getBigDecimal(2))).list();
    }

    record Policy(String key) {
    }

    private Policy policyOf(String jurisdiction) {
        return jdbc.sql("select policy_key from award_policy where jurisdiction_code = :j")
                .param("j", jurisdiction).query((rs, i) -> new Policy(rs.getString(1))).single();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
