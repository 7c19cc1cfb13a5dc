package cn.tcsubsidy.tasks.process;

import cn.tcsubsidy.engine.RuleEvaluator;
import cn.tcsubsidy.tasks.domain.TaskDueRules;
import java.util.OptionalInt;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Asks a jurisdiction's {@code tc-task-due}, its latest version, as the rule evaluator (like the correction's table),
 * restoring the caller's authentication afterwards. A jurisdiction without the table fails clearly: the app deploys
 * it for every jurisdiction at start, so its absence is a broken installation, not a task without a due date.
 */
@Component
public class CamundaTaskDueRules implements TaskDueRules {

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final IdentityService identity;

    public CamundaTaskDueRules(DecisionService decisions, RepositoryService repository, IdentityService identity) {
        this.decisions = decisions;
        this.repository = repository;
        this.identity = identity;
    }

    @Override
    public OptionalInt dueWorkingDays(String jurisdiction, String taskKey) {
        DmnDecisionResultEntries out = RuleEvaluator.run(identity, jurisdiction, () -> {
            DecisionDefinition table = repository.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(TcTaskDue.DECISION).tenantIdIn(jurisdiction).latestVersion().singleResult();
            if (table == null) {
                throw new IllegalStateException("no decision " + TcTaskDue.DECISION + " deployed for tenant " + jurisdiction);
            }
            return decisions.evaluateDecisionByKey(TcTaskDue.DECISION).decisionDefinitionTenantId(jurisdiction)
                    .version(table.getVersion())
                    .variables(Variables.createVariables().putValue(TcTaskDue.TASK_KEY, taskKey)).evaluate()
                    .getFirstResult();
        });
        Object days = out == null ? null : out.get(TcTaskDue.DUE_WORKING_DAYS);
        if (days == null) {
            return OptionalInt.empty();
        }
        if (!(days instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() < 1) {
            throw new IllegalStateException(TcTaskDue.DECISION + " of tenant " + jurisdiction
                    + " gives no whole number of working days (at least 1) for " + taskKey + ": " + days);
        }
        return OptionalInt.of(n.intValue());
    }
}
