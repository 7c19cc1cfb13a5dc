package cn.tcsubsidy.followup.domain;

import cn.tcsubsidy.calendar.domain.WorkingDays;
import cn.tcsubsidy.followup.domain.FollowUpRecords.Evaluation;
import cn.tcsubsidy.followup.domain.FollowUpRecords.Report;
import cn.tcsubsidy.payment.domain.ClawbackRecovery;
import cn.tcsubsidy.payment.domain.PaymentService;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.StepRefusedException;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Performance follow-up (绩效跟踪评价) after the project left the pool, against the targets entered at filing
 * ({@link PerformanceTargets}; Hekou 四(三) 绩效目标管理, Huanggang 四(四) 投资完成率、发展贡献率、产值、税收、新增就业).
 * The period, the deadlines and the thresholds are the jurisdiction's tables ({@link FollowUpRules}); the clawback
 * on failed performance and all of these numbers are common practice (常见做法), not source text.
 *
 * <ol>
 *   <li>{@link #open}: the schedule from the last payment (report opens, is due, the bureau's escalation).</li>
 *   <li>{@link #report}: the enterprise's own filing user reports its results per indicator; {@link #urge}: the
 *       project's town, then the bureau, record their reminders while it is overdue.</li>
 *   <li>{@link #evaluate}: the bureau concludes PASS, RECTIFY (once) or CLAWBACK, against the table's suggestion
 *       (a departure needs its reason); a clawback names its basis and at most what was paid (net of recoveries), and
 *       opens recovery orders ({@link ClawbackRecovery}).</li>
 *   <li>{@link #rectify} (or {@link #rectificationMissed} when the deadline passed), then a second evaluation.</li>
 *   <li>{@link #recordRepayment}: finance records each repayment; the last one closes the project.</li>
 * </ol>
 * Each step locks the project, checks its stage and the follow-up's status, and writes in the caller's transaction.
 */
@Service
public class FollowUpService {

    public static final String PASS = "PASS";
    public static final String RECTIFY = "RECTIFY";
    public static final String CLAWBACK = "CLAWBACK";

    public static final String REPORT_NOTE = "reportNote";
    public static final String RECTIFICATION_MEASURES = "rectificationMeasures";
    public static final String URGE_NOTE = "urgeNote";
    public static final String CONCLUSION = "performanceConclusion";
    public static final String DEPARTURE_REASON = "departureReason";
    public static final String CLAWBACK_AMOUNT = "clawbackAmount";
    public static final String CLAWBACK_BASIS = "clawbackBasis";
    public static final String OPINION = "performanceOpinion";

    public static final String TOWN = "TOWN";
    public static final String BUREAU = "BUREAU";

    private final StageGuard guard;
    private final ProjectRepository projects;
    private final ProjectHistory history;
    private final FollowUps followUps;
    private final PerformanceTargets targets;
    private final FollowUpRules rules;
    private final PaymentService payments;
    private final ClawbackRecovery clawback;
    private final WorkingDays workingDays;
    private final Clock clock;

    public FollowUpService(StageGuard guard, ProjectRepository projects, ProjectHistory history, FollowUps followUps,
                           PerformanceTargets targets, FollowUpRules rules, PaymentService payments,
                           ClawbackRecovery clawback, WorkingDays workingDays, Clock clock) {
        this.guard = guard;
        this.projects = projects;
        this.history = history;
        this.followUps = followUps;
        this.targets = targets;
        this.rules = rules;
        this.payments = payments;
        this.clawback = clawback;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** The schedule the timers follow, and who works the tasks. */
    public record Schedule(LocalDate reportOpensOn, LocalDate reportDueOn, LocalDate escalationDueOn, String reporter,
                           String townGroup) {
    }

    /** What the table suggests for the evaluation due now, with the figures it read. */
    public record Assessment(int round, BigDecimal lowestRatio, FollowUpRules.Suggestion suggestion,
                             BigDecimal suggestedAmount, BigDecimal recoverable, String summary) {
    }

    // --- schedule ---

    /** Task_ScheduleFollowUp: the report opens the table's months after the last payment. */
    public Schedule open(long projectId) {
        Project p = guard.require(projectId, "安排绩效跟踪评价", Stage.FOLLOW_UP);
        if (followUps.find(projectId).isPresent()) {
            throw new StepRefusedException("项目 " + projectId + " 已安排绩效跟踪评价,不能重复安排");
        }
        LocalDate lastPaid = payments.lastPaidOn(projectId).orElseThrow(() ->
                new StepRefusedException("项目 " + projectId + " 没有拨付记录,不能安排绩效跟踪评价"));
        FollowUpRules.Period period = rules.period(p.jurisdiction(), p.category());
        LocalDate opens = lastPaid.plusMonths(period.reportAfterMonths());
        LocalDate due = workingDays.lastOf(opens, period.reportWorkingDays());
        LocalDate escalation = workingDays.lastOf(due.plusDays(1), period.escalationWorkingDays());
        String note = truncate(period.note(), 1000);
        followUps.insert(new FollowUp(projectId, FollowUpStatus.AWAITING_REPORT, lastPaid, opens, due, escalation,
                period.rectifyWorkingDays(), null, p.filedBy(), note, LocalDateTime.now(clock), null));
        history.record(projectId, Stage.FOLLOW_UP, "FOLLOW_UP_SCHEDULED", Actor.SYSTEM, truncate("绩效跟踪评价:最后一笔拨付 "
                + lastPaid + ",企业于 " + opens + " 起报送绩效目标完成情况," + due + " 前报送;" + note, 2000));
        return schedule(p, followUps.find(projectId).orElseThrow());
    }

    public Schedule schedule(long projectId) {
        return schedule(projects.get(projectId), require(projectId));
    }

    private static Schedule schedule(Project p, FollowUp f) {
        return new Schedule(f.reportOpensOn(), f.reportDueOn(), f.escalationDueOn(), f.reporter(),
                Roles.town(p.jurisdiction(), p.unitCode()));
    }

    // --- report and reminders ---

    /** Task_ReportResults: the user who filed the project reports the results of each indicator followed. */
    public void report(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        String note = f.text(REPORT_NOTE, "绩效目标完成情况说明", true, 2000);
        Project p = guard.enter(projectId, actor, Stage.FOLLOW_UP);
        FollowUp fu = require(projectId);
        requireReporter(fu, actor);
        Map<Indicator, BigDecimal> results = results(f, p);
        f.throwIfInvalid();
        if (fu.status() != FollowUpStatus.AWAITING_REPORT) {
            throw new ValidationException(REPORT_NOTE, "绩效目标完成情况已报送,当前为「" + fu.status().label() + "」");
        }
        if (LocalDate.now(clock).isBefore(fu.reportOpensOn())) {
            throw new ValidationException(REPORT_NOTE, "绩效目标完成情况自 " + fu.reportOpensOn() + " 起报送");
        }
        followUps.insertReport(projectId, 1, note, results, actor.userId(), LocalDateTime.now(clock));
        followUps.setStatus(projectId, FollowUpStatus.REPORTED, null);
        history.record(projectId, Stage.FOLLOW_UP, "PERFORMANCE_REPORTED", actor.userId(), truncate("报送绩效目标完成情况:"
                + PerformanceTargets.describe(results) + (LocalDate.now(clock).isAfter(fu.reportDueOn())
                ? "(逾期,应于 " + fu.reportDueOn() + " 前报送)" : "") + ";" + note, 2000));
    }

    /** Task_UrgeReport (the project's town) and Task_EscalateReport (the bureau): a reminder while overdue. */
    public void urge(long projectId, String level, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        String note = f.text(URGE_NOTE, "督促情况", true, 2000);
        f.throwIfInvalid();
        Project p = guard.enter(projectId, actor, Stage.FOLLOW_UP);
        String group = TOWN.equals(level) ? Roles.town(p.jurisdiction(), p.unitCode()) : Roles.bureau(p.jurisdiction());
        if (!actor.isAdmin() && !actor.inGroup(group)) {
            throw new AccessDeniedException(TOWN.equals(level) ? "由项目所在镇街督促企业报送" : "由工信局督办企业报送");
        }
        FollowUp fu = require(projectId);
        if (fu.status() != FollowUpStatus.AWAITING_REPORT) {
            throw new ValidationException(URGE_NOTE, "企业已报送绩效目标完成情况,无需督促");
        }
        followUps.insertUrge(projectId, level, note, actor.userId(), LocalDateTime.now(clock));
        history.record(projectId, Stage.FOLLOW_UP, "PERFORMANCE_REPORT_URGED", actor.userId(), truncate(
                (TOWN.equals(level) ? "镇街督促" : "工信局督办") + "报送绩效目标完成情况(应于 " + fu.reportDueOn()
                        + " 前报送):" + note, 2000));
    }

    // --- evaluation ---

    /** What the table suggests for the evaluation due now (Task_EvaluatePerformance's form shows it). */
    public Assessment assess(long projectId) {
        Project p = projects.get(projectId);
        List<Evaluation> done = followUps.evaluations(projectId);
        int round = done.size() + 1;
        List<Report> reports = followUps.reports(projectId);
        Map<Indicator, BigDecimal> results = reports.isEmpty() ? Map.of() : reports.get(reports.size() - 1).results();
        Map<Indicator, BigDecimal> goals = targets.of(projectId);
        BigDecimal lowest = null;
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Indicator, BigDecimal> t : goals.entrySet()) {
            BigDecimal result = results.getOrDefault(t.getKey(), BigDecimal.ZERO);
            BigDecimal ratio = result.divide(t.getValue(), 4, RoundingMode.HALF_UP);
            lowest = lowest == null || ratio.compareTo(lowest) < 0 ? ratio : lowest;
            lines.add(t.getKey().label() + ":目标 " + PerformanceTargets.format(t.getKey(), t.getValue()) + ",实际 "
                    + PerformanceTargets.format(t.getKey(), result) + ",完成 " + percent(ratio));
        }
        FollowUpRules.Suggestion s = rules.suggest(p.jurisdiction(), Math.min(round, 2), lowest);
        BigDecimal recoverable = clawback.recoverable(projectId);
        BigDecimal amount = Money.round(recoverable.multiply(s.share()));
        String summary = (round == 1 ? "首次评价" : "整改后再次评价(不能再次要求整改)") + ";"
                + (lines.isEmpty() ? "项目未设定绩效目标" : String.join(";", lines))
                + (lowest == null ? "" : ";最低完成比例 " + percent(lowest))
                + ";评价建议:" + label(s.conclusion()) + (CLAWBACK.equals(s.conclusion()) ? " " + percent(s.share())
                + "(" + Money.format(amount) + ")" : "") + "," + s.note()
                + ";已拨付可追回 " + Money.format(recoverable)
                + (reports.isEmpty() ? "" : ";企业说明:" + reports.get(reports.size() - 1).note());
        return new Assessment(round, lowest, s, amount, recoverable, truncate(summary, 4000));
    }

    /** Task_EvaluatePerformance: the bureau's conclusion; a clawback opens its recovery orders. */
    public void evaluate(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        String conclusion = f.choice(CONCLUSION, "评价结论", Set.of(PASS, RECTIFY, CLAWBACK), true);
        String departure = f.text(DEPARTURE_REASON, "不采纳评价建议的理由", false, 1000);
        boolean claws = CLAWBACK.equals(conclusion);
        BigDecimal amount = f.has(CLAWBACK_AMOUNT) ? f.money(CLAWBACK_AMOUNT, "追回金额", claws) : null;
        String basis = f.text(CLAWBACK_BASIS, "追回依据(协议条款或文件)", claws, 1000);
        String opinion = f.text(OPINION, "评价意见", true, 2000);
        if (claws && amount == null && !f.has(CLAWBACK_AMOUNT)) {
            f.reject(CLAWBACK_AMOUNT, "追回金额不能为空");
        }
        if (!claws && amount != null && amount.signum() != 0) {
            f.reject(CLAWBACK_AMOUNT, "评价结论不是追回时不填追回金额");
        }
        if (!claws && basis != null) {
            f.reject(CLAWBACK_BASIS, "评价结论不是追回时不填追回依据");
        }
        f.throwIfInvalid();
        Project p = guard.enter(projectId, actor, Stage.FOLLOW_UP);
        if (!actor.isAdmin() && !actor.inGroup(Roles.bureau(p.jurisdiction()))) {
            throw new AccessDeniedException("绩效评价由本辖区工信局办理");
        }
        FollowUp fu = require(projectId);
        Set<FollowUpStatus> evaluable = Set.of(FollowUpStatus.REPORTED, FollowUpStatus.RECTIFIED, FollowUpStatus.RECTIFY_MISSED);
        if (!evaluable.contains(fu.status())) {
            throw new ValidationException(CONCLUSION, "当前为「" + fu.status().label() + "」,不能评价");
        }
        Assessment a = assess(projectId);
        if (a.round() > 1 && RECTIFY.equals(conclusion)) {
            throw new ValidationException(CONCLUSION, "整改后再次评价不能再次要求整改:请选择通过或追回");
        }
        if (!conclusion.equals(a.suggestion().conclusion()) && departure == null) {
            throw new ValidationException(DEPARTURE_REASON, "评价结论与建议(" + label(a.suggestion().conclusion())
                    + ")不同,请写明不采纳建议的理由");
        }
        if (claws && (amount.signum() <= 0 || amount.compareTo(a.recoverable()) > 0)) {
            throw new ValidationException(CLAWBACK_AMOUNT, "追回金额应大于 0 且不超过已拨付(扣除已追回)的 "
                    + Money.format(a.recoverable()));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        followUps.insertEvaluation(projectId, new Evaluation(a.round(), a.lowestRatio(), a.suggestion().conclusion(),
                a.suggestion().share(), truncate(a.suggestion().note(), 1000), conclusion,
                conclusion.equals(a.suggestion().conclusion()) ? null : departure, claws ? amount : null, basis, opinion,
                actor.userId(), now));
        String head = (a.round() == 1 ? "绩效评价" : "整改后再次评价") + ":" + label(conclusion)
                + (conclusion.equals(a.suggestion().conclusion()) ? "(采纳建议)" : "(建议" + label(a.suggestion().conclusion())
                + ",不采纳理由:" + departure + ")");
        switch (conclusion) {
            case PASS -> {
                followUps.setStatus(projectId, FollowUpStatus.PASSED, now);
                projects.setStage(projectId, Stage.CLOSED);
                history.record(projectId, Stage.FOLLOW_UP, "PERFORMANCE_PASSED", actor.userId(), truncate(head + ";" + opinion, 2000));
            }
            case RECTIFY -> {
                LocalDate due = workingDays.lastOf(LocalDate.now(clock).plusDays(1), fu.rectifyWorkingDays());
                followUps.setRectifyDue(projectId, due);
                followUps.setStatus(projectId, FollowUpStatus.RECTIFYING, null);
                history.record(projectId, Stage.FOLLOW_UP, "PERFORMANCE_RECTIFY", actor.userId(), truncate(head
                        + ",限 " + due + " 前整改(" + fu.rectifyWorkingDays() + " 个工作日,常见做法);" + opinion, 2000));
            }
            default -> {
                clawback.open(projectId, amount, basis, actor);
                followUps.setStatus(projectId, FollowUpStatus.CLAWBACK, null);
                projects.setStage(projectId, Stage.CLAWBACK);
                history.record(projectId, Stage.FOLLOW_UP, "PERFORMANCE_CLAWBACK", actor.userId(), truncate(head
                        + ",追回 " + Money.format(amount) + "(常见做法);追回依据:" + basis + ";" + opinion, 2000));
            }
        }
    }

    // --- rectification ---

    /** The day the rectification is due (Task_Rectify's due date and boundary timer). */
    public LocalDate rectifyDueOn(long projectId) {
        return Optional.ofNullable(require(projectId).rectifyDueOn()).orElseThrow(() ->
                new StepRefusedException("项目 " + projectId + " 没有限期整改"));
    }

    /** Task_Rectify: the enterprise's measures and its results after them. */
    public void rectify(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        String measures = f.text(RECTIFICATION_MEASURES, "整改措施及成效", true, 2000);
        Project p = guard.enter(projectId, actor, Stage.FOLLOW_UP);
        FollowUp fu = require(projectId);
        requireReporter(fu, actor);
        Map<Indicator, BigDecimal> results = results(f, p);
        f.throwIfInvalid();
        if (fu.status() != FollowUpStatus.RECTIFYING) {
            throw new ValidationException(RECTIFICATION_MEASURES, "当前为「" + fu.status().label() + "」,不能报送整改");
        }
        followUps.insertReport(projectId, 2, measures, results, actor.userId(), LocalDateTime.now(clock));
        followUps.setStatus(projectId, FollowUpStatus.RECTIFIED, null);
        history.record(projectId, Stage.FOLLOW_UP, "PERFORMANCE_RECTIFIED", actor.userId(), truncate("报送整改情况:"
                + PerformanceTargets.describe(results) + ";" + measures, 2000));
    }

    /** Event_RectificationOverdue: the deadline passed without a rectification; the bureau evaluates again. */
    public void rectificationMissed(long projectId) {
        guard.require(projectId, "整改逾期", Stage.FOLLOW_UP);
        FollowUp fu = require(projectId);
        if (fu.status() != FollowUpStatus.RECTIFYING) {
            throw new StepRefusedException("项目 " + projectId + " 当前为「" + fu.status().label() + "」,不是限期整改中");
        }
        followUps.setStatus(projectId, FollowUpStatus.RECTIFY_MISSED, null);
        history.record(projectId, Stage.FOLLOW_UP, "PERFORMANCE_RECTIFY_MISSED", Actor.SYSTEM, "整改期限 "
                + fu.rectifyDueOn() + " 已过,企业未报送整改情况,由工信局再次评价");
    }

    // --- clawback ---

    /** Task_RecordRepayment: one repayment; the last closes the follow-up and the project. */
    public void recordRepayment(long projectId, Map<String, Object> values, Actor actor) {
        if (clawback.recordRepayment(projectId, values, actor)) {
            followUps.setStatus(projectId, FollowUpStatus.CLAWED_BACK, LocalDateTime.now(clock));
            projects.setStage(projectId, Stage.CLOSED);
            history.record(projectId, Stage.CLAWBACK, "CLAWBACK_REPAID", Actor.SYSTEM, "绩效未达标追回资金已全部缴回,项目办结");
        }
    }

    public boolean clawbackOutstanding(long projectId) {
        return clawback.outstanding(projectId);
    }

    public String repaymentSummary(long projectId) {
        return clawback.summary(projectId);
    }

    // --- what the forms and the API show ---

    /** The targets and the indicators to report, for the report and rectification forms. */
    public String reportSummary(long projectId) {
        Project p = projects.get(projectId);
        FollowUp fu = require(projectId);
        List<String> asked = required(p).stream().map(Indicator::label).toList();
        return "绩效目标(备案时填报):" + PerformanceTargets.describe(targets.of(projectId)) + ";须报送:"
                + String.join("、", asked) + ";报送期 " + fu.reportOpensOn() + " 至 " + fu.reportDueOn()
                + (fu.rectifyDueOn() == null ? "" : ";整改期限 " + fu.rectifyDueOn()) + ";" + fu.ruleNote();
    }

    public Optional<FollowUpRecords.All> records(long projectId) {
        return followUps.find(projectId).map(f -> new FollowUpRecords.All(f, followUps.reports(projectId),
                followUps.urges(projectId), followUps.evaluations(projectId)));
    }

    public Map<Indicator, BigDecimal> targets(long projectId) {
        return targets.of(projectId);
    }

    // --- checks ---

    private FollowUp require(long projectId) {
        return followUps.find(projectId).orElseThrow(() ->
                new StepRefusedException("项目 " + projectId + " 尚未安排绩效跟踪评价"));
    }

    /** Only the enterprise's own user, the one who filed the project, reports for it (not even the administrator). */
    private static void requireReporter(FollowUp fu, Actor actor) {
        if (!fu.reporter().equals(actor.userId())) {
            throw new AccessDeniedException("绩效目标完成情况由备案该项目的企业用户报送");
        }
    }

    /** The indicators the jurisdiction's table names, and any other the project has a target for. */
    private Set<Indicator> required(Project p) {
        Set<Indicator> required = new LinkedHashSet<>(rules.indicators(p.jurisdiction(), p.category()));
        required.addAll(targets.of(p.id()).keySet());
        return required;
    }

    private Map<Indicator, BigDecimal> results(FormValues f, Project p) {
        Set<Indicator> required = required(p);
        Map<Indicator, BigDecimal> results = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            BigDecimal v = PerformanceTargets.value(f, i, i.resultField(), "实际" + i.label(), required.contains(i));
            if (v != null) {
                results.put(i, v);
            }
        }
        return results;
    }

    static String label(String conclusion) {
        return switch (conclusion) {
            case PASS -> "通过";
            case RECTIFY -> "限期整改";
            case CLAWBACK -> "追回奖补资金";
            default -> conclusion;
        };
    }

    private static String percent(BigDecimal ratio) {
        return ratio.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
