package cn.tcsubsidy.objection.domain;

import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.award.ledger.AwardLedger;
import cn.tcsubsidy.award.ledger.BudgetStatus;
import cn.tcsubsidy.calendar.domain.WorkingDays;
import cn.tcsubsidy.notice.domain.NoticeService;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectLifecycle;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.StepRefusedException;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * 递补: once an upheld objection has cancelled an award and freed its budget, the next project below the line of the
 * same round (ranked, eligible, not proposed at the award decision) whose fund charges the freed budget now covers is
 * offered to the bureau. Added, it is taken back (its rejection lifted), its award reserved in the ledger, and it gets
 * a notice of its own (递补公示: the jurisdiction's notice length in working days, from the next working day).
 */
@Service
public class SupplementService {

    public static final String ADD = "ADD";
    public static final String DECLINE = "DECLINE";

    private final JdbcClient jdbc;
    private final ProjectRepository projects;
    private final ProjectHistory history;
    private final AwardCases awards;
    private final AwardLedger ledger;
    private final WorkingDays workingDays;
    private final NoticeService notice;
    private final Clock clock;

    public SupplementService(JdbcClient jdbc, ProjectRepository projects, ProjectHistory history, AwardCases awards,
                             AwardLedger ledger, WorkingDays workingDays, NoticeService notice, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.history = history;
        this.awards = awards;
        this.ledger = ledger;
        this.workingDays = workingDays;
        this.notice = notice;
        this.clock = clock;
    }

    public record Offer(long id, long objectionId, long cancelledProjectId, long candidateProjectId, long roundId,
                        BigDecimal proposedAmount, String status, String reason, LocalDate noticeStartsOn,
                        LocalDate noticeEndsOn) {
    }

    record Ranked(long projectId, int rank, BigDecimal proposable) {
    }

    /**
     * Offers the next project in rank after the upheld objection {@code objectionId} cancelled the award of its
     * project; empty when none below the line fits the freed budget (or the cancelled project had no round).
     */
    public Optional<Offer> offerNext(long objectionId) {
        long cancelled = jdbc.sql("select project_id from objection where id = :id").param("id", objectionId)
                .query(Long.class).single();
        Project p = projects.lock(cancelled);
        if (p.roundId() == null || offerFor(cancelled).isPresent()) {
            return Optional.empty();
        }
        int year = jdbc.sql("select round_year from review_round where id = :r").param("r", p.roundId())
                .query(Integer.class).single();
        List<Ranked> below = jdbc.sql("""
                select a.project_id, a.budget_rank, a.proposable_amount
                  from project_award a join project c on c.id = a.project_id
                 where c.round_id = :r and c.stage = 'REJECTED' and a.eligible and a.proposable_amount > 0
                   and a.budget_rank is not null and a.within_line = false
                   and exists (select 1 from project_event e where e.project_id = c.id and e.action = 'AWARD_REFUSED')
                   and not exists (select 1 from objection_offer o where o.candidate_project_id = c.id)
                 order by a.budget_rank
                """).param("r", p.roundId())
                .query((rs, i) -> new Ranked(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3))).list();
        for (Ranked r : below) {
            Map<String, BigDecimal> charges = jdbc.sql(
                            "select fund_code, amount from project_award_fund_charge where project_id = :p")
                    .param("p", r.projectId())
                    .query((rs, i) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).list().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            if (!charges.isEmpty() && charges.entrySet().stream().allMatch(c -> fits(p.jurisdiction(), c.getKey(), year,
                    c.getValue()))) {
                GeneratedKeyHolder keys = new GeneratedKeyHolder();
                jdbc.sql("""
                        insert into objection_offer (objection_id, cancelled_project_id, candidate_project_id, round_id,
                          proposed_amount, status, offered_at)
                        values (:o, :cancelled, :candidate, :r, :amount, 'OFFERED', :at)
                        """)
                        .param("o", objectionId).param("cancelled", cancelled).param("candidate", r.projectId())
                        .param("r", p.roundId()).param("amount", Money.round(r.proposable()))
                        .param("at", LocalDateTime.now(clock)).update(keys, "id");
                history.record(cancelled, p.stage(), "SUPPLEMENT_OFFERED", Actor.SYSTEM, "奖补撤销后释放的预算可安排预算排序第 "
                        + r.rank() + " 名的项目(项目编号 " + r.projectId() + "),提请工信局决定是否递补");
                return Optional.of(get(keys.getKey().longValue()));
            }
        }
        return Optional.empty();
    }

    private boolean fits(String jurisdiction, String fund, int year, BigDecimal charge) {
        BudgetStatus b = ledger.budget(jurisdiction, fund, year);
        return b.configured() && b.remaining().compareTo(charge) >= 0;
    }

    public Optional<Offer> offerFor(long cancelledProjectId) {
        return jdbc.sql(SELECT + " where cancelled_project_id = :p").param("p", cancelledProjectId).query(SupplementService::map)
                .optional();
    }

    public Offer get(long offerId) {
        return jdbc.sql(SELECT + " where id = :id").param("id", offerId).query(SupplementService::map).single();
    }

    /** The offer made after the objection a tc-objection instance investigated. */
    public Optional<Offer> ofObjection(long objectionId) {
        return jdbc.sql(SELECT + " where objection_id = :o").param("o", objectionId).query(SupplementService::map).optional();
    }

    /**
     * The bureau's answer ({@code supplementDecision} ADD or DECLINE, {@code supplementReason}); adding reinstates
     * the project, reserves its award and opens its own notice of {@code noticeWorkingDays} working days.
     */
    public Offer decide(long offerId, Map<String, Object> values, int noticeWorkingDays, Actor actor) {
        FormValues f = new FormValues(values);
        String decision = f.choice("supplementDecision", "是否递补", Set.of(ADD, DECLINE), true);
        String reason = f.text("supplementReason", "理由", true, 2000);
        f.throwIfInvalid();
        Offer offer = get(offerId);
        Project candidate = projects.lock(offer.candidateProjectId());
        actor.requireJurisdiction(candidate.jurisdiction());
        if (!"OFFERED".equals(get(offerId).status())) {
            throw new ValidationException("supplementDecision", "该递补建议已经处理");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (DECLINE.equals(decision)) {
            jdbc.sql("update objection_offer set status = 'DECLINED', reason = :why, decided_by = :by, decided_at = :at where id = :id")
                    .param("why", reason).param("by", actor.userId()).param("at", now).param("id", offerId).update();
            history.record(offer.cancelledProjectId(), projects.get(offer.cancelledProjectId()).stage(), "SUPPLEMENT_DECLINED",
                    actor.userId(), "工信局决定不递补项目 " + candidate.id() + ":" + reason);
            return get(offerId);
        }
        if (candidate.stage() != Stage.REJECTED) {
            throw new StepRefusedException("项目 " + candidate.id() + " 当前处于「" + candidate.stage().label() + "」,不能递补");
        }
        projects.reinstate(candidate.id(), Stage.AWARD_DECISION);
        AwardCases.Reserved reserved = awards.reserve(projects.get(candidate.id()), offer.proposedAmount(), null, actor);
        projects.setProposedAmount(candidate.id(), reserved.granted());
        LocalDate first = workingDays.onOrAfter(LocalDate.now(clock).plusDays(1));
        LocalDate last = workingDays.lastOf(first, noticeWorkingDays);
        jdbc.sql("""
                update objection_offer set status = 'ACCEPTED', reason = :why, decided_by = :by, decided_at = :at,
                  notice_starts_on = :first, notice_ends_on = :last
                 where id = :id
                """)
                .param("why", reason).param("by", actor.userId()).param("at", now).param("first", first)
                .param("last", last).param("id", offerId).update();
        history.record(candidate.id(), Stage.AWARD_DECISION, ProjectLifecycle.SUPPLEMENT_ADDED, actor.userId(), "因公示期间异议成立、奖补撤销,"
                + "工信局决定递补列入拟扶持名单,拟扶持金额 " + Money.format(reserved.granted()) + ":" + reason + ";" + reserved.note());
        projects.setStage(candidate.id(), Stage.PUBLIC_NOTICE);
        // NOTICE_OPENED puts the project on the round's published list (PublishedNotices) while its award stands.
        history.record(candidate.id(), Stage.PUBLIC_NOTICE, "NOTICE_OPENED", Actor.SYSTEM,
                "递补公示:" + first + " 至 " + last + "(" + noticeWorkingDays + " 个工作日)");
        return get(offerId);
    }

    /**
     * The supplementary notice of an added project is over (its timer): refused before the day after its last day,
     * whoever fires the timer; then the project stands where the round's notice leaves its projects.
     */
    public void closeNotice(long projectId) {
        Offer offer = jdbc.sql(SELECT + " where candidate_project_id = :p and status = 'ACCEPTED'").param("p", projectId)
                .query(SupplementService::map).optional()
                .orElseThrow(() -> new StepRefusedException("项目 " + projectId + " 没有递补公示,不能结束递补公示"));
        LocalDate today = LocalDate.now(clock);
        if (!today.isAfter(offer.noticeEndsOn())) {
            throw new StepRefusedException("项目 " + projectId + " 的递补公示至 " + offer.noticeEndsOn() + " 止,现在是 "
                    + today + ",不能提前结束公示");
        }
        notice.closed(projectId);
    }

    private static final String SELECT = """
            select id, objection_id, cancelled_project_id, candidate_project_id, round_id, proposed_amount, status, reason,
                   notice_starts_on, notice_ends_on
              from objection_offer""";

    private static Offer map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Offer(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6),
                rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class));
    }
}
