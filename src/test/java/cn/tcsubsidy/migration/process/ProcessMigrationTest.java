package cn.tcsubsidy.migration.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.tcsubsidy.engine.guard.FormFields;
import cn.tcsubsidy.project.process.TcProjectProcess;
import cn.tcsubsidy.round.process.TcAnnualRoundProcess;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.ValidationException;
import cn.tcsubsidy.support.ProcessTestEngine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The versions running projects and rounds were started on, migrated to today's: the previous model of each process
 * (taken from git history, {@code src/test/resources/migration/}) is deployed first, today's second, as in a
 * production database. One instance waits at each user task of the previous version; after the migration each
 * stands at the mapped task of today's version with the same task, candidates and variables, and goes on when the
 * right user submits today's form. The domain services behind the delegates are stand-ins that only set what the
 * gateways read: this is about the engine's state, the services have tests of their own.
 */
class ProcessMigrationTest {

    static final String ADMIN = "admin";
    static final String HEKOU = "hekou";
    static final long ROUND_ID = 7L;
    static final Date FAR_AHEAD = new Date(System.currentTimeMillis() + 90L * 24 * 3600 * 1000);
    static final String PROPOSED_LIST_TEXT = "{\"text\":\"按资金排序的拟扶持名单\"}";

    static ProcessEngine engine;
    static ProcessMigration migration;
    static FormFields forms = FormFields.fromClasspath();

    /** Payment phases the stand-in of trackPaymentOrdersDelegate answers per project, PAID once they run out. */
    final Map<Long, Deque<String>> paymentPhases = new HashMap<>();
    final List<Long> objectionsChecked = new ArrayList<>();
    final List<String> submittedBy = new ArrayList<>();

    @BeforeAll
    static void deployPreviousThenCurrent() {
        engine = ProcessTestEngine.withoutCoverage("process-migration-test").buildProcessEngine();
        migration = new ProcessMigration(engine);
        // Called processes have tests of their own; here a panel seat and a correction end at once, the follow-up waits.
        stub("tc-panel-seat", Bpmn.createExecutableProcess("tc-panel-seat").camundaHistoryTimeToLive(1)
                .startEvent().endEvent().done());
        stub("tc-correction", Bpmn.createExecutableProcess("tc-correction").camundaHistoryTimeToLive(1)
                .startEvent().endEvent().done());
        stub("tc-follow-up", Bpmn.createExecutableProcess("tc-follow-up").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_FollowUpStub").endEvent().done());
        ProcessTestEngine.deploy(engine, null, "migration/tc-project-previous.bpmn");
        ProcessTestEngine.deploy(engine, null, "processes/tc-project.bpmn");
        ProcessTestEngine.deploy(engine, HEKOU, "migration/tc-annual-round-previous.bpmn");
        ProcessTestEngine.deploy(engine, HEKOU, "processes/tc-annual-round.bpmn");
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static void stub(String name, BpmnModelInstance model) {
        engine.getRepositoryService().createDeployment().addModelInstance(name + ".bpmn", model).deploy();
    }

    @BeforeEach
    void standIns() {
        // Several test engines live in one JVM: bind the assertions to this class's engine.
        BpmnAwareTests.init(engine);
        JavaDelegate nothing = execution -> { };
        TaskListener noTaskListener = task -> { };
        ExecutionListener noListener = execution -> { };
        for (String name : List.of("registerProjectDelegate", "enterPoolDelegate", "returnToPoolDelegate",
                "exitPoolDelegate", "quoteAwardDelegate", "requoteAwardDelegate", "closeRejectedProjectDelegate",
                "openPaymentOrdersDelegate", "closeSupplementNoticeDelegate", "prepareRoundDelegate",
                "openRoundDelegate", "gatherProjectsDelegate", "rankAgainstBudgetDelegate", "closeNoticeDelegate")) {
            Mocks.register(name, nothing);
        }
        for (String name : List.of("consensusTaskListener", "reviewCorrectionTaskListener", "payeeSummaryListener",
                "paymentTaskSummaryListener")) {
            Mocks.register(name, noTaskListener);
        }
        Mocks.register("roundStepAnsweredListener", noListener);
        Mocks.register("roundQuoteAnsweredListener", noListener);
        Mocks.register("drawPanelDelegate", (JavaDelegate) e -> TcProjectProcess.Vars.PANEL_STATE.set(e, "DRAWN"));
        Mocks.register("aggregatePanelDelegate", (JavaDelegate) e -> TcProjectProcess.Vars.NEEDS_CONSENSUS.set(e, false));
        Mocks.register("concludePanelDelegate", (JavaDelegate) e -> TcProjectProcess.Vars.REVIEW_CONCLUSION.set(e, "PASS"));
        Mocks.register("checkObjectionsDelegate", (JavaDelegate) e -> {
            objectionsChecked.add(TcProjectProcess.Vars.PROJECT_ID.get(e));
            TcProjectProcess.Vars.OBJECTIONS_OPEN.set(e, false);
            TcProjectProcess.Vars.OBJECTION_UPHELD.set(e, false);
        });
        Mocks.register("trackPaymentOrdersDelegate", (JavaDelegate) e -> {
            Deque<String> phases = paymentPhases.get(TcProjectProcess.Vars.PROJECT_ID.get(e));
            TcProjectProcess.Vars.PAYMENT_PHASE.set(e, phases == null || phases.isEmpty() ? "PAID" : phases.poll());
        });
        Mocks.register("taskSubmissionListener", (TaskListener) task -> submittedBy.add(
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId()));
        Mocks.register("closeRecommendationDelegate", (JavaDelegate) e -> TcAnnualRoundProcess.Vars.REVIEW_COUNT.set(e, 2));
        Mocks.register("concludeReviewDelegate", (JavaDelegate) e -> TcAnnualRoundProcess.Vars.PASSED_COUNT.set(e, 2));
        Mocks.register("openNoticeDelegate", (JavaDelegate) e -> {
            TcAnnualRoundProcess.Vars.PROPOSED_COUNT.set(e, 2);
            TcAnnualRoundProcess.Vars.NOTICE_ENDS_AT.set(e, FAR_AHEAD);
        });
        Mocks.register("proposedListTaskListener", (TaskListener) task -> task.setVariableLocal("proposedList",
                PROPOSED_LIST_TEXT.replace("名单", "名单(轮次 " + TcAnnualRoundProcess.Vars.ROUND_ID.get(task) + ")")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        engine.getIdentityService().clearAuthentication();
    }

    /** One user task of the previous version: who works it, a submission of today's form, where it goes next. */
    record Waiting(String taskId, String user, List<String> groups, Map<String, Object> submission, String next) {
    }

    static Map<String, Object> form(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static final String TOWN = "hekou-town-yihe";
    static final List<String> BUREAU = List.of("hekou-bureau");
    static final List<String> FINANCE = List.of("hekou-finance");

    /** Every user task of the previous tc-project but the retired 确认公示结果, which the test treats apart. */
    static List<Waiting> projectTasks() {
        return List.of(
                new Waiting("Task_ReportCompletion", "hekou-ent-1", List.of("hekou-enterprise"), form(
                        "completionDate", "2026-06-30", "actualTotalInvestment", 8_800_000,
                        "actualEquipmentInvestment", 5_000_000, "completionNote", "已竣工投产"),
                        "Event_RecommendationOpened"),
                new Waiting("Task_ReportProgress", "hekou-ent-1", List.of("hekou-enterprise"), form(
                        "reportDate", "2026-03-31", "completedInvestmentToDate", 4_000_000, "progressNote", "设备安装中"),
                        "Task_ReportCompletion"),
                new Waiting("Task_RecommendProject", "hekou-town-officer", List.of(TOWN), form(
                        "authenticityConfirmed", true, "formalitiesComplete", true, "investmentAssessment", "投资真实",
                        "technologyAssessment", "技术先进", "benefitAssessment", "效益明显",
                        "recommendationDecision", "RECOMMEND", "recommendationOpinion", "同意推荐"),
                        "Task_DrawPanel"),
                new Waiting("Task_ResolvePanelShortage", "hekou-bureau", BUREAU, form("drawReason", "专家库已补充"),
                        "Task_DrawPanel"),
                new Waiting("Task_ReachConsensus", "hekou-expert-1", List.of("hekou-experts"), form(
                        "agreedScore", 82, "agreedReason", "合议一致"), "Event_ReviewClosed"),
                new Waiting("Task_ReviewCorrection", "hekou-expert-1", List.of("hekou-experts"), form(
                        "agreedScore", 85, "agreedReason", "补正材料齐全"), "Event_ReviewClosed"),
                new Waiting("Task_DecideAward", "hekou-bureau", BUREAU, form("proposedAmount", 420_000,
                        "awardDecision", "PROPOSE", "awardOpinion", "同意按测算金额扶持"), "Event_NoticeOpened"),
                new Waiting("Task_PreparePayment", "hekou-finance-1", FINANCE, form("paymentVoucherNo", "PZ-2026-001",
                        "paymentDate", "2026-09-01"), "Task_ApprovePayment"),
                new Waiting("Task_ApprovePayment", "hekou-finance-2", FINANCE, form("approvalDecision", "APPROVE"),
                        "Task_RecordAcceptance"),
                new Waiting("Task_SettleAward", "hekou-bureau", BUREAU, form("settledAmount", 420_000,
                        "settlementBasis", "年终结算"), "Task_RecordAcceptance"),
                new Waiting("Task_RecordRecovery", "hekou-finance-1", FINANCE, form("recoveredAmount", 20_000,
                        "recoveryDate", "2026-12-20", "recoveryVoucherNo", "JH-2026-001"), "Task_RecordAcceptance"),
                new Waiting("Task_RecordAcceptance", "hekou-town-officer", List.of(TOWN), form(
                        "acceptanceDate", "2027-01-10", "acceptanceFindings", "验收合格", "acceptanceDocument", "验收〔2027〕1号"),
                        "CallActivity_FollowUp"));
    }

    static List<Waiting> roundTasks() {
        return List.of(
                new Waiting("Task_CloseRecommendation", "hekou-bureau", BUREAU, form("closeNote", "推荐工作结束"),
                        "Task_CloseReview"),
                new Waiting("Task_CloseReview", "hekou-bureau", BUREAU, form("reviewSummary", "评审结束"),
                        "Task_AwaitQuotes"),
                new Waiting("Task_AwaitQuotes", "hekou-bureau", BUREAU, form("proceedReason", ""),
                        "Task_DecideProposedList"),
                new Waiting("Task_DecideProposedList", "hekou-bureau", BUREAU, form("listNote", "按排名确定拟扶持名单"),
                        "Event_NoticePeriodOver"));
    }

    Map<String, Object> projectVariables(long projectId) {
        Map<String, Object> v = new LinkedHashMap<>();
        TcProjectProcess.Vars.PROJECT_ID.putInto(v, projectId);
        v.put("jurisdiction", HEKOU);
        v.put("unitCode", "yihe");
        TcProjectProcess.Vars.FILED_BY.putInto(v, "hekou-ent-1");
        TcProjectProcess.Vars.PANEL_LEAD.putInto(v, "hekou-expert-1");
        TcProjectProcess.Vars.PROGRESS_CYCLE.putInto(v, "R/P1M");
        v.put("roundId", ROUND_ID);
        v.put("recommendationDueAt", FAR_AHEAD);
        v.put("enterpriseName", "东营市河口区示例化工有限公司");
        v.put("projectName", "技改项目 " + projectId);
        return v;
    }

    Map<String, Object> roundVariables() {
        Map<String, Object> v = new LinkedHashMap<>();
        TcAnnualRoundProcess.Vars.ROUND_ID.putInto(v, ROUND_ID);
        TcAnnualRoundProcess.Vars.ROUND_YEAR.putInto(v, 2026);
        v.put("openedBy", "hekou-bureau"); // the start event's camunda:initiator
        TcAnnualRoundProcess.Vars.RECOMMENDATION_DEADLINE_AT.putInto(v, FAR_AHEAD);
        TcAnnualRoundProcess.Vars.PROJECT_COUNT.putInto(v, 3);
        TcAnnualRoundProcess.Vars.REVIEW_COUNT.putInto(v, 2);
        TcAnnualRoundProcess.Vars.PASSED_COUNT.putInto(v, 2);
        return v;
    }

    /** What must survive the migration of a waiting task. */
    record TaskState(String taskId, String name, String assignee, Set<String> candidates, Map<String, Object> variables,
                     Map<String, Object> local) {
    }

    TaskState state(Task t) {
        TaskService tasks = engine.getTaskService();
        Set<String> candidates = new TreeSet<>();
        for (IdentityLink l : tasks.getIdentityLinksForTask(t.getId())) {
            candidates.add(l.getType() + ":" + (l.getGroupId() != null ? "group " + l.getGroupId() : "user " + l.getUserId()));
        }
        return new TaskState(t.getId(), t.getName(), t.getAssignee(), candidates,
                new HashMap<>(engine.getRuntimeService().getVariables(t.getProcessInstanceId())),
                new HashMap<>(tasks.getVariablesLocal(t.getId())));
    }

    Task taskAt(String processInstanceId, String activityId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(activityId).singleResult();
    }

    ProcessDefinition version(String key, String tenant, int version) {
        var q = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version);
        return (tenant == null ? q.withoutTenantId() : q.tenantIdIn(tenant)).singleResult();
    }

    ProcessInstance startAt(ProcessDefinition definition, String businessKey, Map<String, Object> variables,
                            String... activities) {
        // Variables before the instructions: set after one, they would be local to that activity's scope.
        var builder = engine.getRuntimeService().createProcessInstanceById(definition.getId()).businessKey(businessKey)
                .setVariables(variables);
        for (String a : activities) {
            builder = builder.startBeforeActivity(a);
        }
        return builder.execute();
    }

    /** The right user, signed in, submits today's form: only its input fields, as Tasklist would. */
    void submit(Task task, String processKey, Waiting w) {
        assertThat(forms.ofTask(processKey, w.taskId()).input()).as("fields of %s's form", w.taskId())
                .containsAll(w.submission().keySet());
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).or().taskAssignee(w.user())
                .taskCandidateUser(w.user()).taskCandidateGroupIn(w.groups()).endOr().count())
                .as("%s works %s", w.user(), w.taskId()).isEqualTo(1);
        engine.getIdentityService().setAuthentication(w.user(), w.groups(), List.of(HEKOU));
        try {
            engine.getFormService().submitTaskForm(task.getId(), w.submission());
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(submittedBy).last().isEqualTo(w.user());
    }

    /** The instance's continuations (async before/after), never a timer that is not due. */
    void runDueJobs(String processInstanceId) {
        for (int i = 0; i < 10; i++) {
            List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
                    .executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> engine.getManagementService().executeJob(j.getId()));
        }
    }

    ProcessMigration.Report asAdmin(java.util.function.Supplier<ProcessMigration.Report> call) {
        engine.getIdentityService().setAuthentication(ADMIN, List.of(Actor.ADMIN_GROUP));
        try {
            return call.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void shouldMigrateProjectsWaitingAtEachUserTaskOfThePreviousVersionAndDriveThemOn() {
        ProcessDefinition previous = version(TcProjectProcess.KEY, null, 1);
        ProcessDefinition current = version(TcProjectProcess.KEY, null, 2);
        List<String> previousTasks = userTasks(previous);
        assertThat(previousTasks).hasSize(13).contains(ModelChanges.CONFIRM_NOTICE_OUTCOME);
        assertThat(userTasks(current)).hasSize(12).doesNotContain(ModelChanges.CONFIRM_NOTICE_OUTCOME);

        Map<String, ProcessInstance> instances = new LinkedHashMap<>();
        Map<String, TaskState> before = new LinkedHashMap<>();
        long projectId = 100;
        for (Waiting w : projectTasks()) {
            projectId++;
            String[] at = w.taskId().equals("Task_ReportProgress")
                    ? new String[] {"Task_ReportCompletion", w.taskId()} : new String[] {w.taskId()};
            ProcessInstance pi = startAt(previous, "hekou-" + projectId, projectVariables(projectId), at);
            instances.put(w.taskId(), pi);
            before.put(w.taskId(), state(taskAt(pi.getId(), w.taskId())));
        }
        long retiredProject = ++projectId;
        ProcessInstance atNoticeOutcome = startAt(previous, "hekou-" + retiredProject, projectVariables(retiredProject),
                ModelChanges.CONFIRM_NOTICE_OUTCOME);
        paymentPhases.put(retiredProject, new ArrayDeque<>(List.of("ORDERS_DUE")));
        Map<String, Object> retiredVariables = engine.getRuntimeService().getVariables(atNoticeOutcome.getId());
        // Every user task of the previous version holds one instance.
        Set<String> covered = new TreeSet<>(instances.keySet());
        covered.add(ModelChanges.CONFIRM_NOTICE_OUTCOME);
        assertThat(covered).containsExactlyInAnyOrderElementsOf(previousTasks);

        ProcessMigration.Report plan = asAdmin(() -> migration.dryRun(TcProjectProcess.KEY, null, 1));
        assertThat(plan.executed()).isFalse();
        assertThat(plan.source().version()).isEqualTo(1);
        assertThat(plan.target().version()).isEqualTo(2);
        assertThat(plan.instances()).isEqualTo(13);
        assertThat(plan.instancesPerActivity()).containsEntry("Task_ReportCompletion", 2L)
                .containsEntry(ModelChanges.CONFIRM_NOTICE_OUTCOME, 1L).containsEntry("Task_DecideAward", 1L);
        assertThat(plan.resumed()).singleElement().satisfies(r -> {
            assertThat(r.activityId()).isEqualTo(ModelChanges.CONFIRM_NOTICE_OUTCOME);
            assertThat(r.resumeAt()).isEqualTo(TcProjectProcess.Elements.CHECK_OBJECTIONS);
            assertThat(r.instances()).isEqualTo(1);
        });
        assertThat(plan.instructions()).extracting(ProcessMigration.Instruction::from)
                .doesNotContain(ModelChanges.CONFIRM_NOTICE_OUTCOME)
                .contains("Task_ReportCompletion", "Event_ProgressReportDue", "Event_RecommendationClosed");
        // The dry run moved nothing.
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(previous.getId()).count())
                .isEqualTo(13);

        ProcessMigration.Report done = asAdmin(() -> migration.execute(TcProjectProcess.KEY, null, 1));
        assertThat(done.executed()).isTrue();
        assertThat(done.migratedAtOnce()).isEqualTo(12);
        assertThat(done.migratedOneByOne()).isEqualTo(1);
        assertThat(done.batchId()).isNull();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(previous.getId()).count())
                .isZero();

        for (Waiting w : projectTasks()) {
            ProcessInstance pi = instances.get(w.taskId());
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
                    .singleResult().getProcessDefinitionId()).isEqualTo(current.getId());
            Task task = taskAt(pi.getId(), w.taskId());
            assertThat(task).as(w.taskId()).isNotNull();
            assertThat(task.getProcessDefinitionId()).isEqualTo(current.getId());
            assertThat(state(task)).as("%s as it was", w.taskId()).isEqualTo(before.get(w.taskId()));
        }
        // The progress cycle's timer kept its due date and moved to today's definition.
        Job cycle = engine.getManagementService().createJobQuery()
                .processInstanceId(instances.get("Task_ReportCompletion").getId()).timers().singleResult();
        assertThat(cycle.getProcessDefinitionId()).isEqualTo(current.getId());

        // 确认公示结果 has no counterpart: the recorded objections are checked instead, and payment goes on.
        assertThat(objectionsChecked).containsExactly(retiredProject);
        assertThat(atNoticeOutcome).isWaitingAt("Task_PreparePayment");
        assertThat(taskAt(atNoticeOutcome.getId(), ModelChanges.CONFIRM_NOTICE_OUTCOME)).isNull();
        assertThat(engine.getRuntimeService().getVariables(atNoticeOutcome.getId()))
                .containsAllEntriesOf(retiredVariables).containsEntry("objectionUpheld", false);

        for (Waiting w : projectTasks()) {
            ProcessInstance pi = instances.get(w.taskId());
            submit(taskAt(pi.getId(), w.taskId()), TcProjectProcess.KEY, w);
            if (!w.next().equals("Task_DrawPanel")) {
                runDueJobs(pi.getId());
            }
            assertThat(pi).as("after %s", w.taskId()).isWaitingAt(w.next());
        }
        assertThat(instances.get("Task_ReportProgress")).hasPassed("Event_ProgressReported");
        Waiting prepare = projectTasks().stream().filter(w -> w.taskId().equals("Task_PreparePayment")).findFirst()
                .orElseThrow();
        submit(taskAt(atNoticeOutcome.getId(), "Task_PreparePayment"), TcProjectProcess.KEY, prepare);
        assertThat(atNoticeOutcome).isWaitingAt("Task_ApprovePayment");

        // The engine's audit trail names the administrator.
        assertThat(engine.getHistoryService().createUserOperationLogQuery()
                .operationType(UserOperationLogEntry.OPERATION_TYPE_MIGRATE).userId(ADMIN).count()).isPositive();
        assertThat(engine.getHistoryService().createUserOperationLogQuery()
                .operationType(UserOperationLogEntry.OPERATION_TYPE_MODIFY_PROCESS_INSTANCE).userId(ADMIN)
                .processInstanceId(atNoticeOutcome.getId()).count()).isPositive();
    }

    @Test
    void shouldMigrateRoundsWaitingAtEachUserTaskAndGiveTheListTaskItsRankedList() {
        ProcessDefinition previous = version(TcAnnualRoundProcess.KEY, HEKOU, 1);
        ProcessDefinition current = version(TcAnnualRoundProcess.KEY, HEKOU, 2);
        assertThat(userTasks(previous)).containsExactlyInAnyOrderElementsOf(
                roundTasks().stream().map(Waiting::taskId).toList());

        Map<String, ProcessInstance> instances = new LinkedHashMap<>();
        Map<String, TaskState> before = new LinkedHashMap<>();
        for (Waiting w : roundTasks()) {
            ProcessInstance pi = startAt(previous, "hekou-2026-" + w.taskId(), roundVariables(), w.taskId());
            instances.put(w.taskId(), pi);
            before.put(w.taskId(), state(taskAt(pi.getId(), w.taskId())));
        }
        // The previous version's list task had no create listener: the list it shows is missing.
        assertThat(before.get("Task_DecideProposedList").local()).doesNotContainKey("proposedList");

        ProcessMigration.Report plan = asAdmin(() -> migration.dryRun(TcAnnualRoundProcess.KEY, HEKOU, 1));
        assertThat(plan.instances()).isEqualTo(4);
        assertThat(plan.resumed()).isEmpty();
        assertThat(plan.listenersRerun()).singleElement().satisfies(c -> {
            assertThat(c.activityId()).isEqualTo("Task_DecideProposedList");
            assertThat(c.listeners()).containsExactly("delegateExpression:${proposedListTaskListener}");
        });

        ProcessMigration.Report done = asAdmin(() -> migration.execute(TcAnnualRoundProcess.KEY, HEKOU, 1));
        assertThat(done.migratedAtOnce() + done.migratedOneByOne()).isEqualTo(4);

        for (Waiting w : roundTasks()) {
            ProcessInstance pi = instances.get(w.taskId());
            Task task = taskAt(pi.getId(), w.taskId());
            assertThat(task.getProcessDefinitionId()).isEqualTo(current.getId());
            TaskState after = state(task);
            TaskState was = before.get(w.taskId());
            assertThat(after.taskId()).isEqualTo(was.taskId());
            assertThat(after.candidates()).isEqualTo(was.candidates());
            assertThat(after.variables()).isEqualTo(was.variables());
            if (w.taskId().equals("Task_DecideProposedList")) {
                assertThat(after.local()).containsEntry("proposedList",
                        "{\"text\":\"按资金排序的拟扶持名单(轮次 7)\"}");
            } else {
                assertThat(after.local()).isEqualTo(was.local());
            }
        }
        for (Waiting w : roundTasks()) {
            ProcessInstance pi = instances.get(w.taskId());
            submit(taskAt(pi.getId(), w.taskId()), TcAnnualRoundProcess.KEY, w);
            runDueJobs(pi.getId());
            assertThat(pi).as("after %s", w.taskId()).isWaitingAt(w.next());
        }
        // A list task created in today's version gets its list the ordinary way.
        assertThat(engine.getTaskService().getVariableLocal(taskAt(instances.get("Task_AwaitQuotes").getId(),
                "Task_DecideProposedList").getId(), "proposedList")).isNotNull();
    }

    @Test
    void shouldFinishAnInstanceAnEarlierRunLeftParkedOnEitherVersion() {
        Map<String, Object> parked = projectVariables(301);
        parked.put(ProcessMigration.PARKED_FROM, ModelChanges.CONFIRM_NOTICE_OUTCOME);
        ProcessInstance onPrevious = startAt(version(TcProjectProcess.KEY, null, 1), "hekou-301", parked,
                TcProjectProcess.Elements.NOTICE_CLOSED);
        Map<String, Object> migratedOnly = projectVariables(302);
        migratedOnly.put(ProcessMigration.PARKED_FROM, ModelChanges.CONFIRM_NOTICE_OUTCOME);
        ProcessInstance onCurrent = startAt(version(TcProjectProcess.KEY, null, 2), "hekou-302", migratedOnly,
                TcProjectProcess.Elements.NOTICE_CLOSED);

        ProcessMigration.Report done = asAdmin(() -> migration.execute(TcProjectProcess.KEY, null, 1));

        assertThat(done.migratedOneByOne()).isEqualTo(1);
        assertThat(objectionsChecked).containsExactlyInAnyOrder(301L, 302L);
        for (ProcessInstance pi : List.of(onPrevious, onCurrent)) {
            assertThat(pi).isWaitingAt("Task_RecordAcceptance");
            assertThat(engine.getRuntimeService().getVariables(pi.getId())).doesNotContainKey(ProcessMigration.PARKED_FROM);
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
                    .singleResult().getProcessDefinitionId()).isEqualTo(version(TcProjectProcess.KEY, null, 2).getId());
        }
    }

    @Test
    void shouldRefuseAVersionWhoseWaitingTaskHasNoCounterpartAndNameIt() {
        String tenant = "yanzhou";
        ProcessTestEngine.deploy(engine, tenant, "processes/tc-annual-round.bpmn");
        ProcessDefinition v1 = version(TcAnnualRoundProcess.KEY, tenant, 1);
        ProcessInstance pi = startAt(v1, "yanzhou-2026", roundVariables(), "Task_CloseReview");
        deployWithout(tenant, "Task_CloseReview");

        assertThatThrownBy(() -> asAdmin(() -> migration.dryRun(TcAnnualRoundProcess.KEY, tenant, 1)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("「汇总专家评审结果」(Task_CloseReview) 1 个")
                .hasMessageContaining("版本 2 中没有对应节点");
        assertThatThrownBy(() -> asAdmin(() -> migration.execute(TcAnnualRoundProcess.KEY, tenant, 1)))
                .isInstanceOf(ValidationException.class);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(v1.getId());
    }

    @Test
    void shouldRefuseTheLatestVersionAnUnknownOneAMissingTenantAndAProcessWithoutPlan() {
        assertThatThrownBy(() -> migration.dryRun(TcProjectProcess.KEY, null, 2))
                .isInstanceOf(ValidationException.class).hasMessageContaining("已是最新版本");
        assertThatThrownBy(() -> migration.dryRun(TcProjectProcess.KEY, null, 9))
                .isInstanceOf(ValidationException.class).hasMessageContaining("没有版本 9");
        assertThatThrownBy(() -> migration.dryRun(TcAnnualRoundProcess.KEY, null, 1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("请填写辖区");
        assertThatThrownBy(() -> migration.dryRun(TcProjectProcess.KEY, HEKOU, 1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("不填辖区");
        assertThatThrownBy(() -> migration.dryRun("tc-panel-seat", null, 1))
                .isInstanceOf(cn.tcsubsidy.shared.NotFoundException.class).hasMessageContaining("没有版本迁移方案");
    }

    @Test
    void shouldMigrateMoreInstancesThanTheSynchronousLimitAsABatch() {
        String tenant = "huanggang";
        ProcessTestEngine.deploy(engine, tenant, "migration/tc-annual-round-previous.bpmn");
        ProcessTestEngine.deploy(engine, tenant, "processes/tc-annual-round.bpmn");
        ProcessDefinition v1 = version(TcAnnualRoundProcess.KEY, tenant, 1);
        int count = ProcessMigration.SYNC_LIMIT + 1;
        for (int i = 0; i < count; i++) {
            startAt(v1, "huanggang-" + i, roundVariables(), "Task_CloseReview");
        }
        ProcessMigration.Report done = asAdmin(() -> migration.execute(TcAnnualRoundProcess.KEY, tenant, 1));
        assertThat(done.batchId()).isNotNull();
        assertThat(done.migratedAtOnce()).isZero();
        assertThat(done.instances()).isEqualTo(count);
        // The job executor is off in tests: run the batch's seed, migration and monitor jobs here.
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = engine.getManagementService().createJobQuery().executable().list().stream()
                    .filter(j -> j.getProcessInstanceId() == null).toList();
            if (jobs.isEmpty()) {
                break;
            }
            jobs.forEach(j -> engine.getManagementService().executeJob(j.getId()));
        }
        ProcessDefinition v2 = version(TcAnnualRoundProcess.KEY, tenant, 2);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(v2.getId()).count())
                .isEqualTo(count);
        assertThat(engine.getTaskService().createTaskQuery().processDefinitionId(v2.getId())
                .taskDefinitionKey("Task_CloseReview").count()).isEqualTo(count);
    }

    /** Today's model of tc-annual-round with one user task renamed, as a careless model change would. */
    void deployWithout(String tenant, String taskId) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/tc-annual-round.bpmn")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"" + taskId + "\"",
                    "\"" + taskId + "Renamed\"").replace(">" + taskId + "<", ">" + taskId + "Renamed<");
            engine.getRepositoryService().createDeployment().tenantId(tenant)
                    .addInputStream("processes/tc-annual-round.bpmn", new ByteArrayInputStream(
                            xml.getBytes(StandardCharsets.UTF_8))).deploy();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    List<String> userTasks(ProcessDefinition definition) {
        return engine.getRepositoryService().getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)
                .stream().map(UserTask::getId).sorted().collect(Collectors.toList());
    }
}
