package cn.tcsubsidy.shared;

/**
 * A system step (a delegate, a timer, a round's step) found its project or round elsewhere than the step belongs:
 * whatever started it is not the process the record follows, so nothing moves. In a job it fails into an incident
 * with this message; over the engine REST it answers 409.
 */
public class StepRefusedException extends IllegalStateException {

    /** Starts every such message, so the REST layer can recognise it under the engine's wrapping. */
    public static final String PREFIX = "流程步骤被拒绝:";

    public StepRefusedException(String message) {
        super(PREFIX + message);
    }
}
