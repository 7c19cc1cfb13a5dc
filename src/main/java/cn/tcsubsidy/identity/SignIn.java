package cn.tcsubsidy.identity;

import cn.tcsubsidy.shared.Actor;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;

/** Makes a user the engine's current authentication, with their groups and tenants, as Tasklist does at login. */
public final class SignIn {

    private SignIn() {
    }

    public static Actor as(IdentityService identity, String userId) {
        return as(identity, actorOf(identity, userId));
    }

    /** Signs in a user whose groups and tenants were read already ({@link EngineMemberships}). */
    public static Actor as(IdentityService identity, Actor actor) {
        identity.setAuthentication(actor.userId(), actor.groups(), actor.tenants());
        return actor;
    }

    /** The user with their groups and tenants, without signing them in. */
    public static Actor actorOf(IdentityService identity, String userId) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).toList();
        return new Actor(userId, groups, tenants);
    }
}
