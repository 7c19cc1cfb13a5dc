package cn.tcsubsidy.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.award.ledger.AwardLedger;
import cn.tcsubsidy.evidence.domain.ReportedFacts;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A loan-interest subsidy is paid to the lending bank of the loan it subsidises: a confirmed payee whose
 * entrusted-payment agreement is not the one the completion report recorded is refused when the order is prepared,
 * before anything is written.
 */
class LoanInterestPayeeTest {

    private static final Actor FINANCE = new Actor("hekou-finance", List.of("hekou-finance"), List.of("hekou"));

    private final StageGuard guard = mock(StageGuard.class);
    private final ProjectRepository projects = mock(ProjectRepository.class);
    private final ProjectHistory history = mock(ProjectHistory.class);
    private final PaymentOrders orders = mock(PaymentOrders.class);
    private final PayeeAccounts accounts = mock(PayeeAccounts.class);
    private final AwardCases awards = mock(AwardCases.class);
    private final AwardLedger ledger = mock(AwardLedger.class);
    private final PayeeService payees = mock(PayeeService.class);
    private final ReportedFacts reported = mock(ReportedFacts.class);
    private final PaymentService payment = new PaymentService(guard, projects, history, orders, accounts,
            Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai")), awards, ledger, payees,
            reported, (jurisdiction, category) -> Optional.empty(), (projectId, step) -> { });

    private static Project loanInterestProject() {
        return new Project(7, "hekou", "yihe", "东营市河口区示例化工有限公司", "91370503MA3C5X7Q3G", "2021-370503-34-03-000007",
                "项目", "LOAN_INTEREST", new BigDecimal("9000000"), new BigDecimal("7000000"), BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("8000000"), "中国工商银行东营河口支行", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 10, 1), null,
                Stage.PAYMENT, LocalDate.of(2021, 10, 1), null, null, null, null, 1L, null, new BigDecimal("77000.00"), null,
                null, null, "pi-7", "hekou-ent-1", null, null);
    }

    @Test
    void shouldRefuseAConfirmedPayeeUnderAnotherAgreementThanTheReportedLoans() {
        Project p = loanInterestProject();
        when(guard.enter(anyLong(), any(), any())).thenReturn(p);
        when(payees.confirmedPayee(p)).thenReturn(new PayeeAccount(3, 7, new Payee(PayeeType.BANK, "中国农业银行东营分行",
                "中国农业银行东营分行", "1614000000000099", "WTZF-2025-NEW"), PayeeStatus.CONFIRMED, "hekou-ent-1", null,
                "换行", "hekou-bureau", null, null));
        when(reported.entrustedAgreementNo(7)).thenReturn(Optional.of("WTZF-2021-017"));
        PaymentOrder open = new PaymentOrder(11, 7, 5, "hekou", "hekou", "河口区技术改造专项资金", "91370503MA3C5X7Q3G",
                PaymentOrder.Kind.FULL, new BigDecimal("77000.00"), "核定奖补 77,000.00 元", PaymentOrder.Status.OPEN, null,
                null, null, null, null, null, null, null, null, 0, null);
        when(orders.first(7, PaymentOrder.Status.OPEN)).thenReturn(Optional.of(open));
        when(orders.lock(11)).thenReturn(open);

        assertThatThrownBy(() -> payment.prepare(7, Map.of("paymentVoucherNo", "PZ-1", "paymentDate", "2025-05-30"), FINANCE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> {
                            assertThat(err.field()).isEqualTo(PayeeFields.PAYEE_SUMMARY);
                            assertThat(err.message()).contains("WTZF-2025-NEW", "WTZF-2021-017", "不能拨付");
                        }));
        verify(orders, never()).prepare(anyLong(), anyLong(), any(), any(), any(), any(), any());
        verifyNoInteractions(ledger, awards, history);
    }
}
