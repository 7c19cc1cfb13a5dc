package cn.tcsubsidy.rules.change.domain;

import cn.tcsubsidy.shared.StepRefusedException;

/**
 * The engine refused the change's deployment (its guards found the tables unfit at that moment). In the timer's job
 * this fails into an incident at once (BadDataFailsAtOnce), the change stays SCHEDULED; on an approval the request
 * answers 400 and the change stays pending.
 */
public class RuleDeploymentRefusedException extends StepRefusedException {

    private final String reason;

    public RuleDeploymentRefusedException(String reason, Throwable cause) {
        super(reason);
        this.reason = reason;
        initCause(cause);
    }

    /** The refusal without the step prefix, as the approver reads it. */
    public String reason() {
        return reason;
    }
}
