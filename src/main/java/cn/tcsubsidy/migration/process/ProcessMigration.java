package cn.tcsubsidy.migration.process;

import cn.tcsubsidy.engine.Tenants;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.springframework.stereotype.Component;

/**
 * Moves the running instances of an older version of {@code tc-project} or {@code tc-annual-round} onto the
 * latest one (projects run for years; a model change must not leave them on a version nobody tests any more).
 * <p>
 * The plan is Camunda's: {@code mapEqualActivities()} plus the renames of {@link ModelChanges}, validated by the
 * engine. Before anything moves, every activity an instance stands at must be mapped or be a known retired wait state
 * ({@link ModelChanges.Retired}); otherwise the whole migration is refused and the activities are named. Event
 * triggers are kept (no {@code updateEventTriggers()}): a recomputed timer would move a running progress cycle or
 * deadline, and the versions migrated here define the same messages and timers.
 * <p>
 * Instances that need more than the plan are migrated one by one. One standing at a retired wait state is parked
 * at a wait state both versions share (a transaction of its own, marked so a later run can finish it), then
 * migrated and started again at the wait state's replacement in one transaction. One standing at a user task whose
 * new version declares a create listener the old one lacked (the task exists already, the engine will not run it)
 * is migrated and has that listener run in one transaction. The others go at once, synchronously up to {@link #SYNC_LIMIT}
 * instances, else as a batch ({@code executeAsync}) the job executor works off. The engine writes the user-operation
 * log of each step under the signed-in administrator; the caller checks that it is one.
 */
@Component
public class ProcessMigration {

    /** Up to this many instances migrate in the administrator's request; more go as a batch. */
    public static final int SYNC_LIMIT = 100;
    private static final String MI_BODY = "#multiInstanceBody";
    /** Set on an instance parked on its way off a retired wait state; names that wait state. */
    public static final String PARKED_FROM = "migrationParkedFrom";

    private final ProcessEngine engine;

    public ProcessMigration(ProcessEngine engine) {
        this.engine = engine;
    }

    public record Definition(String id, int version) {
    }

    public record Instruction(String from, String to) {
    }

    public record Resumption(String activityId, String name, String via, String resumeAt, String why, long instances) {
    }

    public record ListenerCatchUp(String activityId, List<String> listeners, long instances) {
    }

    /**
     * The plan and what it finds: instances per activity of the source version; when executed, how many moved at
     * once, one by one, and the batch, if any.
     */
    public record Report(String processKey, String tenant, Definition source, Definition target,
                         List<Instruction> instructions, Map<String, Long> instancesPerActivity, long instances,
                         List<Resumption> resumed, List<ListenerCatchUp> listenersRerun, boolean executed,
                         long migratedAtOnce, long migratedOneByOne, String batchId) {
    }

    private record Prepared(Report report, MigrationPlan plan, ModelChanges changes,
                            Map<String, List<String>> newCreateListeners) {
    }

    /** The plan and the instance counts, nothing moved. */
    public Report dryRun(String processKey, String tenant, Integer sourceVersion) {
        return prepare(processKey, tenant, sourceVersion).report();
    }

    public Report execute(String processKey, String tenant, Integer sourceVersion) {
        Prepared p = prepare(processKey, tenant, sourceVersion);
        RuntimeService runtime = engine.getRuntimeService();
        Report r = p.report();
        // Left parked on the target version by an earlier run that failed after its migration: resume them first.
        for (ModelChanges.Retired retired : p.changes().retired()) {
            for (String id : parkedIds(r.target().id(), retired)) {
                inOneTransaction(() -> resume(id, retired));
            }
        }
        Map<String, ModelChanges.Retired> oneByOne = new LinkedHashMap<>();
        for (ListenerCatchUp c : r.listenersRerun()) {
            instanceIdsAt(r.source().id(), c.activityId()).forEach(id -> oneByOne.put(id, null));
        }
        for (ModelChanges.Retired retired : p.changes().retired()) {
            for (String id : instanceIdsAt(r.source().id(), retired.activityId())) {
                park(id, retired);
                oneByOne.put(id, retired);
            }
            parkedIds(r.source().id(), retired).forEach(id -> oneByOne.put(id, retired));
        }
        oneByOne.forEach((id, retired) -> inOneTransaction(() -> {
            runtime.newMigration(p.plan()).processInstanceIds(id).execute();
            rerunCreateListeners(id, p.newCreateListeners());
            if (retired != null) {
                resume(id, retired);
            }
        }));
        List<String> rest = runtime.createProcessInstanceQuery().processDefinitionId(r.source().id()).list().stream()
                .map(ProcessInstance::getId).filter(id -> !oneByOne.containsKey(id)).toList();
        String batchId = null;
        if (rest.size() > SYNC_LIMIT) {
            batchId = runtime.newMigration(p.plan()).processInstanceIds(rest).executeAsync().getId();
        } else if (!rest.isEmpty()) {
            runtime.newMigration(p.plan()).processInstanceIds(rest).execute();
        }
        return new Report(r.processKey(), r.tenant(), r.source(), r.target(), r.instructions(),
                r.instancesPerActivity(), r.instances(), r.resumed(), r.listenersRerun(), true,
                batchId == null ? rest.size() : 0, oneByOne.size(), batchId);
    }

    /**
     * Its own transaction, marked by {@link #PARKED_FROM}: the engine's migration cannot follow a modification in one
     * transaction (it reads the instance's tasks back from the database, the cancelled one included), so a parked
     * instance must be recognisable should the migration after it fail; the next run picks it up.
     */
    private void park(String processInstanceId, ModelChanges.Retired retired) {
        inOneTransaction(() -> {
            engine.getRuntimeService().setVariable(processInstanceId, PARKED_FROM, retired.activityId());
            // Without listeners or mappings: the old task goes, nothing of the old model runs.
            engine.getRuntimeService().createProcessInstanceModification(processInstanceId)
                    .startBeforeActivity(retired.via())
                    .cancelAllForActivity(retired.activityId())
                    .execute(true, true);
        });
    }

    /** The replacement runs as today's model says (its listeners included); then the parking place goes. */
    private void resume(String processInstanceId, ModelChanges.Retired retired) {
        engine.getRuntimeService().createProcessInstanceModification(processInstanceId)
                .startBeforeActivity(retired.resumeAt())
                .cancelAllForActivity(retired.via())
                .execute(false, false);
        engine.getRuntimeService().removeVariable(processInstanceId, PARKED_FROM);
    }

    private List<String> parkedIds(String definitionId, ModelChanges.Retired retired) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(definitionId)
                .variableValueEquals(PARKED_FROM, retired.activityId()).list().stream().map(ProcessInstance::getId)
                .toList();
    }

    /** Engine calls made inside share one command context, hence one transaction. */
    private void inOneTransaction(Runnable work) {
        configuration().getCommandExecutorTxRequired().execute(ctx -> {
            work.run();
            return null;
        });
    }

    private void rerunCreateListeners(String processInstanceId, Map<String, List<String>> listeners) {
        CommandContext ctx = org.camunda.bpm.engine.impl.context.Context.getCommandContext();
        for (TaskEntity task : ctx.getTaskManager().findTasksByProcessInstanceId(processInstanceId)) {
            for (String listener : listeners.getOrDefault(task.getTaskDefinitionKey(), List.of())) {
                Expression expression = ctx.getProcessEngineConfiguration().getExpressionManager()
                        .createExpression(listener.substring(listener.indexOf(':') + 1));
                if (listener.startsWith("delegateExpression:")) {
                    Object delegate = expression.getValue(task);
                    if (!(delegate instanceof TaskListener taskListener)) {
                        throw new IllegalStateException(listener + " is no TaskListener");
                    }
                    taskListener.notify(task);
                } else {
                    expression.getValue(task);
                }
            }
        }
    }

    private Prepared prepare(String processKey, String tenant, Integer sourceVersion) {
        ModelChanges changes = ModelChanges.of(processKey);
        if (changes == null) {
            throw new NotFoundException("流程 " + processKey + " 没有版本迁移方案(可迁移:"
                    + String.join("、", ModelChanges.migratableKeys()) + ")");
        }
        if (changes.perTenant() && (tenant == null || !Tenants.ALL.contains(tenant))) {
            throw new ValidationException("tenant", "流程 " + processKey + " 按辖区部署,请填写辖区(" + String.join("、", Tenants.ALL) + ")");
        }
        if (!changes.perTenant() && tenant != null) {
            throw new ValidationException("tenant", "流程 " + processKey + " 为各辖区共用,不填辖区");
        }
        if (sourceVersion == null || sourceVersion < 1) {
            throw new ValidationException("sourceVersion", "请填写要迁移的源版本号(正整数)");
        }
        ProcessDefinition source = definitions(processKey, tenant).processDefinitionVersion(sourceVersion).singleResult();
        if (source == null) {
            throw new ValidationException("sourceVersion", "流程 " + processKey + " 没有版本 " + sourceVersion);
        }
        ProcessDefinition target = definitions(processKey, tenant).latestVersion().singleResult();
        if (target.getVersion() <= source.getVersion()) {
            throw new ValidationException("sourceVersion", "版本 " + sourceVersion + " 已是最新版本,无需迁移");
        }
        RepositoryService repository = engine.getRepositoryService();
        BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
        BpmnModelInstance targetModel = repository.getBpmnModelInstance(target.getId());

        MigrationPlanBuilder builder = engine.getRuntimeService()
                .createMigrationPlan(source.getId(), target.getId()).mapEqualActivities();
        for (Map.Entry<String, String> rename : changes.renamed().entrySet()) {
            builder = builder.mapActivities(rename.getKey(), rename.getValue());
        }
        MigrationPlan plan;
        try {
            plan = builder.build();
        } catch (MigrationPlanValidationException e) {
            throw new ValidationException("plan", invalidPlan(e, sourceModel, targetModel));
        }
        Map<String, String> mapped = new LinkedHashMap<>();
        for (MigrationInstruction i : plan.getInstructions()) {
            mapped.put(i.getSourceActivityId(), i.getTargetActivityId());
        }

        Map<String, Long> perActivity = new LinkedHashMap<>();
        for (ActivityStatistics s : engine.getManagementService().createActivityStatisticsQuery(source.getId()).list()) {
            perActivity.merge(s.getId(), (long) s.getInstances(), Long::sum);
        }
        List<String> unmapped = new ArrayList<>();
        List<Resumption> resumed = new ArrayList<>();
        for (Map.Entry<String, Long> e : perActivity.entrySet()) {
            String activity = e.getKey().endsWith(MI_BODY)
                    ? e.getKey().substring(0, e.getKey().length() - MI_BODY.length()) : e.getKey();
            ModelChanges.Retired retired = changes.retiredAt(activity);
            if (retired != null) {
                requireParking(retired, mapped, targetModel);
                resumed.add(new Resumption(retired.activityId(), retired.name(), retired.via(), retired.resumeAt(),
                        retired.why(), e.getValue() + parkedIds(source.getId(), retired).size()));
            } else if (!mapped.containsKey(activity)) {
                unmapped.add(label(sourceModel, activity) + " " + e.getValue() + " 个");
            }
        }
        if (!unmapped.isEmpty()) {
            throw new ValidationException("plan", "以下节点在版本 " + target.getVersion() + " 中没有对应节点,停在这里的实例无法迁移:"
                    + String.join("、", unmapped) + "。请先在旧版本中办结,或在迁移方案(ModelChanges)中写明映射");
        }

        Map<String, List<String>> newListeners = new LinkedHashMap<>();
        List<ListenerCatchUp> catchUps = new ArrayList<>();
        for (Map.Entry<String, String> m : mapped.entrySet()) {
            if (sourceModel.getModelElementById(m.getKey()) instanceof UserTask before
                    && targetModel.getModelElementById(m.getValue()) instanceof UserTask after) {
                List<String> added = createListeners(after);
                added.removeAll(createListeners(before));
                long standing = perActivity.getOrDefault(m.getKey(), 0L);
                if (!added.isEmpty() && standing > 0) {
                    newListeners.put(m.getValue(), added);
                    catchUps.add(new ListenerCatchUp(m.getKey(), added, standing));
                }
            }
        }
        long instances = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(source.getId()).count();
        Report report = new Report(processKey, tenant, new Definition(source.getId(), source.getVersion()),
                new Definition(target.getId(), target.getVersion()),
                mapped.entrySet().stream().map(e -> new Instruction(e.getKey(), e.getValue())).toList(),
                perActivity, instances, resumed, catchUps, false, 0, 0, null);
        return new Prepared(report, plan, changes, newListeners);
    }

    /** The parking place must be mapped and the replacement must exist, else the retired line is wrong. */
    private static void requireParking(ModelChanges.Retired r, Map<String, String> mapped, BpmnModelInstance target) {
        if (!r.via().equals(mapped.get(r.via())) || target.getModelElementById(r.resumeAt()) == null) {
            throw new ValidationException("plan", "已撤销节点 " + r.name() + "(" + r.activityId() + ")的迁移方式无效:"
                    + r.via() + " 须在两个版本中都存在," + r.resumeAt() + " 须存在于新版本");
        }
    }

    private static String invalidPlan(MigrationPlanValidationException e, BpmnModelInstance source,
                                      BpmnModelInstance target) {
        List<String> lines = new ArrayList<>();
        for (MigrationInstructionValidationReport r : e.getValidationReport().getInstructionReports()) {
            MigrationInstruction i = r.getMigrationInstruction();
            lines.add(label(source, i.getSourceActivityId()) + " → " + label(target, i.getTargetActivityId())
                    + ":" + String.join(";", r.getFailures()));
        }
        return "迁移计划未通过引擎校验,以下节点无法映射:" + String.join("、", lines);
    }

    private static String label(BpmnModelInstance model, String activityId) {
        FlowElement element = model.getModelElementById(activityId);
        String name = element == null ? null : element.getName();
        return name == null ? activityId : "「" + name + "」(" + activityId + ")";
    }

    /** A user task's create listeners, each as {@code delegateExpression:…}, {@code expression:…} or {@code class:…}. */
    private static List<String> createListeners(UserTask task) {
        List<String> found = new ArrayList<>();
        if (task.getExtensionElements() == null) {
            return found;
        }
        for (CamundaTaskListener l : task.getExtensionElements().getElementsQuery()
                .filterByType(CamundaTaskListener.class).list()) {
            if (!TaskListener.EVENTNAME_CREATE.equals(l.getCamundaEvent())) {
                continue;
            }
            if (l.getCamundaDelegateExpression() != null) {
                found.add("delegateExpression:" + l.getCamundaDelegateExpression());
            } else if (l.getCamundaExpression() != null) {
                found.add("expression:" + l.getCamundaExpression());
            } else {
                throw new ValidationException("plan", "任务 " + task.getId() + " 的创建监听器以类名声明,迁移无法补跑,请改用 delegateExpression");
            }
        }
        return found;
    }

    private List<String> instanceIdsAt(String definitionId, String activityId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(definitionId)
                .activityIdIn(activityId).list().stream().map(ProcessInstance::getId).toList();
    }

    private ProcessDefinitionQuery definitions(String key, String tenant) {
        ProcessDefinitionQuery q = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key);
        return tenant == null ? q.withoutTenantId() : q.tenantIdIn(tenant);
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }
}
