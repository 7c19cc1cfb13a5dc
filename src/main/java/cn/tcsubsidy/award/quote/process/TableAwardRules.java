package cn.tcsubsidy.award.quote.process;

import cn.tcsubsidy.award.quote.AwardRules;
import cn.tcsubsidy.award.quote.AwardTerms;
import cn.tcsubsidy.award.quote.DecisionRef;
import cn.tcsubsidy.award.quote.Figure;
import cn.tcsubsidy.award.quote.OtherFunding;
import cn.tcsubsidy.award.quote.QuoteContext;
import cn.tcsubsidy.award.quote.QuoteRequest;
import cn.tcsubsidy.award.quote.TcAwardDecision.In;
import cn.tcsubsidy.award.quote.TcAwardDecision.Out;
import cn.tcsubsidy.award.quote.TcAwardDecision;
import cn.tcsubsidy.award.scheme.domain.SchemeTerms;
import cn.tcsubsidy.engine.RuleEvaluator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The jurisdiction's tables asked about one request, from a {@link DecisionSource}: tc-pool-entry for the pool level,
 * lpr-1y for a loan-interest subsidy on the LPR date (Camunda 7 has no decision requirements across files, so the
 * rate is passed in), then tc-award, pinned to the version reported back; where tc-award says its rate is a ceiling
 * (scoredRate) and the tenant has tc-rate-by-score, that table with the expert score. The deployed tables quote
 * every real award ({@link CamundaAwardRules}); candidate tables over them preview a rule change.
 */
public final class TableAwardRules implements AwardRules {

    private final DecisionSource tables;

    public TableAwardRules(DecisionSource tables) {
        this.tables = tables;
    }

    @Override
    public AwardTerms decide(QuoteRequest r, QuoteContext context) {
        return evaluate(r, context);
    }

    private AwardTerms evaluate(QuoteRequest r, QuoteContext context) {
        String poolLevel = poolLevel(r);
        BigDecimal lpr = TcAwardDecision.LOAN_INTEREST.equals(r.category()) ? lpr(r.jurisdiction(), context.lprDate()) : null;
        return decide(r, context, poolLevel, lpr);
    }

    /**
     * tc-award (and tc-rate-by-score where the rate is a ceiling) for a request whose pool level and LPR are already
     * known: the guardrails try a candidate tc-award on its own, over cases that state both.
     */
    public AwardTerms decide(QuoteRequest r, QuoteContext context, String poolLevel, BigDecimal lpr) {
        String tenant = r.jurisdiction();
        DecisionRef table = tables.latest(TcAwardDecision.KEY, tenant);
        if (table == null) {
            throw new IllegalStateException("no decision " + TcAwardDecision.KEY + " deployed for tenant " + tenant);
        }
        VariableMap vars = variables(r, context);
        vars.putValue(In.POOL_LEVEL, poolLevel);
        vars.putValue(In.LPR, lpr);
        DmnDecisionResultEntries out = tables.evaluate(table, vars).getSingleResult();
        if (out == null) {
            throw new IllegalStateException("decision " + TcAwardDecision.KEY + " of tenant " + tenant + " matched no rule");
        }
        boolean eligible = Boolean.TRUE.equals(out.get(Out.ELIGIBLE));
        boolean scoredRate = Boolean.TRUE.equals(out.get(Out.SCORED_RATE));
        DecisionRef byScore = eligible && scoredRate ? tables.latest(TcAwardDecision.RATE_BY_SCORE_KEY, tenant) : null;
        BigDecimal scoreRate = byScore == null ? null : rateByScore(byScore, r);
        return terms(out, poolLevel, table, scoreRate, byScore);
    }

    /**
     * tc-award's answer as terms: eligibility, reasons, rate, base, fixed amount, caps and their scope, basis; with the
     * pool level and the tc-rate-by-score rate the caller worked out (both may be null).
     */
    public static AwardTerms terms(DmnDecisionResultEntries out, String poolLevel, DecisionRef table,
                                   BigDecimal scoreRate, DecisionRef byScore) {
        Object capScope = out.get(Out.CAP_SCOPE);
        return new AwardTerms(Boolean.TRUE.equals(out.get(Out.ELIGIBLE)), strings(out.get(Out.REASONS)),
                RuleEvaluator.decimal(out.get(Out.RATE)), figures(out.get(Out.BASE_FIELDS)),
                RuleEvaluator.decimal(out.get(Out.FIXED_AMOUNT)), RuleEvaluator.decimal(out.get(Out.PROJECT_CAP)),
                RuleEvaluator.decimal(out.get(Out.ENTERPRISE_CAP)), (String) out.get(Out.BASIS), poolLevel, table,
                capScope == null ? null : String.valueOf(capScope), Boolean.TRUE.equals(out.get(Out.SCORED_RATE)),
                scoreRate, byScore);
    }

    /** tc-rate-by-score, pinned to the version reported back: the rate within the ceiling for the final score. */
    private BigDecimal rateByScore(DecisionRef table, QuoteRequest r) {
        DmnDecisionResultEntries out = tables.evaluate(table, Variables.createVariables()
                .putValue(In.CATEGORY, r.category()).putValue(In.FINAL_SCORE, r.expertScore())).getFirstResult();
        return out == null ? null : RuleEvaluator.decimal(out.get(Out.SCORE_RATE));
    }

    /**
     * The request as the tables' variables (the contract in {@link TcAwardDecision.In}): every figure (zero when
     * absent), the enterprise's standing, the evidence, the other funding per level, the dates and award year the
     * quote service chose and the active annual scheme.
     */
    public static VariableMap variables(QuoteRequest r, QuoteContext c) {
        SchemeTerms scheme = c.scheme();
        VariableMap vars = Variables.createVariables()
                .putValue(In.CATEGORY, r.category())
                .putValue(In.APPLICATION_DATE, iso(r.applicationDate()))
                .putValue(In.POLICY_DATE, iso(c.policyDate()))
                .putValue(In.AWARD_YEAR, c.awardYear())
                .putValue(In.SME_EQUIPMENT_INVESTMENT, r.membersEquipment(true))
                .putValue(In.MUJUAN_CLASS, r.mujuanClass())
                .putValue(In.ECHELON_LISTED, r.echelonListed())
                .putValue(In.CERTIFICATION_LEVEL, r.certificationLevel())
                .putValue(In.EXPERT_SCORE, r.expertScore())
                .putValue(In.COUNTY, r.county())
                .putValue(In.CERTIFICATE_NO, r.certificateNo())
                .putValue(In.CERTIFICATE_DATE, iso(r.certificateDate()))
                .putValue(In.LOCAL_MADE, r.localMade())
                .putValue(In.LISTING_YEAR, r.listingYear())
                .putValue(In.PRODUCTION_START_DATE, iso(r.productionStartDate()))
                .putValue(In.OTHER_FUNDING_COUNTY, r.otherFunding(OtherFunding.COUNTY))
                .putValue(In.OTHER_FUNDING_CITY, r.otherFunding(OtherFunding.CITY))
                .putValue(In.OTHER_FUNDING_PROVINCE, r.otherFunding(OtherFunding.PROVINCE))
                .putValue(In.OTHER_FUNDING_NATIONAL, r.otherFunding(OtherFunding.NATIONAL))
                .putValue(In.SCHEME_RATE, scheme == null ? null : scheme.rate())
                .putValue(In.SCHEME_PROJECT_CAP, scheme == null ? null : scheme.projectCap())
                .putValue(In.SCHEME_ENTERPRISE_CAP, scheme == null ? null : scheme.enterpriseCap())
                .putValue(In.SCHEME_DOCUMENT, scheme == null ? null : scheme.document())
                .putValue(In.SCHEME_SAMPLE, scheme != null && scheme.sample());
        for (Figure f : Figure.values()) {
            vars.putValue(f.key(), r.figure(f));
        }
        return vars;
    }

    private static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private String poolLevel(QuoteRequest r) {
        DecisionRef table = tables.latest(TcAwardDecision.POOL_ENTRY_KEY, r.jurisdiction());
        if (table == null) {
            return null;
        }
        DmnDecisionResultEntries out = tables.evaluate(table, Variables.createVariables()
                .putValue(In.PLANNED_TOTAL_INVESTMENT, r.figure(Figure.TOTAL_INVESTMENT))).getSingleResult();
        Object level = out == null ? null : out.get(Out.POOL_LEVEL);
        return level instanceof String s && !s.isBlank() ? s : null;
    }

    /** The LPR in force on {@code date} (lpr-1y's input keeps its name applicationDate). */
    private BigDecimal lpr(String tenant, LocalDate date) {
        DecisionRef table = date == null ? null : tables.latest(TcAwardDecision.LPR_KEY, tenant);
        if (table == null) {
            return null;
        }
        DmnDecisionResult result = tables.evaluate(table, Variables.createVariables()
                .putValue(In.APPLICATION_DATE, date.toString()));
        DmnDecisionResultEntries out = result.getFirstResult();
        return out == null ? null : RuleEvaluator.decimal(out.get(Out.LPR));
    }

    private static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof Iterable<?> items) {
            items.forEach(i -> out.add(String.valueOf(i)));
        } else if (v != null) {
            out.add(String.valueOf(v));
        }
        return out;
    }

    /** The base as the table names it, e.g. {@code equipmentInvestment + rdInvestment}. */
    private static List<Figure> figures(Object v) {
        if (v == null || String.valueOf(v).isBlank()) {
            return List.of();
        }
        List<Figure> out = new ArrayList<>();
        for (String name : String.valueOf(v).split("\\+")) {
            Figure f = Figure.byKey(name.trim());
            if (f == null) {
                throw new IllegalStateException("tc-award names an unknown figure in baseFields: " + name.trim());
            }
            out.add(f);
        }
        return out;
    }
}
