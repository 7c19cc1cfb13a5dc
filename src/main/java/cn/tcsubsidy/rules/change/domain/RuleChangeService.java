package cn.tcsubsidy.rules.change.domain;

import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.rules.guardrail.RuleGuardrails;
import cn.tcsubsidy.rules.guardrail.Violation;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.StepRefusedException;
import cn.tcsubsidy.shared.ValidationException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rule changes held by the app (规则变更): a jurisdiction's rule administrator uploads new versions of its decision
 * tables with a reason and, optionally, the date they take effect; another rule administrator of the jurisdiction or
 * its 工信局负责人 approves or rejects them (四眼原则: never the uploader, also a check constraint of the table). An
 * approved change is deployed at once when it has no date or its date has come, else on its date at 00:00 Beijing
 * time by the engine's timer ({@link RuleActivation}). Nothing is stored when the tables break the policy
 * guardrails ({@link RuleGuardrails}) or are no tables of this jurisdiction.
 * <ul>
 *   <li>upload: {@code <j>-rules} of jurisdiction j only;</li>
 *   <li>decide: {@code <j>-rules} (not the uploader) and {@code <j>-head};</li>
 *   <li>read: {@code <j>-rules}, {@code <j>-head}, {@code <j>-bureau}, {@code <j>-auditor} and the administrator.</li>
 * </ul>
 */
@Service
public class RuleChangeService {

    public static final int MAX_FILE_BYTES = 1024 * 1024;
    /** The engine's limit for one deployment (DecisionTableCheck.MAX_DEPLOYMENT_BYTES). */
    public static final int MAX_CHANGE_BYTES = 4 * 1024 * 1024;
    public static final int MAX_FILES = 20;
    public static final int MAX_TEXT = 500;
    static final String FILES = "files";
    static final String REASON = "reason";
    static final String ACTIVATE_ON = "activateOn";
    static final String APPROVE = "approve";
    static final String COMMENT = "comment";
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,195}\\.dmn");

    private final RuleChanges changes;
    private final RuleGuardrails guardrails;
    private final DecisionTables tables;
    private final RuleActivation activation;
    private final JurisdictionDirectory jurisdictions;
    private final Clock clock;

    public RuleChangeService(RuleChanges changes, RuleGuardrails guardrails, DecisionTables tables,
                             RuleActivation activation, JurisdictionDirectory jurisdictions, Clock clock) {
        this.changes = changes;
        this.guardrails = guardrails;
        this.tables = tables;
        this.activation = activation;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    /** One uploaded file as the client named it. */
    public record Upload(String fileName, byte[] content) {
    }

    @Transactional
    public RuleChange upload(String jurisdiction, List<Upload> files, String reason, String activateOn, Actor actor) {
        requireJurisdiction(jurisdiction);
        if (!actor.inGroup(Roles.rules(jurisdiction)) || !actor.tenants().contains(jurisdiction)) {
            throw new AccessDeniedException("用户 " + actor.userId() + " 不是辖区 " + jurisdiction
                    + " 的规则管理员,不能上传该辖区的规则变更");
        }
        List<FieldError> errors = new ArrayList<>();
        List<RuleChangeFile> accepted = checkFiles(jurisdiction, files, errors);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            errors.add(new FieldError(REASON, "请填写变更理由"));
        } else if (why.length() > MAX_TEXT) {
            errors.add(new FieldError(REASON, "变更理由不能超过 " + MAX_TEXT + " 字(现为 " + why.length() + " 字)"));
        }
        LocalDate on = activationDate(activateOn, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Map<String, byte[]> candidate = new LinkedHashMap<>();
        accepted.forEach(f -> candidate.put(f.name(), f.content()));
        List<Violation> violations = guardrails.check(jurisdiction, candidate);
        if (violations != null && !violations.isEmpty()) {
            throw new GuardrailsRefusedException("规则表违反政策约束 " + violations.size() + " 项,未予受理", violations);
        }
        long id = changes.insert(jurisdiction, actor.userId(), LocalDateTime.now(clock), why, on, accepted);
        return changes.find(id).orElseThrow();
    }

    private List<RuleChangeFile> checkFiles(String jurisdiction, List<Upload> files, List<FieldError> errors) {
        List<RuleChangeFile> accepted = new ArrayList<>();
        if (files == null || files.isEmpty()) {
            errors.add(new FieldError(FILES, "请至少上传一个决策表文件(.dmn)"));
            return accepted;
        }
        if (files.size() > MAX_FILES) {
            errors.add(new FieldError(FILES, "一次变更最多 " + MAX_FILES + " 个文件(现为 " + files.size() + " 个)"));
            return accepted;
        }
        Set<String> names = new HashSet<>();
        Set<String> decisions = new HashSet<>();
        long total = 0;
        for (Upload u : files) {
            String name = u.fileName() == null ? "" : u.fileName();
            byte[] bytes = u.content() == null ? new byte[0] : u.content();
            total += bytes.length;
            if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".dmn")) {
                errors.add(new FieldError(FILES, "只接受决策表文件(.dmn),不接受 " + (name.isEmpty() ? "无文件名的文件" : name)));
            } else if (!FILE_NAME.matcher(name).matches()) {
                errors.add(new FieldError(FILES, "文件名 " + name + " 只能由字母、数字、点、连字符和下划线组成,以 .dmn 结尾"));
            } else if (!names.add(name)) {
                errors.add(new FieldError(FILES, "文件 " + name + " 重复上传"));
            } else if (bytes.length == 0) {
                errors.add(new FieldError(FILES, "文件 " + name + " 为空"));
            } else if (bytes.length > MAX_FILE_BYTES) {
                errors.add(new FieldError(FILES, "文件 " + name + " 大小 " + bytes.length + " 字节,超过上限 "
                        + MAX_FILE_BYTES + " 字节(1 MiB)"));
            } else {
                DecisionTables.Reading reading = tables.read(jurisdiction, name, bytes);
                if (reading.problem() != null) {
                    errors.add(new FieldError(FILES, reading.problem()));
                } else {
                    for (String d : reading.decisions()) {
                        if (!decisions.add(d)) {
                            errors.add(new FieldError(FILES, "决策 " + d + " 在本次变更中出现多次(" + name + ")"));
                        }
                    }
                    accepted.add(new RuleChangeFile(name, bytes, sha256(bytes)));
                }
            }
        }
        if (total > MAX_CHANGE_BYTES) {
            errors.add(new FieldError(FILES, "本次变更的文件共 " + total + " 字节,超过上限 " + MAX_CHANGE_BYTES + " 字节"));
        }
        return accepted;
    }

    private LocalDate activationDate(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate on;
        try {
            on = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(ACTIVATE_ON, "生效日期格式应为 yyyy-MM-dd,不接受 " + text));
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        if (on.isBefore(today)) {
            errors.add(new FieldError(ACTIVATE_ON, "生效日期 " + on + " 早于今天(" + today + "),只能是今天或以后"));
        }
        return on;
    }

    /** The jurisdiction's changes, newest first. */
    public List<RuleChange> list(String jurisdiction, Actor actor) {
        requireJurisdiction(jurisdiction);
        requireReader(jurisdiction, actor);
        return changes.of(jurisdiction);
    }

    /** The stored tables of one change (for the diff and the preview), to the change's readers. */
    public List<RuleChangeFile> files(String jurisdiction, long id, Actor actor) {
        requireJurisdiction(jurisdiction);
        requireReader(jurisdiction, actor);
        RuleChange c = changes.find(id).filter(x -> x.jurisdiction().equals(jurisdiction))
                .orElseThrow(() -> notFound(id));
        return changes.files(c.id());
    }

    /**
     * Approves or rejects a pending change. Approved without a date or with a date that has come: deployed now, in
     * the same transaction (a refused deployment leaves the change pending); with a later date: SCHEDULED, the
     * engine deploys it on that date.
     */
    @Transactional
    public RuleChange decide(String jurisdiction, long id, Boolean approve, String comment, Actor actor) {
        requireJurisdiction(jurisdiction);
        if (!actor.tenants().contains(jurisdiction)
                || !(actor.inGroup(Roles.rules(jurisdiction)) || actor.inGroup(Roles.head(jurisdiction)))) {
            throw new AccessDeniedException("用户 " + actor.userId() + " 不是辖区 " + jurisdiction
                    + " 的规则管理员或工信局负责人,不能审批该辖区的规则变更");
        }
        String note = comment == null ? null : comment.strip();
        List<FieldError> errors = new ArrayList<>();
        if (approve == null) {
            errors.add(new FieldError(APPROVE, "请选择批准(true)或驳回(false)"));
        } else if (!approve && (note == null || note.isEmpty())) {
            errors.add(new FieldError(COMMENT, "驳回须填写审批意见"));
        }
        if (note != null && note.length() > MAX_TEXT) {
            errors.add(new FieldError(COMMENT, "审批意见不能超过 " + MAX_TEXT + " 字(现为 " + note.length() + " 字)"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        note = note == null || note.isEmpty() ? null : note;
        RuleChange c = changes.lock(id).filter(x -> x.jurisdiction().equals(jurisdiction))
                .orElseThrow(() -> notFound(id));
        if (c.uploadedBy().equals(actor.userId())) {
            throw new AccessDeniedException("四眼原则:" + c.title() + " 由您(" + actor.userId()
                    + ")上传,须由本辖区另一位规则管理员或工信局负责人审批");
        }
        if (c.status() != RuleChangeStatus.PENDING_APPROVAL) {
            throw new RuleChangeConflictException(c.title() + " 当前状态为「" + c.status().label()
                    + "」,只能审批待审批的规则变更");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (!approve) {
            changes.decide(id, RuleChangeStatus.REJECTED, actor.userId(), now, note);
        } else if (c.activateOn() == null || !c.activateOn().isAfter(now.toLocalDate())) {
            changes.approvedAndActive(id, actor.userId(), now, note, deploy(c));
        } else {
            changes.decide(id, RuleChangeStatus.SCHEDULED, actor.userId(), now, note);
            changes.scheduled(id, activation.schedule(changes.find(id).orElseThrow()));
        }
        return changes.find(id).orElseThrow();
    }

    /**
     * The engine's timer on the change's date (tc-rule-change, as the system, in the instance's tenant): deploys a
     * SCHEDULED change of that tenant whose date has come. Anything else is refused (an incident at once, the change
     * as it was).
     */
    @Transactional
    public RuleChange activateScheduled(long id, String tenant) {
        RuleChange c = changes.lock(id).orElseThrow(() -> new StepRefusedException("规则变更 #" + id + " 不存在"));
        if (!c.jurisdiction().equals(tenant)) {
            throw new StepRefusedException(c.title() + " 属于辖区 " + c.jurisdiction() + ",不能在辖区 " + tenant
                    + " 的流程中部署");
        }
        if (c.status() != RuleChangeStatus.SCHEDULED) {
            throw new StepRefusedException(c.title() + " 当前状态为「" + c.status().label() + "」,不是待生效的规则变更,未部署");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (c.activateOn() != null && c.activateOn().isAfter(now.toLocalDate())) {
            throw new StepRefusedException(c.title() + " 的生效日期为 " + c.activateOn() + ",今天(" + now.toLocalDate()
                    + ")尚未到期,未部署");
        }
        changes.activated(id, deploy(c), now);
        return changes.find(id).orElseThrow();
    }

    /** The change's tables, as stored and unaltered, deployed; the deployment id. */
    private String deploy(RuleChange c) {
        List<RuleChangeFile> files = changes.files(c.id());
        for (RuleChangeFile f : files) {
            if (!sha256(f.content()).equals(f.sha256())) {
                throw new StepRefusedException(c.title() + " 的文件 " + f.name() + " 与上传时的 SHA-256 不符,未部署");
            }
        }
        return activation.deploy(c, files);
    }

    private void requireJurisdiction(String jurisdiction) {
        if (jurisdiction == null || !jurisdictions.exists(jurisdiction)) {
            throw new NotFoundException("辖区不存在:" + jurisdiction);
        }
    }

    private static void requireReader(String j, Actor actor) {
        boolean reads = actor.isAdmin() || (actor.tenants().contains(j) && (actor.inGroup(Roles.rules(j))
                || actor.inGroup(Roles.head(j)) || actor.inGroup(Roles.bureau(j)) || actor.inGroup(Roles.auditor(j))));
        if (!reads) {
            throw new AccessDeniedException("用户 " + actor.userId() + " 无权查看辖区 " + j + " 的规则变更");
        }
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("规则变更不存在:" + id);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
