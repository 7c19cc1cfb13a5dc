package cn.tcsubsidy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.shared.Actor;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The sign-in's one-statement membership read answers as the engine's group and tenant queries do. */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-memberships;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class EngineMembershipsTest {

    @Autowired
    EngineMemberships memberships;
    @Autowired
    IdentityService identity;

    static void assertSame(Actor read, Actor engine) {
        assertThat(read.userId()).isEqualTo(engine.userId());
        assertThat(read.groups()).as("groups of " + engine.userId()).containsExactlyInAnyOrderElementsOf(engine.groups());
        assertThat(read.tenants()).as("tenants of " + engine.userId()).containsExactlyInAnyOrderElementsOf(engine.tenants());
    }

    @Test
    void shouldReadEveryUsersGroupsAndTenantsAsTheEngineDoes() {
        List<User> users = identity.createUserQuery().list();
        assertThat(users).as("the demo's users").hasSizeGreaterThan(100);
        int withTenant = 0;
        for (User u : users) {
            Actor engine = SignIn.actorOf(identity, u.getId());
            assertSame(memberships.actorOf(u.getId()), engine);
            withTenant += engine.tenants().isEmpty() ? 0 : 1;
        }
        assertThat(withTenant).as("users whose tenant comes through a group").isGreaterThan(100);
        Actor admin = memberships.actorOf("admin");
        assertThat(admin.groups()).contains(Actor.ADMIN_GROUP);
        assertThat(memberships.actorOf("nobody-at-all")).isEqualTo(new Actor("nobody-at-all", List.of(), List.of()));
    }

    @Test
    void shouldSeeAMembershipChangeOnTheNextRead() {
        String user = "hekou-ent-3";
        assertThat(memberships.actorOf(user).groups()).doesNotContain("hekou-bureau");
        identity.createMembership(user, "hekou-bureau");
        try {
            assertThat(memberships.actorOf(user).groups()).contains("hekou-bureau", "hekou-enterprise");
            // A tenant given to the user directly, not through a group.
            identity.createTenantUserMembership("jiyuan", user);
            assertThat(memberships.actorOf(user).tenants()).containsExactlyInAnyOrder("hekou", "jiyuan");
            assertSame(memberships.actorOf(user), SignIn.actorOf(identity, user));
            identity.deleteTenantUserMembership("jiyuan", user);
        } finally {
            identity.deleteMembership(user, "hekou-bureau");
        }
        assertThat(memberships.actorOf(user).groups()).doesNotContain("hekou-bureau");
        assertThat(memberships.actorOf(user).tenants()).containsExactly("hekou");
    }
}
