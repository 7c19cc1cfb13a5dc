package cn.tcsubsidy.identity;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every night, deletes the security log entries older than {@code tc.security.log-retention}. A retention shorter
 * than six months ({@value SecurityLog#MINIMUM_RETENTION_DAYS} days) stops the app at start.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class SecurityLogRetention {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityLogRetention.class);

    private final SecurityLog log;
    private final Duration retention;

    public SecurityLogRetention(SecurityLog log, @Value("${tc.security.log-retention}") Duration retention) {
        SecurityLog.requireLegalRetention(retention);
        this.log = log;
        this.retention = retention;
    }

    @Scheduled(cron = "0 30 3 * * *", zone = "Asia/Shanghai")
    public void deleteExpired() {
        int deleted = log.deleteOlderThan(retention);
        if (deleted > 0) {
            LOG.info("security log: {} entries older than {} deleted", deleted, retention);
        }
    }
}
