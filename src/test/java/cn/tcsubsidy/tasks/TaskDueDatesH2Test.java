package cn.tcsubsidy.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.project.process.TcProjectProcess;
import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.award.domain.AwardDecisionService;
import cn.tcsubsidy.engine.EngineClock;
import cn.tcsubsidy.mail.domain.MailOutbox;
import cn.tcsubsidy.mail.domain.OutboxMail;
import cn.tcsubsidy.mail.process.TaskReminders;
import cn.tcsubsidy.payment.domain.PayeeService;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.support.ProjectJobs;
import cn.tcsubsidy.support.Rest.Response;
import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.StageFixture;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Due dates from tc-task-due on Liaocheng projects, in the app with its tables and holiday calendar: the payment
 * tasks the model creates after the notice are dated 5 and 3 working days on (over 2026's Labour Day holiday and its
 * make-up Saturday), the bureau's award decision 10 even when the caller skips the custom listeners, the completion
 * report not at all, the town's recommendation keeps the round's date; an overdue finance task escalates to the
 * bureau once, a bureau task is the bureau's own overdue reminder and is not escalated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-task-due;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class TaskDueDatesH2Test {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final String FINANCE = "liaocheng-finance";
    static final Actor BUREAU = new Actor("liaocheng-bureau", List.of("liaocheng-bureau"), List.of("liaocheng"));
    static final AtomicInteger SERIAL = new AtomicInteger();
    /** Thursday 30 April 2026, 10:00 in Beijing: 1–5 May are the Labour Day holiday, Saturday 9 May is worked. */
    static final Instant EVE_OF_LABOUR_DAY = OffsetDateTime.parse("2026-04-30T10:00+08:00").toInstant();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;
    @Autowired
    ProjectRepository projects;
    @Autowired
    ProjectHistory history;
    @Autowired
    AwardCases awards;
    @Autowired
    AwardDecisionService decisions;
    @Autowired
    PayeeService payees;
    @Autowired
    TaskReminders reminders;
    @Autowired
    MailOutbox outbox;

    Rest rest;
    StageFixture fixture;

    record Case(long id, String pi) {
    }

    @BeforeEach
    void setUp() {
        rest = new Rest(port);
        fixture = new StageFixture(projects, history, jdbc);
    }

    @AfterEach
    void realTime() {
        EngineClock.reset();
    }

    static Date midnightBefore(String day) {
        return Date.from(LocalDate.parse(day).atStartOfDay(BEIJING).toInstant());
    }

    static void at(String beijing) {
        EngineClock.moveTo(OffsetDateTime.parse(beijing).toInstant());
    }

    /** A Liaocheng project filed over REST by its enterprise (its instance waits at Task_ReportCompletion). */
    Case filed() {
        int n = SERIAL.incrementAndGet();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("jurisdiction", "liaocheng");
        f.put("unitCode", "chiping");
        f.put("enterpriseName", "聊城市期限测试机械" + n + "有限公司");
        f.put("creditCode", CreditCode.withCheckCharacter(String.format("9137152%010d", 800 + n)));
        f.put("projectCode", String.format("2025-371523-34-03-%06d", 950_000 + n));
        f.put("projectName", "设备更新改造" + n);
        f.put("category", "EQUIPMENT");
        f.put("plannedTotalInvestment", 6_000_000);
        f.put("plannedEquipmentInvestment", 4_000_000);
        f.put("bankName", "中国银行聊城分行");
        f.put("bankAccount", "621700001234" + String.format("%04d", n));
        f.put("plannedStartDate", "2025-01-01");
        f.put("plannedEndDate", "2025-09-30");
        Response r = rest.post("liaocheng-ent-1", "/api/projects", f);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return new Case(r.body().get("projectId").asLong(), r.body().get("processInstanceId").asText());
    }

    /**
     * A filed project put by the domain's own steps where its notice closes (completed, scored, quoted, proposed, its
     * payee confirmed), its instance moved by the system to the notice's end; then, on the eve of Labour Day, the
     * round's message and the project's own job: the model opens the order and creates finance's task.
     */
    Case awaitingPayment() {
        Case c = filed();
        projects.recordCompletion(c.id(), LocalDate.of(2025, 9, 30), new BigDecimal("6000000"), new BigDecimal("4000000"),
                BigDecimal.ZERO, BigDecimal.ZERO);
        projects.setExpertScore(c.id(), BigDecimal.valueOf(85));
        projects.setRound(c.id(), fixture.round("CLOSED"));
        projects.setStage(c.id(), Stage.AWARD_DECISION);
        awards.quote(c.id());
        decisions.decide(c.id(), Map.of("awardDecision", "PROPOSE", "proposedAmount", 400_000, "awardOpinion", "列入"),
                BUREAU);
        projects.setStage(c.id(), Stage.NOTICE_OUTCOME);
        payees.confirm(c.id(), Map.of("payeeId", payees.current(c.id()).orElseThrow().id()), BUREAU);
        runtime.createProcessInstanceModification(c.pi()).cancelAllForActivity("Task_ReportCompletion")
                .startBeforeActivity("Event_NoticeClosed").execute();
        EngineClock.moveTo(EVE_OF_LABOUR_DAY);
        runtime.createMessageCorrelation("NoticeClosed").processInstanceId(c.pi()).correlate();
        management.executeJob(ProjectJobs.single(management, c.pi()).getId());
        return c;
    }

    Task task(Case c, String key) {
        return tasks.createTaskQuery().processInstanceId(c.pi()).taskDefinitionKey(key).singleResult();
    }

    List<OutboxMail> mails(Case c, String template) {
        return outbox.ofProject(c.id()).stream().filter(m -> m.template().equals(template)).toList();
    }

    int marks(Task t, String kind) {
        return jdbc.sql("select count(*) from mail_reminder where task_id = :t and kind = :k").param("t", t.getId())
                .param("k", kind).query(Integer.class).single();
    }

    @Test
    void shouldNameEveryCardAfterItsProject() {
        Case c = awaitingPayment();
        var p = projects.get(c.id());
        String unit = jdbc.sql("select name from recommending_unit where jurisdiction_code = 'liaocheng' and code = 'chiping'")
                .query(String.class).single();
        String card = "提交拨付申请 · " + p.projectName() + "(" + p.enterpriseName() + "," + unit + ")";
        assertThat(task(c, "Task_PreparePayment").getName()).isEqualTo(card);
        // What Tasklist lists for the finance officer (the name, whatever the filter's variables show).
        Response list = rest.get(FINANCE, "/engine-rest/task?processInstanceId=" + c.pi());
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.body().get(0).get("name").asText()).isEqualTo(card);
    }

    @Test
    void shouldDateThePaymentTasksTheModelCreatesInWorkingDaysOverTheHoliday() {
        Case c = awaitingPayment();

        // 6, 7, 8, Saturday 9 (make-up), 11 May: due at midnight after Monday 11 May.
        Task prepare = task(c, "Task_PreparePayment");
        assertThat(prepare.getCreateTime().toInstant().atZone(BEIJING).toLocalDate()).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(prepare.getDueDate()).isEqualTo(midnightBefore("2026-05-12"));

        at("2026-05-06T09:00+08:00");
        Response prepared = rest.complete(FINANCE, prepare.getId(), "paymentVoucherNo", "LC-PZ-" + c.id(),
                "paymentDate", "2026-05-06", "paymentNote", "按公示结果拨付");
        assertThat(prepared.status()).as(prepared.text()).isEqualTo(204);
        // Wednesday 6 May: 7, 8, Saturday 9 May.
        assertThat(task(c, "Task_ApprovePayment").getDueDate()).isEqualTo(midnightBefore("2026-05-10"));
    }

    @Test
    void shouldDateTheBureausTaskEvenWhenTheCallerSkipsTheCustomListenersAndLeaveTheCompletionReportUndated() {
        EngineClock.moveTo(EVE_OF_LABOUR_DAY);
        Case c = filed();
        assertThat(task(c, "Task_ReportCompletion").getDueDate()).as("open-ended while building").isNull();

        runtime.createProcessInstanceModification(c.pi()).startBeforeActivity("Task_DecideAward").execute(true, false);

        // 6, 7, 8, 9, 11, 12, 13, 14, 15, 18 May.
        assertThat(task(c, "Task_DecideAward").getDueDate()).isEqualTo(midnightBefore("2026-05-19"));
    }

    @Test
    void shouldKeepTheDueDateTheModelSets() {
        EngineClock.moveTo(EVE_OF_LABOUR_DAY);
        Case c = filed();
        Date roundDeadline = midnightBefore("2026-12-01");

        runtime.createProcessInstanceModification(c.pi()).startBeforeActivity("Task_RecommendProject")
                .setVariables(TcProjectProcess.Vars.RECOMMENDATION_DUE_AT.entry(roundDeadline))
                .setVariables(TcProjectProcess.Vars.ROUND_YEAR.entry(2026)).execute(true, false);

        assertThat(task(c, "Task_RecommendProject").getDueDate()).isEqualTo(roundDeadline);
    }

    @Test
    void shouldEscalateAnOverdueFinanceTaskOnceToTheBureauAndLeaveTheBureausOwnToItsReminder() {
        Case c = awaitingPayment();
        Task prepare = task(c, "Task_PreparePayment");
        runtime.createProcessInstanceModification(c.pi()).startBeforeActivity("Task_DecideAward").execute(true, false);
        Task decide = task(c, "Task_DecideAward");

        at("2026-05-11T23:59+08:00");
        reminders.scan();
        assertThat(mails(c, "task-escalated")).as("not yet overdue").isEmpty();

        at("2026-05-12T00:01+08:00");
        reminders.scan();
        List<OutboxMail> escalated = mails(c, "task-escalated");
        assertThat(escalated).extracting(OutboxMail::address).containsExactly("liaocheng-bureau@example.test");
        String financeGroup = identity.createGroupQuery().groupId(FINANCE).singleResult().getName();
        assertThat(escalated.get(0).subject()).isEqualTo("【技改奖补】待办事项逾期未办,请督办:提交拨付申请");
        assertThat(escalated.get(0).body()).contains("提交拨付申请", "办理人:" + financeGroup, "2026-05-12",
                "编号 " + c.id());
        assertThat(marks(prepare, TaskReminders.ESCALATED)).isEqualTo(1);

        reminders.scan();
        assertThat(mails(c, "task-escalated")).as("once per task").hasSize(1);

        at("2026-05-19T00:01+08:00");
        reminders.scan();
        assertThat(mails(c, "bureau-task-overdue")).extracting(OutboxMail::subject)
                .containsExactly("【技改奖补】待办事项已逾期:审定拟扶持金额");
        assertThat(marks(decide, TaskReminders.ESCALATED)).as("the bureau's own task is not escalated").isZero();
        assertThat(mails(c, "task-escalated")).hasSize(1);
    }

    /**
     * The table is a rule like the others: the jurisdiction's rule administrator deploys a new version (used by the
     * next task at once); a table giving 0 working days is refused by the guardrails; finance and another
     * jurisdiction's rule administrator may not deploy it.
     */
    @Test
    void shouldLetTheJurisdictionsRuleAdministratorChangeTheTableAndDateTheNextTaskByIt() throws Exception {
        String file = "liaocheng-task-due.dmn";
        String shipped = Files.readString(Path.of("dmn/liaocheng", file), StandardCharsets.UTF_8);
        String decideAward = "<outputEntry id=\"Output_TaskDue_DecideAward\"><text>10</text>";
        String changed = shipped.replace(decideAward, decideAward.replace("10", "2"));
        String broken = shipped.replace(decideAward, decideAward.replace("10", "0"));
        assertThat(changed).isNotEqualTo(shipped);
        assertThat(rest.deploy(FINANCE, "liaocheng", file, changed).status()).isEqualTo(403);
        assertThat(rest.deploy("hekou-rules", "liaocheng", file, changed).status()).isEqualTo(403);
        Response refused = rest.deploy("liaocheng-rules", "liaocheng", file, broken);
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.text()).contains("办理期限须为不少于1的整数个工作日", "Task_DecideAward");

        Response deployed = rest.deploy("liaocheng-rules", "liaocheng", file, changed);
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(200);
        try {
            EngineClock.moveTo(EVE_OF_LABOUR_DAY);
            Case c = filed();
            runtime.createProcessInstanceModification(c.pi()).startBeforeActivity("Task_DecideAward").execute(true, false);
            // 6, 7 May.
            assertThat(task(c, "Task_DecideAward").getDueDate()).isEqualTo(midnightBefore("2026-05-08"));
        } finally {
            assertThat(rest.deploy("liaocheng-rules", "liaocheng", file, shipped).status()).isEqualTo(200);
        }
    }

    /**
     * What another step handles is not escalated (the town's urging of a follow-up report: the bureau's own
     * escalation follows); a bureau task an officer claimed is still the bureau's (its overdue reminder, no
     * escalation); the panel lead's overdue consensus escalates, naming the lead.
     */
    @Test
    void shouldEscalateOnlyWhatNoOtherStepHandles() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey("due-test-handled").count() == 0) {
            repository.createDeployment().addModelInstance("due-test-handled.bpmn", Bpmn.createExecutableProcess("due-test-handled")
                    .camundaHistoryTimeToLive(1).startEvent().parallelGateway("Gateway_Fork")
                    .userTask("Task_UrgeReport").name("督促企业报送绩效目标完成情况")
                    .camundaCandidateGroups("liaocheng-town-chiping").camundaDueDate("${due}").endEvent()
                    .moveToNode("Gateway_Fork").userTask("Task_DecideAward").name("审定拟扶持金额")
                    .camundaCandidateGroups("liaocheng-bureau").camundaDueDate("${due}").endEvent()
                    .moveToNode("Gateway_Fork").userTask("Task_ReachConsensus").name("评审小组合议")
                    .camundaAssignee("liaocheng-expert-1").camundaDueDate("${due}").endEvent().done()).deploy();
        }
        long project = fixture.project(Stage.EXPERT_REVIEW, null);
        String pi = runtime.startProcessInstanceByKey("due-test-handled",
                Map.of("due", Date.from(Instant.now().minusSeconds(3600)))).getId();
        jdbc.sql("update project set process_instance_id = :i where id = :p").param("i", pi).param("p", project).update();
        Task decide = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_DecideAward").singleResult();
        tasks.claim(decide.getId(), "liaocheng-bureau");

        reminders.scan();
        reminders.scan();

        Case c = new Case(project, pi);
        org.camunda.bpm.engine.identity.User lead = identity.createUserQuery().userId("liaocheng-expert-1").singleResult();
        assertThat(mails(c, "task-escalated")).singleElement().satisfies(m -> {
            assertThat(m.subject()).endsWith("评审小组合议");
            assertThat(m.body()).contains("办理人:" + lead.getFirstName() + lead.getLastName());
            assertThat(m.address()).isEqualTo("liaocheng-bureau@example.test");
        });
        assertThat(mails(c, "bureau-task-overdue")).extracting(OutboxMail::subject)
                .containsExactly("【技改奖补】待办事项已逾期:审定拟扶持金额");
        assertThat(outbox.ofProject(project)).extracting(OutboxMail::subject).noneMatch(s -> s.contains("督促企业报送"));
    }
}
