package cn.tcsubsidy.award.quote.process;

import cn.tcsubsidy.award.quote.DecisionRef;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The deployed tables for a preview (an enterprise trying figures, the bureau checking, a rule change's what-if over a
 * round): the same definitions a real quote uses, evaluated in this JVM without an engine command each, so without a
 * transaction, a commit and a historic decision instance per table. A real award's quote in the process
 * ({@code Task_QuoteAward}, {@link CamundaAwardRules}) goes through the engine and keeps its decision history: the
 * audit trail is of decisions made, not of every preview.
 *
 * <p>Which version is the latest is asked of the database on every {@link #forTenant snapshot} (one query for all of a
 * tenant's keys), so a table deployed or removed on any node is used by the next preview on every node. That query is
 * plain SQL on the engine's decision definition table, filtered by the tenant: the engine's own definition query
 * (dynamic SQL built per call, with its authorization and tenant checks) was 22 % of a quote's CPU under load
 * (docs/performance.md §2). The rule evaluator's read right is checked by the engine when a definition is first
 * loaded: the parsed definition is kept per definition id, which never changes its content (a new version is a new
 * id); the engine's deployment cache parses it, with the engine's own DMN transform.
 */
public final class PreviewDecisions {

    /** The latest version of one table: its definition id, key and version. */
    private record Latest(String id, String key, int version) {
    }

    private static final String LATEST = """
            select d.id_, d.key_, d.version_ from act_re_decision_def d
             where d.tenant_id_ = :tenant
               and d.version_ = (select max(v.version_) from act_re_decision_def v
                                  where v.key_ = d.key_ and v.tenant_id_ = :tenant)
            """;

    private final RepositoryService repository;
    private final JdbcClient jdbc;
    private final DmnEngine dmn;
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    /**
     * @param dmn a DMN engine built like the process engine's own (FEEL only, same functions), without the process
     *            engine's history listeners, which need an engine command around them
     */
    public PreviewDecisions(RepositoryService repository, JdbcClient jdbc, DmnEngine dmn) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.dmn = dmn;
    }

    /**
     * The tenant's latest tables as deployed when the snapshot is first asked (one query; a definition the current
     * authentication may not read fails when it is first loaded); the same versions after that, so that every project of
     * a what-if is quoted under the same tables. A table of another tenant is not found (as the engine's tenant check
     * answered the rule evaluator, a member of one tenant).
     */
    public DecisionSource forTenant(String tenant) {
        return new Snapshot(tenant);
    }

    private Map<String, Latest> latestOf(String tenant) {
        Map<String, Latest> byKey = new HashMap<>();
        jdbc.sql(LATEST).param("tenant", tenant)
                .query((rs, i) -> new Latest(rs.getString(1), rs.getString(2), rs.getInt(3))).list()
                .forEach(l -> byKey.put(l.key(), l));
        return byKey;
    }

    private DmnDecision decision(Latest definition) {
        // getDecisionDefinition is an engine command: the current authentication (the rule evaluator) must be allowed
        // to read the definition, or it throws.
        return parsed.computeIfAbsent(definition.id(), id -> (DmnDecision) repository.getDecisionDefinition(id));
    }

    private final class Snapshot implements DecisionSource {

        private final String tenant;
        private volatile Map<String, Latest> latest;

        Snapshot(String tenant) {
            this.tenant = tenant;
        }

        private Latest definition(String key, String forTenant) {
            if (!tenant.equals(forTenant)) {
                // The rule evaluator is a member of this snapshot's tenant only: the engine's tenant check hid every
                // other tenant's tables from it, and so does this.
                return null;
            }
            Map<String, Latest> l = latest;
            if (l == null) {
                l = latest = latestOf(tenant);
            }
            return l.get(key);
        }

        @Override
        public DecisionRef latest(String key, String forTenant) {
            Latest d = definition(key, forTenant);
            return d == null ? null : new DecisionRef(d.key(), d.version(), forTenant);
        }

        @Override
        public DmnDecisionResult evaluate(DecisionRef table, VariableMap variables) {
            Latest d = definition(table.key(), table.tenant());
            if (d == null || d.version() != table.version()) {
                // Not the version this snapshot reported: the source was asked about a table it did not give.
                throw new IllegalStateException("no decision " + table.key() + " version " + table.version()
                        + " in this snapshot of tenant " + table.tenant());
            }
            return dmn.evaluateDecision(decision(d), variables);
        }
    }
}
