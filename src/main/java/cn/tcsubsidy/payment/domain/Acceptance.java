package cn.tcsubsidy.payment.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A project's acceptance (验收) by its town or the bureau once every order is settled, and the day it left the pool
 * (退库; null until then).
 *
 * @param documentRef the acceptance report's or document's reference (验收报告、文件号)
 */
public record Acceptance(long projectId, LocalDate acceptedOn, String findings, String documentRef, String recordedBy,
                         LocalDateTime recordedAt, LocalDate exitedPoolOn) {
}
