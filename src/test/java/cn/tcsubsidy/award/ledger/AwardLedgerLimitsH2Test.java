package cn.tcsubsidy.award.ledger;

import static cn.tcsubsidy.award.ledger.LedgerFixture.TEST_YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.award.ledger.AwardRefusedException.Reason;
import cn.tcsubsidy.award.ledger.LedgerFixture.Enterprise;
import cn.tcsubsidy.award.ledger.LedgerFixture.TestProject;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

/**
 * Caps per scope (a cap per Hekou mode, none for 纳统奖励, per year for Jiyuan's innovation centres), one award per
 * certificate, Yanzhou's 原则上 one project a year with the bureau's override, and a cluster paid to each member.
 */
class AwardLedgerLimitsH2Test extends LedgerH2Test {

    private static final String[] HEKOU_MODES = {"DIRECT_SUBSIDY", "LOAN_INTEREST"};
    private static final String[] YANZHOU = {"EQUIPMENT", "ROBOT", "INFORMATIZATION", "CLUSTER"};


    // --- caps per scope ---

    @Test
    void shouldKeepOneHekouCapPerModeAndLetAwardsWithoutACapTakeFromNone() {
        Enterprise e = fixture.enterprise("hekou");
        reserve(fixture.claim(fixture.project(e)).category(HEKOU_MODES[0], HEKOU_MODES).capScope("DIRECT_SUBSIDY")
                .amount("3000000"));

        Reservation loan = reserve(fixture.claim(fixture.project(e)).category("LOAN_INTEREST", HEKOU_MODES)
                .capScope("LOAN_INTEREST").amount("1000000"));
        Reservation stats = reserve(fixture.claim(fixture.project(e)).category("STATS_ENTRY", "STATS_ENTRY").cap(null)
                .capScope("hekou-2020").amount("30000"));
        Reservation pilot = reserve(fixture.claim(fixture.project(e)).category("PILOT_DEMO", "PILOT_DEMO").cap(null)
                .amount("50000"));

        assertThat(loan.isCut()).as("贷款贴息 has its own 300万元").isFalse();
        assertThat(stats.isCut()).isFalse();
        assertThat(stats.award().capScope()).as("NONE: no scope at all").isNull();
        assertThat(pilot.award().capScope()).isNull();
        assertThat(ledger.awardedToEnterprise("hekou-2020", e.creditCode(), "DIRECT_SUBSIDY")).isEqualTo(new BigDecimal("3000000.00"));
        assertThat(ledger.awardedToEnterprise("hekou-2020", e.creditCode(), "LOAN_INTEREST")).isEqualTo(new BigDecimal("1000000.00"));
        assertThat(ledger.awardedToEnterprise("hekou-2020", e.creditCode(), null)).as("uncapped awards take from no cap")
                .isEqualTo(new BigDecimal("0.00"));
        assertRefused(() -> reserve(fixture.claim(fixture.project(e)).category(HEKOU_MODES[0], HEKOU_MODES)
                .capScope("DIRECT_SUBSIDY").amount("1")), Reason.ENTERPRISE_CAP_REACHED, "额度已用完");
    }

    @Test
    void shouldCapAJiyuanInnovationCentrePerYear() {
        Enterprise e = fixture.enterprise("jiyuan");
        String[] centre = {"INNOVATION_CENTER"};
        reserve(fixture.claim(fixture.project(e)).category(centre[0], centre).capScope("INNOVATION_CENTER/2025")
                .cap("5000000").year(2025).amount("5000000"));

        assertRefused(() -> reserve(fixture.claim(fixture.project(e)).category(centre[0], centre)
                .capScope("INNOVATION_CENTER/2025").cap("5000000").year(2025).amount("1")),
                Reason.ENTERPRISE_CAP_REACHED, "单个企业奖补累计不超过500万元");
        assertThat(reserve(fixture.claim(fixture.project(e)).category(centre[0], centre).capScope("INNOVATION_CENTER/2026")
                .cap("5000000").year(2026).amount("5000000")).isCut()).isFalse();
    }

    // --- one certificate is paid once ---

    @Test
    void shouldPayOneCertificateOnceUntilItsAwardIsCancelled() {
        String[] brand = {"QUALITY_BRAND"};
        String certificate = "豫质标-" + System.nanoTime();
        Enterprise e = fixture.enterprise("jiyuan");
        Reservation first = reserve(fixture.claim(fixture.project(e)).category(brand[0], brand).cap(null)
                .certificate(certificate).amount("500000"));

        assertRefused(() -> reserve(fixture.claim(fixture.project(e)).category(brand[0], brand).cap(null)
                        .certificate(certificate).amount("500000")), Reason.CERTIFICATE_USED,
                "证书(认定)编号 " + certificate + " 已用于奖补(编号 " + first.awardId() + ",项目「", "同一证书只奖补一次");
        assertRefused(() -> reserve(fixture.claim(fixture.project(fixture.enterprise("jiyuan"))).category(brand[0], brand)
                .cap(null).certificate(certificate)), Reason.CERTIFICATE_USED, "编号 " + first.awardId());
        assertThat(first.award().certificateNo()).isEqualTo(certificate);

        ledger.cancel(first.awardId(), "证书被撤销后重新认定", Actor.system());
        assertThat(reserve(fixture.claim(fixture.project(e)).category(brand[0], brand).cap(null).certificate(certificate)
                .amount("500000")).award().certificateNo()).isEqualTo(certificate);
    }

    @Test
    void shouldLetTheDatabaseRefuseASecondLiveAwardOnACertificate() {
        String certificate = "CERT-" + System.nanoTime();
        Reservation first = reserve(fixture.claim(fixture.project(fixture.enterprise("jiyuan"))).certificate(certificate));
        TestProject other = fixture.project(fixture.enterprise("jiyuan"));

        assertThatThrownBy(() -> jdbc.sql("""
                insert into award (project_id, jurisdiction_code, credit_code, category, category_set, policy_key,
                  cluster_lead, award_year, requested_amount, granted_amount, certificate_no, status, live,
                  recovered_amount, reserved_by, reserved_at, updated_at)
                select :p, jurisdiction_code, :c, category, category_set, policy_key, false, award_year, requested_amount,
                  granted_amount, certificate_no, 'PROPOSED', true, 0, 'sql', reserved_at, updated_at from award where id = :id
                """).param("p", other.id()).param("c", other.creditCode()).param("id", first.awardId()).update())
                .isInstanceOf(DuplicateKeyException.class);
    }

    // --- Yanzhou: 原则上 one project a year ---

    @Test
    void shouldLetTheBureauLiftYanzhousAnnualLimitWithAWrittenReason() {
        Enterprise e = fixture.enterprise("yanzhou");
        reserve(fixture.claim(fixture.project(e)).year(2022).amount("210000"));
        TestProject second = fixture.project(e);
        String reason = "企业2022年实施两个独立技改项目,经局务会研究同意分别安排(原则上每年一个项目)";

        assertRefused(() -> reserve(fixture.claim(second).year(2022).category("INFORMATIZATION", YANZHOU)
                .capScope("INFORMATIZATION").cap("500000")), Reason.ANNUAL_LIMIT_REACHED, "原则上每年只能申报 1 个项目",
                "确需安排的,由工信局书面说明理由后办理");
        Reservation lifted = reserve(fixture.claim(second).year(2022).category("INFORMATIZATION", YANZHOU)
                .capScope("INFORMATIZATION").cap("500000").annualLimitOverride(reason));

        assertThat(lifted.award().annualLimitOverride()).isEqualTo(reason);
        assertThat(ledger.get(lifted.awardId()).annualLimitOverride()).isEqualTo(reason);
    }

    @Test
    void shouldApplyTheLeadsLimitOfTwoWhenTheEnterpriseLeadsAClusterThatYear() {
        Enterprise lead = fixture.enterprise("yanzhou");
        reserve(fixture.claim(fixture.project(lead)).year(2022).clusterLead().category("CLUSTER", YANZHOU)
                .capScope("CLUSTER").amount("300000"));

        Reservation own = reserve(fixture.claim(fixture.project(lead)).year(2022).clusterLead().amount("200000"));

        assertThat(own.award().clusterLead()).isTrue();
        assertRefused(() -> reserve(fixture.claim(fixture.project(lead)).year(2022).clusterLead()),
                Reason.ANNUAL_LIMIT_REACHED, "(本年度强链条壮集群牵头企业)");
    }

    // --- a cluster paid to each member ---

    @Test
    void shouldPayEachClusterMemberItsShareUnderItsOwnCapAndLeaveOutAMemberWithoutRoom() {
        String fund = fixture.fund("yanzhou", "10000000");
        Enterprise lead = fixture.enterprise("yanzhou");
        Enterprise cut = fixture.enterprise("yanzhou");
        Enterprise full = fixture.enterprise("yanzhou");
        reserve(fixture.claim(fixture.project(cut)).year(2021).capScope("CLUSTER").category("CLUSTER", YANZHOU)
                .amount("900000"));
        reserve(fixture.claim(fixture.project(full)).year(2021).capScope("CLUSTER").category("CLUSTER", YANZHOU)
                .amount("1000000"));
        TestProject cluster = fixture.project(lead);
        LedgerFixture.Claim base = fixture.claim(cluster).fund(fund, TEST_YEAR).clusterLead().capScope("CLUSTER")
                .category("CLUSTER", YANZHOU).amount("300000");
        List<AwardClaim> claims = List.of(base.creditCode(full.creditCode()).build(), base.build(),
                base.creditCode(cut.creditCode()).build());

        Reservations r = ledger.reserveAll(claims, Actor.system());

        assertThat(r.outcomes()).extracting(Reservations.Outcome::creditCode)
                .isSortedAccordingTo(String::compareTo).hasSize(3);
        assertThat(r.of(lead.creditCode())).get().satisfies(o -> assertThat(o.award().grantedAmount())
                .isEqualTo(new BigDecimal("300000.00")));
        assertThat(r.of(cut.creditCode())).get().satisfies(o -> {
            assertThat(o.award().grantedAmount()).isEqualTo(new BigDecimal("100000.00"));
            assertThat(o.award().creditCode()).isEqualTo(cut.creditCode());
            assertThat(o.award().cutReason()).startsWith("单个企业奖补累计不超过100万元,已获奖补 900,000.00 元");
        });
        assertThat(r.of(full.creditCode())).get().satisfies(o -> {
            assertThat(o.reserved()).isFalse();
            assertThat(o.refusal()).isEqualTo(Reason.ENTERPRISE_CAP_REACHED);
            assertThat(o.explanation()).contains("额度已用完");
        });
        assertThat(ledger.liveAwards(cluster.id(), Set.of(YANZHOU))).extracting(Award::creditCode)
                .containsExactlyInAnyOrder(lead.creditCode(), cut.creditCode());
        assertThat(r.budgets()).singleElement().satisfies(b -> assertThat(b.committed()).isEqualTo(new BigDecimal("400000.00")));
        assertRefused(() -> ledger.reserveAll(List.of(base.creditCode(cut.creditCode()).build()), Actor.system()),
                Reason.ALREADY_AWARDED, "已有企业 " + cut.creditCode() + " 的");
    }

    @Test
    void shouldRefuseAClusterWhenEveryMemberIsRefusedOrTheBudgetCannotPayTheSum() {
        Enterprise lead = fixture.enterprise("yanzhou");
        Enterprise member = fixture.enterprise("yanzhou");
        for (Enterprise e : List.of(lead, member)) {
            reserve(fixture.claim(fixture.project(e)).year(2021).capScope("CLUSTER").category("CLUSTER", YANZHOU)
                    .amount("1000000"));
        }
        TestProject cluster = fixture.project(lead);
        LedgerFixture.Claim base = fixture.claim(cluster).year(2022).capScope("CLUSTER").category("CLUSTER", YANZHOU)
                .amount("200000");

        assertRefused(() -> ledger.reserveAll(List.of(base.build(), base.creditCode(member.creditCode()).build()),
                Actor.system()), Reason.ENTERPRISE_CAP_REACHED, "集群各成员均不能安排奖补:成员 ", "额度已用完");

        String small = fixture.fund("yanzhou", "300000");
        TestProject other = fixture.project(fixture.enterprise("yanzhou"));
        Enterprise second = fixture.enterprise("yanzhou");
        LedgerFixture.Claim tight = fixture.claim(other).fund(small, TEST_YEAR).capScope("CLUSTER")
                .category("CLUSTER", YANZHOU).amount("200000");
        assertRefused(() -> ledger.reserveAll(List.of(tight.build(), tight.creditCode(second.creditCode()).build()),
                Actor.system()), Reason.BUDGET_INSUFFICIENT, "不足本次奖补 400,000.00 元");
        assertThat(ledger.awardsOf(other.id())).isEmpty();
    }

    @Test
    void shouldRefuseMemberClaimsThatAreNotOneProjectsOrNameAnEnterpriseTwice() {
        TestProject p = fixture.project(fixture.enterprise("yanzhou"));
        TestProject q = fixture.project(fixture.enterprise("yanzhou"));
        LedgerFixture.Claim base = fixture.claim(p).year(2022).category("CLUSTER", YANZHOU).capScope("CLUSTER");

        assertThatThrownBy(() -> ledger.reserveAll(List.of(base.build(), fixture.claim(q).year(2022).build()), Actor.system()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("同一批奖补申请应属于同一项目");
        assertThatThrownBy(() -> ledger.reserveAll(List.of(base.build(), base.build()), Actor.system()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("在同一项目的奖补申请中出现两次");
        assertThatThrownBy(() -> ledger.reserveAll(List.of(base.build(), base.creditCode("91370000XXXXXXXXX1").build()),
                Actor.system())).isInstanceOf(ValidationException.class).hasMessageContaining("集群成员的统一社会信用代码无效");
        assertThatThrownBy(() -> ledger.reserve(base.creditCode(fixture.enterprise("yanzhou").creditCode()).build(),
                Actor.system())).isInstanceOf(ValidationException.class).hasMessageContaining("与奖补申请不符");
    }
}
