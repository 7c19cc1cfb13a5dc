package cn.tcsubsidy.panel.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The seats of the panels at work (table {@code panel_seat}): a new row per member taking a seat, never deleted. */
@Component
public class Seats {

    private final JdbcClient jdbc;

    public Seats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long take(long roundId, long projectId, int seatNo, Candidate member, long drawId, LocalDateTime at,
                     LocalDateTime due) {
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into panel_seat (round_id, project_id, seat_no, member_user_id, member_id, member_name,
                    member_kind, draw_id, status, assigned_at, due_at)
                values (:r, :p, :s, :u, :m, :n, :k, :d, 'ACTIVE', :at, :due)""")
                .param("r", roundId).param("p", projectId).param("s", seatNo).param("u", member.userId())
                .param("m", member.memberId()).param("n", member.displayName()).param("k", member.kind().name())
                .param("d", drawId).param("at", at).param("due", due).update(key, "id");
        return key.getKey().longValue();
    }

    /** Ends an active seat; false when it was no longer active (scored, stepped aside or replaced meanwhile). */
    public boolean end(long seatId, Seat.Status status, String by, String reason, LocalDateTime at) {
        return jdbc.sql("""
                update panel_seat set status = :s, ended_at = :at, ended_by = :by, end_reason = :reason
                where id = :id and status = 'ACTIVE'""")
                .param("s", status.name()).param("at", at).param("by", by).param("reason", reason).param("id", seatId)
                .update() == 1;
    }

    /** Every row of the project's panel in the round, in the order the seats were taken. */
    public List<Seat> ofProject(long roundId, long projectId) {
        return jdbc.sql("select * from panel_seat where round_id = :r and project_id = :p order by id")
                .param("r", roundId).param("p", projectId).query(Seats::seat).list();
    }

    /** Each seat's latest row (who sits there now, or how the last one left), by seat number. */
    public Map<Integer, Seat> latest(long roundId, long projectId) {
        Map<Integer, Seat> latest = new LinkedHashMap<>();
        for (Seat s : ofProject(roundId, projectId)) {
            latest.put(s.seatNo(), s);
        }
        return latest;
    }

    /** The seat the member holds now on the project's panel, if any. */
    public Optional<Seat> active(long roundId, long projectId, String memberUserId) {
        return jdbc.sql("""
                select * from panel_seat where round_id = :r and project_id = :p and member_user_id = :u
                and status = 'ACTIVE'""")
                .param("r", roundId).param("p", projectId).param("u", memberUserId).query(Seats::seat).optional();
    }

    /** The rows of several projects' panels (the round's progress), in the order taken. */
    public List<Seat> ofProjects(long roundId, Collection<Long> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from panel_seat where round_id = :r and project_id in (:p) order by project_id, id")
                .param("r", roundId).param("p", projectIds).query(Seats::seat).list();
    }

    /** Every seat row of the round's panels, by project, in the order taken. */
    public List<Seat> ofRound(long roundId) {
        return jdbc.sql("select * from panel_seat where round_id = :r order by project_id, id")
                .param("r", roundId).query(Seats::seat).list();
    }

    private static Seat seat(ResultSet rs, int i) throws SQLException {
        return new Seat(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("project_id"), rs.getInt("seat_no"),
                rs.getString("member_user_id"), rs.getLong("member_id"), rs.getString("member_name"),
                MemberKind.valueOf(rs.getString("member_kind")), rs.getLong("draw_id"),
                Seat.Status.valueOf(rs.getString("status")), rs.getObject("assigned_at", LocalDateTime.class),
                rs.getObject("due_at", LocalDateTime.class), rs.getObject("ended_at", LocalDateTime.class),
                rs.getString("ended_by"), rs.getString("end_reason"));
    }
}
