package cn.tcsubsidy.project.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.shared.Actor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectScopeTest {

    static Project project(String jurisdiction, String unit, String filedBy) {
        return new Project(1, jurisdiction, unit, "企业", null, null, "项目", "EQUIPMENT", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, filedBy,
                null, null);
    }

    @Test
    void shouldLetBureauReadItsWholeJurisdictionOnly() {
        ProjectScope s = ProjectScope.of(new Actor("hekou-bureau", List.of("hekou-bureau"), List.of("hekou")));
        assertThat(s.allows(project("hekou", "yihe", "x"))).isTrue();
        assertThat(s.allows(project("yanzhou", "daan", "x"))).isFalse();
    }

    @Test
    void shouldLimitTownToItsUnitAndEnterpriseToItsFilings() {
        ProjectScope town = ProjectScope.of(new Actor("hekou-town-yihe", List.of("hekou-town-yihe"), List.of("hekou")));
        assertThat(town.allows(project("hekou", "yihe", "x"))).isTrue();
        assertThat(town.allows(project("hekou", "xinhu", "x"))).isFalse();
        ProjectScope ent = ProjectScope.of(new Actor("hekou-ent-1", List.of("hekou-enterprise"), List.of("hekou")));
        assertThat(ent.allows(project("hekou", "yihe", "hekou-ent-1"))).isTrue();
        assertThat(ent.allows(project("hekou", "yihe", "hekou-ent-2"))).isFalse();
    }

    @Test
    void shouldLetNobodyElseReadAnything() {
        ProjectScope none = ProjectScope.of(new Actor("stranger", List.of(), List.of("hekou")));
        assertThat(none.allows(project("hekou", "yihe", "stranger"))).isFalse();
        assertThat(ProjectScope.of(new Actor("admin", List.of("camunda-admin"), List.of())).allows(project("jiyuan", "x", "y")))
                .isTrue();
    }
}
