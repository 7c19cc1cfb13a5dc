package cn.tcsubsidy.evidence.domain;

import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.ValidationException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scans of the evidence behind a project's figures (发票、证书、贷款合同、委托支付协议), kept in the database
 * ({@code project_evidence}) with their SHA-256 and size. The filing enterprise uploads them while the town may
 * still check them (up to its recommendation); the enterprise, the project's town, the jurisdiction's bureau, finance,
 * process owner and auditor, the experts reviewing the project and the administrator read them. Which projects a reader
 * sees at all is the caller's {@code ProjectScope}; this service checks the role.
 */
@Service
public class EvidenceFiles {

    /** Until the town has vouched for the material (真实性、手续完整性); afterwards the evidence stays as reviewed. */
    private static final Stage[] UPLOAD_STAGES = {Stage.IN_PROGRESS, Stage.COMPLETED, Stage.RECOMMENDATION};
    static final String FILE = "file";
    static final String KIND = "kind";
    private static final int MAX_NAME = 200;

    private final JdbcClient jdbc;
    private final ProjectRepository projects;
    private final StageGuard guard;
    private final ProjectHistory history;
    private final EvidenceSettings settings;
    private final Clock clock;

    public EvidenceFiles(JdbcClient jdbc, ProjectRepository projects, StageGuard guard, ProjectHistory history,
                         EvidenceSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.guard = guard;
        this.history = history;
        this.settings = settings;
        this.clock = clock;
    }

    /** A scan as uploaded: what the uploader says it is, and its bytes. */
    public record Upload(String kind, String fileName, String declaredType, byte[] content) {
    }

    @Transactional
    public EvidenceFile upload(long projectId, Upload upload, Actor actor) {
        Project p = projects.get(projectId);
        actor.requireJurisdiction(p.jurisdiction());
        if (!actor.isAdmin() && !isFiler(p, actor)) {
            throw new AccessDeniedException("只有备案企业可以上传项目的证明材料");
        }
        EvidenceKind kind = kind(upload.kind());
        CheckedScan scan = check(upload.fileName(), upload.declaredType(), upload.content());
        byte[] content = scan.content();
        FileType type = scan.type();
        String name = scan.fileName();
        Stage stage = guard.enter(projectId, actor, UPLOAD_STAGES).stage();
        long stored = jdbc.sql("select count(*) from project_evidence where project_id = :p").param("p", projectId)
                .query(Long.class).single();
        if (stored >= settings.maxFilesPerProject()) {
            throw new ValidationException(FILE, "每个项目最多上传 " + settings.maxFilesPerProject() + " 个证明材料文件,已满");
        }
        String sha256 = scan.sha256();
        LocalDateTime now = LocalDateTime.now(clock);
        org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into project_evidence (project_id, kind, file_name, content_type, size_bytes, sha256, content,
                  uploaded_by, uploaded_at)
                values (:p, :kind, :name, :type, :size, :sha, :content, :by, :at)
                """)
                .param("p", projectId).param("kind", kind.name()).param("name", name).param("type", type.contentType())
                .param("size", (long) content.length).param("sha", sha256).param("content", content)
                .param("by", actor.userId()).param("at", now).update(keys, "id");
        long id = keys.getKey().longValue();
        history.record(projectId, stage, "EVIDENCE_ADDED", actor.userId(), "上传证明材料(" + kind.label() + "):" + name
                + "," + content.length + " 字节,SHA-256 " + sha256);
        return get(projectId, id);
    }

    /** The project's scans, oldest first, for a reader the caller found within their scope. */
    public List<EvidenceFile> list(long projectId, Actor actor) {
        requireReader(projects.get(projectId), actor);
        return jdbc.sql("""
                select id, project_id, kind, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                  from project_evidence where project_id = :p order by id
                """).param("p", projectId).query(EvidenceFiles::map).list();
    }

    /** A scan and its bytes. */
    public record Content(EvidenceFile file, byte[] bytes) {
    }

    public Content content(long projectId, long evidenceId, Actor actor) {
        requireReader(projects.get(projectId), actor);
        EvidenceFile file = get(projectId, evidenceId);
        byte[] bytes = jdbc.sql("select content from project_evidence where id = :id").param("id", evidenceId)
                .query((rs, i) -> rs.getBytes(1)).single();
        return new Content(file, bytes);
    }

    private EvidenceFile get(long projectId, long evidenceId) {
        return jdbc.sql("""
                select id, project_id, kind, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                  from project_evidence where id = :id and project_id = :p
                """).param("id", evidenceId).param("p", projectId).query(EvidenceFiles::map).optional()
                .orElseThrow(() -> new NotFoundException("证明材料不存在:" + evidenceId));
    }

    /** The roles that read a project's evidence; rule administrators maintain tables and read no project's files. */
    private static void requireReader(Project p, Actor actor) {
        String j = p.jurisdiction();
        actor.requireJurisdiction(j);
        boolean reader = actor.isAdmin() || isFiler(p, actor) || actor.inGroup(Roles.town(j, p.unitCode()))
                || actor.inGroup(Roles.bureau(j)) || actor.inGroup(Roles.finance(j)) || actor.inGroup(Roles.owner(j))
                || actor.inGroup(Roles.auditor(j)) || actor.inGroup(Roles.experts(j));
        if (!reader) {
            throw new AccessDeniedException("无权查看该项目的证明材料");
        }
    }

    private static boolean isFiler(Project p, Actor actor) {
        return actor.inGroup(Roles.enterprise(p.jurisdiction())) && actor.userId().equals(p.filedBy());
    }

    private static EvidenceKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw new ValidationException(KIND, "请选择证明材料类别(" + kinds() + ")");
        }
        try {
            return EvidenceKind.valueOf(kind.trim());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(KIND, "证明材料类别取值无效:" + kind + "(可选:" + kinds() + ")");
        }
    }

    private static String kinds() {
        StringBuilder s = new StringBuilder();
        for (EvidenceKind k : EvidenceKind.values()) {
            s.append(s.isEmpty() ? "" : "、").append(k.name()).append(' ').append(k.label());
        }
        return s.toString();
    }

    /** A scan that passed the checks every uploaded scan passes: its type by content, a clean name, its SHA-256. */
    public record CheckedScan(FileType type, String fileName, String sha256, byte[] content) {
    }

    /**
     * The checks of every uploaded scan (not empty, within the size limit, PDF, PNG or JPEG by content agreeing with
     * the declared type), refused naming the field {@code file}; also for scans kept elsewhere (an objection's letter).
     */
    public CheckedScan check(String fileName, String declaredType, byte[] given) {
        byte[] content = given == null ? new byte[0] : given;
        if (content.length == 0) {
            throw new ValidationException(FILE, "请选择要上传的文件(文件不能为空)");
        }
        if (content.length > settings.maxFileSize().toBytes()) {
            throw new ValidationException(FILE, "文件过大:每个文件不能超过 " + megabytes(settings.maxFileSize().toBytes())
                    + ",本文件 " + megabytes(content.length));
        }
        FileType type = FileType.of(content).orElseThrow(() -> new ValidationException(FILE,
                "只接受 PDF、PNG 或 JPEG 格式的扫描件(按文件内容识别,不按扩展名)"));
        if (!type.agreesWith(declaredType)) {
            throw new ValidationException(FILE, "文件内容是 " + type.contentType() + ",与声明的类型 " + declaredType
                    + " 不符");
        }
        return new CheckedScan(type, fileName(fileName, type), sha256(content), content);
    }

    /** The name without any folder, visible characters only, at most 200 characters; a default when nothing is left. */
    static String fileName(String given, FileType type) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                        && c != '"')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty() || name.codePoints().noneMatch(Character::isLetterOrDigit)) {
            name = "证明材料." + type.name().toLowerCase(java.util.Locale.ROOT).replace("jpeg", "jpg");
        }
        return name.length() <= MAX_NAME ? name : name.substring(name.length() - MAX_NAME);
    }

    private static String megabytes(long bytes) {
        return java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(1024 * 1024), 2,
                java.math.RoundingMode.HALF_UP).toPlainString() + " MiB";
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EvidenceFile map(ResultSet rs, int row) throws SQLException {
        EvidenceKind kind = EvidenceKind.valueOf(rs.getString("kind"));
        return new EvidenceFile(rs.getLong("id"), rs.getLong("project_id"), kind, kind.label(), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getObject("uploaded_at", LocalDateTime.class));
    }
}
