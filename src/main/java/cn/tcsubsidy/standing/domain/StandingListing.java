package cn.tcsubsidy.standing.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One entry of a jurisdiction's standing list: the enterprise, why it is listed and on what basis (document or
 * decision), from when until when (null = open), who entered it, and who lifted it (移出) and why.
 */
public record StandingListing(long id, String jurisdiction, String creditCode, String enterpriseName, StandingKind kind,
                              String basis, LocalDate fromDate, LocalDate untilDate, String enteredBy,
                              LocalDateTime enteredAt, String liftedBy, LocalDateTime liftedAt, String liftReason) {

    public boolean lifted() {
        return liftedAt != null;
    }

    /** Listed on {@code date}: not lifted, and the date within from … until (inclusive; no until = open). */
    public boolean appliesOn(LocalDate date) {
        return !lifted() && !date.isBefore(fromDate) && (untilDate == null || !date.isAfter(untilDate));
    }

    /**
     * Why a quote refuses the enterprise, naming the listing and its basis and saying that the list is data the
     * bureau keeps.
     */
    public String refusal() {
        return "企业(统一社会信用代码 " + creditCode + ")列入本辖区企业信用约束名单:" + kind.label() + "(依据:" + basis
                + ";自 " + fromDate + (untilDate == null ? " 起,未定截止日期" : " 至 " + untilDate) + "),不予奖补。"
                + "该名单是工信局录入和维护的数据(记录编号 " + id + "),"
                + "如已信用修复或录入有误,由工信局移出名单后重新测算";
    }
}
