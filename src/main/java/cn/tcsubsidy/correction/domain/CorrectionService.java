package cn.tcsubsidy.correction.domain;

import static cn.tcsubsidy.correction.domain.CorrectableFields.*;

import cn.tcsubsidy.calendar.domain.WorkingDays;
import cn.tcsubsidy.evidence.domain.EvidenceRules;
import cn.tcsubsidy.evidence.domain.Invoices;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.StepRefusedException;
import cn.tcsubsidy.shared.ValidationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Return for correction (退回补正): the deciding user of a stage (town at recommendation, panel at review, bureau at
 * the award decision) sends the project back to its enterprise with the points to correct; the enterprise corrects
 * the correctable fields within the deadline of the jurisdiction's table (working days, common practice) and the
 * project returns to the same stage; a missed deadline rejects it with the points as the reason. Each return is a
 * row of {@code project_revision} holding the fields before and after, so the history keeps both versions.
 */
@Service
public class CorrectionService {

    /** The stages a project may be returned at. */
    public static final Set<Stage> STAGES = Set.of(Stage.RECOMMENDATION, Stage.EXPERT_REVIEW, Stage.AWARD_DECISION);
    public static final int MAX_POINTS = 2000;
    static final String EXPIRED_REASON = "逾期未补正:";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StageGuard guard;
    private final ProjectRepository projects;
    private final ProjectHistory history;
    private final CorrectionRules rules;
    private final WorkingDays workingDays;
    private final EvidenceRules evidence;
    private final Invoices invoices;
    private final JdbcClient jdbc;
    private final Clock clock;

    public CorrectionService(StageGuard guard, ProjectRepository projects, ProjectHistory history, CorrectionRules rules,
                             WorkingDays workingDays, EvidenceRules evidence, Invoices invoices, JdbcClient jdbc,
                             Clock clock) {
        this.guard = guard;
        this.projects = projects;
        this.history = history;
        this.rules = rules;
        this.workingDays = workingDays;
        this.evidence = evidence;
        this.invoices = invoices;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Opens a return, inside the deciding user's submission (the caller has locked the project and checked its stage
     * and the user's jurisdiction). The deadline: midnight after the last of the table's working days, counted from
     * tomorrow (as a panel member's scoring period).
     */
    public Revision request(Project p, Stage stage, String points, Actor actor) {
        if (!STAGES.contains(stage) || p.stage() != stage) {
            throw new StepRefusedException("项目 " + p.id() + " 当前处于「" + p.stage().label() + "」,不能在「" + stage.label()
                    + "」退回补正");
        }
        if (open(p.id()).isPresent()) {
            throw new ValidationException("correctionPoints", "项目已退回企业补正,补正完成或逾期前不能再次退回");
        }
        int days = rules.workingDays(p.jurisdiction(), stage);
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime deadline = workingDays.lastOf(now.toLocalDate().plusDays(1), days).plusDays(1).atStartOfDay();
        jdbc.sql("""
                insert into project_revision (project_id, stage, requested_by, requested_at, points, working_days,
                  deadline, before_values, open_project_id)
                values (:p, :stage, :by, :at, :points, :days, :deadline, :before, :p)
                """)
                .param("p", p.id()).param("stage", stage.name()).param("by", actor.userId()).param("at", now)
                .param("points", points).param("days", days).param("deadline", deadline)
                .param("before", json(CorrectableFields.of(p))).update();
        Revision r = open(p.id()).orElseThrow();
        history.record(p.id(), stage, "CORRECTION_REQUESTED", actor.userId(),
                "退回企业补正(" + stage.label() + "):" + points + ";" + r.deadlineNote());
        return r;
    }

    /** The project's open return, if any. */
    public Optional<Revision> open(long projectId) {
        return jdbc.sql("select * from project_revision where open_project_id = :p").param("p", projectId)
                .query(CorrectionService::revision).optional();
    }

    /** The project's returns, oldest first: every version of what changed. */
    public List<Revision> of(long projectId) {
        return jdbc.sql("select * from project_revision where project_id = :p order by id").param("p", projectId)
                .query(CorrectionService::revision).list();
    }

    /** The open return, for a system step that needs it (the enterprise's task, the deadline). */
    public Revision requireOpen(long projectId, String step) {
        return open(projectId).orElseThrow(() -> new StepRefusedException("项目 " + projectId + " 没有待补正的退回,不能执行「"
                + step + "」"));
    }

    /** The outcome of the project's latest return (CORRECTED, EXPIRED, WITHDRAWN), null while it is open. */
    public String latestOutcome(long projectId) {
        List<Revision> all = of(projectId);
        if (all.isEmpty()) {
            throw new StepRefusedException("项目 " + projectId + " 从未退回补正");
        }
        return all.get(all.size() - 1).outcome();
    }

    /** Whether the project has been returned (and corrected) at this stage already. */
    public boolean correctedAt(long projectId, Stage stage) {
        return of(projectId).stream().anyMatch(r -> r.stage() == stage && Revision.CORRECTED.equals(r.outcome()));
    }

    /** Whether the project has been returned at this stage already (whatever came of it). */
    public boolean returnedAt(long projectId, Stage stage) {
        return of(projectId).stream().anyMatch(r -> r.stage() == stage);
    }

    /** The panel lead's score after a correction at review, once recorded. */
    public Optional<BigDecimal> reviewedScore(long projectId) {
        return jdbc.sql("""
                select reviewed_score from project_revision
                 where project_id = :p and stage = :s and outcome = :o and reviewed_score is not null
                """).param("p", projectId).param("s", Stage.EXPERT_REVIEW.name()).param("o", Revision.CORRECTED)
                .query(BigDecimal.class).optional();
    }

    /** The panel lead's score and reason for the corrected project, once, on the review stage's corrected return. */
    public void recordReview(long projectId, BigDecimal score, String reason, Actor actor) {
        int updated = jdbc.sql("""
                update project_revision set reviewed_score = :score, reviewed_reason = :reason, reviewed_by = :by
                 where project_id = :p and stage = :s and outcome = :o and reviewed_score is null
                """).param("score", score).param("reason", reason).param("by", actor.userId()).param("p", projectId)
                .param("s", Stage.EXPERT_REVIEW.name()).param("o", Revision.CORRECTED).update();
        if (updated != 1) {
            throw new ValidationException("agreedScore", "该项目没有待复核的补正材料,或复核得分已记录");
        }
        history.record(projectId, Stage.EXPERT_REVIEW, "CORRECTION_REVIEWED", actor.userId(),
                truncate("评审组长复核补正材料,复核得分 " + score.stripTrailingZeros().toPlainString() + ":" + reason));
    }

    /**
     * The enterprise's correction (form {@code correct-project}): only the filing enterprise's user, before the
     * deadline; the fields checked like the filing and the completion report check them; the changed ones written to
     * the project, both versions to the return's row, the change to the history.
     */
    public void correct(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        String name = f.name(FORM_PROJECT_NAME, LABELS.get(PROJECT_NAME), true, 200);
        BigDecimal total = f.money(PLANNED_TOTAL, LABELS.get(PLANNED_TOTAL), true);
        BigDecimal equipment = f.money(PLANNED_EQUIPMENT, LABELS.get(PLANNED_EQUIPMENT), false);
        BigDecimal software = f.money(PLANNED_SOFTWARE, LABELS.get(PLANNED_SOFTWARE), false);
        BigDecimal rd = f.money(PLANNED_RD, LABELS.get(PLANNED_RD), false);
        LocalDate start = f.date(PLANNED_START, LABELS.get(PLANNED_START), true);
        LocalDate end = f.date(PLANNED_END, LABELS.get(PLANNED_END), true);
        String note = f.text(NOTE, "补正说明", true, 2000);
        figures(f, total, equipment, software, rd, PLANNED_TOTAL, PLANNED_EQUIPMENT, PLANNED_SOFTWARE, PLANNED_RD, "计划");
        if (start != null && end != null && end.isBefore(start)) {
            f.reject(PLANNED_END, "计划竣工日期不能早于计划开工日期");
        }
        Project p = projects.get(projectId);
        boolean completed = p.actualTotalInvestment() != null;
        BigDecimal aTotal = f.money(ACTUAL_TOTAL, LABELS.get(ACTUAL_TOTAL), completed);
        BigDecimal aEquipment = f.money(ACTUAL_EQUIPMENT, LABELS.get(ACTUAL_EQUIPMENT), completed);
        BigDecimal aSoftware = f.money(ACTUAL_SOFTWARE, LABELS.get(ACTUAL_SOFTWARE), false);
        BigDecimal aRd = f.money(ACTUAL_RD, LABELS.get(ACTUAL_RD), false);
        if (!completed && (aTotal != null || aEquipment != null || aSoftware != null || aRd != null)) {
            f.reject(ACTUAL_TOTAL, "项目尚未报送竣工,不能补正实际投资");
        }
        figures(f, aTotal, aEquipment, aSoftware, aRd, ACTUAL_TOTAL, ACTUAL_EQUIPMENT, ACTUAL_SOFTWARE, ACTUAL_RD, "实际");
        f.throwIfInvalid();

        Revision r = open(projectId).orElseThrow(() -> new ValidationException("stage", "项目没有待补正的退回"));
        p = guard.enter(projectId, actor, r.stage());
        if (!actor.userId().equals(p.filedBy())) {
            throw new ValidationException("stage", "只有提交备案的企业用户可以提交补正材料");
        }
        if (!LocalDateTime.now(clock).isBefore(r.deadline())) {
            throw new ValidationException("stage", "补正期限已过(" + r.deadlineNote() + "),不能再提交补正材料");
        }
        EvidenceRules.Rule rule = evidence.of(p.jurisdiction());
        if (completed && rule.equipmentFromInvoices() && aEquipment.compareTo(p.actualEquipmentInvestment()) != 0) {
            BigDecimal sum = Invoices.total(invoices.of(projectId));
            if (aEquipment.compareTo(sum) != 0) {
                throw new ValidationException(ACTUAL_EQUIPMENT, "实际设备投资 " + Money.format(aEquipment) + " 与所列增值税发票金额合计 "
                        + Money.format(sum) + " 不符:本辖区设备投资以购置增值税发票数额为准(依据:" + rule.equipmentBasis() + ")");
            }
        }
        jdbc.sql("""
                update project set project_name = :name, planned_total_investment = :total,
                  planned_equipment_investment = :equipment, planned_software_investment = :software,
                  planned_rd_investment = :rd, planned_start_date = :start, planned_end_date = :end,
                  actual_total_investment = :aTotal, actual_equipment_investment = :aEquipment,
                  actual_software_investment = :aSoftware, actual_rd_investment = :aRd, updated_at = :now
                 where id = :id
                """)
                .param("name", name).param("total", total).param("equipment", equipment).param("software", software)
                .param("rd", rd).param("start", start).param("end", end).param("aTotal", aTotal)
                .param("aEquipment", aEquipment).param("aSoftware", aSoftware).param("aRd", aRd)
                .param("now", LocalDateTime.now(clock)).param("id", projectId).update();
        if (completed && !rule.equipmentFromInvoices()) {
            // The award reads the completion report's equipment figure; where invoices do not fix it, it is the typed one.
            jdbc.sql("update project_award_facts set equipment_for_award = :e where project_id = :p")
                    .param("e", aEquipment).param("p", projectId).update();
        }
        Project after = projects.get(projectId);
        Map<String, Object> afterValues = CorrectableFields.of(after);
        jdbc.sql("""
                update project_revision set after_values = :after, correction_note = :note, corrected_by = :by,
                  corrected_at = :at, outcome = :outcome, open_project_id = null
                 where id = :id
                """)
                .param("after", json(afterValues)).param("note", note).param("by", actor.userId())
                .param("at", LocalDateTime.now(clock)).param("outcome", Revision.CORRECTED).param("id", r.id()).update();
        history.record(projectId, r.stage(), "CORRECTED", actor.userId(),
                truncate("企业提交补正材料(" + r.stage().label() + "):" + changes(r.before(), afterValues) + ";说明:" + note));
    }

    /** The deadline passed without a correction: the project is rejected with the points as the reason. */
    public void expire(long projectId) {
        Revision r = requireOpen(projectId, "逾期未补正,终止项目");
        guard.require(projectId, "逾期未补正,终止项目", r.stage());
        String reason = truncate(EXPIRED_REASON + r.points());
        close(r, Revision.EXPIRED, reason);
        projects.reject(projectId, reason);
        history.record(projectId, r.stage(), "CORRECTION_EXPIRED", Actor.SYSTEM,
                truncate("补正期限届满(" + r.deadlineNote() + "),企业未提交补正材料;" + reason));
    }

    /**
     * The stage closed while the project was out for correction (recommendation's deadline): the return ends
     * unanswered and the stage's own step takes the project on; nothing is done when no return is open.
     */
    public void withdrawIfOpen(long projectId, String reason) {
        open(projectId).ifPresent(r -> {
            close(r, Revision.WITHDRAWN, reason);
            history.record(projectId, r.stage(), "CORRECTION_WITHDRAWN", Actor.SYSTEM, truncate("退回补正终止:" + reason));
        });
    }

    private void close(Revision r, String outcome, String note) {
        jdbc.sql("update project_revision set outcome = :o, closed_note = :n, open_project_id = null where id = :id")
                .param("o", outcome).param("n", note).param("id", r.id()).update();
    }

    /** The filing's and the completion report's checks of a set of figures (same messages). */
    private static void figures(FormValues f, BigDecimal total, BigDecimal equipment, BigDecimal software, BigDecimal rd,
                                String totalKey, String equipmentKey, String softwareKey, String rdKey, String kind) {
        if (total != null && total.signum() == 0) {
            f.reject(totalKey, kind + "总投资应大于 0");
        }
        if (total != null && equipment != null && equipment.compareTo(total) > 0) {
            f.reject(equipmentKey, kind + "设备投资不能大于" + kind + "总投资");
        }
        if (total != null && rd != null && rd.compareTo(total) > 0) {
            f.reject(rdKey, kind + "研发投入不能大于" + kind + "总投资");
        }
        if (equipment != null && software != null && software.compareTo(equipment) > 0) {
            f.reject(softwareKey, "软件及工艺包投资计入设备投资,不能大于" + kind + "设备投资");
        }
    }

    /** "label: before → after" for every field that changed; "未修改字段" when none did. */
    public static String changes(Map<String, Object> before, Map<String, Object> after) {
        List<String> changed = new ArrayList<>();
        for (String key : CorrectableFields.ALL) {
            Object b = before.get(key);
            Object a = after.get(key);
            if (!Objects.equals(b, a)) {
                changed.add(LABELS.get(key) + ":" + (b == null ? "(空)" : b) + " → " + (a == null ? "(空)" : a));
            }
        }
        return changed.isEmpty() ? "未修改字段" : String.join(";", changed);
    }

    private static String truncate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
    }

    private static String json(Map<String, Object> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> map(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Revision revision(ResultSet rs, int row) throws SQLException {
        return new Revision(rs.getLong("id"), rs.getLong("project_id"), Stage.valueOf(rs.getString("stage")),
                rs.getString("requested_by"), rs.getObject("requested_at", LocalDateTime.class), rs.getString("points"),
                rs.getInt("working_days"), rs.getObject("deadline", LocalDateTime.class),
                map(rs.getString("before_values")), map(rs.getString("after_values")), rs.getString("correction_note"),
                rs.getString("corrected_by"), rs.getObject("corrected_at", LocalDateTime.class), rs.getString("outcome"),
                rs.getString("closed_note"));
    }
}
