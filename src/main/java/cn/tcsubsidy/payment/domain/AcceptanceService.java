package cn.tcsubsidy.payment.domain;

import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Acceptance (验收), Task_RecordAcceptance: once every payment order of a project is paid (and every recovery repaid),
 * its town (镇街、开发区) or the bureau records the acceptance: the date, the findings and the acceptance document's
 * reference. Then the project leaves the pool ({@link PaymentService#exitPool}). One acceptance per project.
 */
@Service
public class AcceptanceService {

    private final StageGuard guard;
    private final ProjectHistory history;
    private final PaymentOrders orders;
    private final Clock clock;

    public AcceptanceService(StageGuard guard, ProjectHistory history, PaymentOrders orders, Clock clock) {
        this.guard = guard;
        this.history = history;
        this.orders = orders;
        this.clock = clock;
    }

    public void accept(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        LocalDate date = f.date("acceptanceDate", "验收日期", true);
        String findings = f.text("acceptanceFindings", "验收意见", true, 2000);
        String document = f.text("acceptanceDocument", "验收文件", true, 200);
        if (date != null && date.isAfter(LocalDate.now(clock))) {
            f.reject("acceptanceDate", "验收日期不能晚于今天");
        }
        f.throwIfInvalid();
        Project p = guard.enter(projectId, actor, Stage.ACCEPTANCE);
        if (!actor.isAdmin() && !actor.inGroup(Roles.bureau(p.jurisdiction()))
                && !actor.inGroup(Roles.town(p.jurisdiction(), p.unitCode()))) {
            throw new AccessDeniedException("验收由项目所在镇街(开发区)或本辖区工信局办理");
        }
        LocalDate lastPaid = orders.lastPaymentDate(projectId).orElse(null);
        if (lastPaid != null && date.isBefore(lastPaid)) {
            throw new ValidationException("acceptanceDate", "验收日期不能早于最后一笔拨付日期 " + lastPaid);
        }
        try {
            orders.insertAcceptance(projectId, date, findings, document, actor.userId(), LocalDateTime.now(clock));
        } catch (DuplicateKeyException e) {
            throw new ValidationException("acceptanceDate", "项目已登记验收,不能重复登记");
        }
        history.record(projectId, Stage.ACCEPTANCE, "ACCEPTED", actor.userId(),
                "验收:" + date + ",验收文件 " + document + ";" + findings);
    }
}
