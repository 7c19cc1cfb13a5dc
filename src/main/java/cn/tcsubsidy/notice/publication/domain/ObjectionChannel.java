package cn.tcsubsidy.notice.publication.domain;

import java.time.LocalDateTime;

/**
 * How a jurisdiction's bureau receives objections to its published proposed list (异议受理方式). Common practice
 * (常见做法), not any policy's text: {@code basis} says so, and {@code sample} marks text the bureau has not yet
 * replaced with its own (示例).
 */
public record ObjectionChannel(String jurisdiction, String acceptingUnit, String address, String phone, String mailbox,
                               String requirements, String basis, boolean sample, String updatedBy,
                               LocalDateTime updatedAt) {

    /** What a notice shows the public: the channel without who last changed it. */
    public Public publicView() {
        return new Public(acceptingUnit, address, phone, mailbox, requirements, basis, sample, ObjectionChannels.PRACTICE);
    }

    /** The channel as published; {@code label} is 常见做法. */
    public record Public(String acceptingUnit, String address, String phone, String mailbox, String requirements,
                         String basis, boolean sample, String label) {
    }
}
