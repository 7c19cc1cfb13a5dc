package cn.tcsubsidy.award.ledger;

import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits an amount between paying funds to the fen by largest remainder: each fund gets its share rounded down to the
 * fen, and the fen left over go one each to the funds with the largest remainders (ties: lower fund code first), so
 * the parts always add up to the amount exactly.
 */
final class FundSplit {

    private FundSplit() {
    }

    /** Each fund's part of {@code amount}, by fund code; a fund whose part is 0.00 is still listed. */
    static Map<String, BigDecimal> of(BigDecimal amount, List<FundShare> payers) {
        BigDecimal fen = Money.round(amount).movePointRight(2);
        record Part(String fund, BigDecimal floor, BigDecimal remainder) {
        }
        List<Part> parts = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        for (FundShare p : payers) {
            BigDecimal exact = fen.multiply(p.share());
            BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
            parts.add(new Part(p.fundCode(), floor, exact.subtract(floor)));
            given = given.add(floor);
        }
        int left = fen.subtract(given).intValueExact();
        List<Part> byRemainder = parts.stream()
                .sorted(Comparator.comparing(Part::remainder).reversed().thenComparing(Part::fund)).toList();
        Map<String, BigDecimal> result = new TreeMap<>();
        for (int i = 0; i < byRemainder.size(); i++) {
            Part p = byRemainder.get(i);
            BigDecimal f = i < left ? p.floor().add(BigDecimal.ONE) : p.floor();
            result.put(p.fund(), f.movePointLeft(2).setScale(2));
        }
        return result;
    }

    /** What is wrong with a list of payers, if anything: none, a blank or repeated fund, a share outside (0, 1], or shares not adding up to 1. */
    static List<FieldError> problems(List<FundShare> payers, String field) {
        List<FieldError> errors = new ArrayList<>();
        if (payers == null || payers.isEmpty()) {
            errors.add(new FieldError(field, "兑现资金不能为空"));
            return errors;
        }
        Set<String> seen = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (FundShare p : payers) {
            if (p == null || p.fundCode() == null || p.fundCode().isBlank() || p.fundCode().length() > 32) {
                errors.add(new FieldError(field, "兑现资金代码无效"));
                return errors;
            }
            if (!seen.add(p.fundCode())) {
                errors.add(new FieldError(field, "兑现资金 " + p.fundCode() + " 重复"));
            }
            if (p.share() == null || p.share().signum() <= 0 || p.share().compareTo(BigDecimal.ONE) > 0) {
                errors.add(new FieldError(field, "兑现资金 " + p.fundCode() + " 的分担比例应大于 0 且不超过 1"));
                return errors;
            }
            sum = sum.add(p.share());
        }
        if (sum.compareTo(BigDecimal.ONE) != 0) {
            errors.add(new FieldError(field, "兑现资金分担比例合计为 " + sum.stripTrailingZeros().toPlainString() + ",应为 1"));
        }
        return errors;
    }
}
