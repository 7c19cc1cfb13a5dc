package cn.tcsubsidy.panel.domain;

import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A panel's result for one project: the aggregate of its members' weighted totals (0–100), the per-criterion
 * breakdown, each member's opinion, the spread between the highest and lowest total, whether that spread asks for a
 * consensus (合议), which members' sheets the trimming dropped, and, after a consensus, the agreed score and its
 * reason. See {@link ScoreAggregation} for how the numbers come about.
 *
 * @param droppedMembers      the members whose totals were dropped: [lowest, highest], empty when not trimmed
 * @param droppedPerCriterion per criterion, the members whose scores on it were dropped ([lowest, highest])
 */
public record PanelOutcome(long roundId, long projectId, BigDecimal aggregateScore, Map<String, BigDecimal> breakdown,
                           Map<String, Opinion> opinions, BigDecimal spread, boolean needsConsensus,
                           List<String> droppedMembers, Map<String, List<String>> droppedPerCriterion,
                           BigDecimal agreedScore, String agreedReason) {

    public static final int REASON_MAX = 1000;
    public static final String AGREED_SCORE = "agreedScore";
    public static final String AGREED_REASON = "agreedReason";

    public PanelOutcome {
        breakdown = Collections.unmodifiableMap(new LinkedHashMap<>(breakdown));
        opinions = Collections.unmodifiableMap(new LinkedHashMap<>(opinions));
        droppedMembers = List.copyOf(droppedMembers);
        Map<String, List<String>> dropped = new LinkedHashMap<>();
        droppedPerCriterion.forEach((k, v) -> dropped.put(k, List.copyOf(v)));
        droppedPerCriterion = Collections.unmodifiableMap(dropped);
    }

    /** The number of sheets the panel handed in. */
    public int sheets() {
        return opinions.size();
    }

    public long count(Opinion opinion) {
        return opinions.values().stream().filter(opinion::equals).count();
    }

    /** True once the outcome stands: no consensus needed, or the agreed score is recorded. */
    public boolean decided() {
        return !needsConsensus || agreedScore != null;
    }

    /** The score the award and the ranking read: the agreed score after a consensus, else the aggregate; null while a consensus is pending. */
    public BigDecimal finalScore() {
        if (agreedScore != null) {
            return agreedScore;
        }
        return needsConsensus ? null : aggregateScore;
    }

    /**
     * The outcome with the panel's agreed score (0–100, at most 2 decimals) and the reason for it (required, at most
     * {@value #REASON_MAX} characters). Refused when the spread asked for no consensus or one is already recorded.
     */
    public PanelOutcome agreed(BigDecimal score, String reason) {
        if (!needsConsensus) {
            throw new ValidationException(AGREED_SCORE, "评分差距未超过合议阈值,以汇总得分为准,无需合议");
        }
        if (agreedScore != null) {
            throw new ValidationException(AGREED_SCORE, "合议得分已记录,不能再次修改");
        }
        List<FieldError> errors = new ArrayList<>();
        if (score == null) {
            errors.add(new FieldError(AGREED_SCORE, "请填写合议得分"));
        } else if (score.signum() < 0 || score.compareTo(ScoreSheet.HUNDRED) > 0) {
            errors.add(new FieldError(AGREED_SCORE, "合议得分须在 0 至 100 分之间"));
        } else if (score.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(AGREED_SCORE, "合议得分最多保留两位小数"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError(AGREED_REASON, "请填写合议理由"));
        } else if (reason.strip().codePointCount(0, reason.strip().length()) > REASON_MAX) {
            errors.add(new FieldError(AGREED_REASON, "合议理由不超过 " + REASON_MAX + " 字"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new PanelOutcome(roundId, projectId, aggregateScore, breakdown, opinions, spread, needsConsensus,
                droppedMembers, droppedPerCriterion, score.setScale(2), reason.strip());
    }
}
