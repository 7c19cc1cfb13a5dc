package cn.tcsubsidy.tasks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskCardsTest {

    @Test
    void shouldNameTheProjectItsEnterpriseAndUnit() {
        assertThat(TaskCards.name("专家评审打分", "智能产线改造", "河口甲公司", "河口街道"))
                .isEqualTo("专家评审打分 · 智能产线改造(河口甲公司,河口街道)");
        assertThat(TaskCards.name("专家评审打分", "智能产线改造", null, "河口街道"))
                .isEqualTo("专家评审打分 · 智能产线改造(河口街道)");
        assertThat(TaskCards.name("专家评审打分", "智能产线改造", " ", null)).isEqualTo("专家评审打分 · 智能产线改造");
        assertThat(TaskCards.name("专家评审打分", null, "河口甲公司", "河口街道")).isEqualTo("专家评审打分");
    }

    @Test
    void shouldKeepTheNameWithinTheEnginesColumn() {
        String name = TaskCards.name("审定拟扶持金额", "项".repeat(300), "企".repeat(300), "镇".repeat(300));
        assertThat(name).hasSizeLessThanOrEqualTo(TaskCards.MAX_LENGTH)
                .startsWith("审定拟扶持金额 · " + "项".repeat(TaskCards.MAX_PART - 1) + "…(");
    }

    @Test
    void shouldGiveBackTheStepsOwnName() {
        assertThat(TaskCards.stepName("专家评审打分 · 智能产线改造(河口甲公司,河口街道)")).isEqualTo("专家评审打分");
        assertThat(TaskCards.stepName("截止镇街推荐")).isEqualTo("截止镇街推荐");
        assertThat(TaskCards.stepName(null)).isNull();
        assertThat(TaskCards.roundName("截止镇街推荐", 2026)).isEqualTo("截止镇街推荐 · 2026年度");
        assertThat(TaskCards.roundName("截止镇街推荐", null)).isEqualTo("截止镇街推荐");
    }
}
