package cn.tcsubsidy.reliability;

import cn.tcsubsidy.support.Postgres;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What must hold on the shared database after a run over several nodes, read by SQL from the app's own tables
 * (V1, V10, V17, V26) and the engine's: each check returns the rows that break it (empty when it holds), so an
 * assertion can show them.
 */
final class ClusterChecks {

    /** The stages a project's life ends in (project.domain.Stage). */
    static final List<String> FINAL_STAGES = List.of("CLOSED", "REJECTED");

    private final JdbcClient jdbc;

    ClusterChecks(String url) {
        this.jdbc = JdbcClient.create(new DriverManagerDataSource(url, Postgres.USER, Postgres.PASSWORD));
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    /** stage → projects. */
    Map<String, Long> stages() {
        Map<String, Long> m = new TreeMap<>();
        jdbc.sql("select stage, count(*) from project group by stage")
                .query((rs, i) -> m.put(rs.getString(1), rs.getLong(2))).list();
        return m;
    }

    /**
     * Jobs nobody runs: retries left and due more than {@code graceSeconds} ago (by the database's clock: the run
     * has put the app's back), not locked by a live lock; and jobs out of retries without an incident.
     */
    List<String> stuckJobs(int graceSeconds) {
        List<String> stuck = new ArrayList<>(jdbc.sql("""
                select id_, type_, handler_type_, duedate_, lock_owner_, lock_exp_time_ from act_ru_job
                 where retries_ > 0 and suspension_state_ = 1
                   and coalesce(duedate_, create_time_) < localtimestamp - make_interval(secs => :grace)
                   and (lock_exp_time_ is null or lock_exp_time_ < localtimestamp)
                   and handler_type_ <> 'history-cleanup'
                """).param("grace", graceSeconds)
                .query((rs, i) -> "due, not run: " + rs.getString(1) + " " + rs.getString(2) + "/" + rs.getString(3)
                        + " due " + rs.getTimestamp(4) + " lock " + rs.getString(5) + " until " + rs.getTimestamp(6))
                .list());
        stuck.addAll(jdbc.sql("""
                select j.id_, j.handler_type_, j.exception_msg_ from act_ru_job j
                 where j.retries_ = 0
                   and not exists (select 1 from act_ru_incident i where i.configuration_ = j.id_)
                """).query((rs, i) -> "no retries, no incident: " + rs.getString(1) + " " + rs.getString(2) + " "
                + rs.getString(3)).list());
        return stuck;
    }

    List<String> incidents() {
        return jdbc.sql("select incident_type_, activity_id_, incident_msg_ from act_ru_incident")
                .query((rs, i) -> rs.getString(1) + " at " + rs.getString(2) + ": " + rs.getString(3)).list();
    }

    BigDecimal sumOfPayments() {
        return jdbc.sql("select coalesce(sum(amount), 0) from payment").query(BigDecimal.class).single();
    }

    long payments() {
        return jdbc.sql("select count(*) from payment").query(Long.class).single();
    }

    /**
     * The ledger against the payments: in all (live awards' paid amounts = the payments), per award (its paid amount
     * = the payments of its orders), per award and fund (the share's paid amount = that fund's payments of it).
     */
    List<String> ledgerMismatches() {
        List<String> m = new ArrayList<>();
        BigDecimal ledger = jdbc.sql("select coalesce(sum(paid_amount), 0) from award where status <> 'CANCELLED'")
                .query(BigDecimal.class).single();
        BigDecimal paid = sumOfPayments();
        if (ledger.compareTo(paid) != 0) {
            m.add("ledger total " + ledger.toPlainString() + " <> payments " + paid.toPlainString());
        }
        m.addAll(jdbc.sql("""
                select a.id, a.paid_amount, coalesce(sum(p.amount), 0) from award a
                  left join payment_order o on o.award_id = a.id
                  left join payment p on p.payment_order_id = o.id
                 where a.status <> 'CANCELLED'
                 group by a.id, a.paid_amount
                having coalesce(a.paid_amount, 0) <> coalesce(sum(p.amount), 0)
                """).query((rs, i) -> "award " + rs.getLong(1) + " paid " + rs.getBigDecimal(2) + " <> its payments "
                + rs.getBigDecimal(3)).list());
        m.addAll(jdbc.sql("""
                select s.award_id, s.fund_code, s.paid_amount, coalesce(sum(p.amount), 0) from award_fund_share s
                  join award a on a.id = s.award_id and a.status <> 'CANCELLED'
                  left join payment_order o on o.award_id = s.award_id and o.fund_code = s.fund_code
                  left join payment p on p.payment_order_id = o.id
                 group by s.award_id, s.fund_code, s.paid_amount
                having s.paid_amount <> coalesce(sum(p.amount), 0)
                """).query((rs, i) -> "award " + rs.getLong(1) + " fund " + rs.getString(2) + " share paid "
                + rs.getBigDecimal(3) + " <> its payments " + rs.getBigDecimal(4)).list());
        return m;
    }

    /** Enterprises whose live awards under one policy and cap scope take more than their cap. */
    List<String> enterprisesOverCap() {
        return jdbc.sql("""
                select policy_key, credit_code, cap_scope, min(enterprise_cap),
                       sum(case when status = 'PAID' then paid_amount else granted_amount end)
                  from award
                 where status <> 'CANCELLED' and enterprise_cap is not null
                 group by policy_key, credit_code, cap_scope
                having sum(case when status = 'PAID' then paid_amount else granted_amount end) > min(enterprise_cap)
                """).query((rs, i) -> rs.getString(2) + " under " + rs.getString(1) + "/" + rs.getString(3) + ": "
                + rs.getBigDecimal(5) + " > cap " + rs.getBigDecimal(4)).list();
    }

    /** Number of enterprise-and-cap groups the check above looked at (so a check of nothing shows). */
    long capGroups() {
        return jdbc.sql("select count(distinct (policy_key, credit_code, cap_scope)) from award"
                + " where status <> 'CANCELLED' and enterprise_cap is not null").query(Long.class).single();
    }

    /** Funds (a jurisdiction's, per award year) whose live awards' shares take more than the year's budget. */
    List<String> fundsOverBudget() {
        return jdbc.sql("""
                select b.jurisdiction_code, b.fund_code, b.budget_year, b.amount, sum(s.amount)
                  from award a
                  join award_fund_share s on s.award_id = a.id
                  join fund_budget b on b.jurisdiction_code = a.jurisdiction_code and b.fund_code = s.fund_code
                                    and b.budget_year = a.award_year
                 where a.status <> 'CANCELLED'
                 group by b.jurisdiction_code, b.fund_code, b.budget_year, b.amount
                having sum(s.amount) > b.amount
                """).query((rs, i) -> rs.getString(1) + "/" + rs.getString(2) + " " + rs.getInt(3) + ": "
                + rs.getBigDecimal(5) + " > budget " + rs.getBigDecimal(4)).list();
    }

    /**
     * Payments made twice or outside an order: two payments of one order, two paid orders of one award, fund and
     * kind, a payment without an order or of another amount than its order's, a paid order without its payment.
     */
    List<String> duplicateOrStrayPayments() {
        List<String> m = new ArrayList<>(jdbc.sql("""
                select payment_order_id, count(*) from payment group by payment_order_id having count(*) > 1
                """).query((rs, i) -> "order " + rs.getLong(1) + " paid " + rs.getLong(2) + " times").list());
        m.addAll(jdbc.sql("""
                select o.award_id, o.fund_code, o.kind, count(p.id) from payment_order o
                  join payment p on p.payment_order_id = o.id
                 group by o.award_id, o.fund_code, o.kind having count(p.id) > 1
                """).query((rs, i) -> "award " + rs.getLong(1) + " fund " + rs.getString(2) + " " + rs.getString(3)
                + " paid " + rs.getLong(4) + " times").list());
        m.addAll(jdbc.sql("""
                select p.id, p.amount, o.amount from payment p left join payment_order o on o.id = p.payment_order_id
                 where o.id is null or o.amount <> p.amount or o.project_id <> p.project_id
                """).query((rs, i) -> "payment " + rs.getLong(1) + " of " + rs.getBigDecimal(2)
                + " does not match an order (" + rs.getBigDecimal(3) + ")").list());
        m.addAll(jdbc.sql("""
                select o.id from payment_order o where o.status = 'PAID'
                   and not exists (select 1 from payment p where p.payment_order_id = o.id)
                """).query((rs, i) -> "order " + rs.getLong(1) + " PAID without a payment").list());
        m.addAll(jdbc.sql("""
                select o.id, o.status from payment_order o where o.status <> 'PAID'
                   and exists (select 1 from payment p where p.payment_order_id = o.id)
                """).query((rs, i) -> "order " + rs.getLong(1) + " " + rs.getString(2) + " has a payment").list());
        return m;
    }

    /** Successful job executions per host (the engine's hostname of the node that ran them), from the job log. */
    Map<String, Long> jobsByHost(int state) {
        Map<String, Long> m = new TreeMap<>();
        jdbc.sql("select coalesce(hostname_, '?'), count(*) from act_hi_job_log where job_state_ = :s group by 1")
                .param("s", state).query((rs, i) -> m.put(rs.getString(1), rs.getLong(2))).list();
        return m;
    }

    static final int JOB_SUCCESSFUL = 2;
    static final int JOB_FAILED = 1;
}
