package cn.tcsubsidy.panel.domain;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One recorded draw of a project's panel in a round: who ran it and when, the seed, the rule, the candidates in the
 * order the shuffle started from, who stepped aside and why, the panel and the reserves in the order drawn, the
 * reason (required for a re-draw), whether a later draw superseded it, and its purpose ({@link #PANEL} or
 * {@link #SUPPLEMENT}).
 */
public record DrawRecord(long id, long roundId, long projectId, String jurisdiction, String category, String drawnBy,
                         LocalDateTime drawnAt, long seed, PanelRule rule, List<Candidate> candidates,
                         List<Recusal.Excluded> excluded, List<Candidate> panel, List<Candidate> reserves,
                         String reason, boolean superseded, Long supersededBy, String purpose) {

    /** The draw of a project's panel and its reserves. */
    public static final String PANEL = "PANEL";
    /** More reserves drawn when a project's reserves ran out (补充抽取). */
    public static final String SUPPLEMENT = "SUPPLEMENT";

    public DrawRecord {
        candidates = List.copyOf(candidates);
        excluded = List.copyOf(excluded);
        panel = List.copyOf(panel);
        reserves = List.copyOf(reserves);
    }
}
