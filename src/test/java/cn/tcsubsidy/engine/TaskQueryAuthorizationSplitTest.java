package cn.tcsubsidy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.Test;

/** The statement rewrite of {@link TaskQueryAuthorizationJoin#split}: its text, its parameters' order, its refusals. */
class TaskQueryAuthorizationSplitTest {

    /** The count statement of 我的待办 as PostgreSQL logged it (Camunda 7.24, CMMN off, the left join set). */
    static final String COUNT = """
            SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_
             from ACT_RU_TASK RES
             left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
             inner join
             ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
             left join
             (
             SELECT A.*
             FROM ACT_RU_AUTHORIZATION A
             WHERE A.TYPE_ < 2
             AND ( A.USER_ID_ in ( ?, '*')
             OR A.GROUP_ID_ IN ( ? )
             )
             AND (
             (
             A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ?
             OR
             A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ?
             )
             )
             )
             AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))
             WHERE (
             1 = 1
             )
             and (
             1 = 1 and
             RES.ASSIGNEE_ = ?
             or
             ( RES.ASSIGNEE_ is null
             and I.TYPE_ = 'candidate'
             and
             (
             I.USER_ID_ = ?
             or
             I.GROUP_ID_ IN
             (
             ?
             )
             ) )
             )
             and (
             (RES.CASE_EXECUTION_ID_ IS NOT NULL)
             OR
             (AUTH.RESOURCE_ID_ IS NOT NULL)
             )
             and (RES.TENANT_ID_ is null
             or RES.TENANT_ID_ in
             (
             ?
             )
             )
             ) countDistinct
            """;

    static List<ParameterMapping> parameters(int n) {
        Configuration c = new Configuration();
        List<ParameterMapping> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(new ParameterMapping.Builder(c, "p" + i, Object.class).build());
        }
        return list;
    }

    static List<String> names(List<ParameterMapping> parameters) {
        return parameters.stream().map(ParameterMapping::getProperty).toList();
    }

    @Test
    void shouldSplitTheJoinIntoThreeEqualitiesWithTheSubSelectsParametersRepeated() {
        TaskQueryAuthorizationJoin.Split s = TaskQueryAuthorizationJoin.split(COUNT, parameters(12)).orElseThrow();
        String sql = s.sql().replaceAll("\\s+", " ");
        assertThat(sql).contains(") AUTH ON (AUTH.RESOURCE_ID_ = RES.ID_) left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A")
                .contains(") AUTH_DEF ON (AUTH_DEF.RESOURCE_ID_ = D.KEY_) left join ( SELECT A.*")
                .contains(") AUTH_ANY ON (AUTH_ANY.RESOURCE_ID_ = '*')")
                .contains("OR (AUTH.RESOURCE_ID_ IS NOT NULL OR AUTH_DEF.RESOURCE_ID_ IS NOT NULL OR AUTH_ANY.RESOURCE_ID_ IS NOT NULL)")
                .doesNotContain(" IN ( RES.ID_");
        assertThat(sql.split("FROM ACT_RU_AUTHORIZATION A", -1)).hasSize(4);
        assertThat(sql.chars().filter(ch -> ch == '?').count()).isEqualTo(12 + 2 * 8);
        // The sub-select's eight parameters (p1–p8) three times, then the rest in their order.
        assertThat(names(s.parameters())).containsExactly("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8",
                "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8",
                "p9", "p10", "p11", "p12");
    }

    @Test
    void shouldLeaveAStatementOfAnyOtherShapeAsTheEngineWroteIt() {
        assertThat(TaskQueryAuthorizationJoin.split("select * from ACT_RU_TASK RES where RES.ID_ = ?", parameters(1)))
                .isEmpty();
        assertThat(TaskQueryAuthorizationJoin.split(COUNT, parameters(11))).as("a parameter count that differs").isEmpty();
        assertThat(TaskQueryAuthorizationJoin.split(COUNT.replace("(AUTH.RESOURCE_ID_ IS NOT NULL)",
                "(AUTH.RESOURCE_ID_ IS NOT NULL) AND AUTH.PERMS_ > 0"), parameters(12))).as("AUTH used elsewhere").isEmpty();
        assertThat(TaskQueryAuthorizationJoin.split(COUNT.replace("(AUTH.RESOURCE_ID_ IS NOT NULL)", "(1 = 1)"),
                parameters(12))).as("no condition on AUTH").isEmpty();
        assertThat(TaskQueryAuthorizationJoin.split(COUNT.replace(" left join\n (\n SELECT A.*", " inner join\n (\n SELECT A.*"),
                parameters(12))).as("an inner join").isEmpty();
        assertThat(TaskQueryAuthorizationJoin.split(COUNT.replace("D.KEY_ , '*'", "D.KEY_"), parameters(12)))
                .as("another IN list").isEmpty();
    }
}
