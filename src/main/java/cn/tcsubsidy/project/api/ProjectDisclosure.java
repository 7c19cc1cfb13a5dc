package cn.tcsubsidy.project.api;

import cn.tcsubsidy.mail.domain.MailStatus;
import cn.tcsubsidy.mail.domain.OutboxMail;
import cn.tcsubsidy.mail.domain.RecipientRole;
import cn.tcsubsidy.payment.domain.PayeeAccount;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectEvent;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.Roles;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a reader is shown of a project within their {@link ProjectScope}.
 *
 * <p>An expert sees the material under review (filing, progress and completion, the town's recommendation) and their
 * own reviews, never anyone else's name, score or opinion, before the panel closes or after: the rest of the history
 * (other reviews, the review's close, quotes and ranking by score, decisions) is left out, and so are the aggregated
 * expert score and the rejection reason (a failed review's reason quotes its score and opinion).
 *
 * <p>Payment and recovery details (payee, voucher numbers; the history shows the account masked) are for the
 * jurisdiction's bureau, finance and auditor (审计监督, who checks each payment against its voucher) and for
 * administrators; anyone else reads that the money was paid or recovered, and the amount on the project. The bureau,
 * finance and administrators see the project's payee (收款账户) in full; the others, the auditor included and experts
 * excepted, see it masked (the account's last digits only: enough to match a bank statement, never enough to pay);
 * experts do not see it.
 */
public final class ProjectDisclosure {

    /** History of these stages is what an expert reviews; from the review on it derives from the reviewers' work. */
    private static final Set<Stage> REVIEW_MATERIAL = EnumSet.of(Stage.IN_PROGRESS, Stage.COMPLETED, Stage.RECOMMENDATION);

    /** History actions whose summary carries payee, account or voucher (PaymentService, FollowUpService). */
    private static final String PAID = "PAID";
    private static final String RECOVERED = "RECOVERED";

    private final Actor actor;
    private final ProjectScope scope;

    ProjectDisclosure(Actor actor, ProjectScope scope) {
        this.actor = actor;
        this.scope = scope;
    }

    /** A list item: shown without history and payee. */
    ProjectView view(Project p) {
        return view(p, null, Optional.empty());
    }

    /**
     * @param history the project's whole history
     * @param payee   the project's live payee, if it has one
     */
    ProjectView view(Project p, List<ProjectEvent> history, Optional<PayeeAccount> payee) {
        return view(p, history, payee, null);
    }

    /** @param mails the outbox rows about the project (null: not listed) */
    ProjectView view(Project p, List<ProjectEvent> history, Optional<PayeeAccount> payee, List<OutboxMail> mails) {
        if (scope.isReviewer()) {
            return new ReviewerView(p, p.stage().label(), history == null ? null : history.stream()
                    .filter(e -> REVIEW_MATERIAL.contains(e.stage()) || scope.reviewer().equals(e.actor())).toList());
        }
        boolean full = seesFullPayee(p);
        return new FullView(p, p.stage().label(), history == null || full || seesVouchers(p) ? history
                : history.stream().map(ProjectDisclosure::withoutPaymentDetails).toList(),
                payee.map(a -> full ? a : a.masked()).orElse(null), mails == null ? null : mails.stream()
                        .filter(m -> seesMail(p, m.recipientRole())).map(MailEntry::of).toList());
    }

    /**
     * Mails about the project: the bureau and the administrator see every one; owner and auditor all but those to
     * an objector (whose identity only the bureau knows); the town its own and the enterprise's; the enterprise its
     * own. Never the body (the history shows what happened).
     */
    private boolean seesMail(Project p, RecipientRole to) {
        String j = p.jurisdiction();
        if (actor.isAdmin() || actor.inGroup(Roles.bureau(j))) {
            return true;
        }
        if (actor.inGroup(Roles.owner(j)) || actor.inGroup(Roles.auditor(j))) {
            return to != RecipientRole.OBJECTOR;
        }
        if (actor.groups().stream().anyMatch(g -> g.startsWith(Roles.townPrefix(j)))) {
            return to == RecipientRole.TOWN || to == RecipientRole.ENTERPRISE;
        }
        return to == RecipientRole.ENTERPRISE;
    }

    /** A mail about the project as its page lists it (邮件记录). */
    public record MailEntry(RecipientRole recipientRole, String address, String subject,
                            java.time.LocalDateTime createdAt, java.time.LocalDateTime sentAt, MailStatus status,
                            String skipReason) {
        static MailEntry of(OutboxMail m) {
            return new MailEntry(m.recipientRole(), m.address(), m.subject(), m.createdAt(), m.sentAt(), m.status(),
                    m.skipReason());
        }
    }

    private boolean seesFullPayee(Project p) {
        return actor.isAdmin() || actor.inGroup(Roles.bureau(p.jurisdiction())) || actor.inGroup(Roles.finance(p.jurisdiction()));
    }

    /** The payment and recovery entries of the history carry the voucher numbers and the payee masked. */
    private boolean seesVouchers(Project p) {
        return actor.inGroup(Roles.auditor(p.jurisdiction()));
    }

    private static ProjectEvent withoutPaymentDetails(ProjectEvent e) {
        String summary = switch (e.action()) {
            case PAID -> "奖补资金已拨付(收款方、拨付凭证号仅工信局、财政局、审计监督可见)";
            case RECOVERED -> "奖补资金已追回(缴回凭证号仅工信局、财政局、审计监督可见)";
            default -> null;
        };
        return summary == null ? e : new ProjectEvent(e.id(), e.stage(), e.action(), e.actor(), summary, e.occurredAt());
    }

    /** A project as the API shows it; {@code history} and {@code payee} only on a single project. */
    public sealed interface ProjectView permits FullView, ReviewerView {
    }

    /** @param payee a {@link PayeeAccount} for the readers of payment details, else a {@link PayeeAccount.Masked} */
    public record FullView(Project project, String stageLabel, List<ProjectEvent> history, Object payee,
                           List<MailEntry> mails) implements ProjectView {
    }

    /** Leaves out the aggregated expert score and the rejection reason, which quotes a failed review. */
    public record ReviewerView(@JsonIgnoreProperties({"expertScore", "rejectionReason"}) Project project,
                               String stageLabel, List<ProjectEvent> history) implements ProjectView {
    }
}
