package cn.tcsubsidy.round.domain;

import java.time.LocalDate;

/** An annual recommendation and review round (年度推荐评审) of one jurisdiction. */
public record Round(long id, String jurisdiction, int year, LocalDate recommendationDeadline, LocalDate completedBefore,
                    RoundStatus status, LocalDate noticeStartsOn, LocalDate noticeEndsOn) {
}
