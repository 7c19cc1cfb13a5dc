package cn.tcsubsidy.filing.domain;

import cn.tcsubsidy.followup.domain.Indicator;
import cn.tcsubsidy.payment.domain.Payee;
import cn.tcsubsidy.project.domain.NewProject;

/**
 * A validated filing: the project, who is to receive its award (recorded for the bureau to confirm), and the
 * project's number on the statistics office's direct-report platform (统计联网直报), null where not given, and its
 * performance targets (绩效目标, each optional), and the enterprise's contact address for mail (null: its filing
 * user's account address).
 */
public record Filing(NewProject project, Payee payee, String statisticsReportId,
                     java.util.Map<Indicator, java.math.BigDecimal> targets, String contactEmail) {
}
