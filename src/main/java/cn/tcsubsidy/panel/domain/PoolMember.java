package cn.tcsubsidy.panel.domain;

import java.util.List;

/**
 * A member of a jurisdiction's expert pool (专家库): a user of group {@code J-experts}, of one of the four kinds, with
 * the award categories they may review ({@code fields}), their employer and their declared ties to enterprises. A
 * deactivated member stays, with its history.
 */
public record PoolMember(long id, String jurisdiction, String userId, MemberKind kind, String displayName,
                         List<String> fields, String employerName, String employerCreditCode, List<Tie> ties,
                         boolean active, String deactivatedReason) {

    public PoolMember {
        fields = List.copyOf(fields);
        ties = List.copyOf(ties);
    }
}
