package cn.tcsubsidy.followup.api;

import cn.tcsubsidy.followup.domain.FollowUpRecords;
import cn.tcsubsidy.followup.domain.FollowUpService;
import cn.tcsubsidy.followup.domain.Indicator;
import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.payment.domain.ClawbackRecovery;
import cn.tcsubsidy.project.api.ProjectAccess;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.Roles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's performance follow-up (绩效跟踪评价): targets, schedule, reports with their results, reminders,
 * evaluations, and a clawback's recovery orders with every repayment. Read by the jurisdiction's bureau, finance,
 * process owner and auditor, by the user who filed the project (its own only) and the administrator; anyone else
 * reads the project as absent (404). Repayment vouchers in full for the bureau, finance, the auditor and the
 * administrator, by their tail for the others.
 */
@RestController
public class FollowUpController {

    private final ProjectAccess projects;
    private final FollowUpService followUps;
    private final ClawbackRecovery clawbacks;

    public FollowUpController(ProjectAccess projects, FollowUpService followUps, ClawbackRecovery clawbacks) {
        this.projects = projects;
        this.followUps = followUps;
        this.clawbacks = clawbacks;
    }

    public record Target(String indicator, String label, String unit, BigDecimal target) {
    }

    public record Schedule(String status, String statusLabel, LocalDate lastPaymentOn, LocalDate reportOpensOn,
                           LocalDate reportDueOn, LocalDate escalationDueOn, LocalDate rectifyDueOn, String reporter,
                           String ruleNote, LocalDateTime closedAt) {
    }

    public record Report(int round, String note, String reportedBy, LocalDateTime reportedAt,
                         Map<String, BigDecimal> results) {
    }

    public record Recovery(long id, String fundName, BigDecimal amount, BigDecimal repaidAmount, BigDecimal outstanding,
                           String status, String statusLabel, String reason, LocalDateTime openedAt) {
    }

    public record RepaymentView(long recoveryOrderId, BigDecimal amount, String voucherNo, LocalDate repaidOn,
                                String recordedBy, LocalDateTime recordedAt) {
    }

    public record FollowUpView(long projectId, String stage, String stageLabel, String practice, List<Target> targets,
                               Schedule schedule, List<Report> reports, List<FollowUpRecords.Urge> urges,
                               List<FollowUpRecords.Evaluation> evaluations, List<Recovery> clawbacks,
                               List<RepaymentView> repayments) {
    }

    @GetMapping("/api/projects/{id}/follow-up")
    public FollowUpView followUp(@PathVariable long id, @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        Project p = projects.find(id).filter(x -> reads(x, actor))
                .orElseThrow(() -> ProjectAccess.notFound(id));
        String j = p.jurisdiction();
        boolean vouchers = actor.isAdmin() || actor.inGroup(Roles.bureau(j)) || actor.inGroup(Roles.finance(j))
                || actor.inGroup(Roles.auditor(j));
        List<Target> targets = followUps.targets(id).entrySet().stream().map(e -> new Target(e.getKey().name(),
                e.getKey().label(), e.getKey().unit(), e.getValue())).toList();
        FollowUpRecords.All all = followUps.records(id).orElse(null);
        Schedule schedule = all == null ? null : new Schedule(all.followUp().status().name(),
                all.followUp().status().label(), all.followUp().lastPaymentOn(), all.followUp().reportOpensOn(),
                all.followUp().reportDueOn(), all.followUp().escalationDueOn(), all.followUp().rectifyDueOn(),
                all.followUp().reporter(), all.followUp().ruleNote(), all.followUp().closedAt());
        List<Report> reports = all == null ? List.of() : all.reports().stream().map(r -> new Report(r.round(), r.note(),
                r.reportedBy(), r.reportedAt(), named(r.results()))).toList();
        List<Recovery> recoveries = clawbacks.clawbacks(id).stream().map(r -> new Recovery(r.id(), r.fundName(),
                r.amount(), r.repaidAmount(), r.outstanding(), r.status().name(), r.status().label(), r.reason(),
                r.openedAt())).toList();
        List<RepaymentView> repayments = clawbacks.repayments(id).stream().map(x -> new RepaymentView(x.recoveryOrderId(),
                x.amount(), vouchers ? x.voucherNo() : x.voucherTail(), x.repaidOn(), x.recordedBy(),
                x.recordedAt())).toList();
        return new FollowUpView(id, p.stage().name(), p.stage().label(),
                "绩效未达标的整改与追回、评价周期、期限和阈值为常见做法(非政策原文),见本辖区决策表 tc-follow-up-period、"
                        + "tc-performance-evaluation", targets, schedule, reports,
                all == null ? List.of() : all.urges(), all == null ? List.of() : all.evaluations(), recoveries, repayments);
    }

    private static Map<String, BigDecimal> named(Map<Indicator, BigDecimal> values) {
        Map<String, BigDecimal> named = new LinkedHashMap<>();
        values.forEach((i, v) -> named.put(i.name(), v));
        return named;
    }

    private static boolean reads(Project p, Actor actor) {
        String j = p.jurisdiction();
        if (actor.isAdmin()) {
            return true;
        }
        if (!actor.mayActIn(j)) {
            return false;
        }
        return actor.inGroup(Roles.bureau(j)) || actor.inGroup(Roles.finance(j)) || actor.inGroup(Roles.owner(j))
                || actor.inGroup(Roles.auditor(j)) || actor.userId().equals(p.filedBy());
    }
}
