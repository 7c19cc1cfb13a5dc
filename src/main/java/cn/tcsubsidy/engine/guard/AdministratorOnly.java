package cn.tcsubsidy.engine.guard;

import java.util.Map;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * Engine commands no business role sends: each would let a caller move a project other than by working the task
 * in front of it (start in the middle, modify, restart, migrate; messages, signals, conditions; run, re-time or
 * delete jobs; raise a BPMN error or escalation on a task; delegate), write or remove variables, change what the
 * engine keeps (history time to live, properties, deletions) or skip the audit trail. The administrator may; every
 * use is recorded. Names are the engine's command classes (7.24); any batch command is the administrator's too.
 */
final class AdministratorOnly {

    private static final Map<String, String> OPERATIONS = Map.ofEntries(
            Map.entry("StartProcessInstanceAtActivitiesCmd", "从流程中间节点启动实例"),
            Map.entry("ModifyProcessInstanceCmd", "修改流程实例(跳转节点)"),
            Map.entry("ModifyProcessInstanceAsyncCmd", "修改流程实例(跳转节点)"),
            Map.entry("ProcessInstanceModificationCmd", "修改流程实例(跳转节点)"),
            Map.entry("RestartProcessInstancesCmd", "重启流程实例"),
            Map.entry("MigrateProcessInstanceCmd", "迁移流程实例"),
            Map.entry("SetProcessDefinitionVersionCmd", "变更流程实例的流程版本"),
            Map.entry("SetExecutionVariablesCmd", "写入流程变量"),
            Map.entry("SetTaskVariablesCmd", "写入任务变量"),
            Map.entry("RemoveExecutionVariablesCmd", "删除流程变量"),
            Map.entry("RemoveTaskVariablesCmd", "删除任务变量"),
            Map.entry("PatchExecutionVariablesCmd", "修改流程变量"),
            Map.entry("PatchTaskVariablesCmd", "修改任务变量"),
            Map.entry("CorrelateMessageCmd", "向流程发送消息"),
            Map.entry("CorrelateAllMessageCmd", "向流程发送消息"),
            Map.entry("MessageEventReceivedCmd", "向流程发送消息"),
            Map.entry("SignalEventReceivedCmd", "向流程发送信号"),
            Map.entry("SignalCmd", "向流程发送信号"),
            Map.entry("EvaluateStartConditionCmd", "按条件启动流程"),
            Map.entry("ExecuteJobsCmd", "手动执行作业(定时器)"),
            Map.entry("SetJobRetriesCmd", "设置作业重试次数"),
            Map.entry("SetJobsRetriesCmd", "设置作业重试次数"),
            Map.entry("SetJobDuedateCmd", "修改作业到期时间"),
            Map.entry("RecalculateJobDuedateCmd", "重算作业到期时间"),
            Map.entry("SetJobPriorityCmd", "设置作业优先级"),
            Map.entry("SetJobDefinitionPriorityCmd", "设置作业优先级"),
            Map.entry("UnlockJobCmd", "解锁作业"),
            Map.entry("ActivateJobCmd", "激活作业"),
            Map.entry("SuspendJobCmd", "挂起作业"),
            Map.entry("ActivateJobDefinitionCmd", "激活作业定义"),
            Map.entry("SuspendJobDefinitionCmd", "挂起作业定义"),
            Map.entry("ActivateProcessInstanceCmd", "激活流程实例"),
            Map.entry("SuspendProcessInstanceCmd", "挂起流程实例"),
            Map.entry("ActivateProcessDefinitionCmd", "激活流程定义"),
            Map.entry("SuspendProcessDefinitionCmd", "挂起流程定义"),
            Map.entry("UpdateProcessInstancesSuspendStateCmd", "挂起或激活流程实例"),
            Map.entry("HandleTaskBpmnErrorCmd", "对任务抛出 BPMN 错误"),
            Map.entry("HandleTaskEscalationCmd", "对任务抛出升级事件"),
            Map.entry("DelegateTaskCmd", "委派任务"),
            Map.entry("ResolveTaskCmd", "办结委派任务"),
            Map.entry("CreateIncidentCmd", "创建事件"),
            Map.entry("ResolveIncidentCmd", "解决事件"),
            Map.entry("SetAnnotationForIncidentCmd", "注释事件"),
            Map.entry("UpdateProcessDefinitionHistoryTimeToLiveCmd", "修改历史保留期"),
            Map.entry("UpdateDecisionDefinitionHistoryTimeToLiveCmd", "修改历史保留期"),
            Map.entry("HistoryCleanupCmd", "清理历史数据"),
            Map.entry("SetPropertyCmd", "修改引擎属性"),
            Map.entry("DeletePropertyCmd", "删除引擎属性"),
            Map.entry("TelemetryConfigureCmd", "配置遥测"),
            Map.entry("SetLicenseKeyCmd", "设置许可证"),
            Map.entry("CompleteExternalTaskCmd", "处理外部任务"),
            Map.entry("FetchExternalTasksCmd", "处理外部任务"),
            Map.entry("LockExternalTaskCmd", "处理外部任务"),
            Map.entry("UnlockExternalTaskCmd", "处理外部任务"),
            Map.entry("ExtendLockOnExternalTaskCmd", "处理外部任务"),
            Map.entry("HandleExternalTaskBpmnErrorCmd", "处理外部任务"),
            Map.entry("HandleExternalTaskFailureCmd", "处理外部任务"),
            Map.entry("SetExternalTaskRetriesCmd", "处理外部任务"),
            Map.entry("SetExternalTasksRetriesCmd", "处理外部任务"),
            Map.entry("SetExternalTaskPriorityCmd", "处理外部任务"));

    /** Deletions a user may still make of what is theirs alone: their own filters and settings. */
    private static final java.util.Set<String> OWN_DELETIONS =
            java.util.Set.of("DeleteFilterCmd", "DeleteUserInfoCmd", "DeleteUserPictureCmd");

    private AdministratorOnly() {
    }

    /** @return the operation in Chinese if only the administrator may send this command, else null */
    static String operation(Command<?> command) {
        String name = command.getClass().getSimpleName();
        String operation = OPERATIONS.get(name);
        if (operation != null) {
            return operation;
        }
        if (name.endsWith("BatchCmd")) {
            return "执行批量操作";
        }
        if (name.startsWith("Delete") && name.endsWith("Cmd") && !OWN_DELETIONS.contains(name)) {
            return "删除(" + name.substring("Delete".length(), name.length() - "Cmd".length()) + ")";
        }
        return null;
    }
}
