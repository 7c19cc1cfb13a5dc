package cn.tcsubsidy.engine.guard;

import cn.tcsubsidy.shared.Actor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The engine's command layer, where no caller can switch a guard off (listeners can be skipped with
 * {@code skipCustomListeners}). It looks at every command a signed-in user sends from outside the engine — REST,
 * the webapps, the app's own API — before the engine runs it; commands the engine or a delegate runs inside another
 * command, and the job executor's (no user), are the system's and pass.
 * <ul>
 *   <li>Commands that move an instance other than by working its task, write variables, fire messages, signals or
 *       jobs, or delete anything are the administrator's alone ({@link AdministratorOnly}).</li>
 *   <li>Comments and attachments go into a task's record: only someone who works the task (its assignee, owner or
 *       a candidate, in person or through a group) adds or changes them; on an instance without a task, only the
 *       administrator. Reading a task (the bureau, the process owner, the auditor in Cockpit) is not working it.</li>
 *   <li>A task completion or a start carries only the input fields of its Camunda Form, with plain values: a
 *       caller never sends {@code projectId}, {@code filedBy} or any other system variable, nor an object of some
 *       class to be deserialized. Fields the form only shows are dropped. A dynamic list of the form is a JSON
 *       array of rows holding only the keys of the list's fields, each a text, number, yes/no or empty.</li>
 * </ul>
 */
public class CommandGuard extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;
    private final FormFields forms;
    private final RefusalLog log;

    public CommandGuard(ProcessEngineConfigurationImpl configuration, FormFields forms, RefusalLog log) {
        this.configuration = configuration;
        this.forms = forms;
        this.log = log;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() == null) {
            Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
            if (caller != null && caller.getUserId() != null) {
                check(command, caller);
            }
        }
        return next.execute(command);
    }

    private void check(Command<?> command, Authentication caller) {
        boolean admin = caller.getGroupIds() != null && caller.getGroupIds().contains(Actor.ADMIN_GROUP);
        String operation = AdministratorOnly.operation(command);
        if (operation != null) {
            if (!admin) {
                log.refused(caller.getUserId(), operation);
                if (command instanceof ExecuteJobsCmd) {
                    // Else the engine's failed-job listener would count the refusal as a failure of the job itself
                    // and take one of its retries: a caller could exhaust a timer's retries by asking.
                    write(read(command, "jobFailureCollector"), "jobId", null);
                }
                String message = "只有系统管理员可以" + operation + ";业务步骤由系统按流程推进";
                Refusals.refusedByGuard(message);
                throw new AuthorizationException(message);
            }
            log.administrativeAction(caller.getUserId(), operation);
            return;
        }
        if (TASK_NOTES.contains(command.getClass().getSimpleName())) {
            String taskId = command instanceof SaveAttachmentCmd
                    ? ((Attachment) read(command, "attachment")).getTaskId() : (String) read(command, "taskId");
            if (!admin && !worksTask(taskId, caller)) {
                String message = "只有办理该任务的用户可以为其添加或修改评论、附件";
                log.refused(caller.getUserId(), "为任务添加或修改评论、附件");
                Refusals.refusedByGuard(message);
                throw new AuthorizationException(message);
            }
        } else if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
            String field = command instanceof CompleteTaskCmd ? "variables" : "properties";
            String taskId = (String) read(command, "taskId");
            Map<String, Object> submitted = mapField(command, field);
            TaskRef task = taskRef(taskId);
            if (task != null && submitted != null && !submitted.isEmpty()) {
                write(command, field, onlyInput(forms.ofTask(task.processKey(), task.activityId()), submitted, caller));
            }
        } else if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) read(command, "instantiationBuilder");
            String key = builder.getProcessDefinitionKey() != null ? builder.getProcessDefinitionKey()
                    : processKey(builder.getProcessDefinitionId());
            Map<String, Object> submitted = builder.getVariables();
            if (key != null && submitted != null && !submitted.isEmpty()) {
                VariableMap allowed = onlyInput(forms.ofStart(key), submitted, caller);
                submitted.clear();
                allowed.keySet().forEach(name -> builder.setVariable(name, allowed.getValueTyped(name)));
            }
        } else if (command instanceof SubmitStartFormCmd) {
            String key = processKey((String) read(command, "processDefinitionId"));
            Map<String, Object> submitted = mapField(command, "variables");
            if (key != null && submitted != null && !submitted.isEmpty()) {
                write(command, "variables", onlyInput(forms.ofStart(key), submitted, caller));
            }
        }
    }

    /** Commands that write a comment or an attachment (deletions are the administrator's: {@link AdministratorOnly}). */
    private static final Set<String> TASK_NOTES = Set.of("AddCommentCmd", "UpdateCommentCmd", "CreateAttachmentCmd",
            "SaveAttachmentCmd");

    /** Whether the caller works the task: its assignee or owner, or a candidate in person or through a group. */
    private boolean worksTask(String taskId, Authentication caller) {
        if (taskId == null) {
            return false;
        }
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        return configuration.getCommandExecutorTxRequired().execute(ctx -> ctx.runWithoutAuthorization(() -> {
            TaskEntity task = ctx.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return false;
            }
            if (caller.getUserId().equals(task.getAssignee()) || caller.getUserId().equals(task.getOwner())) {
                return true;
            }
            return task.getIdentityLinks().stream().anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (caller.getUserId().equals(link.getUserId()) || groups.contains(link.getGroupId())));
        }));
    }

    /** The submission less the fields the form only shows; refused if it names anything else or holds an object. */
    private VariableMap onlyInput(FormFields.Fields form, Map<String, Object> submitted, Authentication caller) {
        List<String> foreign = new ArrayList<>();
        List<String> objects = new ArrayList<>();
        List<String> listProblems = new ArrayList<>();
        VariableMap allowed = Variables.createVariables();
        for (String name : submitted.keySet()) {
            // Typed, never unpacked: unpacking a serialized object would deserialize it.
            Object value = submitted instanceof VariableMap typed ? typed.getValueTyped(name) : submitted.get(name);
            if (form.lists().containsKey(name)) {
                String problem = ListValues.problem(name, value, form.lists().get(name));
                if (problem == null) {
                    allowed.putValueTyped(name, (TypedValue) value);
                } else {
                    objects.add(name);
                    listProblems.add(problem);
                }
            } else if (form.input().contains(name)) {
                if (isPlain(value)) {
                    if (value instanceof TypedValue typed) {
                        allowed.putValueTyped(name, typed);
                    } else {
                        allowed.putValue(name, value);
                    }
                } else {
                    objects.add(name);
                }
            } else if (!form.shown().contains(name)) {
                foreign.add(name);
            }
        }
        if (!foreign.isEmpty() || !objects.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            if (!foreign.isEmpty()) {
                reasons.add("表单" + (form.formKey() == null ? "" : "「" + form.formKey() + "」")
                        + "不含字段 " + String.join("、", foreign.stream().sorted().toList()) + ",只接受本表单填写的字段");
            }
            List<String> plainOnly = objects.stream().filter(o -> !form.lists().containsKey(o)).sorted().toList();
            if (!plainOnly.isEmpty()) {
                reasons.add("字段 " + String.join("、", plainOnly) + " 只接受文字、数字、日期或是/否,不接受对象");
            }
            reasons.addAll(listProblems);
            String message = Refusals.PREFIX + String.join(";", reasons);
            log.refused(caller.getUserId(), message);
            throw new BadUserRequestException(message);
        }
        return allowed;
    }

    private static final Set<Class<?>> PLAIN = Set.of(String.class, Boolean.class, Integer.class, Long.class,
            Short.class, Double.class, java.util.Date.class);

    private static boolean isPlain(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof TypedValue typed) {
            return typed.getType() == null || typed.getType().isPrimitiveValueType();
        }
        return PLAIN.contains(value.getClass());
    }

    private record TaskRef(String processKey, String activityId) {
    }

    /** Looks the task up as the system; a task the caller may not see is left to the engine to refuse. */
    private TaskRef taskRef(String taskId) {
        if (taskId == null) {
            return null;
        }
        return configuration.getCommandExecutorTxRequired().execute(ctx -> ctx.runWithoutAuthorization(() -> {
            TaskEntity task = ctx.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return null;
            }
            ProcessDefinitionEntity definition = task.getProcessDefinition();
            return new TaskRef(definition == null ? null : definition.getKey(), task.getTaskDefinitionKey());
        }));
    }

    private String processKey(String processDefinitionId) {
        if (processDefinitionId == null) {
            return null;
        }
        return configuration.getCommandExecutorTxRequired().execute(ctx -> ctx.runWithoutAuthorization(() -> {
            ProcessDefinitionEntity definition = ctx.getProcessDefinitionManager()
                    .findLatestProcessDefinitionById(processDefinitionId);
            return definition == null ? null : definition.getKey();
        }));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapField(Object target, String name) {
        return (Map<String, Object>) read(target, name);
    }

    private static Object read(Object target, String name) {
        try {
            return field(target.getClass(), name).get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + name + " of " + target.getClass().getName(), e);
        }
    }

    private static void write(Object target, String name, Object value) {
        try {
            field(target.getClass(), name).set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot write " + name + " of " + target.getClass().getName(), e);
        }
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new IllegalStateException(type.getName() + " has no field " + name + " (engine version changed?)");
    }
}
