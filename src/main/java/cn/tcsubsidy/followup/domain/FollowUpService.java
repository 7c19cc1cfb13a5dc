package cn.tcsubsidy.followup.domain;

import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Performance follow-up (绩效跟踪评价) with the indicators of Huanggang's plan: investment completion rate, development
 * contribution rate, output value, tax, new jobs. A project that misses its targets repays (追回) the amount decided.
 */
@Service
public class FollowUpService {

    public static final String MET = "MET";
    public static final String NOT_MET = "NOT_MET";
    private static final BigDecimal MAX_RATE = BigDecimal.valueOf(1000);

    private final StageGuard guard;
    private final ProjectRepository projects;
    private final ProjectHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AwardCases awards;

    public FollowUpService(StageGuard guard, ProjectRepository projects, ProjectHistory history, JdbcClient jdbc, Clock clock,
                           AwardCases awards) {
        this.guard = guard;
        this.projects = projects;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
        this.awards = awards;
    }

    public void evaluate(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        BigDecimal completion = f.bounded("investmentCompletionRate", "投资完成率", true, BigDecimal.ZERO, MAX_RATE);
        BigDecimal contribution = f.bounded("developmentContributionRate", "发展贡献率", true, BigDecimal.ZERO, MAX_RATE);
        BigDecimal output = f.money("outputValue", "新增产值", true);
        BigDecimal tax = f.money("taxPaid", "新增税收", true);
        Integer jobs = f.wholeNumber("newJobs", "新增就业", true, 0, 1_000_000);
        String conclusion = f.choice("performanceConclusion", "评价结论", Set.of(MET, NOT_MET), true);
        BigDecimal clawback = f.money("clawbackAmount", "应追回金额", NOT_MET.equals(conclusion));
        String opinion = f.text("performanceOpinion", "评价意见", true, 2000);
        f.throwIfInvalid();
        Project p = guard.enter(projectId, actor, Stage.FOLLOW_UP);
        if (NOT_MET.equals(conclusion) && (clawback.signum() == 0 || clawback.compareTo(p.paidAmount()) > 0)) {
            throw new ValidationException("clawbackAmount", "绩效未达标时应追回金额应大于 0 且不超过已拨付金额 " + Money.format(p.paidAmount()));
        }
        if (MET.equals(conclusion) && clawback.signum() != 0) {
            throw new ValidationException("clawbackAmount", "绩效达标的项目不应追回资金");
        }
        jdbc.sql("""
                insert into performance_evaluation (project_id, investment_completion_rate, development_contribution_rate,
                  output_value, tax_paid, new_jobs, conclusion, clawback_amount, opinion, evaluated_by, evaluated_at)
                values (:p, :completion, :contribution, :output, :tax, :jobs, :conclusion, :clawback, :opinion, :by, :at)
                """)
                .param("p", projectId).param("completion", completion).param("contribution", contribution)
                .param("output", output).param("tax", tax).param("jobs", jobs).param("conclusion", conclusion)
                .param("clawback", clawback).param("opinion", opinion).param("by", actor.userId())
                .param("at", LocalDateTime.now(clock)).update();
        String figures = "投资完成率 " + completion.toPlainString() + "%,发展贡献率 " + contribution.toPlainString()
                + "%,新增产值 " + Money.format(output) + ",新增税收 " + Money.format(tax) + ",新增就业 " + jobs + " 人";
        if (MET.equals(conclusion)) {
            projects.setStage(projectId, Stage.CLOSED);
            history.record(projectId, Stage.FOLLOW_UP, "PERFORMANCE_MET", actor.userId(), "绩效达标(" + figures + "):" + opinion);
        } else {
            projects.setStage(projectId, Stage.CLAWBACK);
            history.record(projectId, Stage.FOLLOW_UP, "PERFORMANCE_MISSED", actor.userId(),
                    "绩效未达标(" + figures + "),应追回 " + Money.format(clawback) + ":" + opinion);
        }
    }

    public void recover(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        BigDecimal recovered = f.money("recoveredAmount", "实际追回金额", true);
        String voucher = f.text("recoveryVoucherNo", "缴回凭证号", true, 64);
        LocalDate date = f.date("recoveryDate", "缴回日期", true);
        if (date != null && date.isAfter(LocalDate.now(clock))) {
            f.reject("recoveryDate", "缴回日期不能晚于今天");
        }
        f.throwIfInvalid();
        guard.enter(projectId, actor, Stage.CLAWBACK);
        BigDecimal due = jdbc.sql("select clawback_amount from performance_evaluation where project_id = :p")
                .param("p", projectId).query(BigDecimal.class).single();
        if (recovered.signum() == 0 || recovered.compareTo(due) > 0) {
            throw new ValidationException("recoveredAmount", "实际追回金额应大于 0 且不超过应追回金额 " + Money.format(due));
        }
        projects.setRecoveredAmount(projectId, recovered);
        awards.recovered(projectId, recovered, "绩效跟踪评价未达标,缴回凭证号 " + voucher, actor);
        projects.setStage(projectId, Stage.CLOSED);
        history.record(projectId, Stage.CLAWBACK, "RECOVERED", actor.userId(),
                "追回 " + Money.format(recovered) + "(应追回 " + Money.format(due) + "),缴回凭证号 " + voucher + ",缴回日期 " + date);
    }
}
