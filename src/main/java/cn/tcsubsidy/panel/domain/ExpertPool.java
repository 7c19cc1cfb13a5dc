package cn.tcsubsidy.panel.domain;

import cn.tcsubsidy.jurisdiction.AwardCategories;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.KnownFields;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.ValidationException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A jurisdiction's expert pool (专家库, 东河政发〔2020〕5号 三(五) 由专家、企业家、第三方机构以及相关部门负责人组成),
 * kept by its bureau ({@code J-bureau}) or the administrator; the process owner ({@code J-owner}) and the auditor
 * read it. A member is a user of {@code J-experts}: named if the user exists, created otherwise. Members are
 * deactivated, never deleted, and every change is kept with who and when.
 */
@Service
@Transactional
public class ExpertPool {

    /** The fields of a new member (POST /api/expert-pool). */
    public static final Set<String> ADD_FIELDS = Set.of("jurisdiction", "userId", "kind", "displayName", "fields",
            "employerName", "employerCreditCode", "ties");
    /** The fields of a change (PUT /api/expert-pool/{id}): each given one replaces the member's value. */
    public static final Set<String> UPDATE_FIELDS = Set.of("kind", "displayName", "fields", "employerName",
            "employerCreditCode", "ties");
    public static final Set<String> TIE_FIELDS = Set.of("creditCode", "tieKind", "endsOn");
    public static final Set<String> DEACTIVATE_FIELDS = Set.of("reason");

    /** A member just added; {@code initialPassword} only when the user was created with it (shown this once). */
    public record Added(PoolMember member, String initialPassword) {
    }

    /** A member with every change made to it. */
    public record MemberHistory(PoolMember member, List<PoolMemberChange> changes) {
    }

    private static final String USER_ID_PATTERN = "[a-z0-9][a-z0-9._-]{2,63}";
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final PoolMemberRecords records;
    private final PoolUsers users;
    private final JurisdictionDirectory directory;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ExpertPool(PoolMemberRecords records, PoolUsers users, JurisdictionDirectory directory, Clock clock) {
        this.records = records;
        this.users = users;
        this.directory = directory;
        this.clock = clock;
    }

    /** The jurisdiction's members, filtered by {@code active}, {@code kind} and {@code field} where given. */
    @Transactional(readOnly = true)
    public List<PoolMember> list(String jurisdiction, Boolean active, MemberKind kind, String field, Actor actor) {
        requireReader(jurisdiction, actor);
        if (field != null && !AwardCategories.isValid(jurisdiction, field)) {
            throw new ValidationException("field", "不是本辖区的奖补类别:" + field + ";可选 "
                    + String.join("、", AwardCategories.of(jurisdiction).keySet()));
        }
        return records.of(jurisdiction).stream()
                .filter(m -> active == null || m.active() == active)
                .filter(m -> kind == null || m.kind() == kind)
                .filter(m -> field == null || m.fields().contains(field))
                .toList();
    }

    @Transactional(readOnly = true)
    public MemberHistory get(long id, Actor actor) {
        PoolMember m = records.find(id).orElseThrow(() -> notFound(id));
        requireReader(m.jurisdiction(), actor);
        return new MemberHistory(m, records.changes(id));
    }

    /**
     * Adds a member: {@code jurisdiction}, {@code userId}, {@code kind}, {@code displayName} (defaults to the user's
     * name), {@code fields}, {@code employerName}, {@code employerCreditCode}, {@code ties}. An existing user must be
     * in the jurisdiction's experts group; a new one is created in it with a random initial password.
     */
    public Added add(Map<String, Object> body, Actor actor) {
        if (!(body.get("jurisdiction") instanceof String jurisdiction) || directory.find(jurisdiction).isEmpty()) {
            throw new ValidationException("jurisdiction", "辖区为空或未知:" + body.get("jurisdiction"));
        }
        requireKeeper(jurisdiction, actor);
        refuseUnknown(body, ADD_FIELDS);
        FormValues f = new FormValues(body);
        String userId = f.text("userId", "用户名", true, 64);
        if (userId != null && !userId.matches(USER_ID_PATTERN)) {
            f.reject("userId", "用户名只能由小写字母、数字、点、下划线和连字符组成,3 至 64 位");
            userId = null;
        }
        f.throwIfInvalid();
        java.util.Optional<String> existingName = users.name(userId);
        if (existingName.isPresent() && !users.isExpert(userId, jurisdiction)) {
            throw new ValidationException("userId", "用户 " + userId + " 不在本辖区评审专家组(" + Roles.experts(jurisdiction)
                    + ")中,不能加入专家库");
        }
        if (records.findByUser(userId).isPresent()) {
            throw new ValidationException("userId", "用户 " + userId + " 已在专家库中");
        }
        Map<String, Object> withName = new LinkedHashMap<>(body);
        withName.putIfAbsent("displayName", existingName.orElse(null));
        PoolMemberRecords.Values v = values(jurisdiction, withName, null);
        String password = null;
        if (existingName.isEmpty()) {
            password = initialPassword();
            users.createExpert(userId, v.displayName(), password, jurisdiction);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        long id = records.insert(jurisdiction, userId, v, actor.userId(), now);
        records.recordChange(id, "ADDED", actor.userId(), now, describe(v)
                + (password == null ? "" : ";新建用户 " + userId));
        return new Added(records.find(id).orElseThrow(), password);
    }

    /** Changes the given fields of a member (others stay); the change is recorded. */
    public PoolMember update(long id, Map<String, Object> body, Actor actor) {
        PoolMember old = records.lock(id).orElseThrow(() -> notFound(id));
        requireKeeper(old.jurisdiction(), actor);
        refuseUnknown(body, UPDATE_FIELDS);
        PoolMemberRecords.Values v = values(old.jurisdiction(), body, old);
        String detail = differences(values(old), v);
        if (detail.isEmpty()) {
            return old;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        records.update(id, v, actor.userId(), now);
        records.recordChange(id, "UPDATED", actor.userId(), now, detail);
        return records.find(id).orElseThrow();
    }

    /** Deactivates a member with a {@code reason}: it is drawn no more, and keeps its history and past draws. */
    public PoolMember deactivate(long id, Map<String, Object> body, Actor actor) {
        PoolMember old = records.lock(id).orElseThrow(() -> notFound(id));
        requireKeeper(old.jurisdiction(), actor);
        refuseUnknown(body, DEACTIVATE_FIELDS);
        FormValues f = new FormValues(body);
        String reason = f.text("reason", "停用原因", true, 1000);
        f.throwIfInvalid();
        if (!old.active()) {
            throw new ValidationException("id", "该成员已停用:" + old.deactivatedReason());
        }
        LocalDateTime now = LocalDateTime.now(clock);
        records.deactivate(id, reason, actor.userId(), now);
        records.recordChange(id, "DEACTIVATED", actor.userId(), now, "停用:" + reason);
        return records.find(id).orElseThrow();
    }

    /** The bureau of the jurisdiction, the administrator and the system keep the pool. */
    private static void requireKeeper(String jurisdiction, Actor actor) {
        if (!(actor.isSystem() || actor.isAdmin()
                || (actor.mayActIn(jurisdiction) && actor.inGroup(Roles.bureau(jurisdiction))))) {
            throw new AccessDeniedException("用户 " + actor.userId() + " 无权维护辖区 " + jurisdiction + " 的专家库");
        }
    }

    /** The keepers, the process owner and the auditor read it. */
    private static void requireReader(String jurisdiction, Actor actor) {
        if (!(actor.isSystem() || actor.isAdmin() || (actor.mayActIn(jurisdiction)
                && (actor.inGroup(Roles.bureau(jurisdiction)) || actor.inGroup(Roles.owner(jurisdiction))
                || actor.inGroup(Roles.auditor(jurisdiction)))))) {
            throw new AccessDeniedException("用户 " + actor.userId() + " 无权查看辖区 " + jurisdiction + " 的专家库");
        }
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("专家库成员不存在:" + id);
    }

    private static void refuseUnknown(Map<String, Object> body, Set<String> known) {
        List<FieldError> unknown = KnownFields.unknown(body, known, "");
        if (!unknown.isEmpty()) {
            throw new ValidationException(unknown);
        }
    }

    /** The member's values from the body; a key the body leaves out keeps {@code old}'s value (all required without). */
    private PoolMemberRecords.Values values(String jurisdiction, Map<String, Object> body, PoolMember old) {
        FormValues f = new FormValues(body);
        boolean all = old == null;
        MemberKind kind = all || f.has("kind") ? kind(f) : old.kind();
        String name = all || f.has("displayName") ? f.name("displayName", "姓名或名称", true, 100) : old.displayName();
        List<String> fields = all || f.has("fields") ? fields(jurisdiction, body.get("fields"), f) : old.fields();
        String employer = all || f.has("employerName") ? f.name("employerName", "工作单位", true, 200) : old.employerName();
        String employerCode = all || body.containsKey("employerCreditCode")
                ? creditCode(f, "employerCreditCode", "工作单位统一社会信用代码", false) : old.employerCreditCode();
        List<Tie> ties = all || body.containsKey("ties") ? ties(body.get("ties"), f) : old.ties();
        f.throwIfInvalid();
        return new PoolMemberRecords.Values(kind, name, fields, employer, employerCode, ties);
    }

    private static MemberKind kind(FormValues f) {
        String k = f.choice("kind", "成员类别(可选 " + Arrays.stream(MemberKind.values())
                .map(m -> m.name() + " " + m.label()).collect(Collectors.joining("、")) + ")",
                Arrays.stream(MemberKind.values()).map(Enum::name).collect(Collectors.toSet()), true);
        return k == null ? null : MemberKind.valueOf(k);
    }

    private static List<String> fields(String jurisdiction, Object value, FormValues f) {
        Map<String, String> categories = AwardCategories.of(jurisdiction);
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            f.reject("fields", "评审领域不能为空,应为本辖区奖补类别的列表:" + String.join("、", categories.keySet()));
            return List.of();
        }
        Set<String> fields = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String s && categories.containsKey(s)) {
                fields.add(s);
            } else {
                f.reject("fields[" + i + "]", "不是本辖区的奖补类别:" + list.get(i) + ";可选 "
                        + String.join("、", categories.keySet()));
            }
        }
        return fields.stream().sorted().toList();
    }

    private static List<Tie> ties(Object value, FormValues f) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            f.reject("ties", "关联企业应为列表");
            return List.of();
        }
        List<Tie> ties = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String prefix = "ties[" + i + "].";
            if (!(list.get(i) instanceof Map<?, ?> raw)) {
                f.reject("ties[" + i + "]", "关联企业应为对象");
                continue;
            }
            Map<String, Object> prefixed = new LinkedHashMap<>();
            raw.forEach((k, v) -> prefixed.put(prefix + k, v));
            @SuppressWarnings("unchecked")
            Map<String, Object> tie = (Map<String, Object>) raw;
            KnownFields.unknown(tie, TIE_FIELDS, prefix).forEach(e -> f.reject(e.field(), e.message()));
            FormValues t = new FormValues(prefixed);
            String code = creditCode(t, prefix + "creditCode", "关联企业统一社会信用代码", true);
            String kind = t.choice(prefix + "tieKind", "关联关系(可选 " + Arrays.stream(TieKind.values())
                    .map(k -> k.name() + " " + k.label()).collect(Collectors.joining("、")) + ")",
                    Arrays.stream(TieKind.values()).map(Enum::name).collect(Collectors.toSet()), true);
            java.time.LocalDate endsOn = t.date(prefix + "endsOn", "关联关系终止日期", false);
            t.errors().forEach(e -> f.reject(e.field(), e.message()));
            if (t.valid()) {
                ties.add(new Tie(code, TieKind.valueOf(kind), endsOn));
            }
        }
        return ties;
    }

    private static String creditCode(FormValues f, String key, String label, boolean required) {
        String code = f.text(key, label, required, 18);
        if (code != null && !CreditCode.isValid(code)) {
            f.reject(key, label + "无效:" + code);
            return null;
        }
        return code;
    }

    private static PoolMemberRecords.Values values(PoolMember m) {
        return new PoolMemberRecords.Values(m.kind(), m.displayName(), m.fields(), m.employerName(),
                m.employerCreditCode(), m.ties());
    }

    private static String describe(PoolMemberRecords.Values v) {
        return "类别 " + v.kind().label() + ";姓名 " + v.displayName() + ";评审领域 " + String.join("、", v.fields())
                + ";工作单位 " + v.employerName() + (v.employerCreditCode() == null ? "" : "(" + v.employerCreditCode() + ")")
                + ";关联企业 " + ties(v.ties());
    }

    private static String ties(List<Tie> ties) {
        return ties.isEmpty() ? "无" : ties.stream().map(t -> t.creditCode() + " " + t.kind().label()
                + (t.endsOn() == null ? "(持续)" : "(至 " + t.endsOn() + ")")).collect(Collectors.joining("、"));
    }

    private static String differences(PoolMemberRecords.Values a, PoolMemberRecords.Values b) {
        List<String> d = new ArrayList<>();
        change(d, "类别", a.kind().label(), b.kind().label());
        change(d, "姓名", a.displayName(), b.displayName());
        change(d, "评审领域", String.join("、", a.fields()), String.join("、", b.fields()));
        change(d, "工作单位", a.employerName(), b.employerName());
        change(d, "工作单位信用代码", String.valueOf(a.employerCreditCode()), String.valueOf(b.employerCreditCode()));
        change(d, "关联企业", ties(a.ties()), ties(b.ties()));
        return String.join(";", d);
    }

    private static void change(List<String> d, String label, String from, String to) {
        if (!from.equals(to)) {
            d.add(label + ":" + from + " → " + to);
        }
    }

    private String initialPassword() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            s.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return s.toString();
    }
}
