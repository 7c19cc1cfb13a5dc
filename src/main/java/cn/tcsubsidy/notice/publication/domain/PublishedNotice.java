package cn.tcsubsidy.notice.publication.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A jurisdiction's published proposed list (拟扶持名单公示) of one round, as anyone may read it without signing in:
 * only what the public is told — never credit codes, scores, experts, accounts or who entered anything.
 *
 * @param status 公示中, 公示期满 or 公示期未开始 by the app's clock
 */
public record PublishedNotice(String jurisdiction, String jurisdictionName, int year, LocalDate noticeStartsOn,
                              LocalDate noticeEndsOn, String status, ObjectionChannel.Public objectionChannel,
                              List<Project> projects, int projectCount, BigDecimal totalProposedAmount) {

    /** One listed project: category as users read it, the amount proposed, the unit that recommended it. */
    public record Project(String enterpriseName, String projectName, String category, BigDecimal proposedAmount,
                          String recommendingUnit) {
    }
}
