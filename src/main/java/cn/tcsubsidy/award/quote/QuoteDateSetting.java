package cn.tcsubsidy.award.quote;

import java.time.LocalDateTime;

/**
 * A jurisdiction's quote date setting (point 13 of issue 7): which date picks the policy in force and which the
 * 1-year LPR, each beside the source's words (or 文件未规定), with the basis of the latest change and who made it.
 */
public record QuoteDateSetting(String jurisdiction, QuoteDateRule policyDate, String policyDateSource,
                               QuoteDateRule lprDate, String lprDateSource, String basis, String updatedBy,
                               LocalDateTime updatedAt) {
}
