package cn.tcsubsidy.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code jobExecutor} in /actuator/health, in place of the starter's (same bean name, so the starter adds none):
 * DOWN when this node's job executor is configured but not running, and DOWN when executable jobs (retries left, not
 * suspended, not locked) have been due for longer than {@code tc.monitoring.job-acquisition-max-lag} without being
 * acquired — whichever node should run them. A node with job execution switched off
 * (camunda.bpm.job-execution.enabled=false) reports UNKNOWN, which does not change the overall status, as long as no
 * job waits too long.
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealth extends AbstractHealthIndicator {

    private final ObjectProvider<JobExecutor> jobExecutor;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration maxLag;

    JobExecutorHealth(ObjectProvider<JobExecutor> jobExecutor, JdbcClient jdbc, Clock clock,
                      @Value("${tc.monitoring.job-acquisition-max-lag:PT10M}") Duration maxLag) {
        super("作业执行器健康检查失败");
        this.jobExecutor = jobExecutor;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxLag = maxLag;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        JobExecutor executor = jobExecutor.getIfAvailable();
        Instant now = clock.instant();
        Map<String, Object> late = jdbc.sql("select count(*) as late, min(coalesce(DUEDATE_, CREATE_TIME_)) as oldest"
                        + " from ACT_RU_JOB where RETRIES_ > 0 and SUSPENSION_STATE_ = 1"
                        // The nightly history cleanup is due at its window's start and runs in batches through the
                        // window; it is housekeeping, not a step anyone waits for, and not a sign of a stuck executor.
                        + " and HANDLER_TYPE_ <> 'history-cleanup'"
                        + " and (LOCK_EXP_TIME_ is null or LOCK_EXP_TIME_ < :now)"
                        + " and coalesce(DUEDATE_, CREATE_TIME_) < :threshold")
                .param("now", Timestamp.from(now)).param("threshold", Timestamp.from(now.minus(maxLag)))
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return Map.<String, Object>of("late", rs.getLong("late"),
                            "oldest", oldest == null ? "" : oldest.toInstant().toString());
                }).single();
        long lateJobs = (Long) late.get("late");
        builder.withDetail("active", executor != null && executor.isActive())
                .withDetail("lateJobs", lateJobs)
                .withDetail("maxAcquisitionLag", maxLag.toString());
        if (executor != null) {
            builder.withDetail("lockOwner", executor.getLockOwner())
                    .withDetail("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition());
        }
        if (lateJobs > 0) {
            builder.down().withDetail("oldestDue", late.get("oldest"))
                    .withDetail("problem", "有 " + lateJobs + " 个作业到期超过 " + maxLag.toMinutes()
                            + " 分钟仍未被作业执行器领取(定时器、异步步骤、邮件发送停滞)");
        } else if (executor == null) {
            builder.unknown().withDetail("problem", "本节点未启用作业执行器(camunda.bpm.job-execution.enabled=false)");
        } else if (!executor.isActive()) {
            builder.down().withDetail("problem", "作业执行器未运行");
        } else {
            builder.up();
        }
    }
}
