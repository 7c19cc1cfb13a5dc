package cn.tcsubsidy.award.ledger;

import static cn.tcsubsidy.award.ledger.LedgerFixture.TEST_YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.award.ledger.AwardRefusedException.Reason;
import cn.tcsubsidy.award.ledger.LedgerFixture.Enterprise;
import cn.tcsubsidy.award.ledger.LedgerFixture.TestProject;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

class AwardLedgerH2Test extends LedgerH2Test {

    private static final Actor BUREAU = new Actor("hekou-bureau", List.of("bureau"), List.of("hekou"));


    // --- per-enterprise caps over the policy's life ---

    @Test
    void shouldCutTheAwardToWhatIsLeftUnderTheEnterpriseCapAndThenRefuse() {
        Enterprise e = fixture.enterprise("hekou");
        reserve(fixture.claim(fixture.project(e)).amount("1000000"));
        reserve(fixture.claim(fixture.project(e)).amount("1000000"));
        reserve(fixture.claim(fixture.project(e)).amount("800000"));

        Reservation cut = reserve(fixture.claim(fixture.project(e)).amount("500000"));

        assertThat(cut.award().requestedAmount()).isEqualTo(new BigDecimal("500000.00"));
        assertThat(cut.award().grantedAmount()).isEqualTo(new BigDecimal("200000.00"));
        assertThat(cut.award().cutReason()).isEqualTo(
                "单个企业奖补累计不超过300万元,已获奖补 2,800,000.00 元,本次申请 500,000.00 元,核减为 200,000.00 元");
        assertThat(ledger.get(cut.awardId()).cutReason()).isEqualTo(cut.award().cutReason());
        assertThat(ledger.awardedToEnterprise("hekou-2020", e.creditCode(), null)).isEqualTo(new BigDecimal("3000000.00"));
        assertRefused(() -> reserve(fixture.claim(fixture.project(e)).amount("0.01")), Reason.ENTERPRISE_CAP_REACHED,
                "单个企业奖补累计不超过300万元", "额度已用完");
    }

    @Test
    void shouldCountAwardsOfEveryYearOfThePolicyAgainstTheCap() {
        Enterprise e = fixture.enterprise("hekou");
        reserve(fixture.claim(fixture.project(e)).year(2020).amount("1000000"));
        reserve(fixture.claim(fixture.project(e)).year(2021).amount("1000000"));

        Reservation third = reserve(fixture.claim(fixture.project(e)).category("LOAN_INTEREST", "DIRECT_SUBSIDY", "LOAN_INTEREST")
                .year(2022).amount("1500000"));

        assertThat(third.award().grantedAmount()).isEqualTo(new BigDecimal("1000000.00"));
    }

    @Test
    void shouldKeepAwardsUnderAnotherPolicyOrEnterpriseOutOfTheCap() {
        Enterprise e = fixture.enterprise("hekou");
        reserve(fixture.claim(fixture.project(e)).amount("1000000").cap("1000000"));
        Enterprise other = fixture.enterprise("hekou");

        Reservation otherEnterprise = reserve(fixture.claim(fixture.project(other)).amount("1000000").cap("1000000"));

        assertThat(otherEnterprise.isCut()).isFalse();
    }

    @Test
    void shouldKeepYanzhouCapsApartPerMeasure() {
        Enterprise e = fixture.enterprise("yanzhou");
        reserve(fixture.claim(fixture.project(e)).year(2021).amount("900000"));

        Reservation informatization = reserve(fixture.claim(fixture.project(e)).year(2022).category("INFORMATIZATION",
                "EQUIPMENT", "ROBOT", "INFORMATIZATION", "CLUSTER").capScope("INFORMATIZATION").cap("500000")
                .amount("400000"));
        Reservation equipment = reserve(fixture.claim(fixture.project(e)).year(2023).amount("300000"));

        assertThat(informatization.isCut()).as("50万元 cap of 信息化提升 ignores 装备升级 awards").isFalse();
        assertThat(equipment.award().grantedAmount()).isEqualTo(new BigDecimal("100000.00"));
        assertThat(equipment.award().cutReason()).startsWith("单个企业奖补累计不超过100万元,已获奖补 900,000.00 元");
    }

    @Test
    void shouldReserveInFullWithoutAnEnterpriseCap() {
        Enterprise e = fixture.enterprise("jiyuan");

        Reservation r = reserve(fixture.claim(fixture.project(e)).cap(null).amount("10000000"));

        assertThat(r.isCut()).isFalse();
        assertThat(r.award().enterpriseCap()).isNull();
    }

    // --- one award per project and category set ---

    @Test
    void shouldRefuseASecondAwardForTheSameProjectAndCategorySet() {
        TestProject p = fixture.project(fixture.enterprise("hekou"));
        Reservation first = reserve(fixture.claim(p).amount("420000"));

        assertRefused(() -> reserve(fixture.claim(p).category("LOAN_INTEREST", "LOAN_INTEREST", "DIRECT_SUBSIDY")),
                Reason.ALREADY_AWARDED, "已有「直接奖补」奖补(编号 " + first.awardId() + ",状态 已拟扶持,金额 420,000.00 元)",
                "同一项目「直接奖补/贷款贴息」奖补只能享受一次");
        Reservation statsEntry = reserve(fixture.claim(p).category("STATS_ENTRY", "STATS_ENTRY").amount("20000"));
        assertThat(statsEntry.award().categorySet()).isEqualTo("STATS_ENTRY");
        assertThat(ledger.liveAwards(p.id(), Set.of("LOAN_INTEREST", "DIRECT_SUBSIDY"))).singleElement()
                .extracting(Award::id).isEqualTo(first.awardId());
    }

    @Test
    void shouldLetTheDatabaseRefuseASecondLiveAwardOfAProject() {
        TestProject p = fixture.project(fixture.enterprise("hekou"));
        Reservation first = reserve(fixture.claim(p));

        assertThatThrownBy(() -> copyAward(first.awardId(), "true", "PROPOSED"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> copyAward(first.awardId(), "true", "PAID"))
                .isInstanceOf(DuplicateKeyException.class);
        copyAward(first.awardId(), "null", "CANCELLED");
        copyAward(first.awardId(), "null", "CANCELLED");
        assertThat(ledger.awardsOf(p.id())).hasSize(3);
    }

    private void copyAward(long id, String live, String status) {
        String paid = "PAID".equals(status) ? "granted_amount" : "null";
        jdbc.sql("insert into award (project_id, jurisdiction_code, credit_code, category, category_set, policy_key,"
                        + " cap_scope, enterprise_cap, cluster_lead, award_year, requested_amount, granted_amount,"
                        + " status, live, paid_amount, recovered_amount, reserved_by, reserved_at, updated_at)"
                        + " select project_id, jurisdiction_code, credit_code, category, category_set, policy_key, cap_scope,"
                        + " enterprise_cap, cluster_lead, award_year, requested_amount, granted_amount, '" + status
                        + "', " + live + ", " + paid + ", 0, 'sql', reserved_at, updated_at from award where id = :id")
                .param("id", id).update();
    }

    @Test
    void shouldLetACancelledAwardBeReservedAgainAndKeepItAsHistory() {
        Enterprise e = fixture.enterprise("hekou");
        TestProject p = fixture.project(e);
        reserve(fixture.claim(fixture.project(e)).amount("2500000"));
        Reservation first = reserve(fixture.claim(p).amount("1000000"));
        assertThat(first.award().grantedAmount()).isEqualTo(new BigDecimal("500000.00"));

        Award cancelled = ledger.cancel(first.awardId(), "公示期异议成立", Actor.system());
        Reservation again = reserve(fixture.claim(p).amount("400000"));

        assertThat(cancelled.status()).isEqualTo(AwardStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("公示期异议成立");
        assertThat(cancelled.committedAmount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(again.isCut()).isFalse();
        assertThat(ledger.awardsOf(p.id())).extracting(Award::status)
                .containsExactly(AwardStatus.CANCELLED, AwardStatus.PROPOSED);
        assertRefused(() -> reserve(fixture.claim(p)), Reason.ALREADY_AWARDED, "已有「直接奖补」奖补");
    }

    // --- Yanzhou: one application per enterprise and year, a cluster's lead two ---

    @Test
    void shouldRefuseASecondYanzhouProjectOfAnEnterpriseInOneYear() {
        Enterprise e = fixture.enterprise("yanzhou");
        TestProject first = fixture.project(e);
        reserve(fixture.claim(first).year(2021).amount("210000"));
        TestProject second = fixture.project(e);

        assertRefused(() -> reserve(fixture.claim(second).year(2021).category("INFORMATIZATION", "EQUIPMENT", "ROBOT",
                        "INFORMATIZATION", "CLUSTER").capScope("INFORMATIZATION").cap("500000")),
                Reason.ANNUAL_LIMIT_REACHED, "济兖政字〔2020〕14号:每个独立法人企业原则上每年只能申报 1 个项目(强链条壮集群牵头企业 2 个)",
                "2021 年度已有项目 " + first.id() + " 获得奖补安排");
        assertThat(reserve(fixture.claim(second).year(2022)).isCut()).isFalse();
    }

    @Test
    void shouldLetAClusterLeadHaveTwoYanzhouProjectsInOneYear() {
        Enterprise lead = fixture.enterprise("yanzhou");
        reserve(fixture.claim(fixture.project(lead)).year(2021).amount("300000"));
        reserve(fixture.claim(fixture.project(lead)).year(2021).clusterLead().category("CLUSTER", "EQUIPMENT", "ROBOT",
                "INFORMATIZATION", "CLUSTER").capScope("CLUSTER").amount("300000"));

        assertRefused(() -> reserve(fixture.claim(fixture.project(lead)).year(2021).clusterLead()),
                Reason.ANNUAL_LIMIT_REACHED, "获得奖补安排");
    }

    @Test
    void shouldCountACancelledYanzhouAwardAsNoApplication() {
        Enterprise e = fixture.enterprise("yanzhou");
        Reservation withdrawn = reserve(fixture.claim(fixture.project(e)).year(2021));
        ledger.cancel(withdrawn.awardId(), "企业撤回申报", Actor.system());

        assertThat(reserve(fixture.claim(fixture.project(e)).year(2021)).award().status()).isEqualTo(AwardStatus.PROPOSED);
    }

    @Test
    void shouldNotLimitProjectsAYearWhereThePolicyHasNoSuchRule() {
        Enterprise e = fixture.enterprise("liaocheng");

        reserve(fixture.claim(fixture.project(e)).year(2022).amount("400000"));
        reserve(fixture.claim(fixture.project(e)).year(2022).amount("400000"));

        assertThat(ledger.awardedToEnterprise("liaocheng", e.creditCode(), null)).isEqualTo(new BigDecimal("800000.00"));
    }

    // --- annual budgets ---

    @Test
    void shouldSeedHekouAndHuanggangBudgetsFromTheirPolicies() {
        for (int year = 2020; year <= 2022; year++) {
            BudgetStatus hekou = ledger.budget("hekou", null, year);
            assertThat(hekou.configured()).isTrue();
            assertThat(hekou.fundName()).isEqualTo("河口区技术改造专项资金");
            assertThat(hekou.amount()).isEqualTo(new BigDecimal("20000000.00"));
        }
        assertThat(ledger.budget("hekou", "hekou", 2023).configured()).isFalse();
        for (int year = 2021; year <= 2026; year++) {
            BudgetStatus city = ledger.budget("huanggang", null, year);
            assertThat(city.configured()).isTrue();
            assertThat(city.fundName()).isEqualTo("黄冈市市级工业技改专项资金");
            assertThat(city.amount()).isEqualTo(new BigDecimal("30000000.00"));
        }
        assertThat(ledger.budget("huanggang", null, 2020).configured()).isFalse();
        for (String j : List.of("yanzhou", "jiyuan", "liaocheng")) {
            assertThat(ledger.budget(j, null, 2021).configured()).isFalse();
        }
    }

    @Test
    void shouldRefuseAnAwardFromAFundWithoutABudgetForTheYear() {
        TestProject p = fixture.project(fixture.enterprise("huanggang"));

        assertRefused(() -> reserve(fixture.claim(p).fund("macheng", 2022).amount("800000")), Reason.BUDGET_MISSING,
                "麻城市工业技改专项资金 2022 年度预算未录入,不能安排奖补");
        assertRefused(() -> reserve(fixture.claim(fixture.project(fixture.enterprise("yanzhou"))).fund("yanzhou", 2021)),
                Reason.BUDGET_MISSING, "兖州区技术改造专项资金 2021 年度预算未录入,不能安排奖补");
        assertThat(ledger.awardsOf(p.id())).isEmpty();
        assertThat(ledger.budget("huanggang", "macheng", 2022).note())
                .isEqualTo("麻城市工业技改专项资金 2022 年度预算未录入,不能安排奖补;请财政局录入该年度预算");

        fixture.budget("huanggang", "macheng", 2022, "5000000");
        Reservation county = reserve(fixture.claim(p).fund("macheng", 2022).amount("800000"));

        assertThat(county.award().fundShares()).containsExactly(java.util.Map.entry("macheng", new BigDecimal("800000.00")));
        assertThat(county.budgetNote()).isEqualTo("麻城市工业技改专项资金 2022 年度预算 5,000,000.00 元,已安排 800,000.00 元,"
                + "剩余 4,200,000.00 元");
    }

    @Test
    void shouldRefuseAnAwardTheBudgetCannotPayWholeWithoutShrinkingIt() {
        String fund = fixture.fund("jiyuan", "1000000");
        Reservation first = reserve(fixture.claim(fixture.project(fixture.enterprise("jiyuan"))).fund(fund, TEST_YEAR)
                .amount("600000"));
        TestProject tooBig = fixture.project(fixture.enterprise("jiyuan"));

        assertRefused(() -> reserve(fixture.claim(tooBig).fund(fund, TEST_YEAR).amount("400000.01")), Reason.BUDGET_INSUFFICIENT,
                "预算余额不足:测试专项资金" + fund + " 2030 年度预算 1,000,000.00 元,已安排 600,000.00 元,剩余 400,000.00 元,"
                        + "不足本次奖补 400,000.01 元;不予核减,请工信局研究决定");
        assertThat(ledger.awardsOf(tooBig.id())).isEmpty();
        Reservation lastFen = reserve(fixture.claim(tooBig).fund(fund, TEST_YEAR).amount("400000"));

        assertThat(first.budgets().get(0).remaining()).isEqualTo(new BigDecimal("400000.00"));
        assertThat(lastFen.budgets().get(0).remaining()).isEqualTo(new BigDecimal("0.00"));
        assertThat(lastFen.budgets().get(0).committed()).isEqualTo(new BigDecimal("1000000.00"));
    }

    @Test
    void shouldChargeTheBudgetWithTheCutAmountNotTheRequest() {
        String fund = fixture.fund("hekou", "1000000");
        Enterprise e = fixture.enterprise("hekou");
        reserve(fixture.claim(fixture.project(e)).fund("hekou", 2022).amount("2900000").cap("3000000"));

        Reservation cut = reserve(fixture.claim(fixture.project(e)).fund(fund, TEST_YEAR).amount("1000000"));

        assertThat(cut.award().grantedAmount()).isEqualTo(new BigDecimal("100000.00"));
        assertThat(cut.budgets().get(0).remaining()).isEqualTo(new BigDecimal("900000.00"));
    }

    @Test
    void shouldRankTheProposedListCountingWhatIsAlreadyCommitted() {
        String fund = fixture.fund("jiyuan", "2000000");
        reserve(fixture.claim(fixture.project(fixture.enterprise("jiyuan"))).fund(fund, TEST_YEAR).amount("700000"));
        TestProject a = fixture.project(fixture.enterprise("jiyuan"));
        TestProject b = fixture.project(fixture.enterprise("jiyuan"));
        TestProject c = fixture.project(fixture.enterprise("jiyuan"));
        TestProject d = fixture.project(fixture.enterprise("jiyuan"));
        List<Candidate> candidates = List.of(
                candidate(fixture.claim(a).fund(fund, TEST_YEAR).amount("800000"), "90", LocalDate.of(2029, 5, 1)),
                candidate(fixture.claim(b).fund(fund, TEST_YEAR).amount("600000"), "85", LocalDate.of(2029, 5, 1)),
                candidate(fixture.claim(c).fund(fund, TEST_YEAR).amount("400000"), "85", LocalDate.of(2029, 4, 1)),
                candidate(fixture.claim(d).fund(fund, TEST_YEAR).amount("100000"), "80", LocalDate.of(2029, 4, 1)));

        ProposedList list = ledger.rank("jiyuan", TEST_YEAR, candidates);

        assertThat(list.budgets().get(fund).committed()).isEqualTo(new BigDecimal("700000.00"));
        assertThat(list.aboveLine()).extracting(RankedProject::projectId).containsExactly(a.id(), c.id());
        assertThat(list.belowLine()).extracting(RankedProject::projectId).containsExactly(b.id(), d.id());
        assertThat(list.belowLine()).allSatisfy(r -> assertThat(r.reason()).startsWith("预算余额不足"));
        assertThat(list.remainingAfterList()).containsEntry(fund, new BigDecimal("100000.00"));

        reserve(fixture.claim(a).fund(fund, TEST_YEAR).amount("800000"));
        ProposedList again = ledger.rank("jiyuan", TEST_YEAR, candidates);
        assertThat(again.aboveLine()).extracting(RankedProject::projectId).containsExactly(a.id(), c.id());
        assertThat(again.remainingAfterList()).containsEntry(fund, new BigDecimal("100000.00"));
        assertThatThrownBy(() -> reserve(fixture.claim(b).fund(fund, TEST_YEAR).amount("600000")))
                .isInstanceOfSatisfying(AwardRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BUDGET_INSUFFICIENT));
    }

    @Test
    void shouldRankEveryCandidateOfAFundWithoutABudgetBelowTheLine() {
        TestProject p = fixture.project(fixture.enterprise("liaocheng"));

        ProposedList list = ledger.rank("liaocheng", 2022,
                List.of(candidate(fixture.claim(p).fund("liaocheng", 2022).amount("99000000"), "70", null)));

        assertThat(list.aboveLine()).isEmpty();
        assertThat(list.remainingAfterList()).isEmpty();
        assertThat(list.belowLine()).singleElement().satisfies(r -> assertThat(r.reason())
                .startsWith("单个企业奖补累计不超过200万元,已获奖补 0.00 元,本次申请 99,000,000.00 元,核减为 2,000,000.00 元")
                .endsWith(";聊城市工业企业技术改造设备奖补资金 2022 年度预算未录入,不能安排奖补;请财政局录入该年度预算"));
    }

    private static Candidate candidate(LedgerFixture.Claim claim, String score, LocalDate completed) {
        return Candidate.quoted(new BigDecimal(score), completed, claim.build());
    }

    // --- payment, clawback, cancellation ---

    @Test
    void shouldFreeWhatWasNotPaidAndKeepRecoveredMoneyCounted() {
        Enterprise e = fixture.enterprise("liaocheng");
        Reservation r = reserve(fixture.claim(fixture.project(e)).amount("1500000"));

        Award paid = ledger.markPaid(r.awardId(), new BigDecimal("1400000"), Actor.system());
        Award recovered = ledger.recover(r.awardId(), new BigDecimal("300000"), "绩效未达标", Actor.system());
        Award recoveredAgain = ledger.recover(r.awardId(), new BigDecimal("100000"), "投资完成率不足", Actor.system());

        assertThat(paid.status()).isEqualTo(AwardStatus.PAID);
        assertThat(paid.paidAmount()).isEqualTo(new BigDecimal("1400000.00"));
        assertThat(recovered.recoveredAmount()).isEqualTo(new BigDecimal("300000.00"));
        assertThat(recoveredAgain.recoveredAmount()).isEqualTo(new BigDecimal("400000.00"));
        assertThat(recoveredAgain.recoveryReason()).contains("追回 300,000.00 元:绩效未达标", "追回 100,000.00 元:投资完成率不足");
        assertThat(ledger.awardedToEnterprise("liaocheng", e.creditCode(), null)).isEqualTo(new BigDecimal("1400000.00"));
        assertThat(reserve(fixture.claim(fixture.project(e)).amount("900000")).award().grantedAmount())
                .isEqualTo(new BigDecimal("600000.00"));
    }

    @Test
    void shouldRefuseTransitionsThatDoNotFitTheAwardsStatus() {
        Reservation r = reserve(fixture.claim(fixture.project(fixture.enterprise("liaocheng"))).amount("500000"));

        assertThatThrownBy(() -> ledger.recover(r.awardId(), BigDecimal.ONE, "追回", Actor.system()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("只有已拨付的奖补可以追回");
        assertThatThrownBy(() -> ledger.markPaid(r.awardId(), new BigDecimal("500000.01"), Actor.system()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("不超过核定奖补金额 500,000.00 元");
        ledger.markPaid(r.awardId(), new BigDecimal("500000"), Actor.system());
        assertThatThrownBy(() -> ledger.cancel(r.awardId(), "撤销", Actor.system()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("奖补已拨付,不能撤销");
        assertThatThrownBy(() -> ledger.markPaid(r.awardId(), BigDecimal.ONE, Actor.system()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("奖补当前为「已拨付」");
        assertThatThrownBy(() -> ledger.recover(r.awardId(), new BigDecimal("500000.01"), "追回", Actor.system()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("累计不超过已拨付金额 500,000.00 元");
        assertThatThrownBy(() -> ledger.cancel(r.awardId(), " ", Actor.system()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("撤销原因不能为空");
    }

    // --- claims the ledger does not accept ---

    @Test
    void shouldRefuseAClaimThatDoesNotMatchItsProjectOrPolicy() {
        TestProject p = fixture.project(fixture.enterprise("hekou"));

        assertThatThrownBy(() -> reserve(fixture.claim(p).creditCode(fixture.enterprise("hekou").creditCode())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("与奖补申请不符");
        assertThatThrownBy(() -> reserve(fixture.claim(p).policy("hekou2020")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("辖区 hekou 未登记奖补政策 hekou2020");
        assertThatThrownBy(() -> reserve(fixture.claim(p).policy("yanzhou-2020")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("未登记奖补政策 yanzhou-2020");
        assertThatThrownBy(() -> reserve(fixture.claim(p).amount("0.004").cap("0").category("DIRECT_SUBSIDY", "LOAN_INTEREST")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(cn.tcsubsidy.shared.FieldError::field)
                        .containsExactly("categorySet", "requestedAmount", "enterpriseCap"));
        assertThatThrownBy(() -> ledger.reserve(fixture.claim(p).build(), new Actor("yz", List.of("bureau"), List.of("yanzhou"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(ledger.reserve(fixture.claim(p).build(), BUREAU).award().reservedBy()).isEqualTo("hekou-bureau");
    }
}
