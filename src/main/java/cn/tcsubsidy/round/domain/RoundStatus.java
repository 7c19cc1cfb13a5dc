package cn.tcsubsidy.round.domain;

public enum RoundStatus {
    RECOMMENDATION, REVIEW, LIST_DECISION, NOTICE, CLOSED
}
