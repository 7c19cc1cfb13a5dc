package cn.tcsubsidy.rules.change.domain;

/** The change is no longer in the state the request needs (e.g. already decided): nothing changed. */
public class RuleChangeConflictException extends RuntimeException {

    public RuleChangeConflictException(String message) {
        super(message);
    }
}
