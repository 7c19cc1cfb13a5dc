package cn.tcsubsidy.rules.process;

import cn.tcsubsidy.award.domain.AwardCases.Recomputed;
import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.award.quote.AwardQuote;
import cn.tcsubsidy.award.quote.process.PreviewAwardRules;
import cn.tcsubsidy.award.quote.process.TableAwardRules;
import cn.tcsubsidy.engine.RuleEvaluator;
import cn.tcsubsidy.engine.guard.DecisionTableCheck;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.rules.domain.DmnTables;
import cn.tcsubsidy.rules.domain.RuleChange;
import cn.tcsubsidy.rules.domain.RuleDiff;
import cn.tcsubsidy.rules.guardrail.Violation;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A rule change tried before it is deployed: the deployment's own checks (size, FEEL only, the jurisdiction's keys)
 * and the policy guardrails, then a what-if: every project of the jurisdiction's last completed round and of its open
 * round quoted under the deployed tables and under the candidate ones, from the figures their reports recorded, with
 * the budget line drawn both ways where the round was ranked. Nothing is deployed or written.
 */
@Service
public class RulePreview {

    /** A project whose quote or place on the budget line the change would move. */
    public record ProjectChange(long projectId, String projectName, String enterprise, int roundYear,
                                BigDecimal oldAmount, BigDecimal newAmount, Boolean oldEligible, Boolean newEligible,
                                Boolean oldWithinLine, Boolean newWithinLine, String newDecision, String error) {
    }

    public record Round(long roundId, int year, String status) {
    }

    public record LineMove(long projectId, String projectName, String from, String to) {
    }

    public record WhatIf(List<Round> rounds, int examined, List<ProjectChange> projects, BigDecimal oldTotal,
                         BigDecimal newTotal, List<LineMove> lineMoves) {
    }

    /**
     * @param diff what the candidate files change against the files in force, row by row ({@link RuleDiff})
     */
    public record Preview(String jurisdiction, boolean passed, List<Violation> violations, List<RuleChange> diff,
                          WhatIf whatIf) {
    }

    private final TableGuardrails guardrails;
    private final DecisionTableCheck tableCheck;
    private final AwardCases awards;
    private final ProjectRepository projects;
    private final JurisdictionDirectory directory;
    private final PreviewAwardRules previews;
    private final IdentityService identity;
    private final JdbcClient jdbc;
    private final RuleTablesReader tables;

    public RulePreview(TableGuardrails guardrails, DecisionTableCheck tableCheck, AwardCases awards,
                       ProjectRepository projects, JurisdictionDirectory directory, PreviewAwardRules previews,
                       IdentityService identity, JdbcClient jdbc,
                       RuleTablesReader tables) {
        this.tables = tables;
        this.guardrails = guardrails;
        this.tableCheck = tableCheck;
        this.awards = awards;
        this.projects = projects;
        this.directory = directory;
        this.previews = previews;
        this.identity = identity;
        this.jdbc = jdbc;
    }

    /** Who may try a change: the jurisdiction's rule administrators and its head (who approves), and the administrator. */
    private void authorize(String jurisdiction, Actor actor) {
        if (directory.find(jurisdiction).isEmpty()) {
            throw new NotFoundException("辖区不存在:" + jurisdiction);
        }
        if (!actor.isAdmin() && !actor.inGroup(Roles.rules(jurisdiction)) && !actor.inGroup(Roles.head(jurisdiction))) {
            throw new AccessDeniedException("只有" + jurisdiction + "的奖补规则管理员(" + Roles.rules(jurisdiction)
                    + ")或工信局负责人可以预览规则表变更,用户 " + actor.userId() + " 不能");
        }
    }

    /**
     * The deployment's checks first (refusing, as a deployment would, with a 4xx), then the guardrails and the
     * what-if. Each file name ends in .dmn.
     */
    public Preview preview(String jurisdiction, Map<String, byte[]> files, Actor actor) {
        authorize(jurisdiction, actor);
        if (files.isEmpty()) {
            throw new ValidationException("files", "请上传至少一个规则表文件(.dmn)");
        }
        files.keySet().stream().filter(n -> !n.endsWith(".dmn")).findFirst().ifPresent(n -> {
            throw new ValidationException("files", "只能上传决策表文件(.dmn),不接受 " + n);
        });
        tableCheck.checkTables(jurisdiction, files, new Authentication(actor.userId(), actor.groups(), actor.tenants()));
        List<Violation> violations = guardrails.check(jurisdiction, files);
        List<Violation> parseProblems = new ArrayList<>();
        Map<String, DmnDecision> candidate = guardrails.parse(files, parseProblems);
        WhatIf whatIf = parseProblems.isEmpty() ? whatIf(jurisdiction, candidate) : null;
        return new Preview(jurisdiction, violations.isEmpty(), violations, diff(jurisdiction, files), whatIf);
    }

    /** Each candidate file against the deployed file holding the latest version of its decisions. */
    private List<RuleChange> diff(String jurisdiction, Map<String, byte[]> files) {
        List<RuleChange> changes = new ArrayList<>();
        files.forEach((name, bytes) -> {
            List<String> keys = DmnTables.read(bytes, jurisdiction).stream().map(t -> t.key()).toList();
            changes.addAll(RuleDiff.between(tables.fileInForce(jurisdiction, keys), bytes, jurisdiction));
        });
        return changes;
    }

    private WhatIf whatIf(String jurisdiction, Map<String, DmnDecision> candidate) {
        TableAwardRules rules = new TableAwardRules(new CandidateDecisions(guardrails.dmn(), jurisdiction, candidate,
                previews.decisions().forTenant(jurisdiction)));
        List<Round> rounds = rounds(jurisdiction);
        List<ProjectChange> changes = new ArrayList<>();
        List<LineMove> moves = new ArrayList<>();
        BigDecimal oldTotal = Money.ZERO;
        BigDecimal newTotal = Money.ZERO;
        int examined = 0;
        for (Round round : rounds) {
            List<Project> ranked = new ArrayList<>();
            List<Project> unranked = new ArrayList<>();
            // Projects the round's ranking placed (a budget rank) are drawn on the budget line again; the others are quoted only.
            jdbc.sql("""
                    select p.id, exists (select 1 from project_award a where a.project_id = p.id and a.budget_rank is not null)
                      from project p where p.round_id = :r and p.stage <> 'REJECTED' order by p.id
                    """).param("r", round.roundId()).query((rs, i) -> Map.entry(rs.getLong(1), rs.getBoolean(2))).list()
                    .forEach(e -> (e.getValue() ? ranked : unranked).add(projects.get(e.getKey())));
            List<Recomputed> all = new ArrayList<>();
            RuleEvaluator.run(identity, jurisdiction, () -> {
                all.addAll(awards.recompute(round.year(), ranked, rules, true));
                all.addAll(awards.recompute(round.year(), unranked, rules, false));
                return null;
            });
            for (Recomputed r : all) {
                examined++;
                Project p = projects.get(r.projectId());
                AwardQuote before = r.before();
                AwardQuote after = r.after();
                oldTotal = oldTotal.add(paid(before));
                newTotal = newTotal.add(paid(after));
                boolean moved = r.withinBefore() != null && !Objects.equals(r.withinBefore(), r.withinAfter());
                boolean changed = r.error() != null || paid(before).compareTo(paid(after)) != 0
                        || eligible(before) != eligible(after) || moved;
                if (changed) {
                    changes.add(new ProjectChange(p.id(), p.projectName(), p.enterpriseName(), round.year(),
                            before == null ? null : paid(before), after == null ? null : paid(after),
                            before == null ? null : before.eligible(), after == null ? null : after.eligible(),
                            r.withinBefore(), r.withinAfter(),
                            after == null ? null : after.decision().key() + " v" + after.decision().version() + "(待生效)",
                            r.error()));
                }
                if (moved) {
                    moves.add(new LineMove(p.id(), p.projectName(), line(r.withinBefore()), line(r.withinAfter())));
                }
            }
        }
        return new WhatIf(rounds, examined, changes, oldTotal, newTotal, moves);
    }

    private static String line(Boolean within) {
        return within == null ? "未排序" : within ? "预算线内" : "预算线外";
    }

    private static BigDecimal paid(AwardQuote q) {
        return q == null || !q.eligible() ? Money.ZERO : Money.round(q.amount());
    }

    private static boolean eligible(AwardQuote q) {
        return q != null && q.eligible();
    }

    /** The last completed round and the open one (the latest not completed), oldest first. */
    private List<Round> rounds(String jurisdiction) {
        List<Round> rounds = new ArrayList<>();
        jdbc.sql("""
                select id, round_year, status from review_round where jurisdiction_code = :j and status = 'CLOSED'
                 order by round_year desc limit 1
                """).param("j", jurisdiction).query((rs, i) -> new Round(rs.getLong(1), rs.getInt(2), rs.getString(3)))
                .optional().ifPresent(rounds::add);
        jdbc.sql("""
                select id, round_year, status from review_round where jurisdiction_code = :j and status <> 'CLOSED'
                 order by round_year desc limit 1
                """).param("j", jurisdiction).query((rs, i) -> new Round(rs.getLong(1), rs.getInt(2), rs.getString(3)))
                .optional().ifPresent(rounds::add);
        return rounds;
    }
}
