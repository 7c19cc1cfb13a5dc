package cn.tcsubsidy.panel.domain;

import java.math.BigDecimal;
import java.util.List;

/** A jurisdiction's panel tables (tc-panel-size, tc-score-criteria, tc-panel-consensus), as the panel reads them. */
public interface PanelRules {

    PanelComposition composition(String jurisdiction, BigDecimal totalInvestment, String category);

    List<Criterion> criteria(String jurisdiction);

    ConsensusRule consensus(String jurisdiction);
}
