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

    static Actor expert(String userId, String jurisdiction) {
        return new Actor(userId, List.of(jurisdiction + "-experts"), List.of(jurisdiction));
    }

    @Test
    void shouldLetBureauReadItsWholeJurisdictionOnly() {
        ProjectScope s = ProjectScope.of(new Actor("hekou-bureau", List.of("hekou-bureau"), List.of("hekou")));
        assertThat(s.allows(project("hekou", "yihe", "x"), List.of())).isTrue();
        assertThat(s.allows(project("yanzhou", "daan", "x"), List.of())).isFalse();
        assertThat(s.isReviewer()).isFalse();
    }

    @Test
    void shouldLetFinanceRulesAndOwnerReadTheirWholeJurisdiction() {
        for (String group : List.of("jiyuan-finance", "jiyuan-rules", "jiyuan-owner")) {
            ProjectScope s = ProjectScope.of(new Actor(group, List.of(group), List.of("jiyuan")));
            assertThat(s.allows(project("jiyuan", "huling", "x", Stage.CLOSED, null, null), List.of())).as(group).isTrue();
            assertThat(s.allows(project("hekou", "yihe", "x"), List.of())).as(group).isFalse();
        }
    }

    @Test
    void shouldLimitTownToItsUnitAndEnterpriseToItsFilings() {
        ProjectScope town = ProjectScope.of(new Actor("hekou-town-yihe", List.of("hekou-town-yihe"), List.of("hekou")));
        assertThat(town.allows(project("hekou", "yihe", "x"), List.of())).isTrue();
        assertThat(town.allows(project("hekou", "xinhu", "x"), List.of())).isFalse();
        ProjectScope ent = ProjectScope.of(new Actor("hekou-ent-1", List.of("hekou-enterprise"), List.of("hekou")));
        assertThat(ent.allows(project("hekou", "yihe", "hekou-ent-1"), List.of())).isTrue();
        assertThat(ent.allows(project("hekou", "yihe", "hekou-ent-2"), List.of())).isFalse();
    }

    @Test
    void shouldLetExpertReadProjectsAwaitingReviewInItsJurisdiction() {
        ProjectScope s = ProjectScope.of(expert("jiyuan-expert-2", "jiyuan"));
        assertThat(s.isReviewer()).isTrue();
        assertThat(s.reviewer()).isEqualTo("jiyuan-expert-2");
        assertThat(s.allows(project("jiyuan", "huling", "x", Stage.EXPERT_REVIEW, null, null), List.of())).isTrue();
        assertThat(s.allows(project("hekou", "yihe", "x", Stage.EXPERT_REVIEW, null, null), List.of()))
                .as("another jurisdiction's review").isFalse();
    }

    @Test
    void shouldHideFromExpertProjectsNotUnderReviewThatOthersReviewed() {
        ProjectScope s = ProjectScope.of(expert("jiyuan-expert-2", "jiyuan"));
        List<ProjectEvent> reviewedByOther = List.of(event(Stage.IN_PROGRESS, "FILED", "jiyuan-ent-1", "备案"),
                event(Stage.EXPERT_REVIEW, "REVIEW_PASSED", "jiyuan-expert-1", "专家评审通过,得分 91.5:好"));
        for (Stage stage : List.of(Stage.IN_PROGRESS, Stage.COMPLETED, Stage.RECOMMENDATION, Stage.REVIEWED,
                Stage.AWARD_DECISION, Stage.PAYMENT, Stage.FOLLOW_UP, Stage.CLOSED, Stage.REJECTED)) {
            assertThat(s.allows(project("jiyuan", "huling", "x", stage, null, null), reviewedByOther)).as(stage.name()).isFalse();
        }
    }

    @Test
    void shouldLetExpertKeepReadingProjectsTheyReviewed() {
        ProjectScope s = ProjectScope.of(expert("jiyuan-expert-1", "jiyuan"));
        List<ProjectEvent> reviewed = List.of(
                event(Stage.EXPERT_REVIEW, "REVIEW_PASSED", "jiyuan-expert-1", "专家评审通过,得分 91.5:好"));
        assertThat(s.allows(project("jiyuan", "huling", "x", Stage.FOLLOW_UP, null, null), reviewed)).isTrue();
        assertThat(ProjectScope.of(expert("jiyuan-expert-1", "hekou"))
                .allows(project("jiyuan", "huling", "x", Stage.FOLLOW_UP, null, null), reviewed))
                .as("only in the expert's jurisdictions").isFalse();
    }

    @Test
    void shouldLetAnExpertWhoIsAlsoBureauReadTheWholeJurisdiction() {
        ProjectScope s = ProjectScope.of(new Actor("jiyuan-x", List.of("jiyuan-experts", "jiyuan-bureau"), List.of("jiyuan")));
        assertThat(s.isReviewer()).isFalse();
        assertThat(s.allows(project("jiyuan", "huling", "x", Stage.CLOSED, null, null), List.of())).isTrue();
    }

    @Test
    void shouldLetNobodyElseReadAnything() {
        ProjectScope none = ProjectScope.of(new Actor("stranger", List.of(), List.of("hekou")));
        assertThat(none.allows(project("hekou", "yihe", "stranger"), List.of())).isFalse();
        assertThat(ProjectScope.of(new Actor("admin", List.of("camunda-admin"), List.of()))
                .allows(project("jiyuan", "x", "y"), List.of())).isTrue();
    }
}
