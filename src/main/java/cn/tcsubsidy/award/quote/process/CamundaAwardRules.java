package cn.tcsubsidy.award.quote.process;

import cn.tcsubsidy.award.quote.AwardRules;
import cn.tcsubsidy.award.quote.AwardTerms;
import cn.tcsubsidy.award.quote.QuoteContext;
import cn.tcsubsidy.award.quote.QuoteRequest;
import cn.tcsubsidy.engine.RuleEvaluator;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/** Every real quote: the jurisdiction's deployed tables ({@link TableAwardRules} over {@link DeployedDecisions}). */
@Component
public class CamundaAwardRules implements AwardRules {

    private final TableAwardRules tables;
    private final IdentityService identity;

    public CamundaAwardRules(DecisionService decisions, RepositoryService repository, IdentityService identity) {
        this.tables = new TableAwardRules(new DeployedDecisions(decisions, repository));
        this.identity = identity;
    }

    @Override
    public AwardTerms decide(QuoteRequest r, QuoteContext context) {
        // A quote reads public policy and writes nothing: any signed-in user may ask about any jurisdiction, while
        // the engine would demand CREATE_INSTANCE on the decision and membership of its tenant. The tables are
        // therefore evaluated as the rule evaluator, an identity that may read and evaluate decision tables and
        // nothing else, in the one jurisdiction asked about; the caller's authentication is restored afterwards.
        return RuleEvaluator.run(identity, r.jurisdiction(), () -> tables.decide(r, context));
    }
}
