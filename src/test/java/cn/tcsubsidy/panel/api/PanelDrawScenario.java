package cn.tcsubsidy.panel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.panel.domain.Candidate;
import cn.tcsubsidy.panel.domain.DrawRecord;
import cn.tcsubsidy.panel.domain.DrawService;
import cn.tcsubsidy.panel.domain.ExpertPool;
import cn.tcsubsidy.panel.domain.MemberKind;
import cn.tcsubsidy.panel.domain.PanelDraw;
import cn.tcsubsidy.panel.domain.PanelRule;
import cn.tcsubsidy.panel.domain.PoolMember;
import cn.tcsubsidy.project.domain.NewProject;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.StepRefusedException;
import cn.tcsubsidy.shared.ValidationException;
import cn.tcsubsidy.support.Rest.Response;
import cn.tcsubsidy.support.Rest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Draws over Liaocheng's demo pool (three experts, two entrepreneurs, two third-party institutions, a department
 * head): recorded with seed, candidates and recusals, replayed to the same panel, refused when short with nothing
 * stored, re-drawn only with a reason; the round's draws readable by its bureau, owner and the administrator only.
 */
abstract class PanelDrawScenario {

    static final String J = "liaocheng";
    static final AtomicInteger SERIAL = new AtomicInteger();
    static final Actor BUREAU = new Actor("liaocheng-bureau", List.of("liaocheng-bureau"), List.of(J));
    static final PanelRule RULE = new PanelRule(3, Map.of(MemberKind.EXPERT, 1, MemberKind.DEPARTMENT_HEAD, 1), 2, 5);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DrawService draws;
    @Autowired
    ExpertPool pool;
    @Autowired
    ProjectRepository projects;
    @Autowired
    JurisdictionDirectory directory;
    Rest rest;

    @BeforeEach
    void client() {
        rest = new Rest(port);
    }

    record Fixture(long roundId, long projectId, String applicant) {
    }

    Fixture roundWithProject() {
        int n = SERIAL.incrementAndGet();
        long round = jdbc.sql("""
                insert into review_round (jurisdiction_code, round_year, recommendation_deadline, completed_before,
                    status, opened_by, opened_at)
                values (:j, :y, date '2060-11-30', date '2060-01-01', 'REVIEW', 'test', current_timestamp)""")
                .param("j", J).param("y", 2060 + n).update() > 0
                ? jdbc.sql("select id from review_round where jurisdiction_code = :j and round_year = :y")
                        .param("j", J).param("y", 2060 + n).query(Long.class).single() : 0;
        String applicant = CreditCode.withCheckCharacter("91371500MA3D" + String.format("%05d", n));
        long project = projects.insert(new NewProject(J, directory.units(J).get(0).code(), "聊城测试机械" + n + "有限公司",
                applicant, String.format("2059-371500-34-03-%06d", n), "设备更新", "EQUIPMENT", new BigDecimal("9000000"),
                new BigDecimal("7000000"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null,
                LocalDate.of(2059, 1, 1), LocalDate.of(2059, 10, 1)), Stage.EXPERT_REVIEW, "test");
        projects.setRound(project, round);
        return new Fixture(round, project, applicant);
    }

    PoolMember demo(int i) {
        return pool.list(J, null, null, null, Actor.system()).stream()
                .filter(m -> m.userId().equals(J + "-expert-" + i)).findFirst().orElseThrow();
    }

    long drawCount() {
        return jdbc.sql("select count(*) from panel_draw").query(Long.class).single()
                + jdbc.sql("select count(*) from panel_draw_entry").query(Long.class).single();
    }

    @Test
    void shouldRecordTheSeedCandidatesAndRecusalsAndReplayToTheSamePanel() {
        Fixture f = roundWithProject();
        PoolMember board = demo(4);
        PoolMember employee = demo(6);
        pool.update(board.id(), Map.of("ties", List.of(Map.of("creditCode", f.applicant(), "tieKind", "BOARD"))),
                Actor.system());
        Map<String, Object> employer = new HashMap<>();
        employer.put("employerCreditCode", f.applicant());
        pool.update(employee.id(), employer, Actor.system());

        DrawRecord d = draws.draw(f.roundId(), f.projectId(), RULE, BUREAU, null);

        assertThat(d.drawnBy()).isEqualTo("liaocheng-bureau");
        assertThat(d.rule().size()).isEqualTo(3);
        assertThat(d.rule().reserves()).isEqualTo(2);
        for (MemberKind kind : MemberKind.values()) {
            assertThat(d.rule().minimum(kind)).as(kind.name()).isEqualTo(RULE.minimum(kind));
        }
        assertThat(d.candidates()).extracting(Candidate::memberId).doesNotContain(board.id(), employee.id()).hasSize(6)
                .isSorted();
        assertThat(d.excluded()).extracting(x -> x.member().memberId()).containsExactly(board.id(), employee.id());
        assertThat(d.excluded()).extracting(x -> x.reason()).containsExactly(
                "回避:常见做法(非政策原文),近 3 年内与申报企业存在关联:董事(仍持续)",
                "回避:常见做法(非政策原文),其工作单位即申报企业(统一社会信用代码 " + f.applicant() + ")");
        assertThat(d.panel()).hasSize(3);
        assertThat(d.panel()).extracting(Candidate::kind).contains(MemberKind.EXPERT, MemberKind.DEPARTMENT_HEAD);
        assertThat(d.reserves()).hasSize(2).doesNotContainAnyElementsOf(d.panel());
        assertThat(draws.replay(d.id())).isEqualTo(new PanelDraw.Result(d.panel(), d.reserves()));
        assertThat(PanelDraw.pick(d.seed(), d.candidates(), d.rule()).panel()).isEqualTo(d.panel());
        assertThat(d.superseded()).isFalse();
    }

    @Test
    void shouldRefuseAShortDrawNamingTheKindOrTheFieldAndStoreNothing() {
        Fixture f = roundWithProject();
        long before = drawCount();
        PanelRule twoHeads = new PanelRule(3, Map.of(MemberKind.DEPARTMENT_HEAD, 2), 2, 5);
        assertThatThrownBy(() -> draws.draw(f.roundId(), f.projectId(), twoHeads, BUREAU, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("minimum.DEPARTMENT_HEAD",
                                "评审领域「设备奖补」回避后可抽取的相关部门负责人不足:至少需要 2 名,仅有 1 名")));
        PanelRule tooLarge = new PanelRule(7, Map.of(), 2, 5);
        assertThatThrownBy(() -> draws.draw(f.roundId(), f.projectId(), tooLarge, BUREAU, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("category", "评审领域「设备奖补」(EQUIPMENT)回避后可抽取的成员不足:需要 9 名"
                                + "(评审 7 名、候补 2 名),仅有 8 名")));
        assertThat(drawCount()).isEqualTo(before);
    }

    @Test
    void shouldRedrawOnlyWithAReasonKeepingTheOldDrawSuperseded() {
        Fixture f = roundWithProject();
        DrawRecord first = draws.draw(f.roundId(), f.projectId(), RULE, BUREAU, null);
        assertThatThrownBy(() -> draws.draw(f.roundId(), f.projectId(), RULE, BUREAU, "再抽一次"))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining("重新抽取须说明原因");
        assertThatThrownBy(() -> draws.redraw(first.id(), RULE, BUREAU, " "))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("reason"));

        DrawRecord second = draws.redraw(first.id(), RULE, BUREAU, "抽中专家临时出国,无法参加评审");

        assertThat(second.reason()).isEqualTo("抽中专家临时出国,无法参加评审");
        assertThat(second.superseded()).isFalse();
        List<DrawRecord> all = draws.ofRound(f.roundId(), BUREAU);
        assertThat(all).extracting(DrawRecord::id).containsExactly(first.id(), second.id());
        DrawRecord old = all.get(0);
        assertThat(old.superseded()).isTrue();
        assertThat(old.supersededBy()).isEqualTo(second.id());
        assertThat(old.panel()).isEqualTo(first.panel());
        assertThat(old.seed()).isEqualTo(first.seed());
        assertThat(draws.replay(old.id())).isEqualTo(new PanelDraw.Result(first.panel(), first.reserves()));
        assertThatThrownBy(() -> draws.redraw(first.id(), RULE, BUREAU, "又一次"))
                .isInstanceOf(StepRefusedException.class);
    }

    @Test
    void shouldLetOnlyTheBureauAndTheSystemDrawAndOnlyForAProjectOfTheRound() {
        Fixture f = roundWithProject();
        Fixture other = roundWithProject();
        long before = drawCount();
        for (Actor a : List.of(new Actor("liaocheng-owner", List.of("liaocheng-owner"), List.of(J)),
                new Actor("liaocheng-expert-1", List.of("liaocheng-experts"), List.of(J)),
                new Actor("hekou-bureau", List.of("hekou-bureau"), List.of("hekou")))) {
            assertThatThrownBy(() -> draws.draw(f.roundId(), f.projectId(), RULE, a, null))
                    .as(a.userId()).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> draws.draw(f.roundId(), other.projectId(), RULE, BUREAU, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("projectId"));
        assertThat(drawCount()).isEqualTo(before);
        assertThat(draws.draw(f.roundId(), f.projectId(), RULE, Actor.system(), null).drawnBy()).isEqualTo("system");
    }

    @Test
    void shouldShowTheRoundsDrawsToItsBureauOwnerAndAdministratorOnly() {
        Fixture f = roundWithProject();
        DrawRecord d = draws.draw(f.roundId(), f.projectId(), RULE, BUREAU, null);
        String path = "/api/rounds/" + f.roundId() + "/draws";
        for (String user : List.of("liaocheng-bureau", "liaocheng-owner", "admin")) {
            Response r = rest.get(user, path);
            assertThat(r.status()).as(user).isEqualTo(200);
            assertThat(r.body().size()).isEqualTo(1);
            assertThat(r.body().at("/0/seed").asText()).isEqualTo(Long.toString(d.seed()));
            assertThat(r.body().at("/0/drawnBy").asText()).isEqualTo("liaocheng-bureau");
            assertThat(r.body().at("/0/panel").size()).isEqualTo(3);
            assertThat(r.body().at("/0/panel/0/displayName").asText()).isEqualTo(d.panel().get(0).displayName());
            assertThat(r.body().at("/0/candidates").size()).isEqualTo(d.candidates().size());
            assertThat(r.body().at("/0/reserves").size()).isEqualTo(2);
            assertThat(r.body().at("/0/rule/size").asInt()).isEqualTo(3);
        }
        String town = directory.units(J).get(0).groupId();
        for (String user : List.of("liaocheng-ent-1", town, "liaocheng-expert-1", "liaocheng-finance", "liaocheng-rules",
                "hekou-bureau", "hekou-owner")) {
            Response r = rest.get(user, path);
            assertThat(r.status()).as(user).isEqualTo(404);
            assertThat(r.text()).doesNotContain(d.panel().get(0).displayName());
        }
        assertThat(rest.get(null, path).status()).isEqualTo(401);
        assertThat(rest.get("liaocheng-bureau", "/api/rounds/999999/draws").status()).isEqualTo(404);
    }
}
