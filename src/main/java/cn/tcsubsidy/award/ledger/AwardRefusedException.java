package cn.tcsubsidy.award.ledger;

import cn.tcsubsidy.shared.ValidationException;

/**
 * The ledger refused to reserve an award; nothing was stored. The message says why in Chinese for the bureau, the
 * reason lets the process route the project (e.g. below the budget line for the bureau's decision).
 */
public class AwardRefusedException extends ValidationException {

    public enum Reason {
        /** The project already has a live award in this category set (同一项目不重复奖补). */
        ALREADY_AWARDED,
        /** The enterprise has had its projects for the year (兖州: 每个企业每年只能申报一个项目). */
        ANNUAL_LIMIT_REACHED,
        /** Nothing is left under the per-enterprise cap in its scope. */
        ENTERPRISE_CAP_REACHED,
        /** The year's fund cannot pay the whole award; it is not shrunk to fit. */
        BUDGET_INSUFFICIENT,
        /** A paying fund has no budget entered for the year (no budget, no award). */
        BUDGET_MISSING,
        /** Another live award rests on the same certificate (one certificate is paid once). */
        CERTIFICATE_USED
    }

    public static final String FIELD = "award";

    private final Reason reason;
    private final String explanation;

    AwardRefusedException(Reason reason, String explanation) {
        super(FIELD, explanation);
        this.reason = reason;
        this.explanation = explanation;
    }

    public Reason reason() {
        return reason;
    }

    /** The Chinese reason alone, without the field prefix of {@link #getMessage()}. */
    public String explanation() {
        return explanation;
    }
}
