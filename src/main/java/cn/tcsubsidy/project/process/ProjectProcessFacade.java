package cn.tcsubsidy.project.process;

import cn.tcsubsidy.engine.AsSystem;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.process.TcProjectProcess.Messages;
import cn.tcsubsidy.project.process.TcProjectProcess.Vars;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Component;

/**
 * The one way into process tc-project: starting a project, and the round's messages to the projects it drives.
 * No business role may correlate messages or write variables of an instance (the command guard and the
 * authorizations see to that); a round step moves its projects as the system, inside the round's job that runs the
 * step after the bureau's task completion or the round's timer. Each message only records itself in the project
 * (tc-project continues after it asynchronously), so a step over hundreds of projects stays one short transaction
 * and each project's own work is a job of its own, retried and failing on its own.
 */
@Component
public class ProjectProcessFacade {

    private final RuntimeService runtime;

    public ProjectProcessFacade(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public record Started(long projectId, String processInstanceId) {
    }

    /** Files a project: the instance validates and stores it in its first step, in the same transaction. */
    public Started file(Map<String, Object> filing) {
        // Exact decimals travel as their plain text: the engine would store a BigDecimal as a serialized object.
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        filing.forEach((k, v) -> variables.put(k, v instanceof java.math.BigDecimal d ? d.toPlainString() : v));
        ProcessInstanceWithVariables pi = runtime.createProcessInstanceByKey(TcProjectProcess.KEY)
                .setVariables(variables).executeWithVariablesInReturn();
        return new Started(Vars.PROJECT_ID.get(pi.getVariables()), pi.getId());
    }

    /** @param dueAt when recommendation closes: the town's task is due then */
    public void openRecommendation(List<Project> projects, long roundId, int roundYear, java.util.Date dueAt) {
        AsSystem.run(() -> {
            for (Project p : projects) {
                runtime.createMessageCorrelation(Messages.RECOMMENDATION_OPENED).processInstanceId(p.processInstanceId())
                        .setVariables(Vars.ROUND_ID.entry(roundId)).setVariables(Vars.ROUND_YEAR.entry(roundYear))
                        .setVariables(Vars.RECOMMENDATION_DUE_AT.entry(dueAt)).correlateWithResult();
            }
        });
    }

    public void closeRecommendation(List<Project> projects) {
        correlate(Messages.RECOMMENDATION_CLOSED, projects);
    }

    public void closeReview(List<Project> projects) {
        correlate(Messages.REVIEW_CLOSED, projects);
    }

    /** Shows each project's place on the budget line in the bureau's award-decision form. */
    public void noteBudget(List<Project> projects, Map<Long, String> notes) {
        AsSystem.run(() -> {
            for (Project p : projects) {
                if (notes.containsKey(p.id())) {
                    Vars.BUDGET_NOTE.set(runtime, p.processInstanceId(), notes.get(p.id()));
                }
            }
        });
    }

    public void openNotice(List<Project> projects) {
        correlate(Messages.NOTICE_OPENED, projects);
    }

    public void closeNotice(List<Project> projects) {
        correlate(Messages.NOTICE_CLOSED, projects);
    }

    private void correlate(String message, List<Project> projects) {
        AsSystem.run(() -> {
            for (Project p : projects) {
                runtime.createMessageCorrelation(message).processInstanceId(p.processInstanceId()).correlateWithResult();
            }
        });
    }
}
