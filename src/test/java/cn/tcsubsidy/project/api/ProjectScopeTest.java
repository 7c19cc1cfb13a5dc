package cn.tcsubsidy.project.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectEvent;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.Actor;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectScopeTest {

    static Project project(String jurisdiction, String unit, String filedBy) {
        return project(jurisdiction, unit, filedBy, Stage.COMPLETED, null, null);
    }

    static Project project(String jurisdiction, String unit, String filedBy, Stage stage, BigDecimal expertScore,
                           String rejectionReason) {
        return new Project(1, jurisdiction, unit, "企业", null, null, "项目", "EQUIPMENT", null, null, null, null, null, null,
                null, null, null, stage, null, null, null, null, null, null, expertScore, null, null, null, rejectionReason,
                null, filedBy, null, null);
    }

    static ProjectEvent event(Stage stage, String action, String actor, String summary) {
        return new ProjectEvent(1, stage, action, actor, summary, LocalDateTime.of(2022, 11, 20, 9, 0));
    }

    /** No expert sits on any panel. */
    static final ProjectScope.Seating NOBODY_SEATED = (projectId, expert) -> false;

    static Actor expert(String userId, String jurisdiction) {
        return new Actor(userId, List.of(jurisdiction + "-experts"), List.of(jurisdiction));
    }

    @Test
    void shouldLetBureauReadItsWholeJurisdictionOnly() {
        ProjectScope s = ProjectScope.of(new Actor("hekou-bureau", List.of("hekou-bureau"), List.of("hekou")));
        assertThat(s.allows(project("hekou", "yihe", "x"), NOBODY_SEATED)).isTrue();
        assertThat(s.allows(project("yanzhou", "daan", "x"), NOBODY_SEATED)).isFalse();
        assertThat(s.isReviewer()).isFalse();
    }

    @Test
    void shouldLetFinanceRulesOwnerAndAuditorReadTheirWholeJurisdiction() {
        for (String group : List.of("jiyuan-finance", "jiyuan-rules", "jiyuan-owner", "jiyuan-auditor")) {
            ProjectScope s = ProjectScope.of(new Actor(group, List.of(group), List.of("jiyuan")));
            assertThat(s.allows(project("jiyuan", "huling", "x", Stage.CLOSED, null, null), NOBODY_SEATED)).as(group).isTrue();
            assertThat(s.allows(project("hekou", "yihe", "x"), NOBODY_SEATED)).as(group).isFalse();
        }
    }

    @Test
    void shouldLimitTownToItsUnitAndEnterpriseToItsFilings() {
        ProjectScope town = ProjectScope.of(new Actor("hekou-town-yihe", List.of("hekou-town-yihe"), List.of("hekou")));
        assertThat(town.allows(project("hekou", "yihe", "x"), NOBODY_SEATED)).isTrue();
        assertThat(town.allows(project("hekou", "xinhu", "x"), NOBODY_SEATED)).isFalse();
        ProjectScope ent = ProjectScope.of(new Actor("hekou-ent-1", List.of("hekou-enterprise"), List.of("hekou")));
        assertThat(ent.allows(project("hekou", "yihe", "hekou-ent-1"), NOBODY_SEATED)).isTrue();
        assertThat(ent.allows(project("hekou", "yihe", "hekou-ent-2"), NOBODY_SEATED)).isFalse();
    }

    @Test
    void shouldLetExpertReadTheProjectsWhosePanelItSitsOnInItsJurisdiction() {
        ProjectScope s = ProjectScope.of(expert("jiyuan-expert-2", "jiyuan"));
        assertThat(s.isReviewer()).isTrue();
        assertThat(s.reviewer()).isEqualTo("jiyuan-expert-2");
        ProjectScope.Seating seated = (projectId, expert) -> projectId == 1 && expert.equals("jiyuan-expert-2");
        assertThat(s.allows(project("jiyuan", "huling", "x", Stage.EXPERT_REVIEW, null, null), seated)).isTrue();
        assertThat(s.allows(project("jiyuan", "huling", "x", Stage.FOLLOW_UP, null, null), seated))
                .as("after the review too").isTrue();
        assertThat(s.allows(project("hekou", "yihe", "x", Stage.EXPERT_REVIEW, null, null), seated))
                .as("another jurisdiction's project").isFalse();
    }

    @Test
    void shouldHideFromExpertProjectsWhosePanelItDoesNotSitOn() {
        ProjectScope s = ProjectScope.of(expert("jiyuan-expert-2", "jiyuan"));
        ProjectScope.Seating otherSeated = (projectId, expert) -> expert.equals("jiyuan-expert-1");
        for (Stage stage : Stage.values()) {
            assertThat(s.allows(project("jiyuan", "huling", "x", stage, null, null), otherSeated)).as(stage.name()).isFalse();
        }
    }

    @Test
    void shouldLetAnExpertWhoIsAlsoBureauReadTheWholeJurisdiction() {
        ProjectScope s = ProjectScope.of(new Actor("jiyuan-x", List.of("jiyuan-experts", "jiyuan-bureau"), List.of("jiyuan")));
        assertThat(s.isReviewer()).isFalse();
        assertThat(s.allows(project("jiyuan", "huling", "x", Stage.CLOSED, null, null), NOBODY_SEATED)).isTrue();
    }

    @Test
    void shouldLetNobodyElseReadAnything() {
        ProjectScope none = ProjectScope.of(new Actor("stranger", List.of(), List.of("hekou")));
        assertThat(none.allows(project("hekou", "yihe", "stranger"), NOBODY_SEATED)).isFalse();
        assertThat(ProjectScope.of(new Actor("admin", List.of("camunda-admin"), List.of()))
                .allows(project("jiyuan", "x", "y"), NOBODY_SEATED)).isTrue();
    }
}
