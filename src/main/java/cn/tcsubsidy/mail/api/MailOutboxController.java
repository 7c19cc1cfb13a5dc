package cn.tcsubsidy.mail.api;

import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.mail.domain.MailOutbox;
import cn.tcsubsidy.mail.domain.MailStatus;
import cn.tcsubsidy.mail.domain.OutboxMail;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.ValidationException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbox of a jurisdiction (发件箱), newest first, for its bureau and the administrator; 404 for everyone else
 * (the outbox names objectors and experts).
 */
@RestController
@RequestMapping("/api/mail-outbox")
public class MailOutboxController {

    private static final int MAX = 500;
    private final MailOutbox outbox;

    public MailOutboxController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam String jurisdiction, @RequestParam(required = false) String status,
                                    @RequestParam(defaultValue = "100") int limit,
                                    @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        if (!(actor.isAdmin() || actor.inGroup(Roles.bureau(jurisdiction)))) {
            throw new NotFoundException("发件箱不存在:" + jurisdiction);
        }
        MailStatus s = null;
        if (status != null) {
            try {
                s = MailStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new ValidationException("status", "未知的邮件状态:" + status + "(可选 PENDING、SENT、FAILED、SKIPPED)");
            }
        }
        if (limit < 1 || limit > MAX) {
            throw new ValidationException("limit", "条数应在 1 至 " + MAX + " 之间");
        }
        List<OutboxMail> mails = outbox.ofJurisdiction(jurisdiction, s, limit);
        return Map.of("jurisdiction", jurisdiction, "items", mails);
    }
}
