package cn.tcsubsidy.mail.process;

import cn.tcsubsidy.engine.TaskCardVariables;
import cn.tcsubsidy.mail.domain.MailOutbox;
import cn.tcsubsidy.mail.domain.RecipientRole;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.panel.process.TcPanelProcesses;
import cn.tcsubsidy.project.domain.ProjectRepository;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.ApplicationContext;

/**
 * Mails that a task's creation causes, queued in the transaction that creates it: a panel member's assignment, a
 * town's project awaiting recommendation, an enterprise's progress report due (and the previous one overdue when a
 * new period begins with it still open), its follow-up report due. A built-in listener, so that it runs even when a caller skips the custom
 * ones (it is no guard; the mail is what users expect).
 */
public class TaskMails extends AbstractBpmnParseListener {

    public static final String SCORE = "Task_ScoreProject";
    public static final String RECOMMEND = "Task_RecommendProject";
    public static final String PROGRESS = "Task_ReportProgress";
    public static final String REPORT_RESULTS = "Task_ReportResults";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ApplicationContext context;

    public TaskMails(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        String key = activity.getId();
        if ((SCORE.equals(key) || RECOMMEND.equals(key) || PROGRESS.equals(key) || REPORT_RESULTS.equals(key))
                && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
            behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, this::created);
        }
    }

    private void created(DelegateTask task) {
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        ProjectRepository projects = context.getBean(ProjectRepository.class);
        Optional<Project> project = projects.findIdByProcessInstance(execution.getRootProcessInstanceId())
                .flatMap(projects::find);
        if (project.isEmpty()) {
            return;
        }
        Project p = project.get();
        MailOutbox outbox = context.getBean(MailOutbox.class);
        Map<String, Object> values = values(p);
        values.put("dueDate", day(task.getDueDate()));
        switch (task.getTaskDefinitionKey()) {
            case SCORE -> {
                values.put("memberName", name(task.getAssignee()));
                values.put("seat", String.valueOf(TcPanelProcesses.Vars.PANEL_SEAT.get(task)));
                outbox.queue(p.jurisdiction(), p.id(), "panel-assigned",
                        outbox.user(RecipientRole.PANEL_MEMBER, task.getAssignee()), values);
            }
            case RECOMMEND -> {
                values.put("unitName", unitName(p));
                values.put("roundYear", String.valueOf(TaskCardVariables.ROUND_YEAR.find(task).orElse(null)));
                values.put("deadline", day(task.getDueDate()));
                outbox.queueAll(p.jurisdiction(), p.id(), "town-awaits-recommendation",
                        outbox.group(RecipientRole.TOWN, p.jurisdiction() + "-town-" + p.unitCode()), values);
            }
            case PROGRESS -> {
                long open = task.getProcessEngineServices().getTaskService().createTaskQuery()
                        .processInstanceId(task.getProcessInstanceId()).taskDefinitionKey(PROGRESS).count();
                values.put("dueDate", "下一报告周期开始");
                outbox.queue(p.jurisdiction(), p.id(), "progress-report-due", outbox.enterprise(p), values);
                if (open > 0) {
                    values.put("dueDate", day(task.getCreateTime()));
                    outbox.queue(p.jurisdiction(), p.id(), "progress-report-overdue", outbox.enterprise(p), values);
                }
            }
            case REPORT_RESULTS -> outbox.queue(p.jurisdiction(), p.id(), "follow-up-report-due", outbox.enterprise(p),
                    values);
            default -> {
            }
        }
    }

    static Map<String, Object> values(Project p) {
        Map<String, Object> v = new HashMap<>();
        v.put("projectName", p.projectName());
        v.put("enterpriseName", p.enterpriseName());
        v.put("projectId", p.id());
        return v;
    }

    private String unitName(Project p) {
        return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select name from recommending_unit where jurisdiction_code = :j and code = :u")
                .param("j", p.jurisdiction()).param("u", p.unitCode()).query(String.class).optional()
                .orElse(p.unitCode());
    }

    private String name(String userId) {
        return displayName(context.getBean(org.camunda.bpm.engine.IdentityService.class), userId);
    }

    /** A user's name as a mail shows it: first and last name, else the user id. */
    static String displayName(org.camunda.bpm.engine.IdentityService identity, String userId) {
        org.camunda.bpm.engine.identity.User u = identity.createUserQuery().userId(userId).singleResult();
        if (u == null) {
            return userId;
        }
        String name = (u.getFirstName() == null ? "" : u.getFirstName()) + (u.getLastName() == null ? "" : u.getLastName());
        return name.isBlank() ? userId : name;
    }

    static String day(Date date) {
        return date == null ? "(未设期限)" : DAY.format(date.toInstant().atZone(ZONE));
    }
}
