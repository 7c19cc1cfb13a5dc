package cn.tcsubsidy.rules.process;

import cn.tcsubsidy.award.quote.DecisionRef;
import cn.tcsubsidy.award.quote.process.DecisionSource;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Candidate tables of one tenant, parsed but not deployed, over the deployed ones: a key the candidate holds is
 * answered by it (reported as the version it would become), any other key by {@code deployed} (null: none).
 * Evaluating a candidate writes no history.
 */
public final class CandidateDecisions implements DecisionSource {

    private final DmnEngine dmn;
    private final String tenant;
    private final Map<String, DmnDecision> candidates;
    private final DecisionSource deployed;

    public CandidateDecisions(DmnEngine dmn, String tenant, Map<String, DmnDecision> candidates, DecisionSource deployed) {
        this.dmn = dmn;
        this.tenant = tenant;
        this.candidates = Map.copyOf(candidates);
        this.deployed = deployed;
    }

    @Override
    public DecisionRef latest(String key, String forTenant) {
        DecisionRef current = deployed == null ? null : deployed.latest(key, forTenant);
        if (tenant.equals(forTenant) && candidates.containsKey(key)) {
            return new DecisionRef(key, current == null ? 1 : current.version() + 1, tenant);
        }
        return current;
    }

    @Override
    public DmnDecisionResult evaluate(DecisionRef table, VariableMap variables) {
        DmnDecision candidate = tenant.equals(table.tenant()) ? candidates.get(table.key()) : null;
        if (candidate != null) {
            return dmn.evaluateDecision(candidate, variables);
        }
        if (deployed == null) {
            throw new IllegalStateException("no table " + table.key() + " among the candidates of " + tenant);
        }
        return deployed.evaluate(table, variables);
    }
}
