package cn.tcsubsidy.panel.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The tables {@code panel_draw} and {@code panel_draw_entry}. */
@Repository
public class DrawRecords {

    static final String CANDIDATE = "CANDIDATE";
    static final String EXCLUDED = "EXCLUDED";
    static final String PANEL = "PANEL";
    static final String RESERVE = "RESERVE";

    /** What is known of a draw before its panel is computed. */
    public record Opened(long roundId, long projectId, String jurisdiction, String category, String applicantCreditCode,
                         String drawnBy, LocalDateTime drawnAt, long seed, PanelRule rule, String reason,
                         String purpose) {

        public Opened(long roundId, long projectId, String jurisdiction, String category, String applicantCreditCode,
                      String drawnBy, LocalDateTime drawnAt, long seed, PanelRule rule, String reason) {
            this(roundId, projectId, jurisdiction, category, applicantCreditCode, drawnBy, drawnAt, seed, rule, reason,
                    DrawRecord.PANEL);
        }
    }

    private final JdbcClient jdbc;

    public DrawRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the seed, the rule and the ordered candidates (and who stepped aside): before any panel exists. */
    public long open(Opened o, List<Candidate> candidates, List<Recusal.Excluded> excluded) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into panel_draw (round_id, project_id, jurisdiction_code, category, applicant_credit_code,
                    drawn_by, drawn_at, seed, rule_size, rule_reserves, rule_due_days, rule_minimum, reason, superseded,
                    purpose)
                values (:round, :project, :j, :category, :applicant, :by, :at, :seed, :size, :reserves, :due, :minimum,
                    :reason, false, :purpose)""")
                .param("round", o.roundId()).param("project", o.projectId()).param("j", o.jurisdiction())
                .param("category", o.category()).param("applicant", o.applicantCreditCode())
                .param("by", o.drawnBy()).param("at", o.drawnAt()).param("seed", o.seed())
                .param("size", o.rule().size()).param("reserves", o.rule().reserves())
                .param("due", o.rule().dueWorkingDays()).param("minimum", minimum(o.rule()))
                .param("reason", o.reason()).param("purpose", o.purpose())
                .update(key, "id");
        long id = key.getKey().longValue();
        entries(id, CANDIDATE, candidates);
        for (int i = 0; i < excluded.size(); i++) {
            entry(id, EXCLUDED, i, excluded.get(i).member(), excluded.get(i).reason());
        }
        return id;
    }

    /** Records the panel and the reserves computed from what {@link #open} recorded. */
    public void close(long drawId, PanelDraw.Result result) {
        entries(drawId, PANEL, result.panel());
        entries(drawId, RESERVE, result.reserves());
    }

    public void supersede(long drawId, long by, LocalDateTime at) {
        jdbc.sql("update panel_draw set superseded = true, superseded_by = :by, superseded_at = :at where id = :id")
                .param("by", by).param("at", at).param("id", drawId).update();
    }

    private void entries(long drawId, String list, List<Candidate> members) {
        for (int i = 0; i < members.size(); i++) {
            entry(drawId, list, i, members.get(i), null);
        }
    }

    private void entry(long drawId, String list, int position, Candidate c, String reason) {
        jdbc.sql("""
                insert into panel_draw_entry (draw_id, list_name, position, member_id, user_id, display_name, kind, reason)
                values (:d, :l, :p, :m, :u, :n, :k, :r)""")
                .param("d", drawId).param("l", list).param("p", position).param("m", c.memberId())
                .param("u", c.userId()).param("n", c.displayName()).param("k", c.kind().name()).param("r", reason)
                .update();
    }

    public Optional<DrawRecord> find(long id) {
        return draws("select * from panel_draw where id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** The panel's draw in force (not superseded) for the project in the round, locked for the rest of the transaction. */
    public Optional<DrawRecord> current(long roundId, long projectId) {
        return draws("""
                select * from panel_draw where round_id = :r and project_id = :p and superseded = false
                and purpose = 'PANEL' for update""", Map.of("r", roundId, "p", projectId)).stream().findFirst();
    }

    /** The project's draws in force in the round, the panel's first, then its supplementary draws, in order. */
    public List<DrawRecord> inForce(long roundId, long projectId) {
        return draws("""
                select * from panel_draw where round_id = :r and project_id = :p and superseded = false order by id""",
                Map.of("r", roundId, "p", projectId));
    }

    public List<DrawRecord> ofRound(long roundId) {
        return draws("select * from panel_draw where round_id = :r order by project_id, id", Map.of("r", roundId));
    }

    public long count() {
        return jdbc.sql("select count(*) from panel_draw").query(Long.class).single();
    }

    private List<DrawRecord> draws(String sql, Map<String, ?> params) {
        List<DrawRecord> draws = new ArrayList<>();
        for (Head h : jdbc.sql(sql).params(params).query(DrawRecords::head).list()) {
            List<Entry> entries = jdbc.sql("select * from panel_draw_entry where draw_id = :d order by list_name, position")
                    .param("d", h.id())
                    .query((rs, i) -> new Entry(rs.getString("list_name"), new Candidate(rs.getLong("member_id"),
                            rs.getString("user_id"), rs.getString("display_name"), MemberKind.valueOf(rs.getString("kind"))),
                            rs.getString("reason")))
                    .list();
            draws.add(new DrawRecord(h.id(), h.roundId(), h.projectId(), h.jurisdiction(), h.category(), h.drawnBy(),
                    h.drawnAt(), h.seed(), h.rule(), list(entries, CANDIDATE),
                    entries.stream().filter(e -> e.list().equals(EXCLUDED))
                            .map(e -> new Recusal.Excluded(e.member(), e.reason())).toList(),
                    list(entries, PANEL), list(entries, RESERVE), h.reason(), h.superseded(), h.supersededBy(), h.purpose()));
        }
        return draws;
    }

    private static List<Candidate> list(List<Entry> entries, String list) {
        return entries.stream().filter(e -> e.list().equals(list)).map(Entry::member).toList();
    }

    private record Entry(String list, Candidate member, String reason) {
    }

    private record Head(long id, long roundId, long projectId, String jurisdiction, String category, String drawnBy,
                        LocalDateTime drawnAt, long seed, PanelRule rule, String reason, boolean superseded,
                        Long supersededBy, String purpose) {
    }

    private static Head head(ResultSet rs, int i) throws SQLException {
        return new Head(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("project_id"),
                rs.getString("jurisdiction_code"), rs.getString("category"), rs.getString("drawn_by"),
                rs.getObject("drawn_at", LocalDateTime.class), rs.getLong("seed"),
                new PanelRule(rs.getInt("rule_size"), minimum(rs.getString("rule_minimum")),
                        minNonExperts(rs.getString("rule_minimum")), rs.getInt("rule_reserves"), rs.getInt("rule_due_days")),
                rs.getString("reason"), rs.getBoolean("superseded"), rs.getObject("superseded_by", Long.class),
                rs.getString("purpose"));
    }

    /** The minimum per kind as {@code EXPERT=1;ENTREPRENEUR=0;…}, every kind named. */
    static String minimum(PanelRule rule) {
        return java.util.Arrays.stream(MemberKind.values()).map(k -> k.name() + "=" + rule.minimum(k))
                .collect(Collectors.joining(";")) + ";" + NON_EXPERT + "=" + rule.minNonExperts();
    }

    static Map<MemberKind, Integer> minimum(String text) {
        Map<MemberKind, Integer> m = new EnumMap<>(MemberKind.class);
        for (String pair : text.split(";")) {
            String[] kv = pair.split("=");
            if (!kv[0].equals(NON_EXPERT)) {
                m.put(MemberKind.valueOf(kv[0]), Integer.parseInt(kv[1]));
            }
        }
        return m;
    }

    /** The least number of non-experts recorded in rule_minimum (0 in draws recorded before it was kept). */
    static int minNonExperts(String text) {
        for (String pair : text.split(";")) {
            String[] kv = pair.split("=");
            if (kv[0].equals(NON_EXPERT)) {
                return Integer.parseInt(kv[1]);
            }
        }
        return 0;
    }

    private static final String NON_EXPERT = "NON_EXPERT";
}
