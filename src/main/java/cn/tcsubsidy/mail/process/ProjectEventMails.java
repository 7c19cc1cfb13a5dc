package cn.tcsubsidy.mail.process;

import cn.tcsubsidy.mail.domain.MailOutbox;
import cn.tcsubsidy.notice.publication.domain.ObjectionChannel;
import cn.tcsubsidy.notice.publication.domain.ObjectionChannels;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.Money;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The enterprise's mails that a step of its project causes, queued in the step's own transaction as the step
 * records its history entry: filing received, recommendation result, review finished, listed in the notice (with
 * the window and how to object), payment made. The details come from the tables the step has just written.
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
