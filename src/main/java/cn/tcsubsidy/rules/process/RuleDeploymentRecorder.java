package cn.tcsubsidy.rules.process;

import cn.tcsubsidy.rules.domain.RuleChange;
import cn.tcsubsidy.rules.domain.RuleDeploymentLog;
import cn.tcsubsidy.rules.domain.RuleDeploymentLog.DeployedTable;
import cn.tcsubsidy.shared.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionManager;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Records every new deployment that creates decision tables of a jurisdiction (tenant), from any path, as a row of
 * the rule deployment log: who deployed it (the command's signed-in user, or {@code system}), the tables and versions
 * it created, and the readable changes of each table against the version of the same key and tenant that was the
 * latest before it (read from the engine's stored resources of that version). A post-deployer: it runs after the
 * engine parsed the tables and gave them their versions, inside the deployment's command, and the log is written in
 * the deployment's own transaction (the engine and the app share the Spring data source transaction): a deployment
 * that fails leaves no row, a row cannot exist without its deployment. The engine also runs its deployers when it
 * reloads a deployment into its cache; only a new deployment is recorded.
 */
public class RuleDeploymentRecorder implements Deployer {

    private final Supplier<RuleDeploymentLog> log;

    /** {@code log} is asked for at the first deployment (the engine is built before the application's beans). */
    public RuleDeploymentRecorder(Supplier<RuleDeploymentLog> log) {
        this.log = log;
    }

    /** The recorder over the application's log, asked for lazily from {@code context}. */
    public static RuleDeploymentRecorder of(org.springframework.context.ApplicationContext context) {
        return new RuleDeploymentRecorder(() -> context.getBean(RuleDeploymentLog.class));
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getTenantId() == null) {
            return;
        }
        List<DecisionDefinitionEntity> definitions = deployment.getDeployedArtifacts(DecisionDefinitionEntity.class);
        if (definitions == null || definitions.isEmpty()) {
            return;
        }
        CommandContext ctx = Context.getCommandContext();
        String tenant = deployment.getTenantId();
        String user = ctx == null || ctx.getAuthenticatedUserId() == null ? Actor.SYSTEM : ctx.getAuthenticatedUserId();
        List<DecisionDefinitionEntity> sorted = definitions.stream()
                .sorted(Comparator.comparing(DecisionDefinitionEntity::getResourceName)
                        .thenComparing(DecisionDefinitionEntity::getKey)).toList();
        List<DeployedTable> tables = sorted.stream().map(d -> new DeployedTable(d.getKey(), d.getVersion(),
                d.getResourceName(), d.getId())).toList();
        List<RuleChange> diff = ctx.runWithoutAuthorization(() -> diff(ctx, deployment, tenant, sorted));
        Instant at = deployment.getDeploymentTime() != null ? deployment.getDeploymentTime().toInstant()
                : ClockUtil.getCurrentTime().toInstant();
        log.get().record(new RuleDeploymentLog.Entry(deployment.getId(), tenant, deployment.getName(),
                deployment.getSource(), at, user, tables, diff));
    }

    /**
     * For each DMN file of the deployment: its decisions grouped by the stored file of their previous latest version
     * (a key without one is new), and the changes of that file's decisions against that file.
     */
    private static List<RuleChange> diff(CommandContext ctx, DeploymentEntity deployment, String tenant,
                                         List<DecisionDefinitionEntity> definitions) {
        DecisionDefinitionManager manager = ctx.getDecisionDefinitionManager();
        Set<String> deployedKeys = new LinkedHashSet<>();
        definitions.forEach(d -> deployedKeys.add(d.getKey()));
        Map<String, List<DecisionDefinitionEntity>> byResource = new LinkedHashMap<>();
        definitions.forEach(d -> byResource.computeIfAbsent(d.getResourceName(), k -> new ArrayList<>()).add(d));
        Map<List<String>, byte[]> stored = new HashMap<>();
        List<RuleChange> changes = new ArrayList<>();
        for (Map.Entry<String, List<DecisionDefinitionEntity>> file : byResource.entrySet()) {
            ResourceEntity resource = deployment.getResource(file.getKey());
            byte[] now = resource == null ? null : resource.getBytes();
            // previous file (deployment id, resource name), or an empty list for keys without a previous version
            Map<List<String>, Set<String>> keysByPrevious = new LinkedHashMap<>();
            for (DecisionDefinitionEntity d : file.getValue()) {
                String previousId = manager.findPreviousDecisionDefinitionId(d.getKey(), d.getVersion(), tenant);
                DecisionDefinitionEntity previous = previousId == null ? null : manager.findDecisionDefinitionById(previousId);
                List<String> where = previous == null ? List.of()
                        : List.of(previous.getDeploymentId(), previous.getResourceName());
                keysByPrevious.computeIfAbsent(where, k -> new LinkedHashSet<>()).add(d.getKey());
            }
            for (Map.Entry<List<String>, Set<String>> group : keysByPrevious.entrySet()) {
                byte[] before = group.getKey().isEmpty() ? null : stored.computeIfAbsent(group.getKey(), where -> {
                    ResourceEntity r = ctx.getResourceManager()
                            .findResourceByDeploymentIdAndResourceName(where.get(0), where.get(1));
                    return r == null ? null : r.getBytes();
                });
                for (RuleChange c : cn.tcsubsidy.rules.domain.RuleDiff.between(before, now, tenant)) {
                    boolean ofThisGroup = group.getValue().contains(c.table());
                    boolean droppedFromTheFile = RuleChange.DECISION_REMOVED.equals(c.kind())
                            && !deployedKeys.contains(c.table());
                    if (ofThisGroup || droppedFromTheFile) {
                        changes.add(c);
                    }
                }
            }
        }
        return changes.stream().distinct().filter(Objects::nonNull).toList();
    }
}
