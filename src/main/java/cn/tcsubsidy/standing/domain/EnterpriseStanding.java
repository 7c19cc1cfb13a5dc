package cn.tcsubsidy.standing.domain;

import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.KnownFields;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.ValidationException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each jurisdiction's list of enterprises whose standing bars an award (issue 7 point 19; table
 * enterprise_standing): 济兖政字〔2020〕14号 五、1 信用良好,近三年内未发生重大违法违规行为; 济政〔2017〕27号 三(五)
 * 联合惩戒和信用约束 of enterprises that missed their capacity-exit deadline. The list is data the bureau keeps: the
 * jurisdiction's bureau (and the administrator) lists, adds and lifts entries, each with its basis, who and when. A
 * quote whose enterprise is listed on its policy date is refused with the listing as the reason. How long a major
 * violation bars an award (近三年内) is the entry's until date, which the bureau enters.
 */
@Service
public class EnterpriseStanding {

    public static final String JURISDICTION = "jurisdiction";
    public static final String CREDIT_CODE = "creditCode";
    public static final String ENTERPRISE_NAME = "enterpriseName";
    public static final String KIND = "kind";
    public static final String BASIS = "basis";
    public static final String FROM_DATE = "fromDate";
    public static final String UNTIL_DATE = "untilDate";
    public static final String REASON = "reason";
    private static final Set<String> FIELDS =
            Set.of(JURISDICTION, CREDIT_CODE, ENTERPRISE_NAME, KIND, BASIS, FROM_DATE, UNTIL_DATE);
    private static final Set<String> KINDS =
            Arrays.stream(StandingKind.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final JdbcClient jdbc;
    private final JurisdictionDirectory directory;
    private final Clock clock;

    public EnterpriseStanding(JdbcClient jdbc, JurisdictionDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    /** The entries that list the enterprise in the jurisdiction on {@code date}, oldest first. For the quote. */
    @Transactional(readOnly = true)
    public List<StandingListing> listedOn(String jurisdiction, String creditCode, LocalDate date) {
        if (creditCode == null || date == null) {
            return List.of();
        }
        return jdbc.sql("select * from enterprise_standing where jurisdiction_code = :j and credit_code = :c order by id")
                .param("j", jurisdiction).param("c", creditCode).query(EnterpriseStanding::map).list()
                .stream().filter(l -> l.appliesOn(date)).toList();
    }

    /** The jurisdiction's list, lifted entries included, newest first; optionally of one enterprise. */
    @Transactional(readOnly = true)
    public List<StandingListing> list(String jurisdiction, String creditCode, Actor actor) {
        requireReader(jurisdiction, actor);
        return jdbc.sql("select * from enterprise_standing where jurisdiction_code = :j"
                        + (creditCode == null ? "" : " and credit_code = :c") + " order by id desc")
                .param("j", jurisdiction).params(creditCode == null ? Map.of() : Map.of("c", creditCode))
                .query(EnterpriseStanding::map).list();
    }

    /** An entry; one of another jurisdiction reads as absent, a role of its own that does not read the list is refused. */
    @Transactional(readOnly = true)
    public StandingListing get(long id, Actor actor) {
        StandingListing l = find(id).filter(x -> actor.mayActIn(x.jurisdiction()))
                .orElseThrow(() -> new NotFoundException("名单记录不存在:" + id));
        requireReader(l.jurisdiction(), actor);
        return l;
    }

    /**
     * Adds an entry: {@code jurisdiction}, {@code creditCode}, {@code enterpriseName} (optional), {@code kind}
     * (CREDIT_SANCTION, MISSED_CAPACITY_EXIT or MAJOR_VIOLATION), {@code basis} (the document or decision),
     * {@code fromDate} and {@code untilDate} (optional: open).
     */
    @Transactional
    public StandingListing add(Map<String, Object> body, Actor actor) {
        FormValues f = new FormValues(body);
        String jurisdiction = f.text(JURISDICTION, "辖区", true, 32);
        f.throwIfInvalid();
        if (!directory.exists(jurisdiction)) {
            throw new ValidationException(JURISDICTION, "辖区取值无效:" + jurisdiction);
        }
        requireKeeper(jurisdiction, actor);
        KnownFields.unknown(body, FIELDS, "").forEach(e -> f.reject(e.field(), e.message()));
        String creditCode = f.text(CREDIT_CODE, "统一社会信用代码", true, 18);
        if (creditCode != null && !CreditCode.isValid(creditCode)) {
            f.reject(CREDIT_CODE, "统一社会信用代码无效:" + creditCode);
        }
        String name = f.name(ENTERPRISE_NAME, "企业名称", false, 200);
        String kind = f.choice(KIND, "列入名单的类别", KINDS, true);
        String basis = f.text(BASIS, "列入依据(文件或决定)", true, 500);
        LocalDate from = f.date(FROM_DATE, "列入日期", true);
        LocalDate until = f.date(UNTIL_DATE, "截止日期", false);
        if (from != null && until != null && until.isBefore(from)) {
            f.reject(UNTIL_DATE, "截止日期不能早于列入日期");
        }
        f.throwIfInvalid();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into enterprise_standing (jurisdiction_code, credit_code, enterprise_name, kind, basis, from_date,
                  until_date, entered_by, entered_at)
                values (:j, :c, :n, :k, :b, :f, :u, :by, :at)
                """)
                .param("j", jurisdiction).param("c", creditCode).param("n", name).param("k", kind).param("b", basis)
                .param("f", from).param("u", until).param("by", actor.userId()).param("at", LocalDateTime.now(clock))
                .update(keys, "id");
        return find(keys.getKey().longValue()).orElseThrow();
    }

    /** Lifts an entry ({@code reason} required: credit repair, a correction): it no longer bars any quote. */
    @Transactional
    public StandingListing lift(long id, Map<String, Object> body, Actor actor) {
        requireKeeper(get(id, actor).jurisdiction(), actor);
        FormValues f = new FormValues(body);
        KnownFields.unknown(body, Set.of(REASON), "").forEach(e -> f.reject(e.field(), e.message()));
        String reason = f.text(REASON, "移出原因", true, 500);
        f.throwIfInvalid();
        int lifted = jdbc.sql("""
                update enterprise_standing set lifted_by = :by, lifted_at = :at, lift_reason = :r
                where id = :id and lifted_at is null
                """).param("id", id).param("by", actor.userId()).param("at", LocalDateTime.now(clock))
                .param("r", reason).update();
        if (lifted != 1) {
            throw new ValidationException("id", "该名单记录已移出,不能再次移出");
        }
        return find(id).orElseThrow();
    }

    private Optional<StandingListing> find(long id) {
        return jdbc.sql("select * from enterprise_standing where id = :id").param("id", id)
                .query(EnterpriseStanding::map).optional();
    }

    private static boolean mayKeep(String jurisdiction, Actor actor) {
        return actor.isAdmin() || actor.mayActIn(jurisdiction) && actor.inGroup(Roles.bureau(jurisdiction));
    }

    private static void requireKeeper(String jurisdiction, Actor actor) {
        if (!mayKeep(jurisdiction, actor)) {
            throw new AccessDeniedException("只有本辖区工信局可以维护企业信用约束名单");
        }
    }

    /** The keepers, and the jurisdiction's auditor, who reads and never changes it. */
    private static void requireReader(String jurisdiction, Actor actor) {
        if (!mayKeep(jurisdiction, actor)
                && !(actor.mayActIn(jurisdiction) && actor.inGroup(Roles.auditor(jurisdiction)))) {
            throw new AccessDeniedException("只有本辖区工信局和审计监督可以查看企业信用约束名单");
        }
    }

    private static StandingListing map(ResultSet rs, int i) throws SQLException {
        java.sql.Date until = rs.getDate("until_date");
        java.sql.Timestamp lifted = rs.getTimestamp("lifted_at");
        return new StandingListing(rs.getLong("id"), rs.getString("jurisdiction_code"), rs.getString("credit_code"),
                rs.getString("enterprise_name"), StandingKind.valueOf(rs.getString("kind")), rs.getString("basis"),
                rs.getDate("from_date").toLocalDate(), until == null ? null : until.toLocalDate(),
                rs.getString("entered_by"), rs.getTimestamp("entered_at").toLocalDateTime(),
                rs.getString("lifted_by"), lifted == null ? null : lifted.toLocalDateTime(),
                rs.getString("lift_reason"));
    }
}
