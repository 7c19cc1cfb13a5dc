package cn.tcsubsidy.panel;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.demo.DemoExpertPool;
import cn.tcsubsidy.jurisdiction.AwardCategories;
import cn.tcsubsidy.jurisdiction.Jurisdiction;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.panel.domain.ExpertPool;
import cn.tcsubsidy.panel.domain.MemberKind;
import cn.tcsubsidy.panel.domain.PoolMember;
import cn.tcsubsidy.panel.domain.Recusal;
import cn.tcsubsidy.panel.domain.TieKind;
import cn.tcsubsidy.shared.Actor;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo pool beside the demo projects (the security matrix's context, so the suite starts it once): eight members
 * of all four kinds per jurisdiction covering every category, one of them on the board of the first demo enterprise,
 * who steps aside when a panel is screened for its project.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-security;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=true",
    "camunda.bpm.job-execution.enabled=false"})
class DemoExpertPoolH2Test {

    @Autowired
    ExpertPool pool;
    @Autowired
    JurisdictionDirectory directory;
    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldSeedEveryJurisdictionWithAllKindsAndATieToADemoEnterprise() {
        for (Jurisdiction j : directory.all()) {
            List<PoolMember> members = pool.list(j.code(), true, null, null, Actor.system());
            assertThat(members).as(j.code()).hasSizeGreaterThanOrEqualTo(DemoExpertPool.MEMBERS_PER_JURISDICTION);
            assertThat(members.stream().map(PoolMember::kind).collect(Collectors.toSet()))
                    .isEqualTo(EnumSet.allOf(MemberKind.class));
            assertThat(members.stream().flatMap(m -> m.fields().stream()).collect(Collectors.toSet()))
                    .isEqualTo(AwardCategories.of(j.code()).keySet());

            record Demo(String creditCode, String category) {
            }
            Demo first = jdbc.sql("select credit_code, category from project where jurisdiction_code = :j order by id")
                    .param("j", j.code()).query((rs, i) -> new Demo(rs.getString(1), rs.getString(2))).list().get(0);
            PoolMember board = members.stream().filter(m -> m.userId().equals(j.code() + "-expert-4")).findFirst()
                    .orElseThrow();
            assertThat(board.ties()).anySatisfy(t -> {
                assertThat(t.creditCode()).isEqualTo(first.creditCode());
                assertThat(t.kind()).isEqualTo(TieKind.BOARD);
            });
            Recusal.Screened screened = Recusal.screen(members, first.category(), first.creditCode(), LocalDate.now(), 3);
            assertThat(screened.excluded()).extracting(x -> x.member().userId()).containsExactly(board.userId());
            assertThat(screened.candidates()).hasSizeGreaterThanOrEqualTo(7);
        }
    }
}
