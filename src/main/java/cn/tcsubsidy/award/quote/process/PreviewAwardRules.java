package cn.tcsubsidy.award.quote.process;

import cn.tcsubsidy.award.quote.AwardRules;
import cn.tcsubsidy.award.quote.AwardTerms;
import cn.tcsubsidy.award.quote.QuoteContext;
import cn.tcsubsidy.award.quote.QuoteRequest;
import cn.tcsubsidy.engine.EngineConfiguration;
import cn.tcsubsidy.engine.RuleEvaluator;
import cn.tcsubsidy.monitoring.TimedDmnEngine;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A preview's quote: the jurisdiction's deployed tables ({@link TableAwardRules} over a {@link PreviewDecisions}
 * snapshot), looked up as the rule evaluator like {@link CamundaAwardRules}, evaluated without a decision history row.
 * Each evaluation is timed like the engine's ({@code tc.decision.evaluation}).
 */
@Component
public class PreviewAwardRules implements AwardRules {

    private final PreviewDecisions decisions;
    private final IdentityService identity;

    public PreviewAwardRules(RepositoryService repository, JdbcClient jdbc, IdentityService identity,
                             ObjectProvider<MeterRegistry> meters) {
        this.decisions = new PreviewDecisions(repository, jdbc,
                TimedDmnEngine.timed(EngineConfiguration.feelOnlyDmnEngine().buildEngine(), meters));
        this.identity = identity;
    }

    /** The deployed tables for other previews (a rule change's what-if evaluates its candidates over them). */
    public PreviewDecisions decisions() {
        return decisions;
    }

    @Override
    public AwardTerms decide(QuoteRequest r, QuoteContext context) {
        // As CamundaAwardRules: a quote reads public policy; the tables are read as the rule evaluator, a member of
        // the one jurisdiction asked about, and the caller's authentication is restored afterwards.
        return RuleEvaluator.run(identity, r.jurisdiction(),
                () -> new TableAwardRules(decisions.forTenant(r.jurisdiction())).decide(r, context));
    }
}
