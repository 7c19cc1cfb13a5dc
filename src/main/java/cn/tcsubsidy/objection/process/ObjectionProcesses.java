package cn.tcsubsidy.objection.process;

import cn.tcsubsidy.engine.AsSystem;
import cn.tcsubsidy.filing.domain.FilingFields;
import cn.tcsubsidy.objection.domain.Objection;
import cn.tcsubsidy.objection.domain.ObjectionChannel;
import cn.tcsubsidy.objection.domain.ObjectionService;
import cn.tcsubsidy.objection.domain.SupplementService;
import cn.tcsubsidy.objection.process.TcObjectionProcess.Vars;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.process.TcProjectProcess;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.ClockConfiguration;
import cn.tcsubsidy.shared.Money;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way into process tc-objection and the one way it talks to tc-project. Recording an objection starts its
 * investigation in the same transaction, as the system (no business role starts or correlates instances itself);
 * the last decision of a project's open objections tells the project's instance, under the project's row lock.
 */
@Component
public class ObjectionProcesses {

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ObjectionService objections;
    private final ProjectRepository projects;

    public ObjectionProcesses(RuntimeService runtime, IdentityService identity, ObjectionService objections,
                              ProjectRepository projects) {
        this.runtime = runtime;
        this.identity = identity;
        this.objections = objections;
        this.projects = projects;
    }

    /** Records the objection (refused as the domain says) and starts its investigation, in one transaction. */
    @Transactional
    public Objection file(long projectId, ObjectionChannel channel, Map<String, Object> values, ObjectionService.Scan scan,
                          Actor actor) {
        Objection o = objections.file(projectId, channel, values, scan, actor);
        Project p = projects.get(projectId);
        String summary = "异议编号 " + o.id() + "," + channel.label() + "," + o.filedAt().toLocalDate() + " 登记;异议事实和理由:"
                + o.grounds();
        Map<String, Object> variables = Variables.createVariables().putValue(FilingFields.JURISDICTION, p.jurisdiction());
        Vars.OBJECTION_ID.putInto(variables, o.id());
        Vars.PROJECT_ID.putInto(variables, projectId);
        Vars.ENTERPRISE_NAME.putInto(variables, p.enterpriseName());
        Vars.PROJECT_NAME.putInto(variables, p.projectName());
        Vars.PROPOSED_AMOUNT.putInto(variables, p.proposedAmount() == null ? null : Money.round(p.proposedAmount()));
        Vars.OBJECTION_SUMMARY.putInto(variables, summary.length() <= 4000 ? summary : summary.substring(0, 4000));
        ProcessInstance pi = asSystem(() -> runtime.createProcessInstanceByKey(TcObjectionProcess.KEY)
                .businessKey(String.valueOf(projectId)).setVariables(variables).execute());
        objections.setProcessInstance(o.id(), pi.getId());
        return o;
    }

    /**
     * After a decision (inside its command, the project's row locked): when no objection of the project is open and
     * its instance waits at Event_ObjectionsSettled, the message moves it on; a project whose notice is still running
     * is checked when the notice ends.
     */
    void settle(long projectId) {
        Project p = projects.lock(projectId);
        if (objections.standing(projectId) == ObjectionService.Standing.OPEN || p.processInstanceId() == null) {
            return;
        }
        AsSystem.run(() -> {
            boolean waiting = runtime.createEventSubscriptionQuery().processInstanceId(p.processInstanceId())
                    .eventType("message").eventName(TcProjectProcess.Messages.OBJECTIONS_SETTLED).count() > 0;
            if (waiting) {
                runtime.createMessageCorrelation(TcProjectProcess.Messages.OBJECTIONS_SETTLED)
                        .processInstanceId(p.processInstanceId()).correlateWithResult();
            }
        });
    }

    /**
     * 递补: the added project's own tc-project instance, started by the system at Event_SupplementNoticeOver (its
     * notice's end), registered as the project's instance from now on.
     */
    void startSupplement(SupplementService.Offer offer) {
        Project p = projects.get(offer.candidateProjectId());
        int year = p.roundId() == null ? 0 : roundYear(offer);
        Date endsAt = Date.from(offer.noticeEndsOn().plusDays(1).atStartOfDay(ClockConfiguration.BEIJING).toInstant());
        AsSystem.run(() -> {
            ProcessInstance pi = runtime.createProcessInstanceByKey(TcProjectProcess.KEY)
                    .businessKey(String.valueOf(p.id()))
                    .startBeforeActivity(TcProjectProcess.Elements.SUPPLEMENT_NOTICE_OVER)
                    .setVariables(TcProjectProcess.Vars.PROJECT_ID.entry(p.id()))
                    .setVariable(FilingFields.JURISDICTION, p.jurisdiction())
                    .setVariables(TcProjectProcess.Vars.ROUND_ID.entry(offer.roundId()))
                    .setVariables(TcProjectProcess.Vars.ROUND_YEAR.entry(year))
                    .setVariables(TcProjectProcess.Vars.SUPPLEMENT_NOTICE_ENDS_AT.entry(endsAt))
                    .execute();
            projects.setProcessInstance(p.id(), pi.getId());
        });
    }

    private int roundYear(SupplementService.Offer offer) {
        return objections.roundYear(offer.roundId());
    }

    /** Runs {@code call} without a signed-in user: no business role's authorizations, the tenant from the variables. */
    private <T> T asSystem(java.util.function.Supplier<T> call) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return call.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
