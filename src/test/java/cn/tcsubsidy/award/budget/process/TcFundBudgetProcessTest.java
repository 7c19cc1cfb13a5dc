package cn.tcsubsidy.award.budget.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.tcsubsidy.award.budget.FundBudget;
import cn.tcsubsidy.award.budget.FundBudgetService;
import cn.tcsubsidy.award.budget.process.TcFundBudgetProcess.Elements;
import cn.tcsubsidy.award.budget.process.TcFundBudgetProcess.Vars;
import cn.tcsubsidy.engine.Actors;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.ValidationException;
import cn.tcsubsidy.support.ProcessTestEngine;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/** Every path of tc-fund-budget, with its real step and a mocked budget service. */
class TcFundBudgetProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.Companion
            .builder(ProcessTestEngine.configuration("tc-fund-budget-test"))
            .assertClassCoverageAtLeast(0.9)
            .build();

    private static final String TENANT = "huanggang";
    private static final String FINANCE = "huanggang-finance";

    ProcessEngine engine;
    FundBudgetService budgets = mock(FundBudgetService.class);

    @BeforeEach
    void wire() {
        engine = extension.getProcessEngine();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(TcFundBudgetProcess.KEY).count() == 0) {
            ProcessTestEngine.deploy(engine, TENANT, "processes/tc-fund-budget.bpmn", "forms/enter-fund-budget.form");
        }
        Mocks.register("recordFundBudgetDelegate",
                new FundBudgetSteps().recordFundBudgetDelegate(budgets, new Actors(engine.getIdentityService())));
        engine.getIdentityService().setAuthentication(FINANCE, List.of(FINANCE), List.of(TENANT));
    }

    @AfterEach
    void reset() {
        engine.getIdentityService().clearAuthentication();
        Mocks.reset();
    }

    private ProcessInstance submit(Map<String, Object> form) {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(TcFundBudgetProcess.KEY).tenantIdIn(TENANT).singleResult().getId();
        return engine.getFormService().submitStartForm(definition, form);
    }

    @Test
    void shouldRecordTheFinanceOfficersEntryForTheInstancesJurisdiction() {
        when(budgets.enter(eq(TENANT), any(), any())).thenReturn(new FundBudget(TENANT, "macheng", "麻城市工业技改专项资金",
                2025, new BigDecimal("8000000.00"), new BigDecimal("0.00"), new BigDecimal("8000000.00"), "麻财预〔2025〕12号",
                FINANCE, LocalDateTime.now(), FINANCE, LocalDateTime.now(), List.of()));

        ProcessInstance pi = submit(Map.of(Vars.FUND_CODE.name(), "macheng", Vars.BUDGET_YEAR.name(), 2025, Vars.AMOUNT.name(), 8_000_000,
                Vars.BASIS.name(), "麻财预〔2025〕12号"));

        assertThat(pi).hasPassed(Elements.START, Elements.RECORD_BUDGET, Elements.RECORDED).isEnded();
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> entry = ArgumentCaptor.forClass(Map.class);
        ArgumentCaptor<Actor> actor = ArgumentCaptor.forClass(Actor.class);
        verify(budgets).enter(eq(TENANT), entry.capture(), actor.capture());
        Assertions.assertThat(entry.getValue()).as("the form's fields, not the initiator variable")
                .containsOnlyKeys(Vars.FUND_CODE.name(), Vars.BUDGET_YEAR.name(), Vars.AMOUNT.name(), Vars.BASIS.name());
        Assertions.assertThat(actor.getValue().userId()).isEqualTo(FINANCE);
        Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                        .variableName(Vars.BUDGET_NOTE.name()).singleResult().getValue())
                .isEqualTo("麻城市工业技改专项资金 2025 年度预算 8,000,000.00 元(依据 麻财预〔2025〕12号),已安排 0.00 元");
        Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(Vars.ENTERED_BY.name()).singleResult().getValue()).isEqualTo(FINANCE);
    }

    @Test
    void shouldFailTheStartWithTheRefusalAndLeaveNoInstance() {
        when(budgets.enter(eq(TENANT), any(), any())).thenThrow(new ValidationException("reason",
                "麻城市工业技改专项资金 2025 年度预算已录入,调整预算须填写调整原因"));

        assertThatThrownBy(() -> submit(Map.of(Vars.FUND_CODE.name(), "macheng", Vars.BUDGET_YEAR.name(), 2025, Vars.AMOUNT.name(), 1,
                Vars.BASIS.name(), "x"))).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("提交被拒绝:麻城市工业技改专项资金 2025 年度预算已录入,调整预算须填写调整原因");
        Assertions.assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(TcFundBudgetProcess.KEY).unfinished().count()).isZero();
    }
}
