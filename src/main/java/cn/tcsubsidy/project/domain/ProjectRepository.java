package cn.tcsubsidy.project.domain;

import cn.tcsubsidy.shared.NotFoundException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The project table. Runs in the caller's transaction, which is the engine's when called from a process. */
@Repository
public class ProjectRepository {

    /** The unique constraint on (jurisdiction, live project code): one live project per 备案 code and jurisdiction. */
    public static final String LIVE_CODE_CONSTRAINT = "project_code_live_once";

    private final JdbcClient jdbc;
    private final Clock clock;

    public ProjectRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores a new project. A live project code another live project of the jurisdiction holds makes the database
     * refuse it with a {@link org.springframework.dao.DuplicateKeyException} naming {@link #LIVE_CODE_CONSTRAINT}.
     */
    public long insert(NewProject p, Stage stage, String filedBy) {
        LocalDateTime now = LocalDateTime.now(clock);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into project (jurisdiction_code, unit_code, enterprise_name, credit_code, project_code,
                  live_project_code, project_name, category,
                  planned_total_investment, planned_equipment_investment, planned_software_investment, planned_rd_investment,
                  loan_amount, loan_bank, planned_start_date, planned_end_date, stage, filed_by, filed_at, updated_at)
                values (:jurisdiction, :unit, :enterprise, :credit, :code, :liveCode, :name, :category, :total, :equipment,
                  :software, :rd, :loan, :bank, :start, :end, :stage, :filedBy, :now, :now)
                """)
                .param("jurisdiction", p.jurisdiction()).param("unit", p.unitCode())
                .param("enterprise", p.enterpriseName()).param("credit", p.creditCode())
                .param("code", p.projectCode()).param("liveCode", stage == Stage.REJECTED ? null : p.projectCode())
                .param("name", p.projectName()).param("category", p.category())
                .param("total", p.plannedTotalInvestment()).param("equipment", p.plannedEquipmentInvestment())
                .param("software", p.plannedSoftwareInvestment()).param("rd", p.plannedRdInvestment())
                .param("loan", p.loanAmount()).param("bank", p.loanBank())
                .param("start", p.plannedStartDate()).param("end", p.plannedEndDate())
                .param("stage", stage.name()).param("filedBy", filedBy).param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Whether a live (not rejected) project of the jurisdiction holds this 备案 code. */
    public boolean liveCodeTaken(String jurisdiction, String projectCode) {
        return jdbc.sql("select count(*) from project where jurisdiction_code = :j and live_project_code = :c")
                .param("j", jurisdiction).param("c", projectCode).query(Long.class).single() > 0;
    }

    public Project get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("项目不存在:" + id));
    }

    public Optional<Project> find(long id) {
        return jdbc.sql("select * from project where id = :id").param("id", id).query(ProjectRepository::map).optional();
    }

    /** Locks the row for the rest of the transaction, so two completions of one project cannot interleave. */
    public Project lock(long id) {
        return jdbc.sql("select * from project where id = :id for update").param("id", id)
                .query(ProjectRepository::map).optional()
                .orElseThrow(() -> new NotFoundException("项目不存在:" + id));
    }

    public void setProcessInstance(long id, String processInstanceId) {
        update(id, "process_instance_id = :v", processInstanceId);
    }

    /** The project's number on the statistics office's direct-report platform (统计联网直报), Yanzhou's filings. */
    public void setContactEmail(long id, String email) {
        jdbc.sql("update project set contact_email = :e where id = :id").param("e", email).param("id", id).update();
    }

    public void setStatisticsReportId(long id, String statisticsReportId) {
        update(id, "statistics_report_id = :v", statisticsReportId);
    }

    public Optional<String> statisticsReportId(long id) {
        return jdbc.sql("select statistics_report_id from project where id = :id").param("id", id)
                .query(String.class).optional().filter(v -> v != null);
    }

    public void setStage(long id, Stage stage) {
        update(id, "stage = :v", stage.name());
    }

    public void setPoolLevel(long id, String poolLevel) {
        update(id, "pool_level = :v", poolLevel);
    }

    public void setExpertScore(long id, BigDecimal score) {
        update(id, "expert_score = :v", score);
    }

    public void setProposedAmount(long id, BigDecimal amount) {
        update(id, "proposed_amount = :v", amount);
    }

    public void setPaidAmount(long id, BigDecimal amount) {
        update(id, "paid_amount = :v", amount);
    }

    public void setRecoveredAmount(long id, BigDecimal amount) {
        update(id, "recovered_amount = :v", amount);
    }

    public void setRound(long id, Long roundId) {
        update(id, "round_id = :v", roundId);
    }

    /** Rejects the project; its 备案 code and its VAT invoices (project_invoice) are free to be filed again from now on. */
    public void reject(long id, String reason) {
        update(id, "stage = '" + Stage.REJECTED.name() + "', live_project_code = null, rejection_reason = :v", reason);
        jdbc.sql("update project_invoice set live_jurisdiction = null where project_id = :id").param("id", id).update();
    }

    public void recordCompletion(long id, LocalDate completionDate, BigDecimal total, BigDecimal equipment,
                                 BigDecimal software, BigDecimal rd) {
        jdbc.sql("""
                update project set completion_date = :date, actual_total_investment = :total,
                  actual_equipment_investment = :equipment, actual_software_investment = :software,
                  actual_rd_investment = :rd, stage = :stage, updated_at = :now where id = :id
                """)
                .param("date", completionDate).param("total", total).param("equipment", equipment)
                .param("software", software).param("rd", rd).param("stage", Stage.COMPLETED.name())
                .param("now", LocalDateTime.now(clock)).param("id", id)
                .update();
    }

    private void update(long id, String assignment, Object value) {
        int rows = jdbc.sql("update project set " + assignment + ", updated_at = :now where id = :id")
                .param("v", value).param("now", LocalDateTime.now(clock)).param("id", id).update();
        if (rows != 1) {
            throw new NotFoundException("项目不存在:" + id);
        }
    }

    /**
     * Completed projects of a jurisdiction not yet taken into any round, completed within the round's window: on or
     * after {@code completedFrom} (null: no lower bound) and on or before the cut-off.
     */
    public List<Project> findAwaitingRound(String jurisdiction, LocalDate completedFrom, LocalDate completedBefore) {
        return jdbc.sql("""
                select * from project where jurisdiction_code = :j and stage = :stage
                  and completion_date <= :cutoff and completion_date >= :from order by completion_date, id
                """)
                .param("j", jurisdiction).param("stage", Stage.COMPLETED.name()).param("cutoff", completedBefore)
                .param("from", completedFrom == null ? LocalDate.of(1900, 1, 1) : completedFrom)
                .query(ProjectRepository::map).list();
    }

    public List<Project> findByRoundAndStage(long roundId, Stage stage) {
        return jdbc.sql("select * from project where round_id = :r and stage = :stage order by id")
                .param("r", roundId).param("stage", stage.name()).query(ProjectRepository::map).list();
    }

    public record Page(List<Project> items, long total, int page, int size) {
    }

    /**
     * @param jurisdictions the jurisdictions the reader may see
     * @param units         "jurisdiction:unit" pairs the reader is limited to, or null
     * @param filedBy       the only filer whose projects the reader sees, or null
     */
    public Page search(List<String> jurisdictions, List<String> units, String filedBy,
                       String jurisdiction, Stage stage, String unit, int page, int size) {
        StringBuilder where = new StringBuilder(" where jurisdiction_code in (:allowed)");
        List<Object[]> params = new ArrayList<>();
        if (units != null) {
            where.append(" and (jurisdiction_code || ':' || unit_code) in (:units)");
            params.add(new Object[] {"units", units});
        }
        if (filedBy != null) {
            where.append(" and filed_by = :filedBy");
            params.add(new Object[] {"filedBy", filedBy});
        }
        if (jurisdiction != null) {
            where.append(" and jurisdiction_code = :j");
            params.add(new Object[] {"j", jurisdiction});
        }
        if (stage != null) {
            where.append(" and stage = :stage");
            params.add(new Object[] {"stage", stage.name()});
        }
        if (unit != null) {
            where.append(" and unit_code = :unit");
            params.add(new Object[] {"unit", unit});
        }
        if (jurisdictions.isEmpty()) {
            return new Page(List.of(), 0, page, size);
        }
        JdbcClient.StatementSpec count = jdbc.sql("select count(*) from project" + where).param("allowed", jurisdictions);
        JdbcClient.StatementSpec select = jdbc.sql("select * from project" + where
                + " order by id desc limit :limit offset :offset").param("allowed", jurisdictions);
        for (Object[] p : params) {
            count = count.param((String) p[0], p[1]);
            select = select.param((String) p[0], p[1]);
        }
        long total = count.query(Long.class).single();
        List<Project> items = select.param("limit", size).param("offset", (long) page * size)
                .query(ProjectRepository::map).list();
        return new Page(items, total, page, size);
    }

    static Project map(ResultSet rs, int row) throws SQLException {
        return new Project(
                rs.getLong("id"),
                rs.getString("jurisdiction_code"),
                rs.getString("unit_code"),
                rs.getString("enterprise_name"),
                rs.getString("credit_code"),
                rs.getString("project_code"),
                rs.getString("project_name"),
                rs.getString("category"),
                rs.getBigDecimal("planned_total_investment"),
                rs.getBigDecimal("planned_equipment_investment"),
                rs.getBigDecimal("planned_software_investment"),
                rs.getBigDecimal("planned_rd_investment"),
                rs.getBigDecimal("loan_amount"),
                rs.getString("loan_bank"),
                rs.getObject("planned_start_date", LocalDate.class),
                rs.getObject("planned_end_date", LocalDate.class),
                rs.getString("pool_level"),
                Stage.valueOf(rs.getString("stage")),
                rs.getObject("completion_date", LocalDate.class),
                rs.getBigDecimal("actual_total_investment"),
                rs.getBigDecimal("actual_equipment_investment"),
                rs.getBigDecimal("actual_software_investment"),
                rs.getBigDecimal("actual_rd_investment"),
                rs.getObject("round_id") == null ? null : rs.getLong("round_id"),
                rs.getBigDecimal("expert_score"),
                rs.getBigDecimal("proposed_amount"),
                rs.getBigDecimal("paid_amount"),
                rs.getBigDecimal("recovered_amount"),
                rs.getString("rejection_reason"),
                rs.getString("process_instance_id"),
                rs.getString("filed_by"),
                rs.getObject("filed_at", LocalDateTime.class),
                rs.getObject("updated_at", LocalDateTime.class));
    }

    /** The project registered for a process instance of tc-project (the engine's id, not a variable). */
    public Optional<Long> findIdByProcessInstance(String processInstanceId) {
        return jdbc.sql("select id from project where process_instance_id = :pi").param("pi", processInstanceId)
                .query(Long.class).optional();
    }

    /**
     * Takes a rejected project back (递补: an upheld objection freed the budget and the bureau added it): its 备案 code
     * and invoices are live again, refused by their unique constraints if another filing took them meanwhile.
     */
    public void reinstate(long id, Stage stage) {
        update(id, "stage = :v, live_project_code = project_code, rejection_reason = null", stage.name());
        jdbc.sql("update project_invoice set live_jurisdiction = (select jurisdiction_code from project where id = :id)"
                + " where project_id = :id").param("id", id).update();
    }
}
