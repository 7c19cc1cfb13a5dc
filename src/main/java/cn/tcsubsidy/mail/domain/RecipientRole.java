package cn.tcsubsidy.mail.domain;

/** Whom a mail is for, as the outbox lists it. */
public enum RecipientRole {
    /** 企业 */
    ENTERPRISE,
    /** 镇街 */
    TOWN,
    /** 评审专家 */
    PANEL_MEMBER,
    /** 主管部门 */
    BUREAU,
    /** 异议人 */
    OBJECTOR
}
