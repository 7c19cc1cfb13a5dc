package cn.tcsubsidy.monitoring;

import cn.tcsubsidy.jurisdiction.Jurisdiction;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.mail.domain.MailStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The work waiting in the engine and the outbox, as gauges for Prometheus. A scrape only reads the last refresh; the
 * refresh runs every {@code tc.monitoring.refresh-interval} (15 s) with one grouped query per table, so a scrape
 * costs nothing and the figures are at most that old. "Now" for overdue tasks is the app's clock (the engine's).
 * A series whose count fell to zero disappears, except failed jobs per jurisdiction and the outbox per status, which
 * are always there (0) so that an alert can compare them.
 */
@Component
@EnableScheduling
public class WorkloadMetrics {

    static final String TASKS_OPEN = "tc.tasks.open";
    static final String TASKS_OVERDUE = "tc.tasks.overdue";
    static final String JOBS_FAILED = "tc.jobs.failed";
    static final String INCIDENTS = "tc.incidents";
    static final String MAIL_OUTBOX = "tc.mail.outbox";

    private static final Logger LOG = LoggerFactory.getLogger(WorkloadMetrics.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JurisdictionDirectory directory;
    private final MultiGauge tasksOpen;
    private final MultiGauge tasksOverdue;
    private final MultiGauge jobsFailed;
    private final MultiGauge incidents;
    private final MultiGauge mailOutbox;

    public WorkloadMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock, JurisdictionDirectory directory) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory;
        tasksOpen = MultiGauge.builder(TASKS_OPEN).description("未完成的用户任务数(按辖区、任务节点)").register(registry);
        tasksOverdue = MultiGauge.builder(TASKS_OVERDUE).description("已过到期时间仍未完成的用户任务数(按辖区、任务节点)")
                .register(registry);
        jobsFailed = MultiGauge.builder(JOBS_FAILED).description("重试次数用尽的作业数(按辖区;Cockpit 中有事件待处理)")
                .register(registry);
        incidents = MultiGauge.builder(INCIDENTS).description("未解决的流程事件数(按辖区、事件类型)").register(registry);
        mailOutbox = MultiGauge.builder(MAIL_OUTBOX).description("邮件待发表中的邮件数(按状态)").register(registry);
    }

    /**
     * Reads the figures anew; a failed read keeps the previous ones (and says so in the log). One refresh at a time:
     * the scheduled one and one asked for (tests, an operator) must not publish their reads out of order.
     */
    @Scheduled(fixedDelayString = "${tc.monitoring.refresh-interval:PT15S}", initialDelayString = "PT5S")
    public synchronized void refresh() {
        try {
            refreshTasks();
            refreshJobs();
            refreshIncidents();
            refreshMailOutbox();
        } catch (RuntimeException e) {
            LOG.warn("Monitoring figures not refreshed: {}", e.toString());
        }
    }

    private void refreshTasks() {
        List<MultiGauge.Row<?>> open = new ArrayList<>();
        List<MultiGauge.Row<?>> overdue = new ArrayList<>();
        jdbc.sql("select TENANT_ID_ as tenant, TASK_DEF_KEY_ as activity, count(*) as open_count,"
                        + " sum(case when DUE_DATE_ < :now then 1 else 0 end) as overdue_count"
                        + " from ACT_RU_TASK group by TENANT_ID_, TASK_DEF_KEY_")
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> {
                    Tags tags = Tags.of("jurisdiction", tenant(rs.getString("tenant")), "activity",
                            rs.getString("activity") == null ? "none" : rs.getString("activity"));
                    open.add(MultiGauge.Row.of(tags, rs.getLong("open_count")));
                    long late = rs.getLong("overdue_count");
                    if (late > 0) {
                        overdue.add(MultiGauge.Row.of(tags, late));
                    }
                    return null;
                }).list();
        tasksOpen.register(open, true);
        tasksOverdue.register(overdue, true);
    }

    private void refreshJobs() {
        Map<String, Long> failed = perJurisdiction();
        jdbc.sql("select TENANT_ID_ as tenant, count(*) as failed from ACT_RU_JOB where RETRIES_ = 0 group by TENANT_ID_")
                .query((rs, n) -> failed.put(tenant(rs.getString("tenant")), rs.getLong("failed"))).list();
        jobsFailed.register(failed.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("jurisdiction", e.getKey()), e.getValue())).toList(), true);
    }

    private void refreshIncidents() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        jdbc.sql("select TENANT_ID_ as tenant, INCIDENT_TYPE_ as type, count(*) as open_count from ACT_RU_INCIDENT"
                        + " group by TENANT_ID_, INCIDENT_TYPE_")
                .query((rs, n) -> rows.add(MultiGauge.Row.of(Tags.of("jurisdiction", tenant(rs.getString("tenant")),
                        "type", rs.getString("type")), rs.getLong("open_count")))).list();
        incidents.register(rows, true);
    }

    private void refreshMailOutbox() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (MailStatus s : MailStatus.values()) {
            counts.put(s.name(), 0L);
        }
        jdbc.sql("select status, count(*) as mails from mail_outbox group by status")
                .query((rs, n) -> counts.put(rs.getString("status"), rs.getLong("mails"))).list();
        mailOutbox.register(counts.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("status", e.getKey()), e.getValue())).toList(), true);
    }

    /** 0 for every jurisdiction, so that its series exists before anything failed. */
    private Map<String, Long> perJurisdiction() {
        Map<String, Long> zero = new LinkedHashMap<>();
        for (Jurisdiction j : directory.all()) {
            zero.put(j.code(), 0L);
        }
        return zero;
    }

    private static String tenant(String tenantId) {
        return tenantId == null ? TimedDmnEngine.NO_TENANT : tenantId;
    }
}
