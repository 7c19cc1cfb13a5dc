package cn.tcsubsidy.mail.process;

import cn.tcsubsidy.mail.domain.MailOutbox;
import cn.tcsubsidy.mail.domain.Recipient;
import cn.tcsubsidy.mail.domain.RecipientRole;
import cn.tcsubsidy.notice.publication.domain.ObjectionChannel;
import cn.tcsubsidy.notice.publication.domain.ObjectionChannels;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.Roles;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The enterprise's mails that a step of its project causes, queued in the step's own transaction as the step
 * records its history entry: filing received, recommendation result, review finished, return for correction, listed
 * in the notice (with the window and how to object), objection outcome, payment made, evaluation result, recovery
 * order; and an objection's mails to the bureau and the objector. The details come from the tables the step has just
 * written.
 */
@Component
public class ProjectEventMails implements ProjectHistory.Listener {

    private final MailOutbox outbox;
    private final ProjectRepository projects;
    private final JdbcClient jdbc;
    private final ObjectionChannels channels;

    public ProjectEventMails(MailOutbox outbox, ProjectRepository projects, JdbcClient jdbc, ObjectionChannels channels) {
        this.outbox = outbox;
        this.projects = projects;
        this.jdbc = jdbc;
        this.channels = channels;
    }

    @Override
    public void recorded(long projectId, Stage stage, String action, String actor, String summary) {
        switch (action) {
            case "FILED" -> enterprise(projectId, "filing-received", Map.of());
            case "RECOMMENDED" -> recommendation(projectId, "推荐进入专家评审", summary);
            case "NOT_RECOMMENDED" -> recommendation(projectId, "本年度不予推荐", summary);
            case "NOT_RECOMMENDED_IN_TIME" -> recommendation(projectId, "推荐截止前未获推荐,留库待下轮", summary);
            case "REVIEW_PASSED" -> enterprise(projectId, "review-finished", Map.of("result", "通过专家评审"));
            case "REVIEW_FAILED" -> enterprise(projectId, "review-finished", Map.of("result", "未通过专家评审"));
            case "NOTICE_OPENED" -> noticeOpened(projectId);
            case "PAID" -> paid(projectId);
            case "CORRECTION_REQUESTED" -> enterprise(projectId, "correction-requested", Map.of("summary", summary));
            case "OBJECTION_RECEIVED" -> objectionReceived(projectId);
            case "OBJECTION_UPHELD" -> objectionDecided(projectId, "异议成立,拟扶持资格撤销", summary);
            case "OBJECTION_DISMISSED" -> objectionDecided(projectId, "异议经核查不成立", summary);
            case "PERFORMANCE_PASSED" -> evaluation(projectId, "绩效达标", summary);
            case "PERFORMANCE_RECTIFY" -> evaluation(projectId, "未完全达标,需限期整改", summary);
            case "PERFORMANCE_CLAWBACK" -> {
                evaluation(projectId, "未达标,追回奖补资金", summary);
                recoveryOrder(projectId, "CLAWBACK");
            }
            case "AWARD_SETTLED" -> recoveryOrder(projectId, "SETTLEMENT");
            default -> {
            }
        }
    }

    private void recommendation(long projectId, String result, String summary) {
        Project p = projects.get(projectId);
        enterprise(projectId, "recommendation-result", Map.of("result", result, "opinion", summary == null ? "" : summary,
                "roundYear", roundYear(p)));
    }

    private void noticeOpened(long projectId) {
        Project p = projects.get(projectId);
        Map<String, Object> round = jdbc.sql("select round_year, notice_starts_on, notice_ends_on from review_round where id = :r")
                .param("r", p.roundId()).query().singleRow();
        String channel = channels.of(p.jurisdiction()).map(ProjectEventMails::channelText)
                .orElse(jurisdictionName(p.jurisdiction()) + "工业和信息化主管部门");
        enterprise(projectId, "notice-listed", Map.of("roundYear", round.get("round_year"),
                "amount", p.proposedAmount() == null ? "(以公示为准)" : Money.format(p.proposedAmount()),
                "noticeFrom", String.valueOf(round.get("notice_starts_on")), "noticeTo", String.valueOf(round.get("notice_ends_on")),
                "noticeUrl", "/public/notices/" + p.jurisdiction() + "/" + round.get("round_year"),
                "objectionChannel", channel));
    }

    private static String channelText(ObjectionChannel c) {
        return c.acceptingUnit() + "(地址:" + c.address() + ",电话:" + c.phone() + ")";
    }

    private void paid(long projectId) {
        Map<String, Object> last = jdbc.sql("""
                select amount, payee_name, voucher_no, paid_on from payment where project_id = :p order by id desc
                """).param("p", projectId).query().listOfRows().get(0);
        enterprise(projectId, "payment-made", Map.of("amount", Money.format((java.math.BigDecimal) last.get("amount")),
                "payee", last.get("payee_name"), "voucherNo", last.get("voucher_no"),
                "paidOn", String.valueOf(last.get("paid_on"))));
    }

    /** The bureau is told of a new objection; the objector that it was received (identity from the objection row). */
    private void objectionReceived(long projectId) {
        Project p = projects.get(projectId);
        Map<String, Object> o = latestObjection(projectId, "id");
        Map<String, Object> values = TaskMails.values(p);
        values.put("objectionId", o.get("id"));
        values.put("jurisdictionName", jurisdictionName(p.jurisdiction()));
        values.put("objectorName", o.get("objector_name"));
        values.put("filedOn", String.valueOf(o.get("filed_at")).substring(0, 10));
        outbox.queueAll(p.jurisdiction(), p.id(), "bureau-objection-filed",
                outbox.group(RecipientRole.BUREAU, Roles.bureau(p.jurisdiction())), values);
        outbox.queue(p.jurisdiction(), p.id(), "objection-received", objector(o), values);
    }

    /** The objector and the enterprise are told the outcome (the enterprise without the objector's identity). */
    private void objectionDecided(long projectId, String outcome, String summary) {
        Project p = projects.get(projectId);
        Map<String, Object> o = latestObjection(projectId, "decided_at");
        Map<String, Object> values = TaskMails.values(p);
        values.put("objectionId", o.get("id"));
        values.put("objectorName", o.get("objector_name"));
        values.put("outcome", outcome);
        values.put("findings", "核查意见:" + o.get("findings") + "(依据:" + o.get("basis") + ")");
        long mail = outbox.queue(p.jurisdiction(), p.id(), "objection-outcome", objector(o), values);
        jdbc.sql("update objection set objector_notice = :n where id = :id")
                .param("n", outbox.find(mail).map(m -> m.status().name()).orElse("PENDING"))
                .param("id", o.get("id")).update();
        enterprise(projectId, "objection-outcome-enterprise", Map.of("outcome", outcome,
                "findings", "核查意见:" + o.get("findings")));
    }

    private Map<String, Object> latestObjection(long projectId, String order) {
        return jdbc.sql("select id, channel, objector_name, contact, filed_by, filed_at, findings, basis from objection"
                        + " where project_id = :p order by " + ("decided_at".equals(order) ? "decided_at desc nulls last, " : "")
                        + "id desc")
                .param("p", projectId).query().listOfRows().get(0);
    }

    /** An objector's address: the contact given when it is an e-mail address, else an online filer's account's. */
    private Recipient objector(Map<String, Object> o) {
        String contact = String.valueOf(o.get("contact")).trim();
        java.util.regex.Matcher m = EMAIL.matcher(contact);
        if (m.find()) {
            return new Recipient(RecipientRole.OBJECTOR, null, m.group());
        }
        if ("ONLINE".equals(o.get("channel"))) {
            return outbox.user(RecipientRole.OBJECTOR, String.valueOf(o.get("filed_by")));
        }
        return new Recipient(RecipientRole.OBJECTOR, null, null);
    }

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^\\s@,;,;]+@[^\\s@,;,;]+\\.[^\\s@,;,;]+");

    private void evaluation(long projectId, String result, String summary) {
        enterprise(projectId, "evaluation-result", Map.of("result", result, "opinion", summary == null ? "" : summary));
    }

    /** A recovery order (缴回) opened in this step: the enterprise is told the amount and the basis. */
    private void recoveryOrder(long projectId, String kind) {
        List<Map<String, Object>> open = jdbc.sql("""
                select amount - repaid_amount as outstanding, reason from recovery_order
                where project_id = :p and kind = :k and status = 'OPEN' order by id
                """).param("p", projectId).param("k", kind).query().listOfRows();
        if (open.isEmpty()) {
            return;
        }
        java.math.BigDecimal total = open.stream().map(r -> (java.math.BigDecimal) r.get("outstanding"))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        enterprise(projectId, "recovery-order", Map.of("amount", Money.format(total),
                "basis", String.valueOf(open.get(open.size() - 1).get("reason"))));
    }

    private void enterprise(long projectId, String template, Map<String, Object> extra) {
        Project p = projects.get(projectId);
        Map<String, Object> values = TaskMails.values(p);
        values.put("projectCode", p.projectCode());
        values.put("jurisdictionName", jurisdictionName(p.jurisdiction()));
        values.putAll(extra);
        outbox.queue(p.jurisdiction(), p.id(), template, outbox.enterprise(p), values);
    }

    private String roundYear(Project p) {
        if (p.roundId() == null) {
            return "本";
        }
        return String.valueOf(jdbc.sql("select round_year from review_round where id = :r").param("r", p.roundId())
                .query(Integer.class).single());
    }

    private String jurisdictionName(String code) {
        return jdbc.sql("select name from jurisdiction where code = :j").param("j", code).query(String.class).single();
    }
}
