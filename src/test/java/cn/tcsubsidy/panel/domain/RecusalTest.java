package cn.tcsubsidy.panel.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.shared.ValidationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecusalTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    static final String APPLICANT = PanelDrawPropertyTest.code(1);
    static final String OTHER = PanelDrawPropertyTest.code(2);

    static PoolMember member(long id, MemberKind kind, String employer, List<Tie> ties, boolean active, String... fields) {
        return new PoolMember(id, "liaocheng", "u" + id, kind, "成员" + id, List.of(fields), "单位", employer, ties, active, null);
    }

    @Test
    void shouldExcludeTheApplicantsEmployeesAndTiesWithinThreeYearsWithTheReason() {
        List<PoolMember> pool = List.of(
                member(5, MemberKind.EXPERT, APPLICANT, List.of(), true, "EQUIPMENT"),
                member(4, MemberKind.EXPERT, OTHER, List.of(new Tie(APPLICANT, TieKind.BOARD, null)), true, "EQUIPMENT"),
                member(3, MemberKind.EXPERT, null, List.of(new Tie(APPLICANT, TieKind.RELATIVE, TODAY.minusYears(3))), true, "EQUIPMENT"),
                member(2, MemberKind.EXPERT, null, List.of(new Tie(APPLICANT, TieKind.CONSULTING, TODAY.minusYears(3).minusDays(1))), true, "EQUIPMENT"),
                member(1, MemberKind.EXPERT, OTHER, List.of(new Tie(OTHER, TieKind.EMPLOYMENT, null)), true, "EQUIPMENT"),
                member(6, MemberKind.EXPERT, null, List.of(), false, "EQUIPMENT"),
                member(7, MemberKind.EXPERT, null, List.of(), true, "ROBOT"));

        Recusal.Screened s = Recusal.screen(pool, "EQUIPMENT", APPLICANT, TODAY, 3);

        assertThat(s.candidates()).extracting(Candidate::memberId).containsExactly(1L, 2L);
        assertThat(s.excluded()).extracting(e -> e.member().memberId()).containsExactly(3L, 4L, 5L);
        assertThat(s.excluded()).extracting(Recusal.Excluded::reason).containsExactly(
                "回避:常见做法(非政策原文),近 3 年内与申报企业存在关联:亲属关系(至 " + TODAY.minusYears(3) + ")",
                "回避:常见做法(非政策原文),近 3 年内与申报企业存在关联:董事(仍持续)",
                "回避:常见做法(非政策原文),其工作单位即申报企业(统一社会信用代码 " + APPLICANT + ")");
    }

    @Test
    void shouldRefuseNamingTheShortKindAndTheShortField() {
        List<Candidate> candidates = List.of(new Candidate(1, "a", "甲", MemberKind.EXPERT),
                new Candidate(2, "b", "乙", MemberKind.EXPERT), new Candidate(3, "c", "丙", MemberKind.ENTREPRENEUR));
        PanelRule rule = new PanelRule(3, Map.of(MemberKind.THIRD_PARTY, 1), 2, 5);

        assertThatThrownBy(() -> PanelDraw.requireEnough(candidates, rule, "EQUIPMENT", "设备奖补"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).extracting(cn.tcsubsidy.shared.FieldError::field)
                            .containsExactly("minimum.THIRD_PARTY", "category");
                    assertThat(e.errors().get(0).message()).isEqualTo(
                            "评审领域「设备奖补」回避后可抽取的第三方机构不足:至少需要 1 名,仅有 0 名");
                    assertThat(e.errors().get(1).message()).isEqualTo(
                            "评审领域「设备奖补」(EQUIPMENT)回避后可抽取的成员不足:需要 5 名(评审 3 名、候补 2 名),仅有 3 名");
                });
    }
}
