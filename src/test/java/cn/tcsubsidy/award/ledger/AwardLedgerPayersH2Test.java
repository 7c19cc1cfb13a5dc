package cn.tcsubsidy.award.ledger;

import static cn.tcsubsidy.award.ledger.LedgerFixture.TEST_YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.award.ledger.AwardRefusedException.Reason;
import cn.tcsubsidy.award.ledger.LedgerFixture.Enterprise;
import cn.tcsubsidy.award.ledger.LedgerFixture.TestProject;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.jurisdiction.RecommendingUnit;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who pays (谁受益、谁兑现), each paying fund's share of an award, and the ranking over several funds. */
class AwardLedgerPayersH2Test extends LedgerH2Test {

    /** A year no other test enters Huanggang's budgets for. */
    private static final int SPLIT_YEAR = 2041;
    private static final String CITY_DISTRICT = "市区一体财政体制(比例待按财政文件填写)";

    @Autowired
    Payers payers;
    @Autowired
    JurisdictionDirectory directory;

    // --- who pays ---

    @Test
    void shouldChargeACountysProjectsToTheCountyWhicheverPoolKeepsTheirLedger() {
        assertThat(payers.of("huanggang", "macheng")).singleElement().satisfies(p -> {
            assertThat(p.fundCode()).isEqualTo("macheng");
            assertThat(p.share()).isEqualByComparingTo("1");
            assertThat(p.sample()).isFalse();
            assertThat(p.basis()).contains("谁受益、谁兑现", "县(市、区)部分由各县(市、区)政府负责");
        });
        assertThat(payers.fund("huanggang", "macheng")).get().extracting(Payers.Fund::name).isEqualTo("麻城市工业技改专项资金");
    }

    @Test
    void shouldSplitACityDistrictProjectBetweenTheCityAndItsDistrictOrZone() {
        assertThat(payers.of("huanggang", "huangzhou")).extracting(FundShare::fundCode).containsExactly("huanggang", "huangzhou");
        assertThat(payers.of("huanggang", "gxq")).extracting(FundShare::fundCode).containsExactly("gxq", "huanggang");
        assertThat(payers.of("huanggang", "gxq")).allSatisfy(p -> {
            assertThat(p.share()).isEqualByComparingTo("0.5");
            assertThat(p.sample()).as("the ratio is not in the source").isTrue();
            assertThat(p.basis()).isEqualTo(CITY_DISTRICT);
        });
        assertThat(directory.unit("huanggang", "gxq")).get().extracting(RecommendingUnit::name).isEqualTo("黄冈高新区");
        assertThat(payers.describe("huanggang", payers.of("huanggang", "huangzhou"))).isEqualTo(
                "兑现资金:黄冈市市级工业技改专项资金 50%、黄州区工业技改专项资金 50%(示例比例;依据:" + CITY_DISTRICT + ")");
    }

    @Test
    void shouldPayEveryOtherJurisdictionsProjectsFromItsOwnFund() {
        for (String j : List.of("hekou", "yanzhou", "jiyuan", "liaocheng")) {
            assertThat(directory.units(j)).isNotEmpty().allSatisfy(u -> assertThat(payers.of(j, u.code()))
                    .singleElement().satisfies(p -> assertThat(p.fundCode()).isEqualTo(j)));
        }
    }

    @Test
    void shouldGiveEveryRecommendingUnitPayersWhoseSharesAddUpToOne() {
        for (var j : directory.all()) {
            for (RecommendingUnit u : directory.units(j.code())) {
                assertThat(payers.of(j.code(), u.code()).stream().map(FundShare::share).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .as(u.toString()).isEqualByComparingTo("1");
            }
        }
    }

    @Test
    void shouldRefuseAUnitWithoutPayersOrWhoseSharesDoNotAddUpToOne() {
        String unit = "t" + System.nanoTime() % 1_000_000_000;
        jdbc.sql("insert into recommending_unit (jurisdiction_code, code, name) values ('huanggang', :u, '测试园区')")
                .param("u", unit).update();

        assertThatThrownBy(() -> payers.of("huanggang", unit)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("推荐单位 huanggang/" + unit + " 未登记兑现资金");

        try {
            jdbc.sql("insert into unit_payer values ('huanggang', :u, 'huanggang', 0.5, '测试', true)").param("u", unit).update();
            jdbc.sql("insert into unit_payer values ('huanggang', :u, 'gxq', 0.4, '测试', true)").param("u", unit).update();
            assertThatThrownBy(() -> payers.of("huanggang", unit)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("兑现资金分担比例合计为 0.9,应为 1");
        } finally {
            // The context's database is shared: leave no unit without valid payers behind.
            jdbc.sql("delete from unit_payer where unit_code = :u").param("u", unit).update();
            jdbc.sql("delete from recommending_unit where code = :u").param("u", unit).update();
        }
    }

    // --- each paying fund's share ---

    @Test
    void shouldChargeEachPayingFundItsShareToTheFenAndFollowThePaymentAndTheCancellation() {
        fixture.budget("huanggang", "huanggang", SPLIT_YEAR, "1000000");
        fixture.budget("huanggang", "huangzhou", SPLIT_YEAR, "1000000");
        Enterprise e = fixture.enterprise("huanggang");
        TestProject p = fixture.project(e, "huangzhou");
        List<FundShare> split = payers.of("huanggang", "huangzhou");

        Reservation r = ledger.reserve(fixture.claim(p).payers(split, SPLIT_YEAR).amount("100000.01").build(), Actor.system());

        assertThat(r.award().fundShares()).containsExactly(Map.entry("huanggang", new BigDecimal("50000.01")),
                Map.entry("huangzhou", new BigDecimal("50000.00")));
        assertThat(r.budgets()).extracting(BudgetStatus::fundCode).containsExactly("huanggang", "huangzhou");
        assertThat(r.budgetNote()).isEqualTo("黄冈市市级工业技改专项资金 " + SPLIT_YEAR + " 年度预算 1,000,000.00 元,已安排 50,000.01 元,"
                + "剩余 949,999.99 元;黄州区工业技改专项资金 " + SPLIT_YEAR + " 年度预算 1,000,000.00 元,已安排 50,000.00 元,剩余 950,000.00 元");

        Award paid = ledger.markPaid(r.awardId(), new BigDecimal("90000.03"), Actor.system());
        assertThat(paid.fundShares()).containsExactly(Map.entry("huanggang", new BigDecimal("45000.02")),
                Map.entry("huangzhou", new BigDecimal("45000.01")));
        assertThat(ledger.budget("huanggang", "huanggang", SPLIT_YEAR).committed()).isEqualTo(new BigDecimal("45000.02"));
        assertThat(ledger.budget("huanggang", "huangzhou", SPLIT_YEAR).committed()).isEqualTo(new BigDecimal("45000.01"));

        TestProject other = fixture.project(fixture.enterprise("huanggang"), "huangzhou");
        Reservation withdrawn = ledger.reserve(fixture.claim(other).payers(split, SPLIT_YEAR).amount("200000").build(),
                Actor.system());
        ledger.cancel(withdrawn.awardId(), "公示期异议成立", Actor.system());
        assertThat(ledger.budget("huanggang", "huangzhou", SPLIT_YEAR).committed()).as("a cancelled award counts no more")
                .isEqualTo(new BigDecimal("45000.01"));
        assertThat(ledger.get(withdrawn.awardId()).fundShares()).as("kept as its record")
                .containsEntry("huangzhou", new BigDecimal("100000.00"));
    }

    @Test
    void shouldRefuseWhenAnyPayingFundCannotPayItsShareOrHasNoBudget() {
        String big = fixture.fund("huanggang", "1000000");
        String small = fixture.fund("huanggang", "30000");
        List<FundShare> split = List.of(new FundShare(big, new BigDecimal("0.6"), "测试", true),
                new FundShare(small, new BigDecimal("0.4"), "测试", true));
        TestProject p = fixture.project(fixture.enterprise("huanggang"));

        assertThatThrownBy(() -> ledger.reserve(fixture.claim(p).payers(split, TEST_YEAR).amount("100000").build(), Actor.system()))
                .isInstanceOfSatisfying(AwardRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BUDGET_INSUFFICIENT);
                    assertThat(e.explanation()).isEqualTo("预算余额不足:测试专项资金" + small + " 2030 年度预算 30,000.00 元,已安排 0.00 元,"
                            + "剩余 30,000.00 元,不足本次奖补中该资金分担的 40,000.00 元;不予核减,请工信局研究决定");
                });
        List<FundShare> unbudgeted = List.of(new FundShare(big, new BigDecimal("0.5"), "测试", true),
                new FundShare("gxq", new BigDecimal("0.5"), "测试", true));
        assertThatThrownBy(() -> ledger.reserve(fixture.claim(p).payers(unbudgeted, TEST_YEAR).build(), Actor.system()))
                .isInstanceOfSatisfying(AwardRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BUDGET_MISSING);
                    assertThat(e.explanation()).startsWith("黄冈高新区工业技改专项资金 2030 年度预算未录入,不能安排奖补");
                });
        assertThat(ledger.awardsOf(p.id())).isEmpty();
        assertThat(ledger.budget("huanggang", big, TEST_YEAR).committed()).isEqualTo(new BigDecimal("0.00"));
    }

    // --- the ranking never breaks on one project ---

    @Test
    void shouldRankAtTheAmountThatWouldBeProposedAndPlaceIneligibleProjectsBelowTheLine() {
        String fund = fixture.fund("hekou", "2000000");
        Enterprise e = fixture.enterprise("hekou");
        ledger.reserve(fixture.claim(fixture.project(e)).fund(fund, TEST_YEAR).amount("1000000").build(), Actor.system());
        ledger.reserve(fixture.claim(fixture.project(e)).amount("1800000").build(), Actor.system());
        TestProject cut = fixture.project(e);
        TestProject refused = fixture.project(fixture.enterprise("hekou"));
        TestProject next = fixture.project(fixture.enterprise("hekou"));

        ProposedList list = ledger.rank("hekou", TEST_YEAR, List.of(
                Candidate.quoted(new BigDecimal("90"), null, fixture.claim(cut).fund(fund, TEST_YEAR).amount("1000000").build()),
                Candidate.ineligible(refused.id(), new BigDecimal("95"), null, "已享受上级专项资金奖补扶持的,区级不再奖补"),
                Candidate.quoted(new BigDecimal("80"), null, fixture.claim(next).fund(fund, TEST_YEAR).amount("800000").build())));

        assertThat(list.ranked()).extracting(RankedProject::projectId).containsExactly(refused.id(), cut.id(), next.id());
        assertThat(list.ranked().get(0).reason()).endsWith("已享受上级专项资金奖补扶持的,区级不再奖补");
        assertThat(list.ranked().get(1)).satisfies(r -> {
            assertThat(r.aboveLine()).isTrue();
            assertThat(r.proposedAmount()).as("2,800,000 of the 3,000,000 cap already taken").isEqualTo(new BigDecimal("200000.00"));
            assertThat(r.reason()).isEqualTo("单个企业奖补累计不超过300万元,已获奖补 2,800,000.00 元,本次申请 1,000,000.00 元,"
                    + "核减为 200,000.00 元");
        });
        assertThat(list.ranked().get(2).aboveLine()).as("the cut left room for it").isTrue();
        assertThat(list.aboveLineTotal()).isEqualTo(new BigDecimal("1000000.00"));
        assertThat(list.remainingAfterList()).containsEntry(fund, new BigDecimal("0.00"));
    }

    @Test
    void shouldRefuseToRankAProjectWithoutAQuoteNamingIt() {
        TestProject quoted = fixture.project(fixture.enterprise("jiyuan"));
        TestProject missing = fixture.project(fixture.enterprise("jiyuan"));
        String name = jdbc.sql("select project_name from project where id = :id").param("id", missing.id())
                .query(String.class).single();

        assertThatThrownBy(() -> ledger.rank("jiyuan", 2021, List.of(
                Candidate.quoted(new BigDecimal("90"), null, fixture.claim(quoted).build()),
                Candidate.unquoted(missing.id(), new BigDecimal("80"), null))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(f -> assertThat(f.message()).isEqualTo("项目「" + name + "」(编号 " + missing.id()
                                + ")没有奖补测算结果,不能参加预算排序;请查明原因、完成测算后重试")));
    }
}
