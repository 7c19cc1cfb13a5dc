package cn.tcsubsidy.rules.change.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import cn.tcsubsidy.rules.change.domain.RuleChangeService;
import cn.tcsubsidy.rules.change.process.TcRuleChangeProcess.Elements;
import cn.tcsubsidy.rules.change.process.TcRuleChangeProcess.Vars;
import cn.tcsubsidy.shared.ClockConfiguration;
import cn.tcsubsidy.support.ProcessTestEngine;
import java.time.LocalDate;
import java.util.Date;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * tc-rule-change with its real delegate and a mocked {@link RuleChangeService}: the instance, in the change's
 * tenant, waits for 00:00 Beijing time of the date; the timer leads to the deployment as a job of its own, which
 * activates the change named by the system-set id.
 */
class TcRuleChangeProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.Companion
            .builder(ProcessTestEngine.configuration("tc-rule-change-test"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    private static final long CHANGE_ID = 17L;
    private static final Date AT = Date.from(LocalDate.of(2027, 3, 11).atStartOfDay(ClockConfiguration.BEIJING).toInstant());

    ProcessEngine engine;
    RuleChangeService changes = mock(RuleChangeService.class);

    @BeforeEach
    void wire() {
        engine = extension.getProcessEngine();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(TcRuleChangeProcess.KEY)
                .count() == 0) {
            ProcessTestEngine.deploy(engine, null, "processes/tc-rule-change.bpmn");
        }
        Mocks.register("deployRuleChangeDelegate", new RuleChangeSteps().deployRuleChangeDelegate(changes));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void shouldDeployTheChangeOfItsTenantOnlyAfterTheActivationDateTimer() {
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(TcRuleChangeProcess.KEY,
                "rule-change-" + CHANGE_ID,
                withVariables(Vars.RULE_CHANGE_ID.name(), CHANGE_ID, "jurisdiction", "hekou", Vars.ACTIVATION_AT.name(), AT));

        Assertions.assertThat(pi.getTenantId()).isEqualTo("hekou");
        assertThat(pi).isWaitingAt(Elements.ACTIVATION_DATE);
        Job timer = job(pi);
        Assertions.assertThat(timer.getDuedate()).isEqualTo(AT);
        verifyNoInteractions(changes);

        execute(timer);
        assertThat(pi).hasPassed(Elements.ACTIVATION_DATE).isWaitingAt(Elements.DEPLOY);
        verify(changes, never()).activateScheduled(CHANGE_ID, "hekou");

        execute(job(pi));
        verify(changes).activateScheduled(CHANGE_ID, "hekou");
        assertThat(pi).hasPassed(Elements.DEPLOY, Elements.ACTIVE).isEnded();
    }
}
