package cn.tcsubsidy.shared;

/** The signed-in user may not act on this jurisdiction or record. */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
