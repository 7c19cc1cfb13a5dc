package cn.tcsubsidy.progress.domain;

import cn.tcsubsidy.evidence.domain.RunningTotals;
import cn.tcsubsidy.project.domain.ProjectHistory;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Project progress (项目推进): periodic progress reports, each with its running total (累计完成投资) on its date,
 * and the completion report (竣工) with actual figures.
 */
@Service
public class ProgressService {

    private final StageGuard guard;
    private final ProjectHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final RunningTotals totals;
    private final CompletionReport completion;

    public ProgressService(StageGuard guard, ProjectHistory history, JdbcClient jdbc, Clock clock, RunningTotals totals,
                           CompletionReport completion) {
        this.guard = guard;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
        this.totals = totals;
        this.completion = completion;
    }

    public void reportProgress(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        LocalDate date = f.date("reportDate", "报告日期", true);
        BigDecimal completed = f.money("completedInvestmentToDate", "累计完成投资", true);
        String note = f.text("progressNote", "进展情况", true, 2000);
        if (date != null && date.isAfter(LocalDate.now(clock))) {
            f.reject("reportDate", "报告日期不能晚于今天");
        }
        f.throwIfInvalid();
        guard.enter(projectId, actor, Stage.IN_PROGRESS);
        // A running total never goes down: the year's completed investment is the difference of two of them.
        RunningTotals.problem(totals.of(projectId), date, completed).ifPresent(problem -> {
            throw new ValidationException("completedInvestmentToDate", problem);
        });
        jdbc.sql("""
                insert into progress_report (project_id, report_date, completed_investment, note, reported_by, reported_at)
                values (:p, :date, :completed, :note, :by, :at)
                """)
                .param("p", projectId).param("date", date).param("completed", completed).param("note", note)
                .param("by", actor.userId()).param("at", LocalDateTime.now(clock)).update();
        history.record(projectId, Stage.IN_PROGRESS, "PROGRESS_REPORTED", actor.userId(),
                "报送进度(" + date + "):累计完成投资 " + Money.format(completed) + ";" + note);
    }

    /** The completion report (竣工报告): see {@link CompletionReport}. */
    public void reportCompletion(long projectId, Map<String, Object> values, Actor actor) {
        completion.submit(projectId, values, actor);
    }
}
