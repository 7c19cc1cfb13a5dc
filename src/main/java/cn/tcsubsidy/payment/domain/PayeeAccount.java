package cn.tcsubsidy.payment.domain;

import java.time.LocalDateTime;

/**
 * One row of a project's payee history (payee_account). Its payee never changes; a change adds a row and
 * supersedes this one.
 *
 * @param changeReason why this row replaced the previous one; null for the payee recorded at filing
 */
public record PayeeAccount(long id, long projectId, Payee payee, PayeeStatus status, String recordedBy,
                           LocalDateTime recordedAt, String changeReason, String confirmedBy, LocalDateTime confirmedAt,
                           LocalDateTime supersededAt) {

    /** What a reader without the right to the account is shown: the payee with only the account's last digits. */
    public record Masked(long id, PayeeType type, String name, String bank, String accountTail, String agreementNo,
                         PayeeStatus status, String statusLabel, String summary) {
    }

    public Masked masked() {
        return new Masked(id, payee.type(), payee.name(), payee.bank(), payee.accountTail(), payee.agreementNo(), status,
                status.label(), payee.masked());
    }

    public boolean confirmed() {
        return status == PayeeStatus.CONFIRMED;
    }
}
