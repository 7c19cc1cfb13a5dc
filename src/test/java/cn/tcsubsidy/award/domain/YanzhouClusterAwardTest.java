package cn.tcsubsidy.award.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.award.ledger.AwardRefusedException;
import cn.tcsubsidy.project.domain.NewProject;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.support.StageFixture;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Yanzhou through the stage services on its real tables and the ledger: a retrofit community's award (强链条壮集群,
 * 济兖政字〔2020〕14号 四.3) quoted per member (四.4: A +1 point, D nothing) and booked to each member as its own
 * award; the community's lead may have two projects a year, a third only with the bureau's written reason (五.3
 * 原则上每年只能申报一个项目).
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-yanzhou-cluster;DB_CLOSE_DELAY=-1",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class YanzhouClusterAwardTest {

    static final Actor BUREAU = new Actor("yanzhou-bureau", List.of("yanzhou-bureau"), List.of("yanzhou"));
    static final String LEAD = CreditCode.withCheckCharacter("91370882MA3C00001");
    static final String SME = CreditCode.withCheckCharacter("91370882MA3C00002");
    static final String D_RATED = CreditCode.withCheckCharacter("91370882MA3C00003");

    @Autowired AwardCases cases;
    @Autowired AwardDecisionService decisions;
    @Autowired ProjectRepository projects;
    @Autowired ProjectHistory history;
    @Autowired JdbcClient jdbc;

    long round;
    int filed;

    @BeforeEach
    void round() {
        if (round == 0) {
            jdbc.sql("""
                    insert into review_round (jurisdiction_code, round_year, recommendation_deadline, completed_before,
                      status, opened_by, opened_at) values ('yanzhou', 2022, DATE '2022-11-30', DATE '2021-12-31',
                      'LIST_DECISION', 'test', CURRENT_TIMESTAMP)
                    """).update();
            round = jdbc.sql("select id from review_round where jurisdiction_code = 'yanzhou' and round_year = 2022")
                    .query(Long.class).single();
            StageFixture.budget(jdbc, "yanzhou", "yanzhou", 2022, new BigDecimal("20000000"));
        }
    }

    long project(String category, long equipment) {
        long id = projects.insert(new NewProject("yanzhou", "gulou", "兖州区示范机械有限公司", LEAD,
                String.format("2021-370812-34-03-%06d", ++filed), "共同体技术改造" + filed, category,
                BigDecimal.valueOf(equipment + 1_000_000), BigDecimal.valueOf(equipment), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, null, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 9, 30)), Stage.IN_PROGRESS, "yanzhou-ent-1");
        projects.recordCompletion(id, LocalDate.of(2021, 9, 30), BigDecimal.valueOf(equipment + 1_000_000),
                BigDecimal.valueOf(equipment), BigDecimal.ZERO, BigDecimal.ZERO);
        jdbc.sql("""
                insert into project_award_facts (project_id, robot_investment, informatization_investment,
                  national_funding, purchase_price, mujuan_class, echelon_listed, superior_funded, equipment_for_award)
                values (:p, 0, 0, 0, 0, 'B', false, false, :e)
                """).param("p", id).param("e", BigDecimal.valueOf(equipment)).update();
        projects.setRound(id, round);
        projects.setExpertScore(id, BigDecimal.valueOf(85));
        projects.setStage(id, Stage.AWARD_DECISION);
        return id;
    }

    void member(long projectId, int row, String name, String creditCode, long equipment, boolean sme, String mujuan) {
        jdbc.sql("""
                insert into project_cluster_member (project_id, row_no, member_name, credit_code, equipment_investment,
                  sme, mujuan_class, echelon_listed) values (:p, :r, :n, :c, :e, :s, :m, false)
                """).param("p", projectId).param("r", row).param("n", name).param("c", creditCode)
                .param("e", BigDecimal.valueOf(equipment)).param("s", sme).param("m", mujuan).update();
    }

    List<String> awards(long projectId) {
        return jdbc.sql("select credit_code || ':' || status || ':' || granted_amount from award where project_id = :p order by credit_code")
                .param("p", projectId).query(String.class).list();
    }

    void propose(long projectId, long amount, String override) {
        Map<String, Object> values = new java.util.HashMap<>(Map.of("awardDecision", "PROPOSE", "proposedAmount", amount,
                "awardOpinion", "列入"));
        if (override != null) {
            values.put("annualLimitOverride", override);
        }
        decisions.decide(projectId, values, BUREAU);
    }

    @Test
    void shouldBookAClusterAwardToEachMemberAndLetItsLeadHaveTwoProjectsAYear() {
        long cluster = project("CLUSTER", 7_000_000);
        member(cluster, 1, "兖州区示范机械有限公司", LEAD, 3_000_000, false, "A");
        member(cluster, 2, "兖州区配套零件有限公司", SME, 2_500_000, true, "B");
        member(cluster, 3, "兖州区低效铸造有限公司", D_RATED, 1_500_000, true, "D");

        // 7,000,000 together (超过500万元), SMEs 4,000,000 (50%以上): the lead rated A 3 % + 1 point, the SME 3 %,
        // the D-rated member nothing: 120,000 + 75,000.
        assertThat(cases.quote(cluster)).contains("195,000.00 元");
        assertThat(jdbc.sql("select credit_code || ':' || amount from project_award_allocation where project_id = :p order by credit_code")
                .param("p", cluster).query(String.class).list())
                .containsExactly(LEAD + ":120000.00", SME + ":75000.00", D_RATED + ":0.00");
        propose(cluster, 195_000, null);
        assertThat(awards(cluster)).containsExactly(LEAD + ":PROPOSED:120000.00", SME + ":PROPOSED:75000.00");
        assertThat(projects.get(cluster).proposedAmount()).isEqualByComparingTo("195000");

        // Paid to each member its granted share, in one payment of the total; recovered in proportion to what each got.
        assertThatThrownBy(() -> cases.paid(cluster, new BigDecimal("190000"), BUREAU))
                .isInstanceOf(cn.tcsubsidy.shared.ValidationException.class).hasMessageContaining("195,000.00 元");
        assertThat(awards(cluster)).as("nothing paid on a refusal")
                .containsExactly(LEAD + ":PROPOSED:120000.00", SME + ":PROPOSED:75000.00");
        cases.paid(cluster, new BigDecimal("195000"), BUREAU);
        assertThat(awards(cluster)).containsExactly(LEAD + ":PAID:120000.00", SME + ":PAID:75000.00");
        cases.requirePaid(cluster, "项目退库");
        cases.recovered(cluster, new BigDecimal("19500"), "绩效未达标", BUREAU);
        assertThat(jdbc.sql("select credit_code || ':' || recovered_amount from award where project_id = :p order by credit_code")
                .param("p", cluster).query(String.class).list()).containsExactly(LEAD + ":12000.00", SME + ":7500.00");

        // The lead's own project the same year: its second, allowed to a community's lead.
        long second = project("EQUIPMENT", 6_000_000);
        assertThat(cases.quote(second)).contains("180,000.00 元");
        propose(second, 180_000, null);
        assertThat(awards(second)).containsExactly(LEAD + ":PROPOSED:180000.00");

        // A third is refused by default, and allowed with the bureau's written reason, kept in the ledger and history.
        long third = project("EQUIPMENT", 5_000_000);
        cases.quote(third);
        assertThatThrownBy(() -> propose(third, 150_000, null)).isInstanceOf(AwardRefusedException.class)
                .hasMessageContaining("原则上");
        assertThat(awards(third)).isEmpty();
        propose(third, 150_000, "该企业承担区级重点产业链延链项目,经局务会研究同意");
        assertThat(jdbc.sql("select annual_limit_override from award where project_id = :p").param("p", third)
                .query(String.class).single()).contains("局务会研究同意");
        assertThat(history.of(third)).anySatisfy(e -> assertThat(e.summary()).contains("不适用“原则上每年只能申报一个项目”"));
    }
}
