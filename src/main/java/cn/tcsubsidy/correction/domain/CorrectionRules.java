package cn.tcsubsidy.correction.domain;

import cn.tcsubsidy.project.domain.Stage;

/** A jurisdiction's table of correction deadlines (tc-correction-deadline), as the correction reads it. */
public interface CorrectionRules {

    /** The working days an enterprise has to correct a project returned at {@code stage} (common practice). */
    int workingDays(String jurisdiction, Stage stage);
}
