package cn.tcsubsidy.rules.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The record of rule deployments (规则表部署记录, tables rule_deployment_log and rule_deployment_table): written
 * once per deployment, in the deployment's transaction, by the engine's post-deployer; read newest first.
 */
@Service
public class RuleDeploymentLog {

    /** A decision table (version) a deployment created. */
    public record DeployedTable(String key, int version, String resource, String decisionDefinitionId) {
    }

    /** One deployment with its tables and its readable changes against the versions in force before it. */
    public record Entry(String deploymentId, String tenant, String deploymentName, String source, Instant deployedAt,
                        String deployedBy, List<DeployedTable> tables, List<RuleChange> diff) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<RuleChange>> CHANGES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    public RuleDeploymentLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Entry e) {
        String diff;
        try {
            diff = JSON.writeValueAsString(e.diff());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write the rule changes of deployment " + e.deploymentId(), ex);
        }
        jdbc.sql("""
                insert into rule_deployment_log (deployment_id, tenant_id, deployment_name, source, deployed_by,
                    deployed_at, diff_json)
                values (:id, :tenant, :name, :source, :by, :at, :diff)""")
                .param("id", e.deploymentId()).param("tenant", e.tenant()).param("name", e.deploymentName())
                .param("source", e.source()).param("by", e.deployedBy())
                .param("at", Timestamp.from(e.deployedAt())).param("diff", diff).update();
        for (DeployedTable t : e.tables()) {
            jdbc.sql("""
                    insert into rule_deployment_table (deployment_id, decision_key, version, resource_name,
                        decision_definition_id)
                    values (:id, :key, :version, :resource, :definition)""")
                    .param("id", e.deploymentId()).param("key", t.key()).param("version", t.version())
                    .param("resource", t.resource()).param("definition", t.decisionDefinitionId()).update();
        }
    }

    /** The deployments of {@code tenant}, newest first, at most {@code limit}. */
    public List<Entry> history(String tenant, int limit) {
        record Row(String deploymentId, String deploymentName, String source, Timestamp deployedAt, String deployedBy,
                   String diff) {
        }
        List<Row> rows = jdbc.sql("""
                select deployment_id, deployment_name, source, deployed_at, deployed_by, diff_json
                from rule_deployment_log where tenant_id = :tenant
                order by deployed_at desc, id desc
                limit :limit""")
                .param("tenant", tenant).param("limit", limit)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4),
                        rs.getString(5), rs.getString(6)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<DeployedTable>> tables = new LinkedHashMap<>();
        jdbc.sql("""
                select t.deployment_id, t.decision_key, t.version, t.resource_name, t.decision_definition_id
                from rule_deployment_table t join rule_deployment_log l on l.deployment_id = t.deployment_id
                where l.tenant_id = :tenant and t.deployment_id in (:ids)
                order by t.resource_name, t.decision_key""")
                .param("tenant", tenant).param("ids", rows.stream().map(Row::deploymentId).toList())
                .query((RowCallbackHandler) rs -> tables.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new DeployedTable(rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5))));
        List<Entry> entries = new ArrayList<>();
        for (Row r : rows) {
            List<RuleChange> diff;
            try {
                diff = JSON.readValue(r.diff(), CHANGES);
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("unreadable rule changes of deployment " + r.deploymentId(), ex);
            }
            entries.add(new Entry(r.deploymentId(), tenant, r.deploymentName(), r.source(),
                    r.deployedAt().toInstant(), r.deployedBy(), tables.getOrDefault(r.deploymentId(), List.of()), diff));
        }
        return entries;
    }
}
