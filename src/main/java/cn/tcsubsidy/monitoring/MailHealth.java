package cn.tcsubsidy.monitoring;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.mail.MailHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * {@code mail} in /actuator/health, in place of Spring Boot's (same bean name): with an SMTP host (MAIL_HOST) it is
 * Spring's check of the connection; without one — the embedded default, where mails are only written to the outbox —
 * UNKNOWN with the reason, which leaves the overall status as it is. Spring's own would try to connect to an empty
 * host and turn the whole health DOWN.
 */
@Configuration
class MailHealth {

    @Bean
    HealthIndicator mailHealthIndicator(ObjectProvider<JavaMailSenderImpl> sender, @Value("${spring.mail.host:}") String host) {
        JavaMailSenderImpl mailSender = sender.getIfAvailable();
        if (host.isBlank() || mailSender == null) {
            return () -> Health.unknown().withDetail("smtp", "未配置 SMTP 服务器(MAIL_HOST 为空):邮件只写入待发表,标记为未发送").build();
        }
        return new MailHealthIndicator(mailSender);
    }
}
