package cn.tcsubsidy.panel.domain;

import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One panel member's score for one project in one round: a score and a comment per criterion of the jurisdiction's
 * {@code tc-score-criteria}, an overall opinion (推荐/不推荐) and an overall comment. Built only through
 * {@link #of}, which refuses the sheet naming every bad field.
 *
 * <p>Form field keys (the later score form uses them): {@code score_<KEY>}, {@code comment_<KEY>} per criterion,
 * {@link #OPINION} and {@link #COMMENT}.
 */
public record ScoreSheet(long roundId, long projectId, String memberUserId, List<Criterion> criteria,
                         List<CriterionScore> scores, Opinion opinion, String comment) {

    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    public static final int CRITERION_COMMENT_MAX = 500;
    public static final int COMMENT_MAX = 1000;
    public static final String OPINION = "opinion";
    public static final String COMMENT = "overallComment";

    public ScoreSheet {
        criteria = List.copyOf(criteria);
        scores = List.copyOf(scores);
    }

    public static String scoreField(String criterion) {
        return "score_" + criterion;
    }

    public static String commentField(String criterion) {
        return "comment_" + criterion;
    }

    /**
     * The sheet, its scores in the order of the criteria, or a {@link ValidationException} listing every refused
     * field: each criterion scored once within 0 … its max score with at most 2 decimals and commented (at most
     * {@value #CRITERION_COMMENT_MAX} characters), no score for a criterion the table does not have, an opinion,
     * and an overall comment (at most {@value #COMMENT_MAX} characters).
     */
    public static ScoreSheet of(long roundId, long projectId, String memberUserId, List<Criterion> criteria,
                                List<CriterionScore> scores, Opinion opinion, String comment) {
        if (memberUserId == null || memberUserId.isBlank()) {
            throw new IllegalArgumentException("a score sheet needs the member's user id");
        }
        List<Criterion> scale = Criterion.checkedSet(criteria);
        List<FieldError> errors = new ArrayList<>();
        Map<String, CriterionScore> given = new LinkedHashMap<>();
        Map<String, Criterion> byKey = new LinkedHashMap<>();
        scale.forEach(c -> byKey.put(c.key(), c));
        for (CriterionScore s : scores == null ? List.<CriterionScore>of() : scores) {
            if (!byKey.containsKey(s.criterion())) {
                errors.add(new FieldError(scoreField(s.criterion()), "评分项目 " + s.criterion() + " 不在本辖区的评分表中"));
            } else if (given.putIfAbsent(s.criterion(), s) != null) {
                errors.add(new FieldError(scoreField(s.criterion()), "「" + byKey.get(s.criterion()).label() + "」重复评分"));
            }
        }
        List<CriterionScore> ordered = new ArrayList<>();
        for (Criterion c : scale) {
            CriterionScore s = given.get(c.key());
            BigDecimal score = s == null ? null : s.score();
            String note = s == null ? null : s.comment();
            if (score == null) {
                errors.add(new FieldError(scoreField(c.key()), "请填写「" + c.label() + "」评分"));
            } else if (score.signum() < 0 || score.compareTo(c.maxScore()) > 0) {
                errors.add(new FieldError(scoreField(c.key()), "「" + c.label() + "」评分须在 0 至 "
                        + c.maxScore().stripTrailingZeros().toPlainString() + " 分之间"));
            } else if (score.stripTrailingZeros().scale() > 2) {
                errors.add(new FieldError(scoreField(c.key()), "「" + c.label() + "」评分最多保留两位小数"));
            }
            text(errors, commentField(c.key()), note, CRITERION_COMMENT_MAX, "「" + c.label() + "」评语");
            ordered.add(new CriterionScore(c.key(), score, note == null ? null : note.strip()));
        }
        if (opinion == null) {
            errors.add(new FieldError(OPINION, "请选择总体意见(推荐或不推荐)"));
        }
        text(errors, COMMENT, comment, COMMENT_MAX, "总体评审意见");
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ScoreSheet(roundId, projectId, memberUserId, scale, ordered, opinion, comment.strip());
    }

    private static void text(List<FieldError> errors, String field, String value, int max, String name) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "请填写" + name));
        } else if (value.strip().codePointCount(0, value.strip().length()) > max) {
            errors.add(new FieldError(field, name + "不超过 " + max + " 字"));
        }
    }

    /** The score on one criterion. */
    public BigDecimal score(String criterion) {
        return scores.stream().filter(s -> s.criterion().equals(criterion)).findFirst()
                .map(CriterionScore::score).orElseThrow(() -> new IllegalArgumentException("no criterion " + criterion));
    }

    /**
     * The weighted total on a 0–100 scale: Σ score ÷ max score × 100 × weight, computed exactly and rounded half-up
     * to 0.01 once. This rounded total is the member's score as the member sees it, and what the panel averages.
     */
    public BigDecimal weightedTotal() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Criterion c : criteria) {
            sum = sum.add(score(c.key()).multiply(HUNDRED).multiply(c.weight()).divide(c.maxScore(), MathContext.DECIMAL128));
        }
        return sum.setScale(2, RoundingMode.HALF_UP);
    }
}
