package cn.tcsubsidy.award.quote;

import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.KnownFields;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.Roles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-jurisdiction quote date settings (table {@code quote_date_setting}): which date picks the policy in force
 * and which the LPR. The sources say neither; the defaults (policy: the completion date; LPR: the application date)
 * are data the jurisdiction's rule administrator changes with a basis, every version kept with who and when.
 */
@Service
public class QuoteDateSettings {

    public static final String POLICY_DATE = "policyDate";
    public static final String POLICY_DATE_SOURCE = "policyDateSource";
    public static final String LPR_DATE = "lprDate";
    public static final String LPR_DATE_SOURCE = "lprDateSource";
    public static final String BASIS = "basis";
    private static final Set<String> FIELDS = Set.of(POLICY_DATE, POLICY_DATE_SOURCE, LPR_DATE, LPR_DATE_SOURCE, BASIS);
    private static final Set<String> RULES =
            Arrays.stream(QuoteDateRule.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    /** The dates a quote uses, picked by its jurisdiction's setting. */
    public record QuoteDates(LocalDate policyDate, LocalDate lprDate) {
    }

    /** One version of a setting, as changed. */
    public record Change(QuoteDateRule policyDate, String policyDateSource, QuoteDateRule lprDate, String lprDateSource,
                         String basis, String changedBy, LocalDateTime changedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public QuoteDateSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The policy date (the date the tables' validity windows read) and the LPR date of a request. The defaults live
     * only in the data: a jurisdiction without a setting row is a configuration error, not a silent default.
     */
    public QuoteDates dates(String jurisdiction, LocalDate applicationDate, LocalDate completionDate) {
        QuoteDateSetting s = find(jurisdiction, "");
        if (s == null) {
            throw new IllegalStateException("no quote_date_setting row for jurisdiction " + jurisdiction);
        }
        return new QuoteDates(s.policyDate().pick(applicationDate, completionDate),
                s.lprDate().pick(applicationDate, completionDate));
    }

    /** The setting, for any user of the jurisdiction and the administrator. */
    public QuoteDateSetting read(String jurisdiction, Actor actor) {
        actor.requireJurisdiction(jurisdiction);
        QuoteDateSetting s = find(jurisdiction, "");
        if (s == null) {
            throw new NotFoundException("辖区没有测算日期设置:" + jurisdiction);
        }
        return s;
    }

    /** Every version of the setting, newest first. */
    public List<Change> history(String jurisdiction, Actor actor) {
        actor.requireJurisdiction(jurisdiction);
        return jdbc.sql("select * from quote_date_setting_change where jurisdiction_code = :j order by id desc")
                .param("j", jurisdiction)
                .query((rs, i) -> new Change(QuoteDateRule.valueOf(rs.getString("policy_date_rule")),
                        rs.getString("policy_date_source"), QuoteDateRule.valueOf(rs.getString("lpr_date_rule")),
                        rs.getString("lpr_date_source"), rs.getString("basis"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toLocalDateTime()))
                .list();
    }

    /**
     * Changes the setting: both rules ({@code policyDate}, {@code lprDate}: COMPLETION_DATE or APPLICATION_DATE), the
     * source's words beside each when they change ({@code policyDateSource}, {@code lprDateSource}; absent = kept),
     * and the {@code basis} of the change (e.g. the bureau's decision). The jurisdiction's rule administrator or the
     * administrator; recorded with who and when.
     */
    @Transactional
    public QuoteDateSetting change(String jurisdiction, Map<String, Object> body, Actor actor) {
        actor.requireJurisdiction(jurisdiction);
        if (!actor.isAdmin() && !actor.inGroup(Roles.rules(jurisdiction))) {
            throw new AccessDeniedException("只有本辖区奖补规则管理员可以修改测算日期设置");
        }
        FormValues f = new FormValues(body);
        KnownFields.unknown(body, FIELDS, "").forEach(e -> f.reject(e.field(), e.message()));
        String policy = f.choice(POLICY_DATE, "确定适用政策的日期", RULES, true);
        String policySource = f.text(POLICY_DATE_SOURCE, "确定适用政策日期的文件原文", false, 1000);
        String lpr = f.choice(LPR_DATE, "确定LPR的日期", RULES, true);
        String lprSource = f.text(LPR_DATE_SOURCE, "确定LPR日期的文件原文", false, 1000);
        String basis = f.text(BASIS, "修改依据", true, 500);
        f.throwIfInvalid();
        QuoteDateSetting current = find(jurisdiction, " for update");
        if (current == null) {
            throw new NotFoundException("辖区没有测算日期设置:" + jurisdiction);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        QuoteDateSetting next = new QuoteDateSetting(jurisdiction, QuoteDateRule.valueOf(policy),
                policySource != null ? policySource : current.policyDateSource(), QuoteDateRule.valueOf(lpr),
                lprSource != null ? lprSource : current.lprDateSource(), basis, actor.userId(), now);
        jdbc.sql("""
                update quote_date_setting set policy_date_rule = :pr, policy_date_source = :ps, lpr_date_rule = :lr,
                  lpr_date_source = :ls, basis = :b, updated_by = :by, updated_at = :at where jurisdiction_code = :j
                """).params(params(next)).update();
        jdbc.sql("""
                insert into quote_date_setting_change (jurisdiction_code, policy_date_rule, policy_date_source,
                  lpr_date_rule, lpr_date_source, basis, changed_by, changed_at)
                values (:j, :pr, :ps, :lr, :ls, :b, :by, :at)
                """).params(params(next)).update();
        return next;
    }

    private static Map<String, Object> params(QuoteDateSetting s) {
        return Map.of("j", s.jurisdiction(), "pr", s.policyDate().name(), "ps", s.policyDateSource(),
                "lr", s.lprDate().name(), "ls", s.lprDateSource(), "b", s.basis(), "by", s.updatedBy(),
                "at", s.updatedAt());
    }

    private QuoteDateSetting find(String jurisdiction, String lock) {
        return jdbc.sql("select * from quote_date_setting where jurisdiction_code = :j" + lock).param("j", jurisdiction)
                .query(QuoteDateSettings::map).optional().orElse(null);
    }

    private static QuoteDateSetting map(ResultSet rs, int i) throws SQLException {
        return new QuoteDateSetting(rs.getString("jurisdiction_code"), QuoteDateRule.valueOf(rs.getString("policy_date_rule")),
                rs.getString("policy_date_source"), QuoteDateRule.valueOf(rs.getString("lpr_date_rule")),
                rs.getString("lpr_date_source"), rs.getString("basis"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toLocalDateTime());
    }
}
