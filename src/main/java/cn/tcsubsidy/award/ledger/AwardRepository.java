package cn.tcsubsidy.award.ledger;

import cn.tcsubsidy.shared.NotFoundException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The award, award_fund_share, award_policy and award_enterprise_lock tables. Runs in the caller's transaction. */
@Repository
class AwardRepository {

    /** What an award takes from a cap or a budget; see {@link Award#committedAmount()}. */
    private static final String COMMITTED =
            "coalesce(sum(case when status = 'PAID' then paid_amount else granted_amount end), 0)";

    record Policy(String key, String jurisdiction, String document, Integer annualProjectLimit,
                  Integer annualProjectLimitLead) {
    }

    record ProjectRef(long id, String jurisdiction, String creditCode, String projectName) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    AwardRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    Optional<Policy> policy(String key) {
        return jdbc.sql("select * from award_policy where policy_key = :k").param("k", key)
                .query((rs, i) -> new Policy(rs.getString("policy_key"), rs.getString("jurisdiction_code"),
                        rs.getString("document"), rs.getObject("annual_project_limit", Integer.class),
                        rs.getObject("annual_project_limit_lead", Integer.class)))
                .optional();
    }

    Optional<ProjectRef> project(long id) {
        return jdbc.sql("select id, jurisdiction_code, credit_code, project_name from project where id = :id")
                .param("id", id)
                .query((rs, i) -> new ProjectRef(rs.getLong("id"), rs.getString("jurisdiction_code"),
                        rs.getString("credit_code"), rs.getString("project_name")))
                .optional();
    }

    /**
     * Locks the (policy, enterprise) row until the transaction ends, creating it on first use. A concurrent first use
     * may insert the same row: the insert runs in a savepoint, so its duplicate-key error is rolled back alone and the
     * transaction (aborted by any error on PostgreSQL otherwise) goes on to lock the row the other one created.
     * The plain look first spares the savepoint on every reservation after an enterprise's first.
     */
    void lockEnterprise(String policyKey, String creditCode) {
        boolean exists = jdbc.sql("select count(*) from award_enterprise_lock where policy_key = :p and credit_code = :c")
                .param("p", policyKey).param("c", creditCode).query(Long.class).single() > 0;
        if (!exists) {
            savepoint.executeWithoutResult(status -> {
                try {
                    jdbc.sql("insert into award_enterprise_lock (policy_key, credit_code) values (:p, :c)")
                            .param("p", policyKey).param("c", creditCode).update();
                } catch (DuplicateKeyException createdMeanwhile) {
                    status.setRollbackOnly();
                }
            });
        }
        jdbc.sql("select credit_code from award_enterprise_lock where policy_key = :p and credit_code = :c for update")
                .param("p", policyKey).param("c", creditCode).query(String.class).single();
    }

    /** The enterprise's live award for the project in the category set (a cluster member's, or the project's own). */
    Optional<Award> live(long projectId, String categorySet, String creditCode) {
        return jdbc.sql("select * from award where project_id = :p and category_set = :s and credit_code = :c and live = true")
                .param("p", projectId).param("s", categorySet).param("c", creditCode).query(this::map).optional();
    }

    /** Live awards of the project in the category set: one, or one per member of a cluster. */
    List<Award> live(long projectId, String categorySet) {
        return jdbc.sql("select * from award where project_id = :p and category_set = :s and live = true order by credit_code")
                .param("p", projectId).param("s", categorySet).query(this::map).list();
    }

    /** The live award resting on a certificate in the jurisdiction, if any. */
    Optional<Award> liveWithCertificate(String jurisdiction, String certificateNo) {
        return jdbc.sql("select * from award where jurisdiction_code = :j and certificate_no = :n and live = true")
                .param("j", jurisdiction).param("n", certificateNo).query(this::map).optional();
    }

    /** Projects other than {@code projectId} with a live award for the enterprise under the policy in the year. */
    List<Long> otherProjectsInYear(String policyKey, String creditCode, int year, long projectId) {
        return jdbc.sql("""
                select distinct project_id from award where policy_key = :p and credit_code = :c and award_year = :y
                  and live = true and project_id <> :project order by project_id
                """)
                .param("p", policyKey).param("c", creditCode).param("y", year).param("project", projectId)
                .query(Long.class).list();
    }

    /**
     * What the enterprise's live awards take from one cap (policy, enterprise, scope), leaving out the awards of
     * {@code excludedProjects}. Awards without a cap (scope null) never count.
     */
    BigDecimal committedToEnterprise(String policyKey, String creditCode, String capScope, Collection<Long> excludedProjects) {
        return excluding(excludedProjects, "select " + COMMITTED + " from award where policy_key = :p and credit_code = :c"
                + " and cap_scope = :s and live = true")
                .param("p", policyKey).param("c", creditCode).param("s", capScope).query(BigDecimal.class).single();
    }

    /** What live awards take from a fund's year (their shares), leaving out the awards of {@code excludedProjects}. */
    BigDecimal committedFromFund(String jurisdiction, String fundCode, int year, Collection<Long> excludedProjects) {
        return excluding(excludedProjects, """
                select coalesce(sum(s.amount), 0) from award_fund_share s join award a on a.id = s.award_id
                 where a.jurisdiction_code = :j and s.fund_code = :f and a.award_year = :y and a.live = true""")
                .param("j", jurisdiction).param("f", fundCode).param("y", year).query(BigDecimal.class).single();
    }

    private JdbcClient.StatementSpec excluding(Collection<Long> excludedProjects, String sql) {
        return excludedProjects.isEmpty() ? jdbc.sql(sql)
                : jdbc.sql(sql + " and project_id not in (:excluded)").param("excluded", excludedProjects);
    }

    long insert(AwardClaim c, BigDecimal granted, String cutReason, Map<String, BigDecimal> shares, String by,
                LocalDateTime at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into award (project_id, jurisdiction_code, credit_code, category, category_set, policy_key,
                  cap_scope, enterprise_cap, cluster_lead, award_year, requested_amount, granted_amount, cut_reason,
                  certificate_no, annual_limit_override, status, live, recovered_amount, reserved_by, reserved_at,
                  updated_at)
                values (:project, :j, :credit, :category, :set, :policy, :scope, :cap, :lead, :y, :requested,
                  :granted, :cut, :certificate, :override, :status, true, 0, :by, :at, :at)
                """)
                .param("project", c.projectId()).param("j", c.jurisdiction()).param("credit", c.creditCode())
                .param("category", c.category()).param("set", c.categorySetKey()).param("policy", c.policyKey())
                .param("scope", c.capScope()).param("cap", c.enterpriseCap()).param("lead", c.clusterLead())
                .param("y", c.year()).param("requested", c.requestedAmount()).param("granted", granted)
                .param("cut", cutReason).param("certificate", c.certificateNo()).param("override", c.annualLimitOverride())
                .param("status", AwardStatus.PROPOSED.name()).param("by", by).param("at", at)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (FundShare p : c.payers()) {
            jdbc.sql("insert into award_fund_share (award_id, fund_code, share, amount) values (:a, :f, :s, :amount)")
                    .param("a", id).param("f", p.fundCode()).param("s", p.share()).param("amount", shares.get(p.fundCode()))
                    .update();
        }
        return id;
    }

    /** The award's paying funds with their shares, by fund code. */
    List<FundShare> payers(long awardId) {
        return jdbc.sql("select fund_code, share from award_fund_share where award_id = :a order by fund_code")
                .param("a", awardId)
                .query((rs, i) -> new FundShare(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros(), null, false))
                .list();
    }

    Award get(long id) {
        return jdbc.sql("select * from award where id = :id").param("id", id).query(this::map).optional()
                .orElseThrow(() -> new NotFoundException("奖补记录不存在:" + id));
    }

    /** Locks the award row, so a payment, a cancellation and a recovery of one award cannot interleave. */
    Award lock(long id) {
        return jdbc.sql("select * from award where id = :id for update").param("id", id).query(this::map)
                .optional().orElseThrow(() -> new NotFoundException("奖补记录不存在:" + id));
    }

    List<Award> ofProject(long projectId) {
        return jdbc.sql("select * from award where project_id = :p order by id").param("p", projectId)
                .query(this::map).list();
    }

    void cancel(long id, String reason, LocalDateTime at) {
        jdbc.sql("""
                update award set status = :s, live = null, cancel_reason = :r, cancelled_at = :at, updated_at = :at
                  where id = :id
                """)
                .param("s", AwardStatus.CANCELLED.name()).param("r", reason).param("at", at).param("id", id).update();
    }

    /** Records the payment; the fund shares follow it, as they follow every change of what the award commits. */
    void markPaid(long id, BigDecimal amount, Map<String, BigDecimal> shares, LocalDateTime at) {
        jdbc.sql("update award set status = :s, paid_amount = :a, paid_at = :at, updated_at = :at where id = :id")
                .param("s", AwardStatus.PAID.name()).param("a", amount).param("at", at).param("id", id).update();
        shares.forEach((fund, share) -> jdbc.sql("""
                        update award_fund_share set amount = :a, paid_amount = :a where award_id = :id and fund_code = :f
                        """)
                .param("a", share).param("id", id).param("f", fund).update());
    }

    /** Each paying fund's share of the award: what it is charged and what it has paid so far, by fund code. */
    List<FundPayment> fundPayments(long awardId) {
        return jdbc.sql("select fund_code, share, amount, paid_amount from award_fund_share where award_id = :a order by fund_code")
                .param("a", awardId)
                .query((rs, i) -> new FundPayment(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros(),
                        rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list();
    }

    /** One fund's part payment of a proposed award: the award's paid sum and the fund's paid part grow by it. */
    void addPayment(long id, String fundCode, BigDecimal amount, BigDecimal paidTotal, LocalDateTime at) {
        jdbc.sql("update award set paid_amount = :t, updated_at = :at where id = :id")
                .param("t", paidTotal).param("at", at).param("id", id).update();
        jdbc.sql("update award_fund_share set paid_amount = paid_amount + :a where award_id = :id and fund_code = :f")
                .param("a", amount).param("id", id).param("f", fundCode).update();
    }

    /**
     * The award's payments are complete: PAID at their sum, and each fund is charged what it paid, which frees the
     * rest of the grant under the cap and in the budgets.
     */
    void settlePaid(long id, LocalDateTime at) {
        jdbc.sql("update award set status = :s, paid_at = :at, updated_at = :at where id = :id")
                .param("s", AwardStatus.PAID.name()).param("at", at).param("id", id).update();
        jdbc.sql("update award_fund_share set amount = paid_amount where award_id = :id").param("id", id).update();
    }

    void recover(long id, BigDecimal recoveredTotal, String reasons, LocalDateTime at) {
        jdbc.sql("update award set recovered_amount = :a, recovery_reason = :r, updated_at = :at where id = :id")
                .param("a", recoveredTotal).param("r", reasons).param("at", at).param("id", id).update();
    }

    private Award map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Map<String, BigDecimal> shares = new TreeMap<>();
        jdbc.sql("select fund_code, amount from award_fund_share where award_id = :a").param("a", id)
                .query((RowCallbackHandler) r -> shares.put(r.getString(1), r.getBigDecimal(2)));
        return new Award(
                id,
                rs.getLong("project_id"),
                rs.getString("jurisdiction_code"),
                rs.getString("credit_code"),
                rs.getString("category"),
                rs.getString("category_set"),
                rs.getString("policy_key"),
                rs.getString("cap_scope"),
                rs.getBigDecimal("enterprise_cap"),
                rs.getBoolean("cluster_lead"),
                shares,
                rs.getInt("award_year"),
                rs.getBigDecimal("requested_amount"),
                rs.getBigDecimal("granted_amount"),
                rs.getString("cut_reason"),
                rs.getString("certificate_no"),
                rs.getString("annual_limit_override"),
                AwardStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("paid_amount"),
                rs.getBigDecimal("recovered_amount"),
                rs.getString("cancel_reason"),
                rs.getString("recovery_reason"),
                rs.getString("reserved_by"),
                rs.getObject("reserved_at", LocalDateTime.class),
                rs.getObject("paid_at", LocalDateTime.class),
                rs.getObject("cancelled_at", LocalDateTime.class),
                rs.getObject("updated_at", LocalDateTime.class));
    }
}
