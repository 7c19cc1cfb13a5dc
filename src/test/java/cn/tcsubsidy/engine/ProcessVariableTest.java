package cn.tcsubsidy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProcessVariableTest {

    private static final ProcessVariable<String> TEXT = ProcessVariable.text("panelNote");
    private static final ProcessVariable<Long> ID = ProcessVariable.id("projectId");
    private static final ProcessVariable<Integer> YEAR = ProcessVariable.wholeNumber("roundYear");
    private static final ProcessVariable<Boolean> FLAG = ProcessVariable.flag("objectionUpheld");
    private static final ProcessVariable<Date> DATE = ProcessVariable.date("noticeEndsAt");
    private static final ProcessVariable<BigDecimal> MONEY = ProcessVariable.money("proposedAmount");
    private static final ProcessVariable<Map<String, Object>> MAP = ProcessVariable.map("roundCalendar");

    private enum Phase { PREPARE, SETTLE }

    private static final ProcessVariable<Phase> PHASE = ProcessVariable.of("phase", Phase.class);

    /** The instance's variables and the scope's own, as a delegate execution or task sees them. */
    private final Map<String, Object> instance = new HashMap<>();
    private final Map<String, Object> local = new HashMap<>();
    private DelegateExecution execution;

    @BeforeEach
    void execution() {
        execution = mock(DelegateExecution.class);
        when(execution.getProcessInstanceId()).thenReturn("pi-1");
        when(execution.getCurrentActivityId()).thenReturn("Task_OpenNotice");
        backedByMaps(execution);
    }

    private void backedByMaps(org.camunda.bpm.engine.delegate.VariableScope scope) {
        when(scope.getVariable(anyString())).thenAnswer(call -> {
            String name = call.getArgument(0);
            return local.containsKey(name) ? local.get(name) : instance.get(name);
        });
        when(scope.getVariableLocal(anyString())).thenAnswer(call -> local.get(call.<String>getArgument(0)));
        doAnswer(call -> instance.put(call.getArgument(0), call.getArgument(1))).when(scope)
                .setVariable(anyString(), any());
        doAnswer(call -> local.put(call.getArgument(0), call.getArgument(1))).when(scope)
                .setVariableLocal(anyString(), any());
        doAnswer(call -> instance.remove(call.<String>getArgument(0))).when(scope).removeVariable(anyString());
    }

    @Test
    void aNameIsRequired() {
        assertThatThrownBy(() -> ProcessVariable.text(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ID.name()).isEqualTo("projectId");
        assertThat(ID).hasToString("projectId (id (whole number))");
    }

    @Test
    void textIsReadAndWrittenAsItIs() {
        TEXT.set(execution, "通过");
        assertThat(instance).containsEntry("panelNote", "通过");
        assertThat(TEXT.get(execution)).isEqualTo("通过");
        assertThat(TEXT.find(execution)).contains("通过");
    }

    @Test
    void aMissingVariableIsEmptyToFindAndAnErrorNamingItToGet() {
        assertThat(TEXT.find(execution)).isEmpty();
        assertThatThrownBy(() -> TEXT.get(execution)).isInstanceOf(IllegalStateException.class)
                .hasMessage("process variable 'panelNote' (text) is not set in process instance pi-1 at Task_OpenNotice");
        instance.put("panelNote", null);
        assertThat(TEXT.find(execution)).isEmpty();
        assertThatThrownBy(() -> TEXT.get(execution)).hasMessageContaining("'panelNote' (text) is not set");
    }

    @Test
    void aValueOfAnotherKindIsAnErrorNamingTheVariableTheKindAndTheValue() {
        instance.put("roundYear", "2026");
        assertThatThrownBy(() -> YEAR.get(execution)).isInstanceOf(IllegalStateException.class)
                .hasMessage("process variable 'roundYear' in process instance pi-1 at Task_OpenNotice is a "
                        + "java.lang.String (2026), expected whole number");
        assertThatThrownBy(() -> YEAR.find(execution)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected whole number");
        instance.put("panelNote", 12);
        assertThatThrownBy(() -> TEXT.get(execution)).hasMessageContaining("is a java.lang.Integer (12), expected text");
        instance.put("objectionUpheld", "true");
        assertThatThrownBy(() -> FLAG.get(execution)).hasMessageContaining("expected flag (Boolean)");
        instance.put("noticeEndsAt", "2026-12-01");
        assertThatThrownBy(() -> DATE.get(execution)).hasMessageContaining("expected date");
        instance.put("roundCalendar", List.of(1));
        assertThatThrownBy(() -> MAP.get(execution)).hasMessageContaining("expected map");
        instance.put("phase", "PREPARE");
        assertThatThrownBy(() -> PHASE.get(execution)).hasMessageContaining("expected Phase");
    }

    @Test
    void aLongValueIsShortenedInTheMessage() {
        instance.put("roundYear", "x".repeat(100));
        assertThatThrownBy(() -> YEAR.get(execution)).hasMessageContaining("(" + "x".repeat(60) + "…)");
    }

    @Test
    void anIdIsReadFromAnyNumberHoldingAWholeValue() {
        for (Object stored : List.<Object>of(7, 7L, (short) 7, (byte) 7, 7.0, 7.0f, new BigDecimal("7.00"),
                BigInteger.valueOf(7))) {
            instance.put("projectId", stored);
            assertThat(ID.get(execution)).as("from %s", stored.getClass().getSimpleName()).isEqualTo(7L);
        }
        instance.put("projectId", 7.5);
        assertThatThrownBy(() -> ID.get(execution)).hasMessageContaining("is a java.lang.Double (7.5), expected id");
        instance.put("projectId", Double.NaN);
        assertThatThrownBy(() -> ID.get(execution)).hasMessageContaining("expected id (whole number)");
        ID.set(execution, 9L);
        assertThat(instance.get("projectId")).isEqualTo(9L);
    }

    @Test
    void aWholeNumberIsAnIntegerInIntRange() {
        instance.put("roundYear", 2026L);
        assertThat(YEAR.get(execution)).isEqualTo(2026);
        instance.put("roundYear", 2026.0);
        assertThat(YEAR.get(execution)).isEqualTo(2026);
        instance.put("roundYear", Integer.MAX_VALUE + 1L);
        assertThatThrownBy(() -> YEAR.get(execution)).hasMessageContaining("(2147483648), expected whole number");
    }

    @Test
    void aFlagADateAMapAndAnyTypeAreReadAsTheyAre() {
        Date at = new Date(1_800_000_000_000L);
        FLAG.set(execution, true);
        DATE.set(execution, at);
        MAP.set(execution, Map.of("noticeWorkingDays", 5));
        PHASE.set(execution, Phase.SETTLE);
        assertThat(FLAG.get(execution)).isTrue();
        assertThat(DATE.get(execution)).isEqualTo(at);
        assertThat(MAP.get(execution)).containsEntry("noticeWorkingDays", 5);
        assertThat(PHASE.get(execution)).isEqualTo(Phase.SETTLE);
        assertThat(instance.get("phase")).isSameAs(Phase.SETTLE);
    }

    @Test
    void moneyIsStoredAsADoubleAndReadAsADecimal() {
        MONEY.set(execution, new BigDecimal("1250000.50"));
        assertThat(instance.get("proposedAmount")).isEqualTo(1250000.5d);
        assertThat(MONEY.get(execution)).isEqualByComparingTo("1250000.50");
        instance.put("proposedAmount", 800);
        assertThat(MONEY.get(execution)).isEqualByComparingTo("800");
        instance.put("proposedAmount", new BigDecimal("0.10"));
        assertThat(MONEY.get(execution)).isEqualTo(new BigDecimal("0.10"));
        instance.put("proposedAmount", "800");
        assertThatThrownBy(() -> MONEY.get(execution)).hasMessageContaining("expected money (number)");
        assertThat(MONEY.stored(new BigDecimal("3.25"))).isEqualTo(3.25d);
        assertThat(MONEY.stored(null)).isNull();
    }

    @Test
    void aNullValueIsSetAsNullAndRemovedOnRemove() {
        MONEY.set(execution, null);
        assertThat(instance).containsEntry("proposedAmount", null);
        MONEY.remove(execution);
        assertThat(instance).doesNotContainKey("proposedAmount");
    }

    @Test
    void localVariablesAreTheScopesOwn() {
        instance.put("panelNote", "instance");
        assertThat(TEXT.findLocal(execution)).isEmpty();
        assertThatThrownBy(() -> TEXT.getLocal(execution))
                .hasMessage("process variable 'panelNote' (text) is not set in process instance pi-1 at "
                        + "Task_OpenNotice (local)");
        TEXT.setLocal(execution, "local");
        assertThat(local).containsEntry("panelNote", "local");
        assertThat(instance).containsEntry("panelNote", "instance");
        assertThat(TEXT.getLocal(execution)).isEqualTo("local");
        assertThat(TEXT.get(execution)).isEqualTo("local");
    }

    @Test
    void aTasksMessageNamesTheTaskAndItsInstance() {
        DelegateTask task = mock(DelegateTask.class);
        when(task.getTaskDefinitionKey()).thenReturn("Task_ScoreProject");
        when(task.getProcessInstanceId()).thenReturn("pi-2");
        backedByMaps(task);
        assertThatThrownBy(() -> YEAR.get(task))
                .hasMessage("process variable 'roundYear' (whole number) is not set on task Task_ScoreProject of "
                        + "process instance pi-2");
        local.put("roundYear", 2026);
        assertThat(YEAR.getLocal(task)).isEqualTo(2026);
    }

    @Test
    void mapsOfVariablesAreReadTheSameWay() {
        Map<String, Object> variables = new HashMap<>(Map.of("projectId", 12, "roundYear", "x"));
        assertThat(ID.get(variables)).isEqualTo(12L);
        assertThat(ID.find(Map.of())).isEmpty();
        assertThat(TEXT.find(variables)).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> TEXT.get(variables))
                .hasMessage("process variable 'panelNote' (text) is not set in the variables given");
        assertThatThrownBy(() -> YEAR.find(variables))
                .hasMessage("process variable 'roundYear' in the variables given is a java.lang.String (x), "
                        + "expected whole number");
    }

    @Test
    void startsCorrelationsAndCompletionsGetTheStoredValue() {
        VariableMap variables = Variables.createVariables();
        assertThat(MONEY.putInto(ID.putInto(variables, 3L), new BigDecimal("10.5"))).isSameAs(variables);
        assertThat(variables).containsEntry("projectId", 3L).containsEntry("proposedAmount", 10.5d);
        Map<String, Object> plain = YEAR.putInto(new LinkedHashMap<>(), 2026);
        assertThat(plain).containsExactly(Map.entry("roundYear", 2026));
        assertThat(MONEY.entry(new BigDecimal("2"))).containsExactly(Map.entry("proposedAmount", 2.0d));
        assertThat(DATE.entry(null)).containsEntry("noticeEndsAt", null).hasSize(1);
    }

    @Test
    void theEnginesServicesAreReadAndWrittenByIds() {
        RuntimeService runtime = mock(RuntimeService.class);
        when(runtime.getVariable("pi-3", "projectId")).thenReturn(5);
        assertThat(ID.get(runtime, "pi-3")).isEqualTo(5L);
        assertThat(TEXT.find(runtime, "pi-3")).isEmpty();
        assertThatThrownBy(() -> TEXT.get(runtime, "pi-3"))
                .hasMessage("process variable 'panelNote' (text) is not set of execution pi-3");
        MONEY.set(runtime, "pi-3", new BigDecimal("1.5"));
        verify(runtime).setVariable("pi-3", "proposedAmount", 1.5d);

        TaskService tasks = mock(TaskService.class);
        when(tasks.getVariableLocal("t-1", "panelNote")).thenReturn("汇总");
        assertThat(TEXT.getLocal(tasks, "t-1")).isEqualTo("汇总");
        assertThatThrownBy(() -> YEAR.getLocal(tasks, "t-1"))
                .hasMessage("process variable 'roundYear' (whole number) is not set of task t-1 (local)");
        TEXT.setLocal(tasks, "t-1", "新");
        verify(tasks).setVariableLocal("t-1", "panelNote", "新");
    }
}
