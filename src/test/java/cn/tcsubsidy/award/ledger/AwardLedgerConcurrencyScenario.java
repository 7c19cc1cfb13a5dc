package cn.tcsubsidy.award.ledger;

import static cn.tcsubsidy.award.ledger.LedgerFixture.TEST_YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.award.ledger.AwardRefusedException.Reason;
import cn.tcsubsidy.award.ledger.LedgerFixture.Enterprise;
import cn.tcsubsidy.award.ledger.LedgerFixture.TestProject;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.shared.Actor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reservations from many threads at once, each in its own transaction, all released together against the same
 * enterprise caps and the same budget. Whatever the interleaving, no cap and no budget may be exceeded, and every
 * attempt must end reserved (cut ones with their reason) or refused with its reason.
 */
abstract class AwardLedgerConcurrencyScenario {

    static final int THREADS = 16;
    static final int RESERVATIONS_PER_THREAD = 6;
    static final int ENTERPRISES = 8;
    static final BigDecimal CAP = new BigDecimal("3000000.00");
    static final BigDecimal BUDGET = new BigDecimal("20000000.00");

    @Autowired
    AwardLedger ledger;
    @Autowired
    ProjectRepository projects;
    @Autowired
    JdbcClient jdbc;

    LedgerFixture fixture;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        fixture = new LedgerFixture(projects, jdbc);
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    /** What one attempt came to: a reservation or a refusal, never anything else. */
    record Outcome(AwardClaim claim, Reservation reservation, AwardRefusedException refusal) {
    }

    @Test
    void shouldKeepEveryEnterpriseCapAndTheBudgetUnderConcurrentReservations() throws Exception {
        String fund = fixture.fund("hekou", BUDGET.toPlainString());
        List<Enterprise> enterprises = new ArrayList<>();
        for (int i = 0; i < ENTERPRISES; i++) {
            enterprises.add(fixture.enterprise("hekou"));
        }
        int attempts = THREADS * RESERVATIONS_PER_THREAD;
        List<AwardClaim> claims = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            // 700,000.00 … 999,999.99: every enterprise asks for about 10 million against its 3 million, and the
            // eight caps together (24 million) exceed the 20 million budget, so caps and budget both bind.
            BigDecimal amount = new BigDecimal(70_000_000L + (i * 7_919_113L) % 30_000_000L).movePointLeft(2);
            TestProject p = fixture.project(enterprises.get(i % ENTERPRISES));
            claims.add(fixture.claim(p).fund(fund, TEST_YEAR).cap(CAP.toPlainString()).amount(amount.toPlainString()).build());
        }

        long started = System.nanoTime();
        List<Outcome> outcomes = race(attempts, claims::get);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        Map<Reason, Integer> refused = new EnumMap<>(Reason.class);
        int reserved = 0;
        int cut = 0;
        for (Outcome o : outcomes) {
            if (o.reservation() != null) {
                reserved++;
                Award a = o.reservation().award();
                assertThat(a.grantedAmount()).isPositive().isLessThanOrEqualTo(a.requestedAmount());
                if (a.isCut()) {
                    cut++;
                    assertThat(a.cutReason()).startsWith("单个企业奖补累计不超过300万元").contains("核减为 " + cn.tcsubsidy.shared.Money.format(a.grantedAmount()));
                } else {
                    assertThat(a.cutReason()).isNull();
                }
            } else {
                refused.merge(o.refusal().reason(), 1, Integer::sum);
                assertThat(o.refusal().explanation()).isNotBlank();
                switch (o.refusal().reason()) {
                    case ENTERPRISE_CAP_REACHED -> assertThat(o.refusal().explanation()).contains("额度已用完");
                    case BUDGET_INSUFFICIENT -> assertThat(o.refusal().explanation()).startsWith("预算余额不足").contains("不予核减");
                    default -> throw new AssertionError("unexpected refusal " + o.refusal().explanation());
                }
            }
        }

        BigDecimal maxEnterpriseSum = BigDecimal.ZERO;
        for (Enterprise e : enterprises) {
            BigDecimal sum = jdbc.sql("select coalesce(sum(granted_amount), 0) from award where credit_code = :c and live = true")
                    .param("c", e.creditCode()).query(BigDecimal.class).single();
            assertThat(sum).as("enterprise %s", e.creditCode()).isLessThanOrEqualTo(CAP);
            maxEnterpriseSum = maxEnterpriseSum.max(sum);
        }
        BigDecimal fundSum = jdbc.sql("select coalesce(sum(granted_amount), 0) from award a join award_fund_share s"
                        + " on s.award_id = a.id where s.fund_code = :f and a.live = true")
                .param("f", fund).query(BigDecimal.class).single();
        long rows = jdbc.sql("select count(*) from award_fund_share where fund_code = :f").param("f", fund)
                .query(Long.class).single();
        assertThat(fundSum).isLessThanOrEqualTo(BUDGET);
        assertThat(ledger.budget("hekou", fund, TEST_YEAR).committed()).isEqualByComparingTo(fundSum);
        assertThat(rows).isEqualTo(reserved);
        assertThat(reserved + refused.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(attempts);
        assertThat(cut).as("some awards were cut to the cap").isPositive();
        assertThat(refused).as("both the caps and the budget refused some").containsKeys(
                Reason.ENTERPRISE_CAP_REACHED, Reason.BUDGET_INSUFFICIENT);

        System.out.printf("LEDGER CONCURRENCY [%s]: threads=%d attempts=%d reserved=%d cut=%d refused=%s "
                        + "maxEnterpriseSum=%s cap=%s fundSum=%s budget=%s durationMs=%d%n",
                database(), THREADS, attempts, reserved, cut, refused, maxEnterpriseSum.toPlainString(),
                CAP.toPlainString(), fundSum.toPlainString(), BUDGET.toPlainString(), millis);
    }

    @Test
    void shouldAwardAProjectOnceWhenManyThreadsReserveItTogether() throws Exception {
        TestProject p = fixture.project(fixture.enterprise("liaocheng"));

        AwardClaim claim = fixture.claim(p).amount("400000").build();

        List<Outcome> outcomes = race(THREADS, i -> claim);

        assertThat(outcomes).filteredOn(o -> o.reservation() != null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.refusal() != null).hasSize(THREADS - 1)
                .allSatisfy(o -> {
                    assertThat(o.refusal().reason()).isEqualTo(Reason.ALREADY_AWARDED);
                    assertThat(o.refusal().explanation()).contains("不重复奖补");
                });
        assertThat(ledger.awardsOf(p.id())).hasSize(1);
    }

    @Test
    void shouldKeepYanzhousOneProjectAYearUnderConcurrentReservations() throws Exception {
        Enterprise e = fixture.enterprise("yanzhou");
        List<TestProject> ps = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            ps.add(fixture.project(e));
        }

        List<AwardClaim> claims = ps.stream().map(p -> fixture.claim(p).year(2022).amount("210000").build()).toList();

        List<Outcome> outcomes = race(THREADS, claims::get);

        assertThat(outcomes).filteredOn(o -> o.reservation() != null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.refusal() != null).hasSize(THREADS - 1)
                .allSatisfy(o -> assertThat(o.refusal().reason()).isEqualTo(Reason.ANNUAL_LIMIT_REACHED));
        long live = jdbc.sql("select count(*) from award where credit_code = :c and award_year = 2022 and live = true")
                .param("c", e.creditCode()).query(Long.class).single();
        assertThat(live).isEqualTo(1);
    }

    @Test
    void shouldKeepEverySplitFundsBudgetAndEachAwardsSharesUnderConcurrentReservations() throws Exception {
        String city = fixture.fund("huanggang", "3000000");
        String district = fixture.fund("huanggang", "1500000");
        String zone = fixture.fund("huanggang", "1500000");
        List<List<FundShare>> splits = List.of(
                List.of(new FundShare(city, new BigDecimal("0.5"), "测试", true), new FundShare(district, new BigDecimal("0.5"), "测试", true)),
                List.of(new FundShare(zone, new BigDecimal("0.3"), "测试", true), new FundShare(city, new BigDecimal("0.7"), "测试", true)));
        int attempts = THREADS * 4;
        List<AwardClaim> claims = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            BigDecimal amount = new BigDecimal(10_000_000L + (i * 7_919_113L) % 20_000_000L + 1).movePointLeft(2);
            claims.add(fixture.claim(fixture.project(fixture.enterprise("huanggang"))).payers(splits.get(i % 2), TEST_YEAR)
                    .amount(amount.toPlainString()).build());
        }

        List<Outcome> outcomes = race(attempts, claims::get);

        assertThat(outcomes).filteredOn(o -> o.refusal() != null)
                .allSatisfy(o -> assertThat(o.refusal().reason()).isEqualTo(Reason.BUDGET_INSUFFICIENT)).isNotEmpty();
        for (Outcome o : outcomes) {
            if (o.reservation() != null) {
                Award a = ledger.get(o.reservation().awardId());
                assertThat(a.fundShares().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                        .as("award %d's shares", a.id()).isEqualByComparingTo(a.grantedAmount());
            }
        }
        for (String fund : List.of(city, district, zone)) {
            BigDecimal shares = jdbc.sql("select coalesce(sum(s.amount), 0) from award_fund_share s join award a"
                    + " on a.id = s.award_id where s.fund_code = :f and a.live = true").param("f", fund).query(BigDecimal.class).single();
            BudgetStatus b = ledger.budget("huanggang", fund, TEST_YEAR);
            assertThat(shares).as(fund).isLessThanOrEqualTo(b.amount());
            assertThat(b.committed()).isEqualByComparingTo(shares);
        }
    }

    @Test
    void shouldPayOneCertificateOnceWhenEnterprisesOfOtherFundsClaimItTogether() throws Exception {
        String certificate = "CERT-" + System.nanoTime();
        List<AwardClaim> claims = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            // A fund each and an enterprise each: no lock is shared, the unique constraint decides.
            String fund = fixture.fund("jiyuan", "1000000");
            claims.add(fixture.claim(fixture.project(fixture.enterprise("jiyuan"))).fund(fund, TEST_YEAR)
                    .category("QUALITY_BRAND", "QUALITY_BRAND").cap(null).certificate(certificate).amount("500000").build());
        }

        List<Outcome> outcomes = race(THREADS, claims::get);

        assertThat(outcomes).filteredOn(o -> o.reservation() != null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.refusal() != null).hasSize(THREADS - 1).allSatisfy(o -> {
            assertThat(o.refusal().reason()).isEqualTo(Reason.CERTIFICATE_USED);
            assertThat(o.refusal().explanation()).contains(certificate, "同一证书只奖补一次");
        });
    }

    @Test
    void shouldKeepAClusterMembersCapWhenItsClustersAndItsOwnProjectsReserveTogether() throws Exception {
        String[] set = {"EQUIPMENT", "ROBOT", "INFORMATIZATION", "CLUSTER"};
        Enterprise member = fixture.enterprise("yanzhou");
        String fund = fixture.fund("yanzhou", "100000000");
        List<List<AwardClaim>> attempts = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            if (i % 2 == 0) {
                LedgerFixture.Claim cluster = fixture.claim(fixture.project(fixture.enterprise("yanzhou"))).fund(fund, TEST_YEAR)
                        .category("CLUSTER", set).capScope("CAP").cap("1000000").amount("300000");
                attempts.add(List.of(cluster.build(), cluster.creditCode(member.creditCode()).build()));
            } else {
                attempts.add(List.of(fixture.claim(fixture.project(member)).fund(fund, TEST_YEAR).category("CLUSTER", set)
                        .capScope("CAP").cap("1000000").amount("300000").annualLimitOverride("测试:不受年度项目数限制").build()));
            }
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (List<AwardClaim> claims : attempts) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return claims.size() > 1 ? ledger.reserveAll(claims, Actor.system()) : ledger.reserve(claims.get(0), Actor.system());
                } catch (AwardRefusedException refused) {
                    return refused;
                }
            }));
        }
        start.countDown();
        for (Future<Object> f : results) {
            assertThat(f.get(2, TimeUnit.MINUTES)).isInstanceOfAny(Reservation.class, Reservations.class,
                    AwardRefusedException.class);
        }

        assertThat(ledger.awardedToEnterprise("yanzhou-2020", member.creditCode(), "CAP"))
                .isEqualByComparingTo("1000000.00");
    }

    abstract String database();

    /**
     * Runs the claims on {@link #THREADS} threads released together; attempt {@code i} goes to thread
     * {@code i % THREADS}, each reservation in a transaction of its own.
     */
    private List<Outcome> race(int attempts, IntFunction<AwardClaim> claimFor) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Outcome>>> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(pool.submit(() -> {
                start.await();
                List<Outcome> mine = new ArrayList<>();
                for (int i = thread; i < attempts; i += THREADS) {
                    AwardClaim c = claimFor.apply(i);
                    try {
                        mine.add(new Outcome(c, ledger.reserve(c, Actor.system()), null));
                    } catch (AwardRefusedException refused) {
                        mine.add(new Outcome(c, null, refused));
                    }
                }
                return mine;
            }));
        }
        start.countDown();
        List<Outcome> all = new ArrayList<>();
        for (Future<List<Outcome>> f : threads) {
            all.addAll(f.get(2, TimeUnit.MINUTES));
        }
        assertThat(all).hasSize(attempts);
        return all;
    }
}
