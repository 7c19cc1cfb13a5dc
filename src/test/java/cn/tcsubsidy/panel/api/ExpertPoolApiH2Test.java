package cn.tcsubsidy.panel.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.demo.DemoExpertPool;
import cn.tcsubsidy.jurisdiction.AwardCategories;
import cn.tcsubsidy.jurisdiction.Jurisdiction;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.panel.domain.ExpertPool;
import cn.tcsubsidy.panel.domain.MemberKind;
import cn.tcsubsidy.panel.domain.PoolMember;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.support.Rest.Response;
import cn.tcsubsidy.support.Rest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The expert pool over HTTP with the demo logins: the demo seeds every jurisdiction; the bureau and the administrator
 * list, add, update and deactivate members (history kept, nothing deleted), the owner reads; every other role and
 * another jurisdiction's bureau get 403 with nothing stored; bad input is refused naming the field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-panel;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class ExpertPoolApiH2Test {

    static final String J = "yanzhou";
    static final String BUREAU = "yanzhou-bureau";
    static final AtomicInteger SERIAL = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExpertPool pool;
    @Autowired
    JurisdictionDirectory directory;
    @Autowired
    IdentityService identity;
    Rest rest;

    @BeforeEach
    void client() {
        rest = new Rest(port);
    }

    Map<String, Object> member(String userId, String kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jurisdiction", J);
        m.put("userId", userId);
        m.put("kind", kind);
        m.put("displayName", "测试专家" + userId);
        m.put("fields", List.of("EQUIPMENT", "ROBOT"));
        m.put("employerName", "山东理工大学");
        m.put("ties", List.of(Map.of("creditCode", CreditCode.withCheckCharacter("91370882MA3C00001"),
                "tieKind", "CONSULTING", "endsOn", "2025-12-31")));
        return m;
    }

    String newUser() {
        return "yanzhou-pool-test-" + SERIAL.incrementAndGet();
    }

    long members() {
        return jdbc.sql("select count(*) from pool_member").query(Long.class).single();
    }

    @Test
    void shouldSeedEightMembersOfAllFourKindsCoveringEveryCategoryPerJurisdiction() {
        for (Jurisdiction j : directory.all()) {
            List<PoolMember> seeded = pool.list(j.code(), true, null, null, Actor.system()).stream()
                    .filter(m -> m.userId().matches(j.code() + "-expert-\\d+")).toList();
            assertThat(seeded).as(j.code()).hasSizeGreaterThanOrEqualTo(DemoExpertPool.MEMBERS_PER_JURISDICTION);
            assertThat(seeded.stream().map(PoolMember::kind).collect(Collectors.toSet()))
                    .isEqualTo(EnumSet.allOf(MemberKind.class));
            assertThat(seeded.stream().flatMap(m -> m.fields().stream()).collect(Collectors.toSet()))
                    .isEqualTo(AwardCategories.of(j.code()).keySet());
            assertThat(seeded).allSatisfy(m -> assertThat(identity.createUserQuery().userId(m.userId())
                    .memberOfGroup(Roles.experts(j.code())).count()).isEqualTo(1));
        }
    }

    @Test
    void shouldAddANewUserToTheExpertsGroupAndKeepEveryChange() {
        String user = newUser();
        Response added = rest.post(BUREAU, "/api/expert-pool", member(user, "THIRD_PARTY"));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        long id = added.body().at("/member/id").asLong();
        String password = added.body().at("/initialPassword").asText();
        assertThat(password).hasSize(16);
        assertThat(identity.checkPassword(user, password)).isTrue();
        assertThat(identity.createUserQuery().userId(user).memberOfGroup(Roles.experts(J)).count()).isEqualTo(1);
        assertThat(added.body().at("/member/ties/0/kind").asText()).isEqualTo("CONSULTING");

        Response updated = rest.put(BUREAU, "/api/expert-pool/" + id, Map.of("kind", "EXPERT", "fields", List.of("ROBOT")));
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.body().at("/kind").asText()).isEqualTo("EXPERT");
        assertThat(updated.body().at("/employerName").asText()).isEqualTo("山东理工大学");
        assertThat(updated.body().at("/ties").size()).isEqualTo(1);

        Response deactivated = rest.post("admin", "/api/expert-pool/" + id + "/deactivate", Map.of("reason", "调离本地"));
        assertThat(deactivated.status()).as(deactivated.text()).isEqualTo(200);
        assertThat(deactivated.body().at("/active").asBoolean()).isFalse();

        Response history = rest.get("yanzhou-owner", "/api/expert-pool/" + id);
        assertThat(history.status()).isEqualTo(200);
        JsonNode changes = history.body().at("/changes");
        assertThat(changes.size()).isEqualTo(3);
        assertThat(changes.get(0).at("/action").asText()).isEqualTo("ADDED");
        assertThat(changes.get(0).at("/changedBy").asText()).isEqualTo(BUREAU);
        assertThat(changes.get(1).at("/action").asText()).isEqualTo("UPDATED");
        assertThat(changes.get(1).at("/detail").asText())
                .isEqualTo("类别:第三方机构 → 专家;评审领域:EQUIPMENT、ROBOT → ROBOT");
        assertThat(changes.get(2).at("/action").asText()).isEqualTo("DEACTIVATED");
        assertThat(changes.get(2).at("/changedBy").asText()).isEqualTo("admin");
        assertThat(changes.get(2).at("/detail").asText()).isEqualTo("停用:调离本地");

        Response inactive = rest.get(BUREAU, "/api/expert-pool?jurisdiction=" + J + "&active=false&kind=EXPERT&field=ROBOT");
        assertThat(inactive.status()).isEqualTo(200);
        assertThat(ids(inactive)).contains(id);
        Response active = rest.get(BUREAU, "/api/expert-pool?jurisdiction=" + J + "&active=true");
        assertThat(ids(active)).doesNotContain(id).isNotEmpty();
        Response again = rest.post(BUREAU, "/api/expert-pool/" + id + "/deactivate", Map.of("reason", "再次停用"));
        assertThat(again.status()).isEqualTo(400);
    }

    @Test
    void shouldNameAnExistingExpertUserWithoutCreatingIt() {
        String user = newUser();
        identity.saveUser(identity.newUser(user));
        identity.createMembership(user, Roles.experts(J));
        Map<String, Object> body = member(user, "ENTREPRENEUR");
        body.remove("displayName");
        Response added = rest.post("admin", "/api/expert-pool", body);
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        assertThat(added.body().at("/initialPassword").asText(null)).isNull();
        assertThat(added.body().at("/member/displayName").asText()).isEqualTo(user);
        Response twice = rest.post(BUREAU, "/api/expert-pool", member(user, "ENTREPRENEUR"));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body().at("/errors/userId").asText()).contains("已在专家库中");
    }

    @Test
    void shouldRefuseBadInputNamingTheFieldWithNothingStored() {
        long before = members();
        Map<String, Object> unknown = member(newUser(), "EXPERT");
        unknown.put("salary", 1);
        assertThat(rest.post(BUREAU, "/api/expert-pool", unknown).body().at("/errors/salary").asText())
                .isEqualTo("未知字段: salary");

        Map<String, Object> bad = member(newUser(), "PROFESSOR");
        bad.put("fields", List.of("EQUIPMENT", "DIRECT_SUBSIDY"));
        bad.put("employerCreditCode", "91370882MA3C00000X");
        bad.put("ties", List.of(Map.of("creditCode", "123", "tieKind", "FRIEND", "endsOn", "31.12.2025", "note", "x")));
        Response r = rest.post(BUREAU, "/api/expert-pool", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().at("/errors").fieldNames()).toIterable().containsExactlyInAnyOrder("kind", "fields[1]",
                "employerCreditCode", "ties[0].note", "ties[0].creditCode", "ties[0].tieKind", "ties[0].endsOn");

        Response enterpriseUser = rest.post(BUREAU, "/api/expert-pool", member("yanzhou-ent-1", "EXPERT"));
        assertThat(enterpriseUser.status()).isEqualTo(400);
        assertThat(enterpriseUser.body().at("/errors/userId").asText()).contains("不在本辖区评审专家组");
        Response otherExperts = rest.post(BUREAU, "/api/expert-pool", member("hekou-expert-1", "EXPERT"));
        assertThat(otherExperts.status()).isEqualTo(400);

        Response badKind = rest.get(BUREAU, "/api/expert-pool?jurisdiction=" + J + "&kind=PROFESSOR");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.body().at("/errors/kind").isMissingNode()).isFalse();
        Response badField = rest.get(BUREAU, "/api/expert-pool?jurisdiction=" + J + "&field=DIRECT_SUBSIDY");
        assertThat(badField.status()).isEqualTo(400);
        assertThat(badField.body().at("/errors/field").asText()).startsWith("不是本辖区的奖补类别:DIRECT_SUBSIDY");
        assertThat(members()).isEqualTo(before);
        assertThat(identity.createUserQuery().userIdIn(unknown.get("userId").toString(), bad.get("userId").toString()).count())
                .isZero();
    }

    @Test
    void shouldAllowOnlyTheBureauAndTheAdministratorToKeepThePoolAndTheOwnerToRead() {
        long seeded = pool.list(J, null, null, null, Actor.system()).get(0).id();
        String town = directory.units(J).get(0).groupId();
        assertThat(rest.get(BUREAU, "/api/expert-pool?jurisdiction=" + J).status()).isEqualTo(200);
        assertThat(rest.get("admin", "/api/expert-pool?jurisdiction=" + J).status()).isEqualTo(200);
        assertThat(rest.get("yanzhou-owner", "/api/expert-pool?jurisdiction=" + J).status()).isEqualTo(200);
        assertThat(rest.get("yanzhou-owner", "/api/expert-pool/" + seeded).status()).isEqualTo(200);
        assertThat(rest.get(null, "/api/expert-pool?jurisdiction=" + J).status()).isEqualTo(401);

        long before = members();
        String changes = "select count(*) from pool_member_change";
        long changesBefore = jdbc.sql(changes).query(Long.class).single();
        for (String user : List.of("yanzhou-ent-1", town, "yanzhou-expert-1", "yanzhou-finance", "yanzhou-rules",
                "hekou-bureau")) {
            assertThat(rest.get(user, "/api/expert-pool?jurisdiction=" + J).status()).as(user).isEqualTo(403);
            assertThat(rest.get(user, "/api/expert-pool/" + seeded).status()).as(user).isEqualTo(403);
            assertThat(rest.post(user, "/api/expert-pool", member(newUser(), "EXPERT")).status()).as(user).isEqualTo(403);
            assertThat(rest.put(user, "/api/expert-pool/" + seeded, Map.of("displayName", "改名")).status()).as(user)
                    .isEqualTo(403);
            assertThat(rest.post(user, "/api/expert-pool/" + seeded + "/deactivate", Map.of("reason", "x")).status())
                    .as(user).isEqualTo(403);
        }
        Map<String, Object> withUnknown = member(newUser(), "EXPERT");
        withUnknown.put("salary", 1);
        assertThat(rest.post("yanzhou-ent-1", "/api/expert-pool", withUnknown).status()).as("role before input").isEqualTo(403);
        for (String write : List.of("post", "put", "deactivate")) {
            Response r = switch (write) {
                case "post" -> rest.post("yanzhou-owner", "/api/expert-pool", member(newUser(), "EXPERT"));
                case "put" -> rest.put("yanzhou-owner", "/api/expert-pool/" + seeded, Map.of("displayName", "改名"));
                default -> rest.post("yanzhou-owner", "/api/expert-pool/" + seeded + "/deactivate", Map.of("reason", "x"));
            };
            assertThat(r.status()).as("owner " + write).isEqualTo(403);
        }
        assertThat(members()).isEqualTo(before);
        assertThat(jdbc.sql(changes).query(Long.class).single()).isEqualTo(changesBefore);
        assertThat(rest.get(BUREAU, "/api/expert-pool/" + seeded).body().at("/member/displayName").asText())
                .isNotEqualTo("改名");
    }

    static List<Long> ids(Response r) {
        List<Long> ids = new ArrayList<>();
        r.body().forEach(n -> ids.add(n.at("/id").asLong()));
        return ids;
    }

}
