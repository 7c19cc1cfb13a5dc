package cn.tcsubsidy.rules.api;

import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.rules.domain.ReadableRow;
import cn.tcsubsidy.rules.domain.RuleChange;
import cn.tcsubsidy.rules.domain.RuleDeploymentLog;
import cn.tcsubsidy.rules.process.RuleTablesReader;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A jurisdiction's rule tables as a bureau reads them (规则表), and the record of their deployments with the readable
 * changes (部署记录). For the jurisdiction's rule administrators, bureau, owner and auditor, and the administrator.
 */
@RestController
@RequestMapping("/api/rules/{jurisdiction}")
public class RuleTablesController {

    private static final int MAX = 500;
    private final JurisdictionDirectory jurisdictions;
    private final RuleTablesReader tables;
    private final RuleDeploymentLog log;

    public RuleTablesController(JurisdictionDirectory jurisdictions, RuleTablesReader tables, RuleDeploymentLog log) {
        this.jurisdictions = jurisdictions;
        this.tables = tables;
        this.log = log;
    }

    @GetMapping("/tables")
    public Map<String, Object> tables(@PathVariable String jurisdiction,
                                      @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        requireReader(jurisdiction, actor);
        List<Map<String, Object>> out = tables.inForce(jurisdiction).stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", t.table().key());
            m.put("name", t.table().name());
            m.put("version", t.version());
            m.put("deploymentId", t.deploymentId());
            m.put("deployedAt", t.deployedAt());
            m.put("resource", t.resource());
            m.put("hitPolicy", t.table().hitPolicy());
            m.put("inputs", t.table().inputs());
            m.put("outputs", t.table().outputs());
            m.put("rows", t.table().rows().stream().map(RuleTablesController::row).toList());
            return m;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jurisdiction", jurisdiction);
        body.put("tables", out);
        return body;
    }

    @GetMapping("/history")
    public Map<String, Object> history(@PathVariable String jurisdiction,
                                       @RequestParam(defaultValue = "100") int limit,
                                       @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        requireReader(jurisdiction, actor);
        if (limit < 1 || limit > MAX) {
            throw new ValidationException("limit", "条数应在 1 至 " + MAX + " 之间");
        }
        List<Map<String, Object>> entries = log.history(jurisdiction, limit).stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("deploymentId", e.deploymentId());
            m.put("deploymentName", e.deploymentName());
            m.put("source", e.source());
            m.put("deployedAt", e.deployedAt());
            m.put("deployedBy", e.deployedBy());
            m.put("tables", e.tables().stream().map(t -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("key", t.key());
                x.put("version", t.version());
                x.put("resource", t.resource());
                return x;
            }).toList());
            m.put("diff", e.diff().stream().map(RuleTablesController::change).toList());
            return m;
        }).toList();
        return Map.of("entries", entries);
    }

    /** Unknown jurisdiction: 404; anyone but its rules, bureau, owner, auditor groups and the administrator: 403. */
    private void requireReader(String jurisdiction, Actor actor) {
        if (!jurisdictions.exists(jurisdiction)) {
            throw new NotFoundException("辖区不存在:" + jurisdiction);
        }
        boolean allowed = actor.isAdmin() || actor.inGroup(Roles.rules(jurisdiction))
                || actor.inGroup(Roles.bureau(jurisdiction)) || actor.inGroup(Roles.owner(jurisdiction))
                || actor.inGroup(Roles.auditor(jurisdiction));
        if (!allowed) {
            throw new AccessDeniedException("用户 " + actor.userId() + " 无权查看辖区 " + jurisdiction
                    + " 的规则表与部署记录(仅限本辖区的奖补规则管理员、主管部门、流程负责人、审计监督及系统管理员)");
        }
    }

    private static Map<String, Object> row(ReadableRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ruleId", r.ruleId());
        m.put("cells", r.cells());
        m.put("source", r.source());
        return m;
    }

    private static Map<String, Object> change(RuleChange c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", c.table());
        m.put("kind", c.kind());
        m.put("ruleId", c.ruleId());
        m.put("text", c.text());
        return m;
    }
}
