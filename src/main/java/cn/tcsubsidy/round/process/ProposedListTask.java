package cn.tcsubsidy.round.process;

import cn.tcsubsidy.award.domain.BudgetLineService;
import cn.tcsubsidy.award.domain.ProposedListText;
import cn.tcsubsidy.project.process.TcProjectProcess;
import cn.tcsubsidy.round.process.TcAnnualRoundProcess.Elements;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The bureau's list task (Task_DecideProposedList) shows the ranked list in its form: a task-local {@code Json}
 * variable {@code proposedList} = {@code {"text": "<Markdown>"}} that the form's text component renders with
 * {@code {{proposedList.text}}} (Json, not a String: a round's list may exceed a string variable's 4,000 characters;
 * Tasklist parses Json variables before the form reads them). After a move across the line, the open list task and
 * the moved project's {@code budgetNote} (its award-decision form) are brought in step, as the system, in the move's
 * transaction: writing task and instance variables is not a business role's right.
 */
@Component
public class ProposedListTask {

    public static final String PROPOSED_LIST = "proposedList";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectProvider<ProcessEngine> engine;
    private final BudgetLineService budgetLine;

    public ProposedListTask(ObjectProvider<ProcessEngine> engine, BudgetLineService budgetLine) {
        this.engine = engine;
        this.budgetLine = budgetLine;
    }

    /** The variable's value for a board: {@code {"text": …}}. */
    public static TypedValue value(BudgetLineService.Board board) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(Map.of("text", ProposedListText.render(board)))).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @EventListener
    public void moved(BudgetLineService.Moved moved) {
        ProcessEngine e = engine.getIfAvailable();
        if (e == null) {
            return;
        }
        String roundInstance = budgetLine.roundProcessInstance(moved.roundId()).orElse(null);
        TaskService tasks = e.getTaskService();
        ((ProcessEngineConfigurationImpl) e.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(ctx -> ctx.runWithoutAuthorization(() -> {
                    if (roundInstance != null) {
                        for (Task t : tasks.createTaskQuery().processInstanceId(roundInstance)
                                .taskDefinitionKey(Elements.DECIDE_PROPOSED_LIST).list()) {
                            tasks.setVariableLocal(t.getId(), PROPOSED_LIST, value(budgetLine.board(moved.roundId())));
                        }
                    }
                    if (moved.processInstanceId() != null
                            && e.getRuntimeService().createProcessInstanceQuery()
                                    .processInstanceId(moved.processInstanceId()).active().count() > 0) {
                        TcProjectProcess.Vars.BUDGET_NOTE.set(e.getRuntimeService(), moved.processInstanceId(),
                                moved.budgetNote());
                    }
                    return null;
                }));
    }
}
