package cn.tcsubsidy.payment.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The tables payment_plan, payment_order, payment, recovery_order, recovery_repayment and project_acceptance. Callers
 * hold the project's row lock ({@code StageGuard}); an order or recovery about to change is locked as well.
 */
@Repository
class PaymentOrders {

    private static final String ORDER = """
            select o.*, f.fund_name from payment_order o
              join fund f on f.jurisdiction_code = o.jurisdiction_code and f.fund_code = o.fund_code
            """;
    private static final String RECOVERY = """
            select r.*, f.fund_name from recovery_order r
              join fund f on f.jurisdiction_code = r.jurisdiction_code and f.fund_code = r.fund_code
            """;

    private final JdbcClient jdbc;

    PaymentOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- plan ---

    void insertPlan(long projectId, PaymentPlan.Mode mode, AdvanceRules.AdvanceRule rule, String note, LocalDateTime at) {
        jdbc.sql("""
                insert into payment_plan (project_id, mode, advance_share, settlement_month, settlement_day, rule_note,
                  decision_ref, created_at)
                values (:p, :mode, :share, :month, :day, :note, :ref, :at)
                """)
                .param("p", projectId).param("mode", mode.name())
                .param("share", rule == null ? null : rule.share())
                .param("month", rule == null ? null : rule.settlementMonth())
                .param("day", rule == null ? null : rule.settlementDay())
                .param("note", note).param("ref", rule == null ? null : rule.decisionRef()).param("at", at).update();
    }

    Optional<PaymentPlan> plan(long projectId) {
        return jdbc.sql("select * from payment_plan where project_id = :p").param("p", projectId)
                .query(PaymentOrders::plan).optional();
    }

    void setSettlementDue(long projectId, LocalDate due) {
        jdbc.sql("update payment_plan set settlement_due_on = :d where project_id = :p and settlement_due_on is null")
                .param("d", due).param("p", projectId).update();
    }

    void settle(long projectId, BigDecimal amount, String basis, String by, LocalDateTime at) {
        int rows = jdbc.sql("""
                update payment_plan set settled_amount = :a, settlement_basis = :b, settled_by = :by, settled_at = :at
                 where project_id = :p and settled_at is null
                """)
                .param("a", amount).param("b", basis).param("by", by).param("at", at).param("p", projectId).update();
        if (rows != 1) {
            throw new IllegalStateException("payment_plan of project " + projectId + " is settled already");
        }
    }

    // --- payment orders ---

    long insertOrder(long projectId, long awardId, String jurisdiction, String fundCode, String creditCode,
                     PaymentOrder.Kind kind, BigDecimal amount, String basis, LocalDateTime at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into payment_order (project_id, award_id, jurisdiction_code, fund_code, credit_code, kind, amount,
                  basis, status, created_at)
                values (:p, :a, :j, :f, :c, :kind, :amount, :basis, :status, :at)
                """)
                .param("p", projectId).param("a", awardId).param("j", jurisdiction).param("f", fundCode)
                .param("c", creditCode).param("kind", kind.name()).param("amount", amount).param("basis", basis)
                .param("status", PaymentOrder.Status.OPEN.name()).param("at", at)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<PaymentOrder> orders(long projectId) {
        return jdbc.sql(ORDER + " where o.project_id = :p order by o.id").param("p", projectId)
                .query(PaymentOrders::order).list();
    }

    Optional<PaymentOrder> order(long id) {
        return jdbc.sql(ORDER + " where o.id = :id").param("id", id).query(PaymentOrders::order).optional();
    }

    /** The project's first order in {@code status}, in order of creation. */
    Optional<PaymentOrder> first(long projectId, PaymentOrder.Status status) {
        return jdbc.sql(ORDER + " where o.project_id = :p and o.status = :s order by o.id").param("p", projectId)
                .param("s", status.name()).query(PaymentOrders::order).list().stream().findFirst();
    }

    /** Locks the order's row and reads it. */
    PaymentOrder lock(long id) {
        jdbc.sql("select id from payment_order where id = :id for update").param("id", id).query(Long.class).single();
        return order(id).orElseThrow();
    }

    boolean anyUnpaid(long projectId) {
        return jdbc.sql("select count(*) from payment_order where project_id = :p and status <> 'PAID'")
                .param("p", projectId).query(Long.class).single() > 0;
    }

    boolean anyUnpaid(long projectId, long awardId) {
        return jdbc.sql("select count(*) from payment_order where project_id = :p and award_id = :a and status <> 'PAID'")
                .param("p", projectId).param("a", awardId).query(Long.class).single() > 0;
    }

    void prepare(long id, long payeeAccountId, String voucher, LocalDate date, String note, String by, LocalDateTime at) {
        requireOne(jdbc.sql("""
                update payment_order set status = 'PREPARED', payee_account_id = :payee, voucher_no = :v,
                  payment_date = :d, prepare_note = :n, prepared_by = :by, prepared_at = :at, approval_note = null
                 where id = :id and status = 'OPEN'
                """)
                .param("payee", payeeAccountId).param("v", voucher).param("d", date).param("n", note).param("by", by)
                .param("at", at).param("id", id).update(), id, "OPEN");
    }

    /** Returned by the approver: open again, to be prepared anew; the approver's reason is kept. */
    void returnToOpen(long id, String reason) {
        requireOne(jdbc.sql("""
                update payment_order set status = 'OPEN', approval_note = :r, returned_count = returned_count + 1
                 where id = :id and status = 'PREPARED'
                """)
                .param("r", reason).param("id", id).update(), id, "PREPARED");
    }

    void approve(long id, String by, String note, LocalDateTime at) {
        requireOne(jdbc.sql("""
                update payment_order set status = 'PAID', approved_by = :by, approval_note = :n, approved_at = :at
                 where id = :id and status = 'PREPARED'
                """)
                .param("by", by).param("n", note).param("at", at).param("id", id).update(), id, "PREPARED");
    }

    /** The payment of an approved order; the database refuses a second one of the same order. */
    void insertPayment(PaymentOrder o, Payee to, String approvedBy, LocalDateTime at) {
        jdbc.sql("""
                insert into payment (project_id, amount, payee_type, payee_name, payee_account, payee_account_id,
                  voucher_no, paid_on, recorded_by, recorded_at, payment_order_id, fund_code, prepared_by)
                values (:p, :amount, :type, :name, :account, :payeeAccount, :voucher, :date, :by, :at, :order, :fund,
                  :preparedBy)
                """)
                .param("p", o.projectId()).param("amount", o.amount()).param("type", to.type().name())
                .param("name", to.name()).param("account", to.account()).param("payeeAccount", o.payeeAccountId())
                .param("voucher", o.voucherNo()).param("date", o.paymentDate()).param("by", approvedBy).param("at", at)
                .param("order", o.id()).param("fund", o.fundCode()).param("preparedBy", o.preparedBy()).update();
    }

    BigDecimal paidSum(long projectId) {
        return jdbc.sql("select coalesce(sum(amount), 0) from payment where project_id = :p").param("p", projectId)
                .query(BigDecimal.class).single();
    }

    long paymentCount(long projectId) {
        return jdbc.sql("select count(*) from payment where project_id = :p").param("p", projectId)
                .query(Long.class).single();
    }

    Optional<LocalDate> lastPaymentDate(long projectId, PaymentOrder.Kind kind) {
        return Optional.ofNullable(jdbc.sql("""
                select max(payment_date) from payment_order where project_id = :p and kind = :k and status = 'PAID'
                """).param("p", projectId).param("k", kind.name()).query(LocalDate.class).single());
    }

    Optional<LocalDate> lastPaymentDate(long projectId) {
        return Optional.ofNullable(jdbc.sql("select max(paid_on) from payment where project_id = :p")
                .param("p", projectId).query(LocalDate.class).single());
    }

    // --- recovery orders ---

    long insertRecovery(long projectId, long awardId, String jurisdiction, String fundCode, RecoveryOrder.Kind kind,
                        BigDecimal amount, String reason, String by, LocalDateTime at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into recovery_order (project_id, award_id, jurisdiction_code, fund_code, kind, amount,
                  repaid_amount, status, reason, opened_by, opened_at)
                values (:p, :a, :j, :f, :kind, :amount, 0, 'OPEN', :reason, :by, :at)
                """)
                .param("p", projectId).param("a", awardId).param("j", jurisdiction).param("f", fundCode)
                .param("kind", kind.name()).param("amount", amount).param("reason", reason).param("by", by)
                .param("at", at).update(keys, "id");
        return keys.getKey().longValue();
    }

    List<RecoveryOrder> recoveries(long projectId) {
        return jdbc.sql(RECOVERY + " where r.project_id = :p order by r.id").param("p", projectId)
                .query(PaymentOrders::recovery).list();
    }

    Optional<RecoveryOrder> firstOpenRecovery(long projectId) {
        return jdbc.sql(RECOVERY + " where r.project_id = :p and r.status = 'OPEN' order by r.id").param("p", projectId)
                .query(PaymentOrders::recovery).list().stream().findFirst();
    }

    RecoveryOrder lockRecovery(long id) {
        jdbc.sql("select id from recovery_order where id = :id for update").param("id", id).query(Long.class).single();
        return jdbc.sql(RECOVERY + " where r.id = :id").param("id", id).query(PaymentOrders::recovery).single();
    }

    boolean voucherRecorded(long recoveryId, String voucher) {
        return jdbc.sql("select count(*) from recovery_repayment where recovery_order_id = :r and voucher_no = :v")
                .param("r", recoveryId).param("v", voucher).query(Long.class).single() > 0;
    }

    void insertRepayment(long recoveryId, BigDecimal amount, String voucher, LocalDate date, String by, LocalDateTime at) {
        jdbc.sql("""
                insert into recovery_repayment (recovery_order_id, amount, voucher_no, repaid_on, recorded_by, recorded_at)
                values (:r, :a, :v, :d, :by, :at)
                """)
                .param("r", recoveryId).param("a", amount).param("v", voucher).param("d", date).param("by", by)
                .param("at", at).update();
    }

    void addRepayment(long recoveryId, BigDecimal repaidTotal, boolean full, LocalDateTime at) {
        jdbc.sql("""
                update recovery_order set repaid_amount = :t, status = :s, closed_at = :closed where id = :id
                """)
                .param("t", repaidTotal).param("s", full ? "REPAID" : "OPEN").param("closed", full ? at : null)
                .param("id", recoveryId).update();
    }

    Optional<RecoveryOrder> firstOpenRecovery(long projectId, RecoveryOrder.Kind kind) {
        return jdbc.sql(RECOVERY + " where r.project_id = :p and r.status = 'OPEN' and r.kind = :k order by r.id")
                .param("p", projectId).param("k", kind.name()).query(PaymentOrders::recovery).list().stream().findFirst();
    }

    List<Repayment> repayments(long projectId) {
        return jdbc.sql("""
                select x.* from recovery_repayment x join recovery_order r on r.id = x.recovery_order_id
                 where r.project_id = :p order by x.id
                """).param("p", projectId).query((rs, i) -> new Repayment(rs.getLong("id"), rs.getLong("recovery_order_id"),
                rs.getBigDecimal("amount"), rs.getString("voucher_no"), rs.getObject("repaid_on", LocalDate.class),
                rs.getString("recorded_by"), rs.getObject("recorded_at", LocalDateTime.class))).list();
    }

    boolean anyOpenRecovery(long projectId) {
        return jdbc.sql("select count(*) from recovery_order where project_id = :p and status = 'OPEN'")
                .param("p", projectId).query(Long.class).single() > 0;
    }

    BigDecimal repaidSum(long projectId) {
        return jdbc.sql("select coalesce(sum(repaid_amount), 0) from recovery_order where project_id = :p")
                .param("p", projectId).query(BigDecimal.class).single();
    }

    // --- acceptance ---

    void insertAcceptance(long projectId, LocalDate acceptedOn, String findings, String documentRef, String by,
                          LocalDateTime at) {
        jdbc.sql("""
                insert into project_acceptance (project_id, accepted_on, findings, document_ref, recorded_by, recorded_at)
                values (:p, :d, :f, :r, :by, :at)
                """)
                .param("p", projectId).param("d", acceptedOn).param("f", findings).param("r", documentRef)
                .param("by", by).param("at", at).update();
    }

    Optional<Acceptance> acceptance(long projectId) {
        return jdbc.sql("select * from project_acceptance where project_id = :p").param("p", projectId)
                .query((rs, i) -> new Acceptance(rs.getLong("project_id"), rs.getObject("accepted_on", LocalDate.class),
                        rs.getString("findings"), rs.getString("document_ref"), rs.getString("recorded_by"),
                        rs.getObject("recorded_at", LocalDateTime.class),
                        rs.getObject("exited_pool_on", LocalDate.class)))
                .optional();
    }

    void exitedPool(long projectId, LocalDate on) {
        jdbc.sql("update project_acceptance set exited_pool_on = :d where project_id = :p").param("d", on)
                .param("p", projectId).update();
    }

    private static void requireOne(int rows, long id, String expected) {
        if (rows != 1) {
            throw new IllegalStateException("payment_order " + id + " is not " + expected + " any more");
        }
    }

    private static PaymentPlan plan(ResultSet rs, int row) throws SQLException {
        BigDecimal share = rs.getBigDecimal("advance_share");
        return new PaymentPlan(rs.getLong("project_id"), PaymentPlan.Mode.valueOf(rs.getString("mode")),
                share == null ? null : share.stripTrailingZeros(), rs.getObject("settlement_month", Integer.class),
                rs.getObject("settlement_day", Integer.class), rs.getString("rule_note"), rs.getString("decision_ref"),
                rs.getObject("settlement_due_on", LocalDate.class), rs.getBigDecimal("settled_amount"),
                rs.getString("settlement_basis"), rs.getString("settled_by"),
                rs.getObject("settled_at", LocalDateTime.class));
    }

    private static PaymentOrder order(ResultSet rs, int row) throws SQLException {
        return new PaymentOrder(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("award_id"),
                rs.getString("jurisdiction_code"), rs.getString("fund_code"), rs.getString("fund_name"),
                rs.getString("credit_code"), PaymentOrder.Kind.valueOf(rs.getString("kind")), rs.getBigDecimal("amount"),
                rs.getString("basis"), PaymentOrder.Status.valueOf(rs.getString("status")),
                rs.getObject("payee_account_id", Long.class), rs.getString("voucher_no"),
                rs.getObject("payment_date", LocalDate.class), rs.getString("prepare_note"), rs.getString("prepared_by"),
                rs.getObject("prepared_at", LocalDateTime.class), rs.getString("approved_by"),
                rs.getString("approval_note"), rs.getObject("approved_at", LocalDateTime.class),
                rs.getInt("returned_count"), rs.getObject("created_at", LocalDateTime.class));
    }

    private static RecoveryOrder recovery(ResultSet rs, int row) throws SQLException {
        return new RecoveryOrder(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("award_id"),
                rs.getString("jurisdiction_code"), rs.getString("fund_code"), rs.getString("fund_name"),
                RecoveryOrder.Kind.valueOf(rs.getString("kind")), rs.getBigDecimal("amount"),
                rs.getBigDecimal("repaid_amount"), RecoveryOrder.Status.valueOf(rs.getString("status")),
                rs.getString("reason"), rs.getString("opened_by"), rs.getObject("opened_at", LocalDateTime.class),
                rs.getObject("closed_at", LocalDateTime.class));
    }
}
