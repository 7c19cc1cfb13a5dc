package cn.tcsubsidy.progress.domain;

import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Project progress (项目推进): periodic progress reports and the completion report (竣工) with actual figures. */
@Service
public class ProgressService {

    private final StageGuard guard;
    private final ProjectRepository projects;
    private final ProjectHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;

    public ProgressService(StageGuard guard, ProjectRepository projects, ProjectHistory history, JdbcClient jdbc, Clock clock) {
        this.guard = guard;
        this.projects = projects;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
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
        jdbc.sql("""
                insert into progress_report (project_id, report_date, completed_investment, note, reported_by, reported_at)
                values (:p, :date, :completed, :note, :by, :at)
                """)
                .param("p", projectId).param("date", date).param("completed", completed).param("note", note)
                .param("by", actor.userId()).param("at", LocalDateTime.now(clock)).update();
        history.record(projectId, Stage.IN_PROGRESS, "PROGRESS_REPORTED", actor.userId(),
                "报送进度(" + date + "):累计完成投资 " + Money.format(completed) + ";" + note);
    }

    public void reportCompletion(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        LocalDate date = f.date("completionDate", "竣工日期", true);
        BigDecimal total = f.money("actualTotalInvestment", "实际总投资", true);
        BigDecimal equipment = f.money("actualEquipmentInvestment", "实际设备投资", true);
        BigDecimal software = f.money("actualSoftwareInvestment", "其中软件及工艺包投资", false);
        BigDecimal rd = f.money("actualRdInvestment", "实际研发投入", false);
        String note = f.text("completionNote", "竣工情况说明", true, 2000);
        // Figures only some categories' rules read (absent = 0 / not rated / not funded).
        BigDecimal robots = f.money("robotInvestment", "购置工业机器人投资", false);
        BigDecimal informatization = f.money("informatizationInvestment", "信息化软硬件投资", false);
        BigDecimal national = f.money("nationalFunding", "国家资助金额", false);
        BigDecimal purchase = f.money("purchasePrice", "首台(套)购买价格", false);
        String mujuan = f.choice("mujuanClass", "亩产效益评价等级", java.util.Set.of("A", "B", "C", "D"), false);
        String level = f.choice("certificationLevel", "认定级别",
                java.util.Set.of("COUNTY", "CITY", "PROVINCE", "NATIONAL"), false);
        if (date != null && date.isAfter(LocalDate.now(clock))) {
            f.reject("completionDate", "竣工日期不能晚于今天");
        }
        if (equipment != null && robots != null && robots.compareTo(equipment) > 0) {
            f.reject("robotInvestment", "购置工业机器人投资计入设备投资,不能大于实际设备投资");
        }
        if (total != null && informatization != null && informatization.compareTo(total) > 0) {
            f.reject("informatizationInvestment", "信息化软硬件投资不能大于实际总投资");
        }
        if (total != null && total.signum() == 0) {
            f.reject("actualTotalInvestment", "实际总投资应大于 0");
        }
        if (total != null && equipment != null && equipment.compareTo(total) > 0) {
            f.reject("actualEquipmentInvestment", "实际设备投资不能大于实际总投资");
        }
        if (total != null && rd != null && rd.compareTo(total) > 0) {
            f.reject("actualRdInvestment", "实际研发投入不能大于实际总投资");
        }
        if (equipment != null && software != null && software.compareTo(equipment) > 0) {
            f.reject("actualSoftwareInvestment", "软件及工艺包投资计入设备投资,不能大于实际设备投资");
        }
        f.throwIfInvalid();
        Project p = guard.enter(projectId, actor, Stage.IN_PROGRESS);
        if (date.isBefore(p.plannedStartDate())) {
            throw new cn.tcsubsidy.shared.ValidationException("completionDate", "竣工日期不能早于计划开工日期 " + p.plannedStartDate());
        }
        projects.recordCompletion(projectId, date, total, equipment, software, rd);
        jdbc.sql("""
                insert into project_award_facts (project_id, robot_investment, informatization_investment,
                  national_funding, purchase_price, mujuan_class, echelon_listed, superior_funded, certification_level)
                values (:p, :robots, :info, :national, :purchase, :mujuan, :echelon, :superior, :level)
                """)
                .param("p", projectId).param("robots", robots).param("info", informatization)
                .param("national", national).param("purchase", purchase).param("mujuan", mujuan)
                .param("echelon", f.bool("echelonListed")).param("superior", f.bool("superiorFunded"))
                .param("level", level).update();
        history.record(projectId, Stage.COMPLETED, "COMPLETION_REPORTED", actor.userId(),
                "竣工报告(" + date + "):实际总投资 " + Money.format(total) + ",设备投资 " + Money.format(equipment)
                        + ";" + note);
    }
}
