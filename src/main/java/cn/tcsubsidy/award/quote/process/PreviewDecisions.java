package cn.tcsubsidy.award.quote.process;

import cn.tcsubsidy.award.quote.DecisionRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The deployed tables for a preview (an enterprise trying figures, the bureau checking, a rule change's what-if over a
 * round): the same definitions a real quote uses, evaluated in this JVM without an engine command each, so without a
 * transaction, a commit and a historic decision instance per table. A real award's quote in the process
 * ({@code Task_QuoteAward}, {@link CamundaAwardRules}) goes through the engine and keeps its decision history: the
 * audit trail is of decisions made, not of every preview.
 *
 * <p>Which version is the latest is asked of the database on every {@link #forTenant snapshot} (one query for all of a
 * tenant's keys), so a table deployed or removed on any node is used by the next preview on every node. The parsed
 * definition is kept per definition id, which never changes its content (a new version is a new id); the engine's
 * deployment cache parses it, with the engine's own DMN transform.
 */
public final class PreviewDecisions {

    private final RepositoryService repository;
    private final DmnEngine dmn;
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    /**
     * @param dmn a DMN engine built like the process engine's own (FEEL only, same functions), without the process
     *            engine's history listeners, which need an engine command around them
     */
    public PreviewDecisions(RepositoryService repository, DmnEngine dmn) {
        this.repository = repository;
        this.dmn = dmn;
    }

    /**
     * The tenant's latest tables as deployed when the snapshot is first asked (one query, under the authentication
     * current then: its read rights on decision definitions); the same versions after that, so that every project of
     * a what-if is quoted under the same tables. A table of another tenant asked of it is looked up on its own.
     */
    public DecisionSource forTenant(String tenant) {
        return new Snapshot(tenant);
    }

    private Map<String, DecisionDefinition> latestOf(String tenant) {
        List<DecisionDefinition> latest = repository.createDecisionDefinitionQuery().tenantIdIn(tenant).latestVersion()
                .list();
        Map<String, DecisionDefinition> byKey = new HashMap<>();
        for (DecisionDefinition d : latest) {
            byKey.put(d.getKey(), d);
        }
        return byKey;
    }

    private DmnDecision decision(DecisionDefinition definition) {
        return parsed.computeIfAbsent(definition.getId(),
                id -> (DmnDecision) repository.getDecisionDefinition(id));
    }

    private final class Snapshot implements DecisionSource {

        private final String tenant;
        private volatile Map<String, DecisionDefinition> latest;

        Snapshot(String tenant) {
            this.tenant = tenant;
        }

        private DecisionDefinition definition(String key, String forTenant) {
            if (!tenant.equals(forTenant)) {
                return latestOf(forTenant).get(key);
            }
            Map<String, DecisionDefinition> l = latest;
            if (l == null) {
                l = latest = latestOf(tenant);
            }
            return l.get(key);
        }

        @Override
        public DecisionRef latest(String key, String forTenant) {
            DecisionDefinition d = definition(key, forTenant);
            return d == null ? null : new DecisionRef(d.getKey(), d.getVersion(), d.getTenantId());
        }

        @Override
        public DmnDecisionResult evaluate(DecisionRef table, VariableMap variables) {
            DecisionDefinition d = definition(table.key(), table.tenant());
            if (d == null || d.getVersion() != table.version()) {
                // Not the version this snapshot reported: the source was asked about a table it did not give.
                throw new IllegalStateException("no decision " + table.key() + " version " + table.version()
                        + " in this snapshot of tenant " + table.tenant());
            }
            return dmn.evaluateDecision(decision(d), variables);
        }
    }
}
