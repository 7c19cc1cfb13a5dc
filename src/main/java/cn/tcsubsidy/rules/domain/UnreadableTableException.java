package cn.tcsubsidy.rules.domain;

/** The bytes are not a DMN file the readable view can parse (not XML, or XML with a DOCTYPE). */
public class UnreadableTableException extends RuntimeException {

    public UnreadableTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
