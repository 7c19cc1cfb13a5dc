package cn.tcsubsidy.mail.domain;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox (发件箱): a mail is queued in the transaction of the work that causes it and sent by an engine job after
 * that transaction commits. A recipient without an address is recorded as SKIPPED with the reason, never an error
 * that blocks the work.
 */
@Service
public class MailOutbox {

    public static final String NO_ADDRESS = "收件人没有登记电子邮箱,未发送";

    private final JdbcClient jdbc;
    private final MailTemplates templates;
    private final MailDispatch dispatch;
    private final UserDirectory users;
    private final Clock clock;

    public MailOutbox(JdbcClient jdbc, MailTemplates templates, MailDispatch dispatch, UserDirectory users, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.dispatch = dispatch;
        this.users = users;
        this.clock = clock;
    }

    /** A user as addressee, with the address of its account (none: the mail is skipped with the reason). */
    public Recipient user(RecipientRole role, String userId) {
        return new Recipient(role, userId, userId == null ? null : users.emailOf(userId).orElse(null));
    }

    /**
     * The enterprise of a project: the contact address of its filing when it gave one, else its filing user's
     * account address.
     */
    public Recipient enterprise(cn.tcsubsidy.project.domain.Project p) {
        String contact = jdbc.sql("select contact_email from project where id = :p").param("p", p.id())
                .query(String.class).optional().orElse(null);
        if (contact != null && !contact.isBlank()) {
            return new Recipient(RecipientRole.ENTERPRISE, p.filedBy(), contact);
        }
        return user(RecipientRole.ENTERPRISE, p.filedBy());
    }

    /** Every member of a group as addressees. */
    public List<Recipient> group(RecipientRole role, String groupId) {
        return users.membersOf(groupId).stream().map(u -> user(role, u)).toList();
    }

    /** Queues one mail about project {@code projectId} (null: about none) of {@code jurisdiction}; returns its row id. */
    @Transactional
    public long queue(String jurisdiction, Long projectId, String template, Recipient to, Map<String, ?> values) {
        MailTemplates.Rendered mail = templates.render(template, values);
        boolean skipped = !to.hasAddress();
        String messageId = "<tc-" + UUID.randomUUID() + "@tc-subsidy.mail>";
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into mail_outbox (jurisdiction_code, project_id, template_key, recipient_role, recipient_user,
                  recipient_address, subject, body, message_id, status, skip_reason, created_at)
                values (:j, :p, :t, :role, :user, :address, :subject, :body, :mid, :status, :reason, :at)
                """)
                .param("j", jurisdiction).param("p", projectId).param("t", template).param("role", to.role().name())
                .param("user", to.userId()).param("address", skipped ? null : to.address().trim())
                .param("subject", mail.subject()).param("body", mail.body()).param("mid", messageId)
                .param("status", (skipped ? MailStatus.SKIPPED : MailStatus.PENDING).name())
                .param("reason", skipped ? NO_ADDRESS : null).param("at", LocalDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (!skipped) {
            String job = dispatch.schedule(id, processInstanceOf(projectId), null, MailSending.ENGINE_RETRIES);
            jdbc.sql("update mail_outbox set job_id = :job where id = :id").param("job", job).param("id", id).update();
        }
        return id;
    }

    /** Queues the same mail to each recipient. */
    @Transactional
    public void queueAll(String jurisdiction, Long projectId, String template, List<Recipient> to, Map<String, ?> values) {
        for (Recipient r : to) {
            queue(jurisdiction, projectId, template, r, values);
        }
    }

    public List<OutboxMail> ofProject(long projectId) {
        return jdbc.sql(SELECT + " where project_id = :p order by id").param("p", projectId).query(MailOutbox::row).list();
    }

    public List<OutboxMail> ofJurisdiction(String jurisdiction, MailStatus status, int limit) {
        return jdbc.sql(SELECT + " where jurisdiction_code = :j" + (status == null ? "" : " and status = :s")
                        + " order by id desc limit :n")
                .param("j", jurisdiction).param("s", status == null ? null : status.name()).param("n", limit)
                .query(MailOutbox::row).list();
    }

    public Optional<OutboxMail> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(MailOutbox::row).optional();
    }

    public String processInstanceOf(Long projectId) {
        if (projectId == null) {
            return null;
        }
        return jdbc.sql("select process_instance_id from project where id = :p").param("p", projectId)
                .query(String.class).optional().orElse(null);
    }

    private static final String SELECT = """
            select id, jurisdiction_code, project_id, template_key, recipient_role, recipient_user, recipient_address,
              subject, body, message_id, status, skip_reason, attempts, last_error, created_at, sent_at
            from mail_outbox""";

    private static OutboxMail row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long project = rs.getLong("project_id");
        Long projectId = rs.wasNull() ? null : project;
        java.sql.Timestamp sent = rs.getTimestamp("sent_at");
        return new OutboxMail(rs.getLong("id"), rs.getString("jurisdiction_code"), projectId,
                rs.getString("template_key"), RecipientRole.valueOf(rs.getString("recipient_role")),
                rs.getString("recipient_user"), rs.getString("recipient_address"), rs.getString("subject"),
                rs.getString("body"), rs.getString("message_id"), MailStatus.valueOf(rs.getString("status")),
                rs.getString("skip_reason"), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getTimestamp("created_at").toLocalDateTime(), sent == null ? null : sent.toLocalDateTime());
    }
}
