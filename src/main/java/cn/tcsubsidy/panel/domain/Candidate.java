package cn.tcsubsidy.panel.domain;

/** A pool member as a draw saw it: who, and the kind they were drawn as. */
public record Candidate(long memberId, String userId, String displayName, MemberKind kind) {

    static Candidate of(PoolMember m) {
        return new Candidate(m.id(), m.userId(), m.displayName(), m.kind());
    }
}
