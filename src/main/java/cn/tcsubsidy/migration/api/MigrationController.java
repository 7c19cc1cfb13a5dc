package cn.tcsubsidy.migration.api;

import cn.tcsubsidy.migration.process.ProcessMigration;
import cn.tcsubsidy.migration.process.ProcessMigration.Report;
import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.identity.SecurityLog;
import cn.tcsubsidy.identity.SecurityLog.Kind;
import cn.tcsubsidy.identity.SourceAddress;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * After a new version of tc-project or tc-annual-round is deployed, the administrator moves the instances still on
 * an older version onto it: first a dry run (the plan and the instances per activity), then the migration.
 * camunda-admin only; each migration is in the security log and, step by step, in the engine's user-operation log.
 */
@RestController
@RequestMapping("/api/admin/migrations")
public class MigrationController {

    /** {@code tenant}: the jurisdiction, for a process deployed per jurisdiction (tc-annual-round) only. */
    public record MigrationRequest(Integer sourceVersion, String tenant, boolean dryRun) {
    }

    private final ProcessMigration migration;
    private final SecurityLog log;
    private final SourceAddress sources;

    public MigrationController(ProcessMigration migration, SecurityLog log, SourceAddress sources) {
        this.migration = migration;
        this.log = log;
        this.sources = sources;
    }

    @PostMapping("/{processKey}")
    public Report migrate(@PathVariable String processKey, @RequestBody MigrationRequest body,
                          HttpServletRequest request, @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        if (!actor.isAdmin()) {
            log.record(Kind.REFUSED, actor.userId(), sources.of(request),
                    request.getMethod() + " " + request.getRequestURI() + ":不是系统管理员");
            throw new AccessDeniedException("只有系统管理员可以迁移流程实例");
        }
        if (body.dryRun()) {
            return migration.dryRun(processKey, body.tenant(), body.sourceVersion());
        }
        Report report = migration.execute(processKey, body.tenant(), body.sourceVersion());
        log.record(Kind.ADMIN_ACTION, actor.userId(), sources.of(request), "迁移流程 " + processKey
                + (body.tenant() == null ? "" : "(辖区 " + body.tenant() + ")") + " 版本 " + report.source().version()
                + " → " + report.target().version() + ":" + report.instances() + " 个实例"
                + (report.batchId() == null ? "" : ",批处理 " + report.batchId()));
        return report;
    }
}
