package cn.tcsubsidy.mail.process;

import cn.tcsubsidy.calendar.domain.WorkingDays;
import cn.tcsubsidy.engine.Tenants;
import cn.tcsubsidy.mail.domain.MailOutbox;
import cn.tcsubsidy.mail.domain.RecipientRole;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.tasks.domain.TaskCards;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders by due date, queued once per task and kind ({@code mail_reminder}): a panel member's score due within
 * {@code tc.mail.reminders.due-soon-working-days} working days (default 2) and overdue; a town's recommendation
 * deadline as near; every overdue task of a bureau's candidate group to the bureau; every other overdue task that no
 * other step of the models handles ({@link #HANDLED_ELSEWHERE}) escalated once to the bureau. Each reminder is queued in a
 * transaction of its own with its mark, so a crash never queues one twice nor loses one. Run by
 * {@link TaskReminderSchedule} where the job executor runs, and by tests directly.
 */
@Component
public class TaskReminders {

    public static final String DUE_SOON = "DUE_SOON";
    public static final String OVERDUE = "OVERDUE";
    public static final String BUREAU_OVERDUE = "BUREAU_OVERDUE";
    public static final String ESCALATED = "ESCALATED";

    /**
     * The overdue tasks that are not escalated to the bureau, because a step of their model or another reminder
     * already deals with them, with the reason. Besides these, a task with a bureau candidate group is the bureau's
     * own (it gets {@link #BUREAU_OVERDUE}). Every other overdue task with a due date escalates: the enterprise's
     * reports (when their table gives them a date), finance's payment, recovery and repayment, the panel lead's
     * consensus and correction review.
     */
    public static final Map<String, String> HANDLED_ELSEWHERE = Map.of(
            TaskMails.SCORE, "the member is reminded (panel-overdue) and the bureau replaces them (Task_ReplaceOverdueReviewer)",
            TaskMails.RECOMMEND, "due at the round's recommendation deadline, when the round closes it (Task_ReturnToPool)",
            "Task_CorrectProject", "ends at its deadline: Event_CorrectionDeadline rejects the project (Task_ExpireCorrection)",
            TaskMails.REPORT_RESULTS, "the town urges (Task_UrgeReport), then the bureau (Task_EscalateReport), at the follow-up table's dates",
            "Task_UrgeReport", "the bureau's Task_EscalateReport follows at the follow-up table's escalation date",
            "Task_Rectify", "ends at its deadline: Event_RectificationOverdue records it and the bureau evaluates again");

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ProjectRepository projects;
    private final MailOutbox outbox;
    private final WorkingDays workingDays;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final int dueSoonWorkingDays;

    public TaskReminders(TaskService tasks, RuntimeService runtime, IdentityService identity, ProjectRepository projects,
                         MailOutbox outbox, WorkingDays workingDays, JdbcClient jdbc, Clock clock,
                         TransactionTemplate transactions,
                         @Value("${tc.mail.reminders.due-soon-working-days:2}") int dueSoonWorkingDays) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.projects = projects;
        this.outbox = outbox;
        this.workingDays = workingDays;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
        this.dueSoonWorkingDays = dueSoonWorkingDays;
    }

    /** One scan; returns how many reminders it queued. */
    public int scan() {
        Date now = Date.from(clock.instant());
        LocalDate today = LocalDate.now(clock.withZone(TaskMails.ZONE));
        int queued = 0;
        for (Task t : tasks.createTaskQuery().taskDefinitionKey(TaskMails.SCORE).dueAfter(now).list()) {
            if (withinWorkingDays(today, t.getDueDate())) {
                queued += remind(t, DUE_SOON, RecipientRole.PANEL_MEMBER, "panel-due-soon");
            }
        }
        for (Task t : tasks.createTaskQuery().taskDefinitionKey(TaskMails.SCORE).dueBefore(now).list()) {
            queued += remind(t, OVERDUE, RecipientRole.PANEL_MEMBER, "panel-overdue");
        }
        for (Task t : tasks.createTaskQuery().taskDefinitionKey(TaskMails.RECOMMEND).dueAfter(now).list()) {
            if (withinWorkingDays(today, t.getDueDate())) {
                queued += remind(t, DUE_SOON, RecipientRole.TOWN, "town-deadline-near");
            }
        }
        List<String> bureaus = Tenants.ALL.stream().map(Roles::bureau).toList();
        Set<String> bureausOwn = new HashSet<>();
        // A bureau officer's claim does not make the task any less the bureau's.
        for (Task t : tasks.createTaskQuery().taskCandidateGroupIn(bureaus).includeAssignedTasks().dueBefore(now).list()) {
            bureausOwn.add(t.getId());
            queued += remind(t, BUREAU_OVERDUE, RecipientRole.BUREAU, "bureau-task-overdue");
        }
        for (Task t : tasks.createTaskQuery().dueBefore(now).list()) {
            if (!bureausOwn.contains(t.getId()) && !HANDLED_ELSEWHERE.containsKey(t.getTaskDefinitionKey())) {
                queued += remind(t, ESCALATED, RecipientRole.BUREAU, "task-escalated");
            }
        }
        return queued;
    }

    /** Whether {@code due} falls within the next working days from today (its own day counted when a working day). */
    private boolean withinWorkingDays(LocalDate today, Date due) {
        LocalDate dueDay = due.toInstant().atZone(TaskMails.ZONE).toLocalDate();
        int count = 0;
        for (LocalDate d = today.plusDays(1); !d.isAfter(dueDay); d = d.plusDays(1)) {
            if (workingDays.isWorkingDay(d) && ++count > dueSoonWorkingDays) {
                return false;
            }
        }
        return true;
    }

    private int remind(Task task, String kind, RecipientRole role, String template) {
        Optional<Project> project = projectOf(task);
        if (project.isEmpty()) {
            return 0;
        }
        Project p = project.get();
        Boolean queued = transactions.execute(tx -> {
            // A race of two scans ends in the primary key: the second rolls back, queuing nothing.
            if (jdbc.sql("select count(*) from mail_reminder where task_id = :t and kind = :k")
                    .param("t", task.getId()).param("k", kind).query(Integer.class).single() > 0) {
                return false;
            }
            jdbc.sql("insert into mail_reminder (task_id, kind, created_at) values (:t, :k, :at)")
                    .param("t", task.getId()).param("k", kind).param("at", LocalDateTime.now(clock)).update();
            Map<String, Object> values = TaskMails.values(p);
            values.put("dueDate", TaskMails.day(task.getDueDate()));
            values.put("deadline", TaskMails.day(task.getDueDate()));
            values.put("taskName", TaskCards.stepName(task.getName()));
            values.put("jurisdictionName", jurisdictionName(p.jurisdiction()));
            values.put("unitName", p.unitCode());
            values.put("memberName", task.getAssignee() == null ? "评审专家" : task.getAssignee());
            if (ESCALATED.equals(kind)) {
                values.put("handlerName", handler(task));
            }
            switch (role) {
                case PANEL_MEMBER -> outbox.queue(p.jurisdiction(), p.id(), template,
                        outbox.user(role, task.getAssignee()), values);
                case TOWN -> outbox.queueAll(p.jurisdiction(), p.id(), template,
                        outbox.group(role, Roles.town(p.jurisdiction(), p.unitCode())), values);
                default -> outbox.queueAll(p.jurisdiction(), p.id(), template,
                        outbox.group(role, Roles.bureau(p.jurisdiction())), values);
            }
            return true;
        });
        return Boolean.TRUE.equals(queued) ? 1 : 0;
    }

    /** Who holds an escalated task: its assignee, else its candidate groups and users, by name. */
    private String handler(Task task) {
        if (task.getAssignee() != null) {
            return TaskMails.displayName(identity, task.getAssignee());
        }
        List<String> names = new ArrayList<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getGroupId() != null) {
                Group g = identity.createGroupQuery().groupId(link.getGroupId()).singleResult();
                names.add(g == null || g.getName() == null ? link.getGroupId() : g.getName());
            } else if (link.getUserId() != null) {
                names.add(TaskMails.displayName(identity, link.getUserId()));
            }
        }
        return names.isEmpty() ? "(未指定)" : String.join("、", names);
    }

    private Optional<Project> projectOf(Task task) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult();
        if (instance == null) {
            return Optional.empty();
        }
        String root = instance.getRootProcessInstanceId();
        return projects.findIdByProcessInstance(root).flatMap(projects::find);
    }

    private String jurisdictionName(String code) {
        return jdbc.sql("select name from jurisdiction where code = :j").param("j", code).query(String.class).single();
    }
}
