package cn.tcsubsidy.panel.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Score sheets on the shipped scale (投资 0.25, 技术水平 0.35, 经济效益 0.25, 社会效益 0.15, each 0–100) for tests. */
final class Sheets {

    static final List<Criterion> CRITERIA = List.of(
            new Criterion("INVESTMENT", "投资", new BigDecimal("100"), new BigDecimal("0.25")),
            new Criterion("TECHNOLOGY", "技术水平", new BigDecimal("100"), new BigDecimal("0.35")),
            new Criterion("ECONOMIC", "经济效益", new BigDecimal("100"), new BigDecimal("0.25")),
            new Criterion("SOCIAL", "社会效益", new BigDecimal("100"), new BigDecimal("0.15")));

    static final ConsensusRule RULE = new ConsensusRule(new BigDecimal("20"), 5);

    private Sheets() {
    }

    /** Four scores in the order of {@link #CRITERIA}, each commented. */
    static List<CriterionScore> scores(String... values) {
        List<CriterionScore> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new CriterionScore(CRITERIA.get(i).key(), values[i] == null ? null : new BigDecimal(values[i]),
                    CRITERIA.get(i).label() + "情况良好"));
        }
        return out;
    }

    static ScoreSheet sheet(String member, Opinion opinion, String... values) {
        return ScoreSheet.of(1L, 2L, member, CRITERIA, scores(values), opinion, "同意推荐");
    }

    /** A sheet whose four criteria all carry the same score, so its total is that score. */
    static ScoreSheet flat(String member, String score) {
        return sheet(member, Opinion.RECOMMEND, score, score, score, score);
    }
}
