package cn.tcsubsidy.notice.publication.domain;

import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.KnownFields;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.Roles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each jurisdiction's objection channel (table {@code notice_objection_channel}): read by any user of the
 * jurisdiction, published with every notice, changed by the jurisdiction's bureau or the administrator with a basis;
 * every version kept.
 */
@Service
public class ObjectionChannels {

    /** How the page labels the channel: none of the policy documents prescribes it. */
    public static final String PRACTICE = "常见做法";
    public static final String ACCEPTING_UNIT = "acceptingUnit";
    public static final String ADDRESS = "address";
    public static final String PHONE = "phone";
    public static final String MAILBOX = "mailbox";
    public static final String REQUIREMENTS = "requirements";
    public static final String BASIS = "basis";
    private static final Set<String> FIELDS = Set.of(ACCEPTING_UNIT, ADDRESS, PHONE, MAILBOX, REQUIREMENTS, BASIS);

    private final JdbcClient jdbc;
    private final Clock clock;

    public ObjectionChannels(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The channel a notice publishes, if the jurisdiction has one. */
    public Optional<ObjectionChannel> of(String jurisdiction) {
        return find(jurisdiction, "");
    }

    public ObjectionChannel read(String jurisdiction, Actor actor) {
        actor.requireJurisdiction(jurisdiction);
        return find(jurisdiction, "").orElseThrow(() -> new NotFoundException("辖区没有异议受理方式:" + jurisdiction));
    }

    /**
     * Replaces the channel: {@code acceptingUnit}, {@code address}, {@code phone}, {@code mailbox},
     * {@code requirements} (what an objection must carry) and the {@code basis} (e.g. the bureau's notice). The
     * text is then the bureau's own: no longer marked 示例.
     */
    @Transactional
    public ObjectionChannel change(String jurisdiction, Map<String, Object> body, Actor actor) {
        actor.requireJurisdiction(jurisdiction);
        if (!actor.isAdmin() && !actor.inGroup(Roles.bureau(jurisdiction))) {
            throw new AccessDeniedException("只有本辖区工信局或系统管理员可以修改异议受理方式");
        }
        FormValues f = new FormValues(body);
        KnownFields.unknown(body, FIELDS, "").forEach(e -> f.reject(e.field(), e.message()));
        String unit = f.name(ACCEPTING_UNIT, "受理单位", true, 200);
        String address = f.name(ADDRESS, "通信地址", true, 300);
        String phone = f.name(PHONE, "联系电话", true, 64);
        String mailbox = f.name(MAILBOX, "电子邮箱", true, 200);
        String requirements = f.text(REQUIREMENTS, "受理要求", true, 2000);
        String basis = f.text(BASIS, "依据", true, 500);
        f.throwIfInvalid();
        find(jurisdiction, " for update").orElseThrow(() -> new NotFoundException("辖区没有异议受理方式:" + jurisdiction));
        LocalDateTime now = LocalDateTime.now(clock);
        ObjectionChannel next = new ObjectionChannel(jurisdiction, unit, address, phone, mailbox, requirements, basis,
                false, actor.userId(), now);
        Map<String, Object> row = Map.of("j", jurisdiction, "u", unit, "a", address, "p", phone, "m", mailbox,
                "r", requirements, "b", basis, "by", actor.userId(), "at", now);
        jdbc.sql("""
                update notice_objection_channel set accepting_unit = :u, address = :a, phone = :p, mailbox = :m,
                  requirements = :r, basis = :b, sample = false, updated_by = :by, updated_at = :at
                 where jurisdiction_code = :j
                """).params(row).update();
        jdbc.sql("""
                insert into notice_objection_channel_change (jurisdiction_code, accepting_unit, address, phone, mailbox,
                  requirements, basis, changed_by, changed_at)
                values (:j, :u, :a, :p, :m, :r, :b, :by, :at)
                """).params(row).update();
        return next;
    }

    private Optional<ObjectionChannel> find(String jurisdiction, String lock) {
        return jdbc.sql("select * from notice_objection_channel where jurisdiction_code = :j" + lock)
                .param("j", jurisdiction).query(ObjectionChannels::map).optional();
    }

    private static ObjectionChannel map(ResultSet rs, int i) throws SQLException {
        return new ObjectionChannel(rs.getString("jurisdiction_code"), rs.getString("accepting_unit"),
                rs.getString("address"), rs.getString("phone"), rs.getString("mailbox"), rs.getString("requirements"),
                rs.getString("basis"), rs.getBoolean("sample"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toLocalDateTime());
    }
}
