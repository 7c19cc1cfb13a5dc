package cn.tcsubsidy.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.mail.domain.MailOutbox;
import cn.tcsubsidy.mail.domain.MailStatus;
import cn.tcsubsidy.mail.domain.OutboxMail;
import cn.tcsubsidy.mail.domain.Recipient;
import cn.tcsubsidy.mail.domain.RecipientRole;
import cn.tcsubsidy.mail.process.SendMailJobHandler;
import cn.tcsubsidy.mail.process.TaskReminders;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.support.StageFixture;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real SMTP server (GreenMail) in this JVM: sent after commit by the engine job on the
 * project's process instance, nothing for a rolled-back transaction, a user without an address skipped, the
 * server down → retries → incident → server back → delivered once with the row's Message-ID. Subclasses give the
 * database; both set {@code spring.mail.host=127.0.0.1} and {@code tc.mail.retry-delays=1m,5m}.
 */
abstract class MailDeliveryScenario {

    static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    MailOutbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProjectRepository projects;
    @Autowired
    ProjectHistory history;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TaskReminders reminders;
    @Autowired
    TaskService taskService;

    GreenMail smtp;
    long projectId;
    String instanceId;

    @BeforeEach
    void setUp() {
        projectId = new StageFixture(projects, history, jdbc).project(Stage.IN_PROGRESS, null);
        if (repository.createProcessDefinitionQuery().processDefinitionKey("mail-test-wait").count() == 0) {
            repository.createDeployment().addModelInstance("mail-test-wait.bpmn",
                    Bpmn.createExecutableProcess("mail-test-wait").startEvent().userTask("Task_Wait").endEvent().done())
                    .deploy();
        }
        instanceId = runtime.startProcessInstanceByKey("mail-test-wait").getId();
        jdbc.sql("update project set process_instance_id = :i where id = :p").param("i", instanceId)
                .param("p", projectId).update();
    }

    @AfterEach
    void tearDown() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private void startServer() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private long queue(Recipient to) {
        return transactions.execute(tx -> outbox.queue(StageFixture.JURISDICTION, projectId, "filing-received", to,
                Map.of("projectName", "设备更新", "enterpriseName", "聊城市测试机械有限公司", "projectId", projectId,
                        "projectCode", "2025-371500-34-03-000001", "jurisdictionName", "聊城市")));
    }

    /** The mail jobs of this test's project (other tests' projects leave theirs). */
    private List<Job> mailJobs() {
        List<String> rows = outbox.ofProject(projectId).stream().map(m -> Long.toString(m.id())).toList();
        return management.createJobQuery().list().stream()
                .filter(j -> SendMailJobHandler.TYPE.equals(((JobEntity) j).getJobHandlerType()))
                .filter(j -> rows.contains(((JobEntity) j).getJobHandlerConfigurationRaw())).toList();
    }

    private OutboxMail row(long id) {
        return outbox.find(id).orElseThrow();
    }

    @Test
    void shouldSendAfterCommitOnTheProjectsInstanceWithTheRowsMessageId() throws Exception {
        startServer();
        long id = queue(new Recipient(RecipientRole.ENTERPRISE, "liaocheng-ent-1", "ent@example.test"));
        assertThat(row(id).status()).isEqualTo(MailStatus.PENDING);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        List<Job> jobs = mailJobs();
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).getProcessInstanceId()).isEqualTo(instanceId);

        management.executeJob(jobs.get(0).getId());

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("【技改奖补】项目备案已受理:设备更新");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ent@example.test");
        assertThat((String) received[0].getContent()).contains("项目编号:" + projectId).contains("聊城市测试机械有限公司");
        assertThat(received[0].getMessageID()).isEqualTo(row(id).messageId());
        assertThat(row(id).status()).isEqualTo(MailStatus.SENT);
        assertThat(row(id).sentAt()).isNotNull();
        assertThat(mailJobs()).isEmpty();
    }

    @Test
    void shouldSendNothingForWorkThatRolledBack() {
        startServer();
        long before = jdbc.sql("select count(*) from mail_outbox").query(Long.class).single();
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            outbox.queue(StageFixture.JURISDICTION, projectId, "filing-received",
                    new Recipient(RecipientRole.ENTERPRISE, null, "ent@example.test"),
                    Map.of("projectName", "设备更新", "enterpriseName", "企业", "projectId", projectId,
                            "projectCode", "X", "jurisdictionName", "聊城市"));
            throw new IllegalStateException("the work failed");
        })).hasMessage("the work failed");
        assertThat(jdbc.sql("select count(*) from mail_outbox").query(Long.class).single()).isEqualTo(before);
        assertThat(mailJobs()).isEmpty();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldSkipAUserWithoutAnAddressWithTheReasonAndNoJob() {
        jdbc.sql("update act_id_user set email_ = null where id_ = 'liaocheng-town-chiping'").update();
        Recipient town = outbox.user(RecipientRole.TOWN, "liaocheng-town-chiping");
        assertThat(town.hasAddress()).isFalse();
        long id = queue(town);
        assertThat(row(id).status()).isEqualTo(MailStatus.SKIPPED);
        assertThat(row(id).skipReason()).isEqualTo(MailOutbox.NO_ADDRESS);
        assertThat(mailJobs()).isEmpty();

        // The town's task is created all the same: the mail its creation causes is skipped, the process goes on.
        if (repository.createProcessDefinitionQuery().processDefinitionKey("mail-test-recommend").count() == 0) {
            repository.createDeployment().addModelInstance("mail-test-recommend.bpmn",
                    Bpmn.createExecutableProcess("mail-test-recommend").startEvent().userTask("Task_Wait")
                            .userTask("Task_RecommendProject").camundaCandidateGroups("liaocheng-town-chiping")
                            .endEvent().done()).deploy();
        }
        String pi = runtime.startProcessInstanceByKey("mail-test-recommend", Map.of("roundYear", 2026)).getId();
        jdbc.sql("update project set process_instance_id = :i where id = :p").param("i", pi).param("p", projectId).update();
        taskService.complete(taskService.createTaskQuery().processInstanceId(pi).singleResult().getId());
        assertThat(taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_RecommendProject").count())
                .isEqualTo(1);
        assertThat(outbox.ofProject(projectId)).filteredOn(m -> m.template().equals("town-awaits-recommendation"))
                .extracting(OutboxMail::status, OutboxMail::skipReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MailStatus.SKIPPED, MailOutbox.NO_ADDRESS));
    }

    @Test
    void shouldRetryWithWaitsThenRaiseAnIncidentOnTheProjectAndDeliverOnceWhenRetried() throws Exception {
        long id = queue(new Recipient(RecipientRole.ENTERPRISE, null, "ent@example.test"));
        // Server down: attempt 1 and 2 schedule the next attempt after 1m and 5m.
        for (int attempt = 1; attempt <= 2; attempt++) {
            Job job = mailJobs().get(0);
            management.executeJob(job.getId());
            Job next = mailJobs().get(0);
            assertThat(next.getId()).isNotEqualTo(job.getId());
            assertThat(next.getDuedate()).isAfter(new java.util.Date());
            assertThat(next.getProcessInstanceId()).isEqualTo(instanceId);
            assertThat(row(id).attempts()).isEqualTo(attempt);
            assertThat(row(id).status()).isEqualTo(MailStatus.PENDING);
            assertThat(row(id).lastError()).isNotBlank();
        }
        // The third failure is the incident, on the project's process instance.
        Job last = mailJobs().get(0);
        assertThat(last.getRetries()).isEqualTo(1);
        assertThatThrownBy(() -> management.executeJob(last.getId())).hasMessageContaining("发送失败");
        assertThat(row(id).status()).isEqualTo(MailStatus.FAILED);
        assertThat(management.createJobQuery().jobId(last.getId()).singleResult().getRetries()).isZero();
        List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(instanceId).list();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).getConfiguration()).isEqualTo(last.getId());

        startServer();
        management.setJobRetries(last.getId(), 1);
        management.executeJob(last.getId());
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(row(id).status()).isEqualTo(MailStatus.SENT);
        assertThat(runtime.createIncidentQuery().processInstanceId(instanceId).count()).isZero();
        assertThat(mailJobs()).isEmpty();
    }

    @Test
    void shouldKeepTheMailWhenTheProjectsInstanceEndsBeforeItIsSent() throws Exception {
        startServer();
        long id = queue(new Recipient(RecipientRole.ENTERPRISE, null, "ent@example.test"));
        runtime.deleteProcessInstance(instanceId, "test: the project ended");
        List<Job> jobs = mailJobs();
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).getProcessInstanceId()).isNull();
        management.executeJob(jobs.get(0).getId());
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(row(id).status()).isEqualTo(MailStatus.SENT);
    }

    /**
     * A panel member's task queues the assignment mail as it is created (to the member's account address); the scan
     * reminds once when it falls due within 2 working days and once when it is overdue, and the bureau once of an
     * overdue task in its group.
     */
    @Test
    void shouldMailTheAssignmentAtOnceAndRemindOncePerKindWhenDueAndOverdue() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey("mail-test-score").count() == 0) {
            repository.createDeployment().addModelInstance("mail-test-score.bpmn",
                    Bpmn.createExecutableProcess("mail-test-score").startEvent().userTask("Task_Wait")
                            .userTask("Task_ScoreProject").camundaAssignee("liaocheng-expert-1").camundaDueDate("${due}")
                            .userTask("Task_BureauStep").camundaCandidateGroups("liaocheng-bureau").camundaDueDate("${due}")
                            .endEvent().done()).deploy();
        }
        Date soon = Date.from(Instant.now().plus(Duration.ofHours(20)));
        String pi = runtime.startProcessInstanceByKey("mail-test-score", Map.of("due", soon, "panelSeat", 2)).getId();
        jdbc.sql("update project set process_instance_id = :i where id = :p").param("i", pi).param("p", projectId).update();
        taskService.complete(taskService.createTaskQuery().processInstanceId(pi).singleResult().getId());

        List<OutboxMail> assigned = outbox.ofProject(projectId).stream()
                .filter(m -> m.template().equals("panel-assigned")).toList();
        assertThat(assigned).hasSize(1);
        assertThat(assigned.get(0).address()).isEqualTo("liaocheng-expert-1@example.test");
        assertThat(assigned.get(0).body()).contains("席位 2").contains("设备更新");

        assertThat(reminders.scan()).isEqualTo(1);
        assertThat(reminders.scan()).isZero();
        assertThat(templates()).contains("panel-due-soon");

        Task score = taskService.createTaskQuery().processInstanceId(pi).singleResult();
        score.setDueDate(Date.from(Instant.now().minus(Duration.ofHours(1))));
        taskService.saveTask(score);
        assertThat(reminders.scan()).isEqualTo(1);
        assertThat(templates()).contains("panel-overdue");

        taskService.complete(score.getId());
        Task bureau = taskService.createTaskQuery().processInstanceId(pi).singleResult();
        bureau.setDueDate(Date.from(Instant.now().minus(Duration.ofHours(1))));
        taskService.saveTask(bureau);
        assertThat(reminders.scan()).isEqualTo(1);
        assertThat(reminders.scan()).isZero();
        assertThat(outbox.ofProject(projectId).stream().filter(m -> m.template().equals("bureau-task-overdue")))
                .extracting(OutboxMail::address).containsExactly("liaocheng-bureau@example.test");
    }

    private List<String> templates() {
        return outbox.ofProject(projectId).stream().map(OutboxMail::template).toList();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
