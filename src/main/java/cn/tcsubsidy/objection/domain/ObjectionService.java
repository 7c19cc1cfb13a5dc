package cn.tcsubsidy.objection.domain;

import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.evidence.domain.EvidenceFiles;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.StepRefusedException;
import cn.tcsubsidy.shared.ValidationException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Objections (异议) against a project during its public notice. The bureau records each signed written objection it
 * receives (with the scan of the letter); a signed-in enterprise may file one online. Both need the objector's real
 * name, ID and contact: anonymous objections are refused, and so are objections after the notice's last day. An open
 * or upheld objection holds the project's payment; the bureau's investigation upholds it (the award is cancelled in
 * the ledger, its budget freed) or dismisses it. Real-name, confidential objections are common practice (常见做法),
 * not the text of any of the five policies. The objector's identity stays in this table: the project's history, the
 * engine and the public notice never see it.
 */
@Service
public class ObjectionService implements cn.tcsubsidy.payment.domain.PaymentHold {

    public static final String PRACTICE = "常见做法:实名书面异议、异议人身份保密、匿名和逾期异议不予受理(非政策原文)";
    public static final String UPHELD = "UPHELD";
    public static final String DISMISSED = "DISMISSED";

    /** ID types an objector may name, with their labels. */
    public static final Map<String, String> ID_TYPES = idTypes();

    private final JdbcClient jdbc;
    private final ProjectRepository projects;
    private final ProjectHistory history;
    private final AwardCases awards;
    private final EvidenceFiles scans;
    private final ObjectionRules rules;
    private final Clock clock;

    public ObjectionService(JdbcClient jdbc, ProjectRepository projects, ProjectHistory history, AwardCases awards,
                            EvidenceFiles scans, ObjectionRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.history = history;
        this.awards = awards;
        this.scans = scans;
        this.rules = rules;
        this.clock = clock;
    }

    /** The scan of a written objection's signed letter, as uploaded. */
    public record Scan(String fileName, String declaredType, byte[] content) {
    }

    /** The notice a project stands in: its supplementary notice's window (递补公示) or else its round's. */
    public record Window(LocalDate firstDay, LocalDate lastDay) {
    }

    /**
     * Records an objection: {@code WRITTEN} by the bureau of the project's jurisdiction, with the scan;
     * {@code ONLINE} by a signed-in enterprise of that jurisdiction (its user recorded as filer). Locks the project.
     */
    public Objection file(long projectId, ObjectionChannel channel, Map<String, Object> values, Scan scan, Actor actor) {
        FormValues f = new FormValues(values == null ? Map.of() : values);
        String name = f.text("objectorName", "异议人真实姓名", false, 100);
        String idType = f.choice("idType", "证件类型", ID_TYPES.keySet(), false);
        String idNumber = f.text("idNumber", "证件号码", false, 64);
        String contact = f.text("contact", "联系方式", true, 200);
        String grounds = f.text("grounds", "异议事实和理由", true, 4000);
        if (name == null) {
            f.reject("objectorName", "匿名异议不予受理:请填写异议人真实姓名(" + PRACTICE + ")");
        }
        if (idType == null && !f.has("idType")) {
            f.reject("idType", "匿名异议不予受理:请选择异议人证件类型");
        }
        if (idNumber == null) {
            f.reject("idNumber", "匿名异议不予受理:请填写异议人证件号码");
        } else if ("RESIDENT_ID".equals(idType) && !idNumber.strip().matches("[0-9]{17}[0-9Xx]")) {
            f.reject("idNumber", "居民身份证号码应为 18 位(末位可为 X):" + idNumber);
        }
        EvidenceFiles.CheckedScan checked = null;
        if (channel == ObjectionChannel.WRITTEN) {
            if (scan == null || scan.content() == null || scan.content().length == 0) {
                f.reject("file", "请上传异议人签名的书面异议扫描件(字段 file)");
            } else {
                try {
                    checked = scans.check(scan.fileName(), scan.declaredType(), scan.content());
                } catch (ValidationException e) {
                    e.errors().forEach(err -> f.reject(err.field(), err.message()));
                }
            }
        }
        f.throwIfInvalid();

        Project p = projects.lock(projectId);
        String j = p.jurisdiction();
        actor.requireJurisdiction(j);
        if (channel == ObjectionChannel.WRITTEN && !actor.isAdmin() && !actor.inGroup(Roles.bureau(j))) {
            throw new AccessDeniedException("书面异议由工信局登记;企业可以网上提交实名异议");
        }
        if (channel == ObjectionChannel.ONLINE) {
            if (!actor.inGroup(Roles.enterprise(j))) {
                throw new AccessDeniedException("只有企业用户可以网上提交异议;书面异议请交工信局登记");
            }
            if (actor.userId().equals(p.filedBy())) {
                throw new ValidationException("project", "不能对本企业的项目提出异议");
            }
        }
        ObjectionRules.Channel rule = rules.channel(j, channel);
        if (!rule.accepted()) {
            throw new ValidationException("channel", "本辖区不受理" + channel.label() + "(" + rule.basis() + ")");
        }
        requireInNotice(p);

        LocalDateTime now = LocalDateTime.now(clock);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into objection (project_id, round_id, jurisdiction_code, channel, objector_name, id_type, id_number,
                  contact, grounds, scan_file_name, scan_content_type, scan_size_bytes, scan_sha256, scan_content,
                  filed_by, filed_at, status)
                values (:p, :r, :j, :c, :name, :idType, :idNumber, :contact, :grounds, :scanName, :scanType, :scanSize,
                  :scanSha, :scan, :by, :at, 'OPEN')
                """)
                .param("p", projectId).param("r", p.roundId()).param("j", j).param("c", channel.name())
                .param("name", name.strip()).param("idType", idType).param("idNumber", idNumber.strip())
                .param("contact", contact).param("grounds", grounds)
                .param("scanName", checked == null ? null : checked.fileName())
                .param("scanType", checked == null ? null : checked.type().contentType())
                .param("scanSize", checked == null ? null : (long) checked.content().length)
                .param("scanSha", checked == null ? null : checked.sha256())
                .param("scan", checked == null ? null : checked.content())
                .param("by", actor.userId()).param("at", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        history.record(projectId, p.stage(), "OBJECTION_RECEIVED", Actor.SYSTEM,
                "公示期间收到实名异议(编号 " + id + "," + channel.label() + "),工信局核查中,暂缓拨付(" + PRACTICE + ")");
        return get(id);
    }

    private void requireInNotice(Project p) {
        LocalDate today = LocalDate.now(clock);
        Optional<Window> w = window(p);
        if (p.stage() == Stage.PUBLIC_NOTICE && w.isPresent() && !today.isBefore(w.get().firstDay())
                && !today.isAfter(w.get().lastDay())) {
            return;
        }
        if (w.isPresent() && today.isAfter(w.get().lastDay())) {
            throw new ValidationException("filedAt", "逾期异议不予受理:该项目的公示期 " + w.get().firstDay() + " 至 "
                    + w.get().lastDay() + " 已结束(今天是 " + today + ")");
        }
        throw new ValidationException("project", "项目「" + p.projectName() + "」当前处于「" + p.stage().label()
                + "」阶段,不在公示期内,不能提出异议");
    }

    /** The notice window of the project: its own supplementary notice (递补公示), or its round's. */
    public Optional<Window> window(Project p) {
        Optional<Window> own = jdbc.sql("""
                select notice_starts_on, notice_ends_on from objection_offer
                 where candidate_project_id = :p and status = 'ACCEPTED' and notice_starts_on is not null
                """).param("p", p.id())
                .query((rs, i) -> new Window(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
                .optional();
        if (own.isPresent() || p.roundId() == null) {
            return own;
        }
        return jdbc.sql("select notice_starts_on, notice_ends_on from review_round where id = :r and notice_starts_on is not null")
                .param("r", p.roundId())
                .query((rs, i) -> new Window(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
                .optional();
    }

    public int roundYear(long roundId) {
        return jdbc.sql("select round_year from review_round where id = :r").param("r", roundId).query(Integer.class).single();
    }

    public void setProcessInstance(long objectionId, String processInstanceId) {
        jdbc.sql("update objection set process_instance_id = :pi where id = :id")
                .param("pi", processInstanceId).param("id", objectionId).update();
    }

    public Objection get(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(ObjectionService::map).optional()
                .orElseThrow(() -> new NotFoundException("异议不存在:" + id));
    }

    /** The objection a process instance of tc-objection investigates (the engine's id, never a variable). */
    public Objection byProcessInstance(String processInstanceId) {
        return jdbc.sql(SELECT + " where process_instance_id = :pi").param("pi", processInstanceId)
                .query(ObjectionService::map).optional()
                .orElseThrow(() -> new IllegalStateException("no objection for process instance " + processInstanceId));
    }

    public List<Objection> of(long projectId) {
        return jdbc.sql(SELECT + " where project_id = :p order by id").param("p", projectId)
                .query(ObjectionService::map).list();
    }

    /** What the bureau's investigation decided, and whether it was the first upheld one of the project. */
    public record Decision(Objection objection, boolean upheld, boolean cancelledAward) {
    }

    /**
     * The bureau's investigation (核查): {@code objectionOutcome} UPHELD (成立) or DISMISSED (不成立), the findings and
     * the basis. Upheld, the project's award is cancelled in the ledger with the reason (its budget freed), the first
     * time; the objector is to be told the outcome (recorded as pending: the mail comes later).
     */
    public Decision decide(long objectionId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        String outcome = f.choice("objectionOutcome", "核查结论", Set.of(UPHELD, DISMISSED), true);
        String findings = f.text("objectionFindings", "核查情况", true, 4000);
        String basis = f.text("objectionBasis", "处理依据", true, 1000);
        f.throwIfInvalid();
        Objection o = get(objectionId);
        Project p = projects.lock(o.projectId());
        actor.requireJurisdiction(p.jurisdiction());
        if (!actor.isSystem() && !actor.isAdmin() && !actor.inGroup(Roles.bureau(p.jurisdiction()))) {
            throw new AccessDeniedException("异议由工信局核查处理");
        }
        if (get(objectionId).status() != ObjectionStatus.OPEN) {
            throw new ValidationException("objectionOutcome", "该异议已经处理:" + o.status().label());
        }
        boolean upheld = UPHELD.equals(outcome);
        jdbc.sql("""
                update objection set status = :s, findings = :findings, basis = :basis, decided_by = :by, decided_at = :at,
                  objector_notice = 'PENDING'
                 where id = :id and status = 'OPEN'
                """)
                .param("s", outcome).param("findings", findings).param("basis", basis).param("by", actor.userId())
                .param("at", LocalDateTime.now(clock)).param("id", objectionId).update();
        boolean cancelled = false;
        if (upheld) {
            String reason = "公示期间异议成立(异议编号 " + objectionId + "):" + findings + ";依据:" + basis;
            if (awards.hasLiveAward(p.id())) {
                awards.cancel(p.id(), truncate(reason, 1000), actor);
                cancelled = true;
            }
            history.record(p.id(), p.stage(), "OBJECTION_UPHELD", actor.userId(), truncate(reason, 2000)
                    + (cancelled ? ";奖补已在台账中撤销,预算释放" : ""));
        } else {
            history.record(p.id(), p.stage(), "OBJECTION_DISMISSED", actor.userId(), truncate("异议(编号 " + objectionId
                    + ")经核查不成立:" + findings + ";依据:" + basis, 2000));
        }
        return new Decision(get(objectionId), upheld, cancelled);
    }

    /** Where the objections of a project stand once its notice is over. */
    public enum Standing { NONE, OPEN, UPHELD, DISMISSED }

    /** Read under the project's row lock, which the filing and every decision also take. */
    public Standing standing(long projectId) {
        List<String> statuses = jdbc.sql("select status from objection where project_id = :p").param("p", projectId)
                .query(String.class).list();
        if (statuses.isEmpty()) {
            return Standing.NONE;
        }
        if (statuses.contains("OPEN")) {
            return Standing.OPEN;
        }
        return statuses.contains(UPHELD) ? Standing.UPHELD : Standing.DISMISSED;
    }

    /** Refuses {@code step} of the project's payment while an objection is open or after one was upheld. */
    @Override
    public void requireNotHeld(long projectId, String step) {
        Standing s = standing(projectId);
        if (s == Standing.OPEN) {
            throw new ValidationException("objection", "该项目有公示期异议正在核查,暂缓拨付,不能" + step);
        }
        if (s == Standing.UPHELD) {
            throw new ValidationException("objection", "该项目公示期异议成立,奖补已撤销,不能" + step);
        }
    }

    /** The reason an upheld objection gives the project's rejection. */
    public String upheldReason(long projectId) {
        return jdbc.sql("select findings from objection where project_id = :p and status = 'UPHELD' order by id")
                .param("p", projectId).query(String.class).list().stream().findFirst()
                .map(f -> truncate("公示期间异议成立:" + f, 1000))
                .orElseThrow(() -> new StepRefusedException("项目 " + projectId + " 没有成立的异议"));
    }

    private static final String SELECT = """
            select id, project_id, jurisdiction_code, channel, objector_name, id_type, id_number, contact, grounds,
                   scan_file_name, scan_size_bytes, filed_by, filed_at, status, findings, basis, decided_by, decided_at,
                   objector_notice
              from objection""";

    private static Objection map(ResultSet rs, int row) throws SQLException {
        return new Objection(rs.getLong("id"), rs.getLong("project_id"), rs.getString("jurisdiction_code"),
                ObjectionChannel.valueOf(rs.getString("channel")), rs.getString("objector_name"), rs.getString("id_type"),
                rs.getString("id_number"), rs.getString("contact"), rs.getString("grounds"),
                rs.getString("scan_file_name"), rs.getObject("scan_size_bytes") == null ? null : rs.getLong("scan_size_bytes"),
                rs.getString("filed_by"), rs.getObject("filed_at", LocalDateTime.class),
                ObjectionStatus.valueOf(rs.getString("status")), rs.getString("findings"), rs.getString("basis"),
                rs.getString("decided_by"), rs.getObject("decided_at", LocalDateTime.class),
                rs.getString("objector_notice"));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static Map<String, String> idTypes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("RESIDENT_ID", "居民身份证");
        m.put("PASSPORT", "护照");
        m.put("HMT_PERMIT", "港澳台居民居住证或往来通行证");
        m.put("CREDIT_CODE", "统一社会信用代码(单位异议)");
        return Map.copyOf(m);
    }
}
