package cn.tcsubsidy.award.quote.process;

import cn.tcsubsidy.award.quote.DecisionRef;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;

/** The tables deployed in the engine: the latest version of each key and tenant, evaluated pinned to that version. */
public final class DeployedDecisions implements DecisionSource {

    private final DecisionService decisions;
    private final RepositoryService repository;

    public DeployedDecisions(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    @Override
    public DecisionRef latest(String key, String tenant) {
        DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).tenantIdIn(tenant)
                .latestVersion().singleResult();
        return d == null ? null : new DecisionRef(d.getKey(), d.getVersion(), d.getTenantId());
    }

    @Override
    public DmnDecisionResult evaluate(DecisionRef table, VariableMap variables) {
        return decisions.evaluateDecisionByKey(table.key()).decisionDefinitionTenantId(table.tenant())
                .version(table.version()).variables(variables).evaluate();
    }
}
