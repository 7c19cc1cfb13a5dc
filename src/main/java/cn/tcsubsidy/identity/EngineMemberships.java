package cn.tcsubsidy.identity;

import cn.tcsubsidy.shared.Actor;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A user's groups and tenants read from the engine's identity tables in one plain SQL statement, for the sign-in of
 * every {@code /api} request. The same answer as {@link SignIn#actorOf} (the engine's group query with
 * {@code groupMember} and tenant query with {@code userMember … includingGroupsOfUser(true)}; the test
 * {@code EngineMembershipsTest} compares both for every user), without building the engine's two dynamic queries:
 * under load those two were 30 % of a plain {@code GET /api/projects}'s CPU (docs/performance.md §2).
 *
 * <p>It reads what the engine's own database identity provider keeps (the app uses no other); nothing is cached, so a
 * membership changed on any node counts on the next request.
 */
@Component
public class EngineMemberships {

    private static final String SQL = """
            select 'G' as kind, g.id_ as id from act_id_membership m join act_id_group g on g.id_ = m.group_id_
             where m.user_id_ = :user
            union
            select 'T' as kind, t.id_ as id from act_id_tenant_member tm join act_id_tenant t on t.id_ = tm.tenant_id_
             where tm.user_id_ = :user
            union
            select 'T' as kind, t.id_ as id from act_id_membership m
              join act_id_tenant_member tm on tm.group_id_ = m.group_id_
              join act_id_tenant t on t.id_ = tm.tenant_id_
             where m.user_id_ = :user
            """;

    private final JdbcClient jdbc;

    public EngineMemberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user with their groups and tenants (each list sorted by id, as the engine's queries order them). */
    public Actor actorOf(String userId) {
        List<String> groups = new ArrayList<>();
        List<String> tenants = new ArrayList<>();
        jdbc.sql(SQL).param("user", userId).query((rs, i) -> {
            ("G".equals(rs.getString(1)) ? groups : tenants).add(rs.getString(2));
            return null;
        }).list();
        groups.sort(null);
        tenants.sort(null);
        return new Actor(userId, List.copyOf(groups), List.copyOf(tenants));
    }
}
