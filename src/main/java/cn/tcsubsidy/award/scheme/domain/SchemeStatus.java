package cn.tcsubsidy.award.scheme.domain;

/** An annual scheme is ACTIVE (生效) from its entry until it is WITHDRAWN (撤回, with a reason). */
public enum SchemeStatus {
    ACTIVE,
    WITHDRAWN
}
