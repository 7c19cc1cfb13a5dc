package cn.tcsubsidy.bottleneck.process;

import cn.tcsubsidy.bottleneck.domain.Wait;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.tasks.domain.TaskCards;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stays of a jurisdiction's instances of one process, read from the engine's history tables (ACT_HI_ACTINST,
 * ACT_HI_TASKINST, ACT_HI_PROCINST, ACT_HI_IDENTITYLINK) in three queries, each by tenant: the Community Edition's
 * history API has no duration report, and reading activity instances one page at a time through it would take a
 * query per page. The project of an instance (and its recommending unit) is the root instance's business key, the
 * project's id.
 */
@Component
public class EngineHistoryWaits {

    /** Activity types where an instance stays a while: tasks, calls, catching events and the event gateway. */
    static final List<String> WAITING_TYPES = List.of("userTask", "serviceTask", "businessRuleTask", "sendTask",
            "scriptTask", "receiveTask", "manualTask", "task", "callActivity", "subProcess", "intermediateTimer",
            "intermediateMessageCatch", "intermediateSignalCatch", "intermediateConditional", "eventBasedGateway");

    private final JdbcClient jdbc;

    public EngineHistoryWaits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stays at the process's own activities that began in [from, to) (either null: open-ended). */
    public List<Wait> stays(String tenant, String processDefinitionKey, Instant from, Instant to) {
        Map<Long, String> units = units(tenant);
        return jdbc.sql("""
                        select a.ACT_ID_, a.ACT_NAME_, a.ACT_TYPE_, a.PROC_INST_ID_, a.START_TIME_, a.END_TIME_,
                               a.TASK_ID_, t.ASSIGNEE_, t.DUE_DATE_, r.BUSINESS_KEY_
                        from ACT_HI_ACTINST a
                        join ACT_HI_PROCINST r on r.PROC_INST_ID_ = a.ROOT_PROC_INST_ID_
                        left join ACT_HI_TASKINST t on t.ID_ = a.TASK_ID_
                        where a.TENANT_ID_ = :tenant and a.PROC_DEF_KEY_ = :key and a.ACT_TYPE_ in (:types)
                          and a.START_TIME_ >= :from and a.START_TIME_ < :to
                        """)
                .param("tenant", tenant).param("key", processDefinitionKey).param("types", WAITING_TYPES)
                .param("from", from(from)).param("to", to(to))
                .query((rs, i) -> new Wait(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs, 5), instant(rs, 6), unit(units, rs.getString(10)), "userTask".equals(rs.getString(3)),
                        instant(rs, 9), rs.getString(8), null))
                .list();
    }

    /** User tasks of the process's instances and of the instances they called, that began in [from, to). */
    public List<Wait> tasks(String tenant, String processDefinitionKey, Instant from, Instant to) {
        Map<Long, String> units = units(tenant);
        Map<String, String> townOf = townUnits(tenant);
        return jdbc.sql("""
                        select t.ID_, t.TASK_DEF_KEY_, t.NAME_, t.PROC_INST_ID_, t.START_TIME_, t.END_TIME_,
                               t.DUE_DATE_, t.ASSIGNEE_, r.BUSINESS_KEY_
                        from ACT_HI_TASKINST t
                        join ACT_HI_PROCINST r on r.PROC_INST_ID_ = t.ROOT_PROC_INST_ID_
                        where t.TENANT_ID_ = :tenant and r.PROC_DEF_KEY_ = :key
                          and t.START_TIME_ >= :from and t.START_TIME_ < :to
                        """)
                .param("tenant", tenant).param("key", processDefinitionKey)
                .param("from", from(from)).param("to", to(to))
                .query((rs, i) -> new Wait(rs.getString(2), TaskCards.stepName(rs.getString(3)), "userTask", rs.getString(4),
                        instant(rs, 5), instant(rs, 6), unit(units, rs.getString(9)), true, instant(rs, 7),
                        rs.getString(8), townOf.get(rs.getString(1))))
                .list();
    }

    /** Project id → recommending unit, for the tenant's projects. */
    private Map<Long, String> units(String tenant) {
        Map<Long, String> out = new HashMap<>();
        jdbc.sql("select id, unit_code from project where jurisdiction_code = :j").param("j", tenant)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    /** Task id → the unit whose town group was a candidate of it. */
    private Map<String, String> townUnits(String tenant) {
        String prefix = Roles.townPrefix(tenant);
        Map<String, String> out = new HashMap<>();
        jdbc.sql("""
                        select TASK_ID_, GROUP_ID_ from ACT_HI_IDENTITYLINK
                        where TENANT_ID_ = :tenant and TYPE_ = 'candidate' and OPERATION_TYPE_ = 'add'
                          and TASK_ID_ is not null and GROUP_ID_ like :prefix
                        """)
                .param("tenant", tenant).param("prefix", prefix + "%")
                .query(rs -> {
                    out.put(rs.getString(1), rs.getString(2).substring(prefix.length()));
                });
        return out;
    }

    private static String unit(Map<Long, String> units, String businessKey) {
        if (businessKey == null || !businessKey.chars().allMatch(Character::isDigit) || businessKey.isEmpty()
                || businessKey.length() > 18) {
            return null;
        }
        return units.get(Long.parseLong(businessKey));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp from(Instant from) {
        return Timestamp.from(from == null ? LocalDate.of(1970, 1, 2).atStartOfDay().toInstant(java.time.ZoneOffset.UTC) : from);
    }

    private static Timestamp to(Instant to) {
        return Timestamp.from(to == null ? LocalDate.of(9999, 1, 1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC) : to);
    }
}
