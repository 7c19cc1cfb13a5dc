package cn.tcsubsidy.project.domain;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The projects one user filed (我的项目), as the filing enterprise follows them through the closed loop: where each
 * stands, when each step was taken and what was decided, with the reason. Every date and every reason is the one the
 * project's history and record hold (the step that decided wrote them); nothing is recomputed here.
 */
@Service
public class MyProjects {

    /** Projects read per query; a filer with more is read in several. */
    private static final int PAGE = 200;

    /** History actions that rejected the project (each recorded the project's rejection reason with it). */
    private static final Map<String, Outcome> REJECTING = Map.of(
            "NOT_RECOMMENDED", Outcome.NOT_RECOMMENDED,
            "REVIEW_FAILED", Outcome.REVIEW_FAILED,
            "AWARD_REFUSED", Outcome.REFUSED,
            "NOTICE_FAILED", Outcome.NOTICE_FAILED,
            "CORRECTION_EXPIRED", Outcome.CORRECTION_EXPIRED);
    /** History actions that put the project on the proposed list (列入拟扶持名单), directly or as a supplement. */
    private static final Set<String> LISTING = Set.of("AWARD_PROPOSED", ProjectLifecycle.SUPPLEMENT_ADDED);
    private static final Set<String> TOWN_DECISION = Set.of("RECOMMENDED", "NOT_RECOMMENDED");
    private static final Set<String> REVIEW_CONCLUSION = Set.of("REVIEW_PASSED", "REVIEW_FAILED");
    private static final Set<String> AWARD_DECISION = Set.of("AWARD_PROPOSED", "AWARD_REFUSED",
            ProjectLifecycle.SUPPLEMENT_ADDED);

    private final ProjectRepository projects;
    private final ProjectHistory history;

    public MyProjects(ProjectRepository projects, ProjectHistory history) {
        this.projects = projects;
        this.history = history;
    }

    /** What was decided on the project, as users read it. */
    public enum Outcome {
        AWARDED("列入拟扶持名单"),
        NOT_RECOMMENDED("镇街不予推荐"),
        REVIEW_FAILED("专家评审未通过"),
        REFUSED("工信局审定不予扶持"),
        NOTICE_FAILED("公示期间异议成立,不予扶持"),
        CORRECTION_EXPIRED("逾期未补正,项目终止"),
        /** Rejected by a step not named above: the recorded reason says which. */
        REJECTED("未通过");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The decision that stands: a rejection with the project's recorded rejection reason, or the listing with the
     * granted amount on the project and the decision's recorded summary (amount, the bureau's opinion).
     *
     * @param stage the stage whose step decided
     * @param at    when the step recorded it
     */
    public record Decision(Outcome outcome, String outcomeLabel, Stage stage, BigDecimal amount, String reason,
                           LocalDateTime at) {
    }

    /**
     * When each step of the loop was last recorded in the project's history; null where it has not happened.
     *
     * @param recommendedAt the town's decision (推荐 or 不予推荐)
     * @param reviewedAt    the expert panel's conclusion (通过 or 未通过)
     * @param decidedAt     the bureau's award decision (列入拟扶持名单, 递补 or 不予扶持)
     */
    public record Milestones(LocalDateTime filedAt, LocalDateTime completionReportedAt, LocalDateTime recommendedAt,
                             LocalDateTime reviewedAt, LocalDateTime decidedAt, LocalDateTime noticeOpenedAt,
                             LocalDateTime noticeClosedAt, LocalDateTime paymentCompletedAt,
                             LocalDateTime exitedPoolAt) {
    }

    /** @param decision null while nothing has been decided */
    public record Entry(Project project, Milestones milestones, Decision decision) {

        /** Whether the project was put on public notice (公示): its notice window concerns it. */
        public boolean noticed() {
            return milestones.noticeOpenedAt() != null;
        }
    }

    /**
     * The projects {@code userId} filed in the given jurisdictions, newest first. The caller decides which
     * jurisdictions the user files in; a user filing in none gets none.
     */
    public List<Entry> filedBy(String userId, List<String> jurisdictions) {
        if (userId == null || jurisdictions.isEmpty()) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (int page = 0; ; page++) {
            ProjectRepository.Page result = projects.search(jurisdictions, null, userId, null, null, null, page, PAGE);
            for (Project p : result.items()) {
                // The repository filtered by filer already; checked again so nobody else's project can slip in.
                if (userId.equals(p.filedBy()) && jurisdictions.contains(p.jurisdiction())) {
                    entries.add(entry(p, history.of(p.id())));
                }
            }
            if ((long) (page + 1) * PAGE >= result.total() || result.items().isEmpty()) {
                return entries;
            }
        }
    }

    static Entry entry(Project p, List<ProjectEvent> events) {
        Milestones m = new Milestones(p.filedAt(), last(events, Set.of("COMPLETION_REPORTED")),
                last(events, TOWN_DECISION), last(events, REVIEW_CONCLUSION), last(events, AWARD_DECISION),
                last(events, Set.of("NOTICE_OPENED")), last(events, Set.of("NOTICE_CLOSED")),
                last(events, Set.of("PAYMENT_COMPLETED")), last(events, Set.of("EXITED_POOL")));
        return new Entry(p, m, decision(p, events));
    }

    /**
     * A rejected project: the latest rejecting step, with the reason the project records (the step wrote both).
     * Any other: the latest listing (a project taken back onto the list after a rejection, 递补, is listed again),
     * with the amount granted on the project.
     */
    static Decision decision(Project p, List<ProjectEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            ProjectEvent e = events.get(i);
            if (p.stage() == Stage.REJECTED && REJECTING.containsKey(e.action())) {
                Outcome o = REJECTING.get(e.action());
                return new Decision(o, o.label(), e.stage(), null,
                        p.rejectionReason() != null ? p.rejectionReason() : e.summary(), e.occurredAt());
            }
            if (p.stage() != Stage.REJECTED && LISTING.contains(e.action())) {
                return new Decision(Outcome.AWARDED, Outcome.AWARDED.label(), e.stage(), p.proposedAmount(),
                        e.summary(), e.occurredAt());
            }
        }
        if (p.stage() == Stage.REJECTED && p.rejectionReason() != null) {
            // Rejected by a step this view does not name: the recorded reason still stands.
            return new Decision(Outcome.REJECTED, Outcome.REJECTED.label(), Stage.REJECTED, null, p.rejectionReason(),
                    p.updatedAt());
        }
        return null;
    }

    private static LocalDateTime last(List<ProjectEvent> events, Set<String> actions) {
        LocalDateTime at = null;
        for (ProjectEvent e : events) {
            if (actions.contains(e.action())) {
                at = e.occurredAt();
            }
        }
        return at;
    }
}
