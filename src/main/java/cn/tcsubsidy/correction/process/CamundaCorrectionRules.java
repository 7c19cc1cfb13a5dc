package cn.tcsubsidy.correction.process;

import cn.tcsubsidy.correction.domain.CorrectionRules;
import cn.tcsubsidy.engine.RuleEvaluator;
import cn.tcsubsidy.project.domain.Stage;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Asks a jurisdiction's {@code tc-correction-deadline} ({@code dmn/<tenant>/<tenant>-correction.dmn}), its latest
 * version, as the rule evaluator (like the panel's tables), restoring the caller's authentication afterwards.
 */
@Component
public class CamundaCorrectionRules implements CorrectionRules {

    static final String STAGE = "stage";
    static final String WORKING_DAYS = "workingDays";

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final IdentityService identity;

    public CamundaCorrectionRules(DecisionService decisions, RepositoryService repository, IdentityService identity) {
        this.decisions = decisions;
        this.repository = repository;
        this.identity = identity;
    }

    @Override
    public int workingDays(String jurisdiction, Stage stage) {
        DmnDecisionResultEntries out = RuleEvaluator.run(identity, jurisdiction, () -> {
            DecisionDefinition table = repository.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(TcCorrectionProcess.DEADLINE_DECISION).tenantIdIn(jurisdiction)
                    .latestVersion().singleResult();
            if (table == null) {
                throw new IllegalStateException("no decision " + TcCorrectionProcess.DEADLINE_DECISION
                        + " deployed for tenant " + jurisdiction);
            }
            return decisions.evaluateDecisionByKey(TcCorrectionProcess.DEADLINE_DECISION)
                    .decisionDefinitionTenantId(jurisdiction).version(table.getVersion())
                    .variables(Variables.createVariables().putValue(STAGE, stage.name())).evaluate().getSingleResult();
        });
        Object days = out == null ? null : out.get(WORKING_DAYS);
        if (!(days instanceof Number n) || n.intValue() < 1) {
            throw new IllegalStateException(TcCorrectionProcess.DEADLINE_DECISION + " of tenant " + jurisdiction
                    + " gives no working days (at least 1) for stage " + stage + ": " + days);
        }
        return n.intValue();
    }
}
