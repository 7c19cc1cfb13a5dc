package cn.tcsubsidy.mail.domain;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tc.mail.*}: the sender address and the waits between attempts when the SMTP server fails. After the last
 * wait the next failure raises an incident on the project's process instance (Cockpit); retrying it there sends.
 */
@ConfigurationProperties(prefix = "tc.mail")
public record MailSettings(String from, List<Duration> retryDelays) {

    public MailSettings {
        from = from == null || from.isBlank() ? "noreply@tc-subsidy.local" : from;
        retryDelays = retryDelays == null
                ? List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30))
                : List.copyOf(retryDelays);
    }
}
