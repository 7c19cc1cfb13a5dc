package cn.tcsubsidy.support;

import cn.tcsubsidy.engine.TaskCardVariables;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.project.domain.NewProject;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.process.TcProjectProcess;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A completed project of a review round of its own (year {@code year}, status REVIEW), put where the town's
 * recommendation leaves a project: its instance at the panel draw (the project's own job, not yet run), tagged with
 * its jurisdiction as a filing by one of its users is (started inside an engine command, as the app's steps start
 * instances), with the filing's variables the panel's forms show. Filed by {@code <jurisdiction>-ent-1} at the
 * jurisdiction's first recommending unit.
 */
public final class PanelAtDraw {

    public record Placed(String jurisdiction, long roundId, long projectId, String processInstanceId) {
    }

    /** The project's own figures; completed on 20 October of the year before the round, with these investments. */
    public record Filing(String enterpriseName, String creditCode, String projectCode, String projectName,
                         String category, BigDecimal totalInvestment, BigDecimal equipmentInvestment) {
    }

    private PanelAtDraw() {
    }

    public static Placed place(ProcessEngine engine, JdbcClient jdbc, ProjectRepository projects,
                               JurisdictionDirectory directory, String jurisdiction, int year, Filing f) {
        jdbc.sql("""
                insert into review_round (jurisdiction_code, round_year, recommendation_deadline, completed_before,
                    status, opened_by, opened_at)
                values (:j, :y, :deadline, :before, 'REVIEW', 'test', current_timestamp)""")
                .param("j", jurisdiction).param("y", year).param("deadline", LocalDate.of(year, 11, 30))
                .param("before", LocalDate.of(year, 1, 1)).update();
        long roundId = jdbc.sql("select id from review_round where jurisdiction_code = :j and round_year = :y")
                .param("j", jurisdiction).param("y", year).query(Long.class).single();
        long id = projects.insert(new NewProject(jurisdiction, directory.units(jurisdiction).get(0).code(),
                f.enterpriseName(), f.creditCode(), f.projectCode(), f.projectName(), f.category(), f.totalInvestment(),
                f.equipmentInvestment(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null,
                LocalDate.of(year - 1, 1, 10), LocalDate.of(year - 1, 10, 31)), Stage.IN_PROGRESS, jurisdiction + "-ent-1");
        projects.recordCompletion(id, LocalDate.of(year - 1, 10, 20), f.totalInvestment(), f.equipmentInvestment(),
                BigDecimal.ZERO, BigDecimal.ZERO);
        projects.setRound(id, roundId);
        projects.setStage(id, Stage.EXPERT_REVIEW);
        IdentityService identity = engine.getIdentityService();
        identity.setAuthentication(jurisdiction + "-bureau", List.of(jurisdiction + "-bureau"), List.of(jurisdiction));
        String pi;
        try {
            pi = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                    .execute(ctx -> engine.getRuntimeService().createProcessInstanceByKey(TcProjectProcess.KEY)
                            .startBeforeActivity(TcProjectProcess.Elements.DRAW_PANEL)
                            .setVariables(TcProjectProcess.Vars.PROJECT_ID.entry(id))
                            .setVariables(TcProjectProcess.Vars.ROUND_ID.entry(roundId))
                            .setVariables(TcProjectProcess.Vars.ROUND_YEAR.entry(year))
                            // What the filing and the completion report leave in the instance and the panel's
                            // forms show (passed to the seats and turns by name).
                            .setVariable("jurisdiction", jurisdiction)
                            .setVariables(TaskCardVariables.ENTERPRISE_NAME.entry(f.enterpriseName()))
                            .setVariables(TaskCardVariables.PROJECT_NAME.entry(f.projectName()))
                            .setVariable("category", f.category())
                            .setVariable("plannedTotalInvestment", f.totalInvestment().doubleValue())
                            .setVariable("actualTotalInvestment", f.totalInvestment().doubleValue())
                            .setVariable("actualEquipmentInvestment", f.equipmentInvestment().doubleValue())
                            .execute().getId());
        } finally {
            identity.clearAuthentication();
        }
        projects.setProcessInstance(id, pi);
        return new Placed(jurisdiction, roundId, id, pi);
    }
}
