package cn.tcsubsidy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * History time to live and the cleanup window (application.yml): the engine's nightly cleanup removes the history of
 * instances whose time to live has passed, and only that.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-history-cleanup;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=false",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class HistoryCleanupTest {

    private static final long DAY = 24L * 3600 * 1000;

    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;

    private final List<String> deployments = new java.util.ArrayList<>();

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        deployments.forEach(d -> repository.deleteDeployment(d, true));
    }

    private String deploy(String key, int ttlDays) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(ttlDays)
                .startEvent().endEvent().done();
        deployments.add(repository.createDeployment().tenantId("hekou").name("history-cleanup-test")
                .addModelInstance(key + ".bpmn", model).deploy().getId());
        return key;
    }

    @Test
    void shouldConfigureANightlyWindowAndEveryShippedDefinitionHasATimeToLive() {
        ProcessEngineConfigurationImpl c = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(c.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00+0800");
        assertThat(c.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0800");
        assertThat(c.isEnforceHistoryTimeToLive()).isTrue();
        assertThat(repository.createProcessDefinitionQuery().list())
                .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isPositive());
        assertThat(repository.createDecisionDefinitionQuery().list())
                .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isPositive());
        // The cleanup job is scheduled for the window's next start.
        List<Job> jobs = history.findHistoryCleanupJobs();
        assertThat(jobs).isNotEmpty();
        assertThat(jobs).allSatisfy(j -> assertThat(j.getDuedate()).isNotNull());
    }

    @Test
    void shouldRemoveExpiredHistoryAndOnlyThat() {
        String shortLived = deploy("tc-history-ttl-one-day", 1);
        String longLived = deploy("tc-history-ttl-ten-years", 3650);
        String expired = runtime.startProcessInstanceByKey(shortLived).getId();
        String kept = runtime.startProcessInstanceByKey(longLived).getId();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(java.util.Set.of(expired, kept))
                .count()).isEqualTo(2);

        // Two days later the one-day history has passed its removal time, the ten-year one has not.
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 2 * DAY));
        String job = history.cleanUpHistoryAsync(true).getId();
        management.executeJob(job);

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(expired).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(expired).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(kept).count()).isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(kept).count()).isPositive();
    }
}
