package cn.tcsubsidy.bottleneck.process;

import cn.tcsubsidy.bottleneck.domain.BottleneckReport;
import cn.tcsubsidy.bottleneck.domain.Wait;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.jurisdiction.RecommendingUnit;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who may read the bottleneck report of a jurisdiction (its bureau, process owner and auditor, and the
 * administrator), the filters checked, and the report computed from the history of that tenant only.
 */
@Service
public class Bottlenecks {

    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]{0,63}");

    private final EngineHistoryWaits history;
    private final JurisdictionDirectory jurisdictions;
    private final JdbcClient jdbc;
    private final Clock clock;

    public Bottlenecks(EngineHistoryWaits history, JurisdictionDirectory jurisdictions, JdbcClient jdbc, Clock clock) {
        this.history = history;
        this.jurisdictions = jurisdictions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Report(String jurisdiction, String processDefinitionKey, Integer year, String unit, Instant asOf,
                         BottleneckReport.Result result) {
    }

    public Report report(Actor actor, String jurisdiction, String processDefinitionKey, Integer year, String unit) {
        requireReader(actor, jurisdiction);
        if (processDefinitionKey == null || !KEY.matcher(processDefinitionKey).matches()) {
            throw new ValidationException("processDefinitionKey", "流程标识缺失或格式不正确");
        }
        if (year != null && (year < 2000 || year > 2100)) {
            throw new ValidationException("year", "年度应在 2000 至 2100 之间");
        }
        List<RecommendingUnit> units = jurisdictions.units(jurisdiction);
        if (unit != null && units.stream().noneMatch(u -> u.code().equals(unit))) {
            throw new ValidationException("unit", "推荐单位 " + unit + " 不属于辖区 " + jurisdiction);
        }
        Instant now = clock.instant();
        Instant from = year == null ? null : LocalDate.of(year, 1, 1).atStartOfDay(BottleneckReport.ZONE).toInstant();
        Instant to = year == null ? null : LocalDate.of(year + 1, 1, 1).atStartOfDay(BottleneckReport.ZONE).toInstant();
        List<Wait> stays = history.stays(jurisdiction, processDefinitionKey, from, to);
        List<Wait> tasks = history.tasks(jurisdiction, processDefinitionKey, from, to);
        if (unit != null) {
            stays = stays.stream().filter(w -> unit.equals(w.unit())).toList();
            tasks = tasks.stream().filter(w -> unit.equals(w.unit())).toList();
        }
        Map<String, String> unitNames = new LinkedHashMap<>();
        units.stream().filter(u -> unit == null || u.code().equals(unit)).forEach(u -> unitNames.put(u.code(), u.name()));
        Set<String> reviewers = tasks.stream().map(Wait::assignee).filter(a -> a != null).collect(Collectors.toSet());
        return new Report(jurisdiction, processDefinitionKey, year, unit, now,
                BottleneckReport.compute(stays, tasks, unitNames, names(reviewers), year, now));
    }

    /** Display names (姓 + 名 as the engine keeps them) of the users, read from the engine's identity table. */
    private Map<String, String> names(Set<String> users) {
        Map<String, String> out = new HashMap<>();
        if (users.isEmpty()) {
            return out;
        }
        jdbc.sql("select ID_, FIRST_, LAST_ from ACT_ID_USER where ID_ in (:ids)").param("ids", users)
                .query(rs -> {
                    String name = Stream.of(rs.getString(2), rs.getString(3)).filter(s -> s != null && !s.isBlank())
                            .collect(Collectors.joining());
                    out.put(rs.getString(1), name.isEmpty() ? rs.getString(1) : name);
                });
        return out;
    }

    /** Unknown jurisdiction: 404; anyone but its bureau, owner, auditor and the administrator: 403. */
    public void requireReader(Actor actor, String jurisdiction) {
        if (jurisdiction == null || !jurisdictions.exists(jurisdiction)) {
            throw new NotFoundException("辖区不存在:" + jurisdiction);
        }
        boolean allowed = actor.isAdmin() || actor.inGroup(Roles.bureau(jurisdiction))
                || actor.inGroup(Roles.owner(jurisdiction)) || actor.inGroup(Roles.auditor(jurisdiction));
        if (!allowed) {
            throw new AccessDeniedException("用户 " + actor.userId() + " 无权查看辖区 " + jurisdiction
                    + " 的瓶颈分析(仅限本辖区的主管部门、流程负责人、审计监督及系统管理员)");
        }
    }
}
