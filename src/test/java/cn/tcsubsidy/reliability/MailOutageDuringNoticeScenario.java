package cn.tcsubsidy.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.award.domain.AwardDecisionService;
import cn.tcsubsidy.engine.EngineClock;
import cn.tcsubsidy.identity.SignIn;
import cn.tcsubsidy.mail.domain.MailDispatch;
import cn.tcsubsidy.mail.domain.MailOutbox;
import cn.tcsubsidy.mail.domain.MailStatus;
import cn.tcsubsidy.mail.domain.OutboxMail;
import cn.tcsubsidy.mail.process.SendMailJobHandler;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.process.TcProjectProcess;
import cn.tcsubsidy.round.process.TcAnnualRoundProcess;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.support.StageFixture;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mail server is down while a round publishes its notice (拟扶持名单公示): the publication queues one
 * «listed in the notice» mail per listed project, to its enterprise, each sent by a job on the project's own
 * instance. Every attempt fails; each job waits {@code tc.mail.retry-delays} (1m, 5m; the engine's clock moves
 * instead of the test sleeping) and tries again, and the failure after the last wait raises an incident on the
 * project's instance, the row FAILED. The server comes back; the operator retries each incident as Cockpit does
 * (the job's retries set to 1); every mail arrives exactly once, with its outbox row's Message-ID. Running the jobs
 * again, retrying a gone job and a duplicated job deliver nothing more. Subclasses give the database; both set
 * {@code spring.mail.host=127.0.0.1}, {@code tc.mail.retry-delays=1m,5m} and job execution off (the test runs the
 * jobs as the job executor would, so every attempt is seen).
 */
abstract class MailOutageDuringNoticeScenario {

    static final int PROJECTS = 5;
    static final String J = StageFixture.JURISDICTION;
    static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired JdbcClient jdbc;
    @Autowired ProjectRepository projects;
    @Autowired ProjectHistory history;
    @Autowired AwardCases awards;
    @Autowired AwardDecisionService decisions;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired ManagementService management;
    @Autowired MailOutbox outbox;
    @Autowired MailDispatch dispatch;

    GreenMail smtp;

    @AfterEach
    void tearDown() {
        EngineClock.reset();
        identity.clearAuthentication();
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void shouldRetryRaiseIncidentsAndDeliverEveryNoticeMailOnceWhenTheMailServerIsDownDuringPublication()
            throws Exception {
        StageFixture fixture = new StageFixture(projects, history, jdbc);
        long round = fixture.round("LIST_DECISION");
        int year = ((Number) fixture.roundRow(round).get("round_year")).intValue();
        // Each project at the award decision, quoted, ranked and proposed; its instance waits for the notice.
        Map<Long, String> instances = new LinkedHashMap<>();
        for (int i = 0; i < PROJECTS; i++) {
            long id = fixture.project(Stage.AWARD_DECISION, round);
            projects.recordCompletion(id, LocalDate.of(2025, 9, 30), new BigDecimal("6000000"),
                    new BigDecimal("4000000"), BigDecimal.ZERO, BigDecimal.ZERO);
            projects.setStage(id, Stage.AWARD_DECISION);
            projects.setExpertScore(id, BigDecimal.valueOf(90 - i));
            jdbc.sql("update project set contact_email = :m where id = :p").param("m", "notice-" + id + "@example.test")
                    .param("p", id).update();
            awards.quote(id);
            instances.put(id, null);
        }
        awards.rank(year, projects.findByRoundAndStage(round, Stage.AWARD_DECISION));
        Actor bureau = SignIn.actorOf(identity, "liaocheng-bureau");
        identity.clearAuthentication();
        for (long id : instances.keySet()) {
            decisions.decide(id, Map.of("awardDecision", "PROPOSE", "proposedAmount", 400_000,
                    "awardOpinion", "按专家评审结果列入拟扶持名单"), bureau);
            assertThat(projects.get(id).stage()).isEqualTo(Stage.AWAITING_NOTICE);
            String pi = insideTheEngine(bureau, () -> runtime.createProcessInstanceByKey(TcProjectProcess.KEY)
                    .startBeforeActivity(TcProjectProcess.Elements.NOTICE_OPENED)
                    .setVariables(TcProjectProcess.Vars.PROJECT_ID.entry(id))
                    .setVariables(TcProjectProcess.Vars.ROUND_ID.entry(round))
                    .setVariables(TcProjectProcess.Vars.ROUND_YEAR.entry(year)).execute().getId());
            projects.setProcessInstance(id, pi);
            instances.put(id, pi);
        }
        // The round waits for the bureau's list; its calendar gives the notice 5 working days.
        String roundPi = runtime.createProcessInstanceByKey(TcAnnualRoundProcess.KEY).processDefinitionTenantId(J)
                .startBeforeActivity(TcAnnualRoundProcess.Elements.DECIDE_PROPOSED_LIST)
                .setVariables(TcAnnualRoundProcess.Vars.ROUND_ID.entry(round))
                .setVariables(TcAnnualRoundProcess.Vars.ROUND_YEAR.entry(year))
                .setVariables(TcAnnualRoundProcess.Vars.ROUND_CALENDAR.entry(new HashMap<>(Map.of(TcAnnualRoundProcess.Calendar.NOTICE_WORKING_DAYS, 5))))
                .execute().getId();
        jdbc.sql("update review_round set process_instance_id = :pi where id = :r").param("pi", roundPi)
                .param("r", round).update();

        // The SMTP server is down (nothing listens on its port). The bureau decides the list; the round's job
        // publishes the notice.
        long rowsBefore = jdbc.sql("select coalesce(max(id), 0) from mail_outbox").query(Long.class).single();
        Task list = tasks.createTaskQuery().processInstanceId(roundPi).singleResult();
        assertThat(list.getTaskDefinitionKey()).isEqualTo(TcAnnualRoundProcess.Elements.DECIDE_PROPOSED_LIST);
        identity.setAuthentication(bureau.userId(), bureau.groups(), bureau.tenants());
        forms.submitTaskForm(list.getId(), Map.of("listNote", year + "年度技术改造奖补拟扶持名单"));
        identity.clearAuthentication();
        for (Job job : management.createJobQuery().processInstanceId(roundPi).executable().list()) {
            management.executeJob(job.getId());
        }
        assertThat(instances.keySet()).allSatisfy(id -> assertThat(projects.get(id).stage()).isEqualTo(Stage.PUBLIC_NOTICE));

        List<OutboxMail> mails = jdbc.sql("select id from mail_outbox where id > :before and status = 'PENDING'"
                        + " order by id").param("before", rowsBefore).query(Long.class).list().stream()
                .map(id -> outbox.find(id).orElseThrow()).toList();
        assertThat(mails).as("the publication's mails: one per listed project, to its enterprise")
                .extracting(OutboxMail::template).containsOnly("notice-listed");
        assertThat(mails).extracting(OutboxMail::projectId).containsExactlyInAnyOrderElementsOf(instances.keySet());
        assertThat(mails).allSatisfy(m -> assertThat(m.address()).isEqualTo("notice-" + m.projectId() + "@example.test"));
        assertThat(mails).extracting(OutboxMail::messageId).doesNotHaveDuplicates();

        // Attempts 1 and 2 fail; each schedules the next after its wait (1m, then 5m), on the project's instance.
        int failedAttempts = 0;
        for (Duration wait : List.of(Duration.ofMinutes(1), Duration.ofMinutes(5))) {
            List<Job> due = mailJobs(mails);
            assertThat(due).hasSize(PROJECTS);
            for (Job job : due) {
                assertThat(job.getProcessInstanceId()).isEqualTo(instances.get(projectOf(job, mails)));
                management.executeJob(job.getId());
                failedAttempts++;
            }
            assertThat(mailJobs(mails)).as("every next attempt waits").isEmpty();
            List<Job> waiting = allMailJobs(mails);
            assertThat(waiting).hasSize(PROJECTS).allSatisfy(j -> assertThat(j.getDuedate())
                    .isCloseTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(wait)), 5_000));
            assertThat(mails).allSatisfy(m -> {
                OutboxMail now = outbox.find(m.id()).orElseThrow();
                assertThat(now.status()).isEqualTo(MailStatus.PENDING);
                assertThat(now.lastError()).isNotBlank();
            });
            EngineClock.moveTo(ClockUtil.getCurrentTime().toInstant().plus(wait).plusSeconds(1));
        }
        // Attempt 3, after the last wait: the incident, on the project's instance; the row FAILED.
        List<Job> last = mailJobs(mails);
        assertThat(last).hasSize(PROJECTS).allSatisfy(j -> assertThat(j.getRetries()).isEqualTo(1));
        for (Job job : last) {
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("发送失败");
            failedAttempts++;
        }
        List<Incident> incidents = runtime.createIncidentQuery().incidentType(Incident.FAILED_JOB_HANDLER_TYPE).list();
        assertThat(incidents).as("one incident per mail").hasSize(PROJECTS);
        assertThat(incidents).extracting(Incident::getProcessInstanceId)
                .containsExactlyInAnyOrderElementsOf(instances.values());
        assertThat(incidents).extracting(Incident::getConfiguration)
                .containsExactlyInAnyOrderElementsOf(last.stream().map(Job::getId).toList());
        assertThat(mails).allSatisfy(m -> {
            OutboxMail now = outbox.find(m.id()).orElseThrow();
            assertThat(now.status()).isEqualTo(MailStatus.FAILED);
            assertThat(now.attempts()).isEqualTo(3);
        });
        assertThat(mailJobs(mails)).as("an incident's job is not run again by itself").isEmpty();

        // The server is back; the operator retries each incident (Cockpit sets the job's retries), the job runs.
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        for (Incident incident : incidents) {
            management.setJobRetries(incident.getConfiguration(), 1);
        }
        int runs = runMailJobs(mails);
        assertThat(runs).isEqualTo(PROJECTS);

        MimeMessage[] received = smtp.getReceivedMessages();
        Map<String, Long> perMessageId = countByMessageId(received);
        assertThat(perMessageId).as("each row's Message-ID delivered once")
                .containsOnlyKeys(mails.stream().map(OutboxMail::messageId).toList())
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
        for (MimeMessage m : received) {
            OutboxMail row = mails.stream().filter(r -> r.messageId().equals(header(m))).findFirst().orElseThrow();
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo(row.address());
            assertThat(m.getSubject()).isEqualTo(row.subject());
        }
        assertThat(mails).allSatisfy(m -> {
            OutboxMail now = outbox.find(m.id()).orElseThrow();
            assertThat(now.status()).isEqualTo(MailStatus.SENT);
            assertThat(now.sentAt()).isNotNull();
        });
        assertThat(runtime.createIncidentQuery().count()).as("the incidents are resolved").isZero();
        assertThat(allMailJobs(mails)).isEmpty();

        // Again: nothing left to run; a gone job cannot be retried; a duplicated job finds its row SENT.
        assertThat(runMailJobs(mails)).isZero();
        assertThatThrownBy(() -> management.setJobRetries(incidents.get(0).getConfiguration(), 1))
                .isInstanceOf(ProcessEngineException.class);
        for (OutboxMail m : mails) {
            dispatch.schedule(m.id(), instances.get(m.projectId()), null, 3);
        }
        assertThat(runMailJobs(mails)).as("the duplicated jobs ran").isEqualTo(PROJECTS);
        assertThat(smtp.getReceivedMessages()).as("and sent nothing").hasSize(PROJECTS);
        assertThat(countByMessageId(smtp.getReceivedMessages())).allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));

        System.out.printf("mail outage during notice publication: %d mails, %d failed attempts, %d incidents,"
                        + " %d delivered after the retry, %d duplicates (after a second run and %d duplicated jobs)%n",
                mails.size(), failedAttempts, incidents.size(), received.length,
                smtp.getReceivedMessages().length - perMessageId.size(), PROJECTS);
    }

    /** Runs the due mail jobs of these rows (as the job executor would); returns how many ran. */
    private int runMailJobs(List<OutboxMail> mails) {
        int runs = 0;
        for (Job job : mailJobs(mails)) {
            management.executeJob(job.getId());
            runs++;
        }
        return runs;
    }

    /** The due mail jobs of these rows (retries left, due now). */
    private List<Job> mailJobs(List<OutboxMail> mails) {
        return filter(management.createJobQuery().executable().list(), mails);
    }

    private List<Job> allMailJobs(List<OutboxMail> mails) {
        return filter(management.createJobQuery().list(), mails);
    }

    private static List<Job> filter(List<Job> jobs, List<OutboxMail> mails) {
        List<String> rows = mails.stream().map(m -> Long.toString(m.id())).toList();
        return jobs.stream().filter(j -> SendMailJobHandler.TYPE.equals(((JobEntity) j).getJobHandlerType()))
                .filter(j -> rows.contains(((JobEntity) j).getJobHandlerConfigurationRaw())).toList();
    }

    private static long projectOf(Job job, List<OutboxMail> mails) {
        String row = ((JobEntity) job).getJobHandlerConfigurationRaw();
        return mails.stream().filter(m -> Long.toString(m.id()).equals(row)).findFirst().orElseThrow().projectId();
    }

    private static Map<String, Long> countByMessageId(MimeMessage[] received) {
        List<String> ids = new ArrayList<>();
        for (MimeMessage m : received) {
            ids.add(header(m));
        }
        return ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String header(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a project's instance as the app's own steps do: inside an engine command, signed in as the bureau. */
    private <T> T insideTheEngine(Actor actor, java.util.function.Supplier<T> start) {
        identity.setAuthentication(actor.userId(), actor.groups(), actor.tenants());
        try {
            return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                    .execute(commandContext -> start.get());
        } finally {
            identity.clearAuthentication();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
