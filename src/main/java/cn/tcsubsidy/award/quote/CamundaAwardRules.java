package cn.tcsubsidy.award.quote;

import cn.tcsubsidy.award.quote.TcAwardDecision.In;
import cn.tcsubsidy.award.quote.TcAwardDecision.Out;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Asks the jurisdiction's tables through Camunda's DecisionService: tc-pool-entry for the pool level, lpr-1y for a
 * loan-interest subsidy (Camunda 7 has no decision requirements across files, so the rate is passed in), then the
 * latest tc-award of the tenant, pinned to the version reported back.
 */
@Component
public class CamundaAwardRules implements AwardRules {

    /** Not a user one can sign in as: only authorizations name it (IdentitySetup grants it decision read and evaluate). */
    public static final String RULE_EVALUATOR = "tc-rule-evaluator";

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final IdentityService identity;

    public CamundaAwardRules(DecisionService decisions, RepositoryService repository, IdentityService identity) {
        this.decisions = decisions;
        this.repository = repository;
        this.identity = identity;
    }

    @Override
    public AwardTerms decide(QuoteRequest r) {
        // A quote reads public policy and writes nothing: any signed-in user may ask about any jurisdiction, while
        // the engine would demand CREATE_INSTANCE on the decision and membership of its tenant. The tables are
        // therefore evaluated as the rule evaluator, an identity that may read and evaluate decision tables and
        // nothing else, in the one jurisdiction asked about; the caller's authentication is restored afterwards.
        Authentication caller = identity.getCurrentAuthentication();
        identity.setAuthentication(RULE_EVALUATOR, List.of(), List.of(r.jurisdiction()));
        try {
            return evaluate(r);
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            } else {
                identity.clearAuthentication();
            }
        }
    }

    private AwardTerms evaluate(QuoteRequest r) {
        String tenant = r.jurisdiction();
        String poolLevel = poolLevel(r);
        BigDecimal lpr = TcAwardDecision.LOAN_INTEREST.equals(r.category()) ? lpr(r) : null;

        DecisionDefinition table = latest(TcAwardDecision.KEY, tenant);
        if (table == null) {
            throw new IllegalStateException("no decision " + TcAwardDecision.KEY + " deployed for tenant " + tenant);
        }
        VariableMap vars = variables(r);
        vars.putValue(In.POOL_LEVEL, poolLevel);
        vars.putValue(In.LPR, lpr);
        DmnDecisionResultEntries out = decisions.evaluateDecisionByKey(TcAwardDecision.KEY)
                .decisionDefinitionTenantId(tenant).version(table.getVersion())
                .variables(vars).evaluate().getSingleResult();
        if (out == null) {
            throw new IllegalStateException("decision " + TcAwardDecision.KEY + " of tenant " + tenant + " matched no rule");
        }
        return new AwardTerms(Boolean.TRUE.equals(out.get(Out.ELIGIBLE)), strings(out.get(Out.REASONS)),
                decimal(out.get(Out.RATE)), figures(out.get(Out.BASE_FIELDS)),
                decimal(out.get(Out.FIXED_AMOUNT)), decimal(out.get(Out.PROJECT_CAP)),
                decimal(out.get(Out.ENTERPRISE_CAP)), (String) out.get(Out.BASIS), poolLevel,
                new DecisionRef(table.getKey(), table.getVersion(), table.getTenantId()));
    }

    /** The request as the tables' variables: every figure (zero when absent), the enterprise's standing. */
    private static VariableMap variables(QuoteRequest r) {
        VariableMap vars = Variables.createVariables()
                .putValue(In.CATEGORY, r.category())
                .putValue(In.APPLICATION_DATE, r.applicationDate() == null ? null : r.applicationDate().toString())
                .putValue(In.SME_EQUIPMENT_INVESTMENT, r.membersEquipment(true))
                .putValue(In.MUJUAN_CLASS, r.mujuanClass())
                .putValue(In.ECHELON_LISTED, r.echelonListed())
                .putValue(In.SUPERIOR_FUNDED, r.superiorFunded())
                .putValue(In.CERTIFICATION_LEVEL, r.certificationLevel())
                .putValue(In.EXPERT_SCORE, r.expertScore())
                .putValue(In.COUNTY, r.county());
        for (Figure f : Figure.values()) {
            vars.putValue(f.key(), r.figure(f));
        }
        return vars;
    }

    private String poolLevel(QuoteRequest r) {
        if (latest(TcAwardDecision.POOL_ENTRY_KEY, r.jurisdiction()) == null) {
            return null;
        }
        DmnDecisionResultEntries out = decisions.evaluateDecisionByKey(TcAwardDecision.POOL_ENTRY_KEY)
                .decisionDefinitionTenantId(r.jurisdiction())
                .variables(Variables.createVariables()
                        .putValue(In.PLANNED_TOTAL_INVESTMENT, r.figure(Figure.TOTAL_INVESTMENT)))
                .evaluate().getSingleResult();
        Object level = out == null ? null : out.get(Out.POOL_LEVEL);
        return level instanceof String s && !s.isBlank() ? s : null;
    }

    private BigDecimal lpr(QuoteRequest r) {
        if (r.applicationDate() == null || latest(TcAwardDecision.LPR_KEY, r.jurisdiction()) == null) {
            return null;
        }
        DmnDecisionResult result = decisions.evaluateDecisionByKey(TcAwardDecision.LPR_KEY)
                .decisionDefinitionTenantId(r.jurisdiction())
                .variables(Variables.createVariables().putValue(In.APPLICATION_DATE, r.applicationDate().toString()))
                .evaluate();
        DmnDecisionResultEntries out = result.getFirstResult();
        return out == null ? null : decimal(out.get(Out.LPR));
    }

    private DecisionDefinition latest(String key, String tenant) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).tenantIdIn(tenant)
                .latestVersion().singleResult();
    }

    /** FEEL hands back whole numbers as Long and others as Double; Double's shortest text is the table's decimal. */
    private static BigDecimal decimal(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        throw new IllegalStateException("table output is not a number: " + v);
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
