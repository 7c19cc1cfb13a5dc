package cn.tcsubsidy.panel.process;

import cn.tcsubsidy.engine.RuleEvaluator;
import cn.tcsubsidy.panel.domain.ConsensusRule;
import cn.tcsubsidy.panel.domain.Criterion;
import cn.tcsubsidy.panel.domain.MemberKind;
import cn.tcsubsidy.panel.domain.PanelComposition;
import cn.tcsubsidy.panel.domain.PanelRule;
import cn.tcsubsidy.panel.domain.PanelRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Asks a jurisdiction's panel tables ({@code dmn/<tenant>/<tenant>-panel.dmn}) through Camunda's DecisionService,
 * the latest version of each, as the rule evaluator (like {@link CamundaAwardRules}: the tables are public rules,
 * read by whoever runs the draw or the aggregation), restoring the caller's authentication afterwards.
 */
@Component
public class CamundaPanelRules implements PanelRules {

    public static final String PANEL_SIZE = "tc-panel-size";
    public static final String SCORE_CRITERIA = "tc-score-criteria";
    public static final String PANEL_CONSENSUS = "tc-panel-consensus";

    /** The tables' variable names (inputs and outputs). */
    public static final class Var {
        public static final String TOTAL_INVESTMENT = "totalInvestment";
        public static final String CATEGORY = "category";
        public static final String SIZE = "size";
        public static final String MIN_NON_EXPERTS = "minNonExperts";
        public static final String RESERVES = "reserves";
        public static final String DUE_WORKING_DAYS = "dueWorkingDays";
        public static final String KEY = "key";
        public static final String LABEL = "label";
        public static final String MAX_SCORE = "maxScore";
        public static final String WEIGHT = "weight";
        public static final String SPREAD_THRESHOLD = "spreadThreshold";
        public static final String TRIM_AT_LEAST = "trimAtLeast";
        public static final String PASS_SCORE = "passScore";
        /** The per-kind minimum outputs of tc-panel-size. */
        public static final Map<MemberKind, String> MINIMUM = Map.of(
                MemberKind.EXPERT, "minExperts",
                MemberKind.ENTREPRENEUR, "minEntrepreneurs",
                MemberKind.THIRD_PARTY, "minThirdParty",
                MemberKind.DEPARTMENT_HEAD, "minDepartmentHeads");

        private Var() {
        }
    }

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final IdentityService identity;

    public CamundaPanelRules(DecisionService decisions, RepositoryService repository, IdentityService identity) {
        this.decisions = decisions;
        this.repository = repository;
        this.identity = identity;
    }

    /** The panel rule for a project (size, per-kind minimums, reserves, due days); see {@link #composition}. */
    public PanelRule rule(String jurisdiction, BigDecimal totalInvestment, String category) {
        return composition(jurisdiction, totalInvestment, category).rule();
    }

    /** The panel rule for a project with the least number of non-experts ({@code minNonExperts}). */
    @Override
    public PanelComposition composition(String jurisdiction, BigDecimal totalInvestment, String category) {
        if (totalInvestment == null || totalInvestment.signum() < 0) {
            throw new IllegalArgumentException("panel size needs the project's total investment, not " + totalInvestment);
        }
        DmnDecisionResultEntries out = asEvaluator(jurisdiction, () -> evaluate(PANEL_SIZE, jurisdiction,
                Variables.createVariables().putValue(Var.TOTAL_INVESTMENT, totalInvestment)
                        .putValue(Var.CATEGORY, category))).getSingleResult();
        if (out == null) {
            throw new IllegalStateException(PANEL_SIZE + " of tenant " + jurisdiction + " matched no rule for "
                    + totalInvestment + " / " + category);
        }
        Map<MemberKind, Integer> minimum = new EnumMap<>(MemberKind.class);
        Var.MINIMUM.forEach((kind, name) -> minimum.put(kind, integer(out, name)));
        PanelRule rule = new PanelRule(integer(out, Var.SIZE), minimum, integer(out, Var.MIN_NON_EXPERTS),
                integer(out, Var.RESERVES), integer(out, Var.DUE_WORKING_DAYS));
        return new PanelComposition(rule, rule.minNonExperts());
    }

    /** The scoring criteria in the table's rule order; their weights sum to 1. */
    @Override
    public List<Criterion> criteria(String jurisdiction) {
        DmnDecisionResult result = asEvaluator(jurisdiction,
                () -> evaluate(SCORE_CRITERIA, jurisdiction, Variables.createVariables()));
        List<Criterion> criteria = new ArrayList<>();
        for (DmnDecisionResultEntries row : result) {
            criteria.add(new Criterion((String) row.get(Var.KEY), (String) row.get(Var.LABEL),
                    decimal(row, Var.MAX_SCORE), decimal(row, Var.WEIGHT)));
        }
        return Criterion.checkedSet(criteria);
    }

    @Override
    public ConsensusRule consensus(String jurisdiction) {
        DmnDecisionResultEntries out = asEvaluator(jurisdiction,
                () -> evaluate(PANEL_CONSENSUS, jurisdiction, Variables.createVariables())).getSingleResult();
        if (out == null) {
            throw new IllegalStateException(PANEL_CONSENSUS + " of tenant " + jurisdiction + " matched no rule");
        }
        return new ConsensusRule(decimal(out, Var.SPREAD_THRESHOLD), integer(out, Var.TRIM_AT_LEAST),
                decimal(out, Var.PASS_SCORE));
    }

    private DmnDecisionResult evaluate(String key, String tenant, VariableMap variables) {
        DecisionDefinition table = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .tenantIdIn(tenant).latestVersion().singleResult();
        if (table == null) {
            throw new IllegalStateException("no decision " + key + " deployed for tenant " + tenant);
        }
        return decisions.evaluateDecisionByKey(key).decisionDefinitionTenantId(tenant).version(table.getVersion())
                .variables(variables).evaluate();
    }

    private <T> T asEvaluator(String tenant, Supplier<T> work) {
        return RuleEvaluator.run(identity, tenant, work);
    }

    private static int integer(DmnDecisionResultEntries out, String name) {
        Object v = out.get(name);
        if (!(v instanceof Number n)) {
            throw new IllegalStateException("panel table output " + name + " is not a number: " + v);
        }
        return n.intValue();
    }

    private static BigDecimal decimal(DmnDecisionResultEntries out, String name) {
        BigDecimal v = RuleEvaluator.decimal(out.get(name));
        if (v == null) {
            throw new IllegalStateException("panel table output " + name + " is not a number: null");
        }
        return v;
    }
}
