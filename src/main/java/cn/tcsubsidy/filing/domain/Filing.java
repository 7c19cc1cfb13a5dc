package cn.tcsubsidy.filing.domain;

import cn.tcsubsidy.payment.domain.Payee;
import cn.tcsubsidy.project.domain.NewProject;

/** A validated filing: the project, and who is to receive its award (recorded for the bureau to confirm). */
public record Filing(NewProject project, Payee payee) {
}
