package cn.tcsubsidy.panel.domain;

import java.time.LocalDateTime;

/** One change to a pool member: what was done ({@code ADDED}, {@code UPDATED}, {@code DEACTIVATED}), by whom, when. */
public record PoolMemberChange(long memberId, String action, String changedBy, LocalDateTime changedAt, String detail) {
}
