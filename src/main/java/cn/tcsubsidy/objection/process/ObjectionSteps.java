package cn.tcsubsidy.objection.process;

import cn.tcsubsidy.engine.TaskSubmissionHandler;
import cn.tcsubsidy.objection.domain.Objection;
import cn.tcsubsidy.objection.domain.ObjectionService;
import cn.tcsubsidy.objection.domain.ObjectionStatus;
import cn.tcsubsidy.objection.domain.SupplementService;
import cn.tcsubsidy.objection.process.TcObjectionProcess.Elements;
import cn.tcsubsidy.objection.process.TcObjectionProcess.Vars;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.Money;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What each step of tc-objection does in the domain, in the order of the model. The objection a step concerns is the
 * one its process instance was started for (the engine's id, looked up in the objection table), never a variable.
 */
@Configuration
public class ObjectionSteps {

    /** Task_InvestigateObjection: the bureau's finding, upheld (the award cancelled) or dismissed. */
    @Bean
    public TaskSubmissionHandler investigateObjectionHandler(ObjectionService objections) {
        return handler(Elements.INVESTIGATE, (task, actor) -> objections.decide(
                objections.byProcessInstance(task.processInstanceId()).id(), task.variables(), actor));
    }

    /**
     * Task_RecordObjectionOutcome: the project's instance hears of its last open objection's decision; an upheld one
     * offers the next project in rank the freed budget covers (supplementOffered, and what the bureau's form shows).
     */
    @Bean
    public JavaDelegate recordObjectionOutcomeDelegate(ObjectionService objections, SupplementService supplements,
                                                       ObjectionProcesses processes, ProjectRepository projects) {
        return execution -> {
            Objection o = objections.byProcessInstance(execution.getProcessInstanceId());
            processes.settle(o.projectId());
            Optional<SupplementService.Offer> offer = o.status() == ObjectionStatus.UPHELD
                    ? supplements.offerNext(o.id()) : Optional.empty();
            Vars.SUPPLEMENT_OFFERED.set(execution, offer.isPresent());
            offer.ifPresent(of -> {
                Project c = projects.get(of.candidateProjectId());
                Vars.ROUND_YEAR.set(execution, objections.roundYear(of.roundId()));
                Vars.SUPPLEMENT_SUMMARY.set(execution, "异议成立,项目「" + o.projectId() + "」的奖补已撤销,预算释放。"
                        + "预算线外下一名:" + c.enterpriseName() + "「" + c.projectName() + "」(项目编号 " + c.id()
                        + "),可拟扶持 " + Money.format(of.proposedAmount()) + ";递补的,另行公示。");
            });
        };
    }

    /** Task_OfferNextInRank: the bureau adds the project (its award reserved, its own notice opened) or declines. */
    @Bean
    public TaskSubmissionHandler offerNextInRankHandler(ObjectionService objections, SupplementService supplements) {
        return handler(Elements.OFFER_NEXT_IN_RANK, (task, actor) -> {
            Objection o = objections.byProcessInstance(task.processInstanceId());
            SupplementService.Offer offer = supplements.ofObjection(o.id())
                    .orElseThrow(() -> new IllegalStateException("no offer after objection " + o.id()));
            supplements.decide(offer.id(), task.variables(), noticeWorkingDays(task.variables()), actor);
        });
    }

    /** Task_StartSupplementNotice: an added project's own tc-project instance waits for its notice's end. */
    @Bean
    public JavaDelegate startSupplementNoticeDelegate(ObjectionService objections, SupplementService supplements,
                                                      ObjectionProcesses processes) {
        return execution -> {
            Objection o = objections.byProcessInstance(execution.getProcessInstanceId());
            supplements.ofObjection(o.id()).filter(of -> "ACCEPTED".equals(of.status()))
                    .ifPresent(processes::startSupplement);
        };
    }

    /** The notice length the system's Task_LoadNoticeCalendar read from the jurisdiction's tc-round-calendar. */
    private static int noticeWorkingDays(Map<String, Object> variables) {
        Optional<Map<String, Object>> calendar = Vars.NOTICE_CALENDAR.find(variables);
        return calendar.flatMap(Vars.NOTICE_WORKING_DAYS::find).filter(days -> days >= 1)
                .orElseThrow(() -> new IllegalStateException("tc-round-calendar gave no noticeWorkingDays: "
                        + calendar.orElse(null)));
    }

    private interface Step {
        void submit(TaskSubmissionHandler.Submission task, Actor actor);
    }

    private static TaskSubmissionHandler handler(String taskKey, Step step) {
        return new TaskSubmissionHandler() {
            @Override
            public String taskKey() {
                return taskKey;
            }

            @Override
            public void submit(Submission task, Actor actor) {
                step.submit(task, actor);
            }
        };
    }
}
