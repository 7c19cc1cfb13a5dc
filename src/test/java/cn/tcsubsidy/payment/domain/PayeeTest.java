package cn.tcsubsidy.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.FormValues;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a payee from a filing or a change, and what of it a reader without the account is shown. */
class PayeeTest {

    static final String ENTERPRISE = "东营市河口区示例化工有限公司";
    static final String LENDER = "中国工商银行东营河口支行";

    static Map<String, Object> enterpriseAccount(String bank, Object account) {
        Map<String, Object> v = new HashMap<>();
        v.put(PayeeFields.BANK_NAME, bank);
        v.put(PayeeFields.BANK_ACCOUNT, account);
        return v;
    }

    static Map<String, Object> agreement(Object account, String agreementNo) {
        Map<String, Object> v = new HashMap<>();
        v.put(PayeeFields.LOAN_BANK_ACCOUNT, account);
        v.put(PayeeFields.AGREEMENT_NO, agreementNo);
        return v;
    }

    /** The refusals of reading {@code values}, as field → message; the payee read must then be null. */
    static Map<String, String> refusals(Map<String, Object> values, boolean loanInterest) {
        FormValues f = new FormValues(values);
        Payee p = Payee.read(f, loanInterest, ENTERPRISE, loanInterest ? LENDER : null);
        Map<String, String> byField = new HashMap<>();
        for (FieldError e : f.errors()) {
            byField.merge(e.field(), e.message(), (a, b) -> a + ";" + b);
        }
        assertThat(p == null).as("a payee only when nothing is refused: " + byField).isEqualTo(!byField.isEmpty());
        return byField;
    }

    @Test
    void shouldReadTheEnterprisesAccountHeldInItsOwnName() {
        FormValues f = new FormValues(enterpriseAccount(" 中国银行东营分行 ", "62170000123401234"));
        assertThat(Payee.read(f, false, ENTERPRISE, null))
                .isEqualTo(new Payee(PayeeType.ENTERPRISE, ENTERPRISE, "中国银行东营分行", "62170000123401234", null));
        assertThat(f.valid()).isTrue();
    }

    @Test
    void shouldReadTheLendingBankUnderTheEntrustedPaymentAgreement() {
        FormValues f = new FormValues(agreement("16140012345678", "WTZF-2021-007"));
        assertThat(Payee.read(f, true, ENTERPRISE, LENDER))
                .isEqualTo(new Payee(PayeeType.BANK, LENDER, LENDER, "16140012345678", "WTZF-2021-007"));
    }

    @Test
    void shouldRefuseAccountsThatAreNotEightToThirtyTwoAsciiDigits() {
        for (Object bad : List.of("1234567", "1".repeat(33), "6222 0200 1234", "6222-0200-1234", "62220200123A",
                "６２２２０２００１２３４", "٦٢٢٢٠٢٠٠١٢٣٤", 62220200123456L)) {
            Map<String, String> refused = refusals(enterpriseAccount("中国银行东营分行", bad), false);
            assertThat(refused).as(String.valueOf(bad)).containsOnlyKeys(PayeeFields.BANK_ACCOUNT);
            assertThat(refused.get(PayeeFields.BANK_ACCOUNT)).as("never echoes the number")
                    .doesNotContain(String.valueOf(bad)).contains("银行账号");
        }
        assertThat(refusals(enterpriseAccount("中国银行东营分行", "12345678"), false)).isEmpty();
        assertThat(refusals(enterpriseAccount("中国银行东营分行", "1".repeat(32)), false)).isEmpty();
    }

    @Test
    void shouldRequireBankAndAccountOfTheEnterprise() {
        assertThat(refusals(Map.of(), false)).containsOnlyKeys(PayeeFields.BANK_NAME, PayeeFields.BANK_ACCOUNT)
                .containsEntry(PayeeFields.BANK_NAME, "开户银行不能为空").containsEntry(PayeeFields.BANK_ACCOUNT, "银行账号不能为空");
        assertThat(refusals(enterpriseAccount("\u200b", "62170000123401234"), false))
                .containsEntry(PayeeFields.BANK_NAME, "开户银行不能为空");
    }

    @Test
    void shouldRequireAccountAndAgreementOfTheLendingBank() {
        assertThat(refusals(Map.of(), true)).containsOnlyKeys(PayeeFields.LOAN_BANK_ACCOUNT, PayeeFields.AGREEMENT_NO);
        assertThat(refusals(agreement("16140012345678", "协议\u0007号"), true)).containsOnlyKeys(PayeeFields.AGREEMENT_NO);
    }

    @Test
    void shouldRefuseThePayeeFieldsOfTheOtherKind() {
        Map<String, Object> both = enterpriseAccount("中国银行东营分行", "62170000123401234");
        both.putAll(agreement("16140012345678", "WTZF-2021-007"));
        Map<String, String> asLoanInterest = refusals(both, true);
        assertThat(asLoanInterest).containsOnlyKeys(PayeeFields.BANK_NAME, PayeeFields.BANK_ACCOUNT);
        assertThat(asLoanInterest.values()).allSatisfy(m -> assertThat(m).contains("委托支付协议拨付给贷款银行"));
        Map<String, String> asOther = refusals(both, false);
        assertThat(asOther).containsOnlyKeys(PayeeFields.LOAN_BANK_ACCOUNT, PayeeFields.AGREEMENT_NO);
        assertThat(asOther.values()).allSatisfy(m -> assertThat(m).contains("拨付至企业账户"));
    }

    @Test
    void shouldMaskTheAccountToItsLastFourDigits() {
        Payee enterprise = new Payee(PayeeType.ENTERPRISE, ENTERPRISE, "中国银行东营分行", "62170000123401234", null);
        assertThat(enterprise.masked()).isEqualTo("中国银行东营分行 · 东营市河口区示例化工有限公司 · 账号尾号 1234");
        assertThat(enterprise.toString()).as("no log line carries the account").isEqualTo(enterprise.masked());
        Payee bank = new Payee(PayeeType.BANK, LENDER, LENDER, "16140012345678", "WTZF-2021-007");
        assertThat(bank.masked()).isEqualTo("中国工商银行东营河口支行(贷款银行,委托支付协议 WTZF-2021-007) · 账号尾号 5678");
        assertThat(bank.accountTail()).isEqualTo("5678");
    }
}
