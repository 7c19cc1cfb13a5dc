package cn.tcsubsidy.filing.domain;

import cn.tcsubsidy.payment.domain.PayeeService;
import cn.tcsubsidy.project.domain.NewProject;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.StepRefusedException;
import cn.tcsubsidy.shared.ValidationException;
import cn.tcsubsidy.followup.domain.PerformanceTargets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Files a project into the pool (备案入库): validates, stores it with its payee, and starts its history. */
@Service
public class FilingService {

    static final String POOL_ENTERED = "POOL_ENTERED";

    private final FilingValidator validator;
    private final ProjectRepository projects;
    private final ProjectHistory history;
    private final PayeeService payees;
    private final StageGuard guard;
    private final PerformanceTargets targets;
    private final Clock clock;

    public FilingService(FilingValidator validator, ProjectRepository projects, ProjectHistory history,
                         PayeeService payees, StageGuard guard, PerformanceTargets targets, Clock clock) {
        this.targets = targets;
        this.clock = clock;
        this.validator = validator;
        this.projects = projects;
        this.history = history;
        this.payees = payees;
        this.guard = guard;
    }

    public long file(Map<String, Object> values, Actor actor, String processInstanceId) {
        Filing filing = validator.validate(values);
        NewProject p = filing.project();
        actor.requireJurisdiction(p.jurisdiction());
        long id = insert(p, actor);
        projects.setProcessInstance(id, processInstanceId);
        if (filing.statisticsReportId() != null) {
            projects.setStatisticsReportId(id, filing.statisticsReportId());
        }
        payees.recordAtFiling(id, filing.payee(), actor);
        targets.store(id, filing.targets(), actor.userId(), LocalDateTime.now(clock));
        if (filing.contactEmail() != null) {
            projects.setContactEmail(id, filing.contactEmail());
        }
        history.record(id, Stage.IN_PROGRESS, "FILED", actor.userId(),
                "项目备案入库:" + p.enterpriseName() + "「" + p.projectName() + "」,项目代码 " + p.projectCode()
                        + (filing.statisticsReportId() == null ? "" : ",统计联网直报项目编号 " + filing.statisticsReportId())
                        + ",计划总投资 " + Money.format(p.plannedTotalInvestment()) + ";收款账户 " + filing.payee().masked()
                        + ",待工信局核实" + (filing.targets().isEmpty() ? ""
                        : ";绩效目标:" + PerformanceTargets.describe(filing.targets())));
        return id;
    }

    /**
     * The validator saw the code free, but a filing of the same code may have been stored since: the database's
     * unique constraint decides, and its refusal is the field's refusal, not a server error.
     */
    private long insert(NewProject p, Actor actor) {
        try {
            return projects.insert(p, Stage.IN_PROGRESS, actor.userId());
        } catch (DuplicateKeyException e) {
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains(ProjectRepository.LIVE_CODE_CONSTRAINT)) {
                throw new ValidationException(FilingFields.PROJECT_CODE, ProjectCode.taken(p.projectCode()));
            }
            throw e;
        }
    }

    /** Records the pool level the jurisdiction's table chose (黄冈: 市级库 / 县市区库). */
    public void enterPool(long projectId, String poolLevel, String actor) {
        // Right after registration and once: a project being built, not yet in the pool.
        guard.require(projectId, "纳入项目库", Stage.IN_PROGRESS);
        if (history.of(projectId).stream().anyMatch(e -> POOL_ENTERED.equals(e.action()))) {
            throw new StepRefusedException("项目 " + projectId + " 已纳入项目库,不能再次纳入或变更库级别");
        }
        projects.setPoolLevel(projectId, poolLevel);
        history.record(projectId, Stage.IN_PROGRESS, POOL_ENTERED, actor, poolLevel == null
                ? "纳入技术改造项目库"
                : "纳入技术改造项目库,库级别:" + ("CITY".equals(poolLevel) ? "市级库" : "县市区库"));
    }
}
