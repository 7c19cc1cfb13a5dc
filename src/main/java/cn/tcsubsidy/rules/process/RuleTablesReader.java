package cn.tcsubsidy.rules.process;

import cn.tcsubsidy.rules.domain.DmnTables;
import cn.tcsubsidy.rules.domain.ReadableTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Component;

/**
 * The decision tables in force in a jurisdiction (the latest version of every decision key of its tenant), read
 * from the engine's stored resources, ordered by file name, then decision key. The caller has checked the reader's role first: the engine reads here as the
 * system (without the user's authorizations, only the tenant named).
 */
@Component
public class RuleTablesReader {

    /** One table in force with the version, deployment and file it comes from. */
    public record TableInForce(ReadableTable table, int version, String deploymentId, Instant deployedAt,
                               String resource) {
    }

    private final ProcessEngine engine;

    public RuleTablesReader(ProcessEngine engine) {
        this.engine = engine;
    }

    public List<TableInForce> inForce(String tenant) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(ctx -> ctx.runWithoutAuthorization(() -> {
            boolean tenantCheck = ctx.getTenantManager().isTenantCheckEnabled();
            ctx.disableTenantCheck();
            try {
                return read(engine.getRepositoryService(), tenant);
            } finally {
                if (tenantCheck) {
                    ctx.enableTenantCheck();
                }
            }
        }));
    }

    /**
     * The deployed file that holds the latest version of the first of {@code keys} the tenant has (the file a
     * candidate replaces), or null when the tenant has none of them.
     */
    public byte[] fileInForce(String tenant, List<String> keys) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(ctx -> ctx.runWithoutAuthorization(() -> {
            boolean tenantCheck = ctx.getTenantManager().isTenantCheckEnabled();
            ctx.disableTenantCheck();
            try {
                RepositoryService repository = engine.getRepositoryService();
                for (String key : keys) {
                    DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                            .tenantIdIn(tenant).latestVersion().singleResult();
                    if (d != null) {
                        try (InputStream in = repository.getResourceAsStream(d.getDeploymentId(), d.getResourceName())) {
                            return in.readAllBytes();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
                return null;
            } finally {
                if (tenantCheck) {
                    ctx.enableTenantCheck();
                }
            }
        }));
    }

    private static List<TableInForce> read(RepositoryService repository, String tenant) {
        List<DecisionDefinition> latest = repository.createDecisionDefinitionQuery().tenantIdIn(tenant)
                .latestVersion().list().stream()
                .filter(d -> tenant.equals(d.getTenantId()))
                .sorted(Comparator.comparing((DecisionDefinition d) -> fileName(d.getResourceName()))
                        .thenComparing(DecisionDefinition::getResourceName)
                        .thenComparing(DecisionDefinition::getKey)).toList();
        Map<List<String>, Map<String, ReadableTable>> files = new HashMap<>();
        Map<String, Instant> deployedAt = new HashMap<>();
        List<TableInForce> tables = new ArrayList<>();
        for (DecisionDefinition d : latest) {
            Map<String, ReadableTable> file = files.computeIfAbsent(List.of(d.getDeploymentId(), d.getResourceName()),
                    k -> parse(repository, k.get(0), k.get(1), tenant));
            ReadableTable table = file.get(d.getKey());
            if (table == null) {
                continue;
            }
            Instant at = deployedAt.computeIfAbsent(d.getDeploymentId(), id -> {
                Deployment deployment = repository.createDeploymentQuery().deploymentId(id).singleResult();
                return deployment == null || deployment.getDeploymentTime() == null ? null
                        : deployment.getDeploymentTime().toInstant();
            });
            tables.add(new TableInForce(table, d.getVersion(), d.getDeploymentId(), at, d.getResourceName()));
        }
        return tables;
    }

    /** {@code dmn/hekou/hekou-award.dmn} and {@code hekou-award.dmn} sort together. */
    private static String fileName(String resource) {
        return resource == null ? "" : resource.substring(resource.lastIndexOf('/') + 1);
    }

    private static Map<String, ReadableTable> parse(RepositoryService repository, String deploymentId,
                                                    String resource, String tenant) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
            Map<String, ReadableTable> byKey = new LinkedHashMap<>();
            DmnTables.read(in.readAllBytes(), tenant).forEach(t -> byKey.putIfAbsent(t.key(), t));
            return byKey;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " of deployment " + deploymentId, e);
        }
    }
}
