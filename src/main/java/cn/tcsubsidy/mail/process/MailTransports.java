package cn.tcsubsidy.mail.process;

import cn.tcsubsidy.mail.domain.MailSettings;
import cn.tcsubsidy.mail.domain.MailTransport;
import cn.tcsubsidy.mail.domain.OutboxMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * How mail leaves: over SMTP when {@code spring.mail.host} (MAIL_HOST) is set, else to the log only. Each mail
 * carries its outbox row's Message-ID, so a resend shows once in a mail client.
 */
@Configuration
@EnableConfigurationProperties(MailSettings.class)
public class MailTransports {

    private static final Logger LOG = LoggerFactory.getLogger(MailTransports.class);
    public static final String LOG_ONLY = "未配置邮件服务器(MAIL_HOST),邮件仅写入发件箱和日志";

    @Bean
    MailTransport mailTransport(Environment env, ObjectProvider<JavaMailSender> sender, MailSettings settings) {
        String host = env.getProperty("spring.mail.host", "");
        if (host.isBlank()) {
            LOG.info("No SMTP server configured (MAIL_HOST): mails go to the outbox and the log only");
            return new MailTransport() {
                @Override
                public void send(OutboxMail mail) {
                    LOG.info("Mail {} to {} <{}>: {}\n{}", mail.messageId(), mail.recipientRole(), mail.address(),
                            mail.subject(), mail.body());
                }

                @Override
                public String notDeliveredReason() {
                    return LOG_ONLY;
                }
            };
        }
        return new MailTransport() {
            @Override
            public void send(OutboxMail mail) {
                JavaMailSender smtp = sender.getObject();
                MimeMessage message = smtp.createMimeMessage();
                try {
                    MimeMessageHelper m = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
                    m.setFrom(settings.from());
                    m.setTo(mail.address());
                    m.setSubject(mail.subject());
                    m.setText(mail.body(), false);
                    m.setSentDate(new Date());
                    message.setHeader("Message-ID", mail.messageId());
                } catch (MessagingException e) {
                    throw new MailPreparationException("邮件 " + mail.id() + " 无法生成:" + e.getMessage(), e);
                }
                smtp.send(message);
            }

            @Override
            public String notDeliveredReason() {
                return null;
            }
        };
    }
}
