package cn.tcsubsidy.award.quote;

import cn.tcsubsidy.shared.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Turns the terms a table decided into an amount: base × rate rounded half-up to the fen (or the fixed amount),
 * then bounded by the per-project and the per-enterprise cap, with a reason for each cap that cut it. A cluster
 * award is split among the members in proportion to their equipment investment. No rate, cap or threshold lives
 * here: they all come from the tables.
 */
public final class AwardCalculator {

    public AwardQuote compute(QuoteRequest request, AwardTerms terms) {
        BigDecimal base = terms.baseFields().isEmpty() ? null : base(request, terms.baseFields());
        BigDecimal projectCap = money(terms.projectCap());
        BigDecimal enterpriseCap = money(terms.enterpriseCap());
        List<String> reasons = new ArrayList<>(terms.reasons());
        BigDecimal amount = Money.ZERO;
        if (terms.eligible()) {
            if (terms.fixedAmount() != null) {
                amount = Money.round(terms.fixedAmount());
            } else if (base != null && terms.rate() != null) {
                amount = Money.round(base.multiply(terms.rate()));
            } else {
                throw new IllegalStateException("tc-award " + terms.decision()
                        + " found the request eligible but gave neither a fixed amount nor a rate and base");
            }
            String basis = terms.basis() == null ? "" : "(依据:" + terms.basis() + ")";
            if (projectCap != null && amount.compareTo(projectCap) > 0) {
                reasons.add("计算金额 " + Money.format(amount) + " 超过单个项目奖补上限 " + Money.format(projectCap)
                        + ",按上限核减" + basis);
                amount = projectCap;
            }
            if (enterpriseCap != null && amount.compareTo(enterpriseCap) > 0) {
                reasons.add("计算金额 " + Money.format(amount) + " 超过单个企业奖补上限 " + Money.format(enterpriseCap)
                        + ",按上限核减" + basis);
                amount = enterpriseCap;
            }
        } else if (reasons.isEmpty()) {
            throw new IllegalStateException("tc-award " + terms.decision() + " refused the request without a reason");
        }
        List<AwardQuote.Allocation> allocations = request.isCluster() ? split(amount, request.members()) : null;
        return new AwardQuote(terms.eligible(), amount, terms.rate(), base, projectCap, enterpriseCap,
                terms.poolLevel(), allocations, reasons, terms.decision(), terms.basis());
    }

    private static BigDecimal base(QuoteRequest request, List<Figure> fields) {
        return fields.stream().map(request::figure).reduce(Money.ZERO, BigDecimal::add);
    }

    private static BigDecimal money(BigDecimal v) {
        return v == null ? null : Money.round(v);
    }

    /**
     * Splits {@code total} in proportion to the members' equipment investment so that the shares add up to the
     * total exactly: every member gets its share rounded down to the fen, and the fen left over go one each to the
     * members with the largest remainders (ties: the member listed first). The same request always splits the same way.
     */
    static List<AwardQuote.Allocation> split(BigDecimal total, List<ClusterMember> members) {
        BigInteger totalFen = fen(total);
        List<BigInteger> weights = members.stream().map(m -> fen(m.equipmentInvestment())).toList();
        BigInteger weightSum = weights.stream().reduce(BigInteger.ZERO, BigInteger::add);
        if (weightSum.signum() == 0) {
            if (totalFen.signum() != 0) {
                throw new IllegalStateException("cannot split " + total + " among members without equipment investment");
            }
            return members.stream().map(m -> new AwardQuote.Allocation(m.enterprise(), Money.ZERO)).toList();
        }
        BigInteger[] shares = new BigInteger[members.size()];
        BigInteger[] remainders = new BigInteger[members.size()];
        BigInteger handedOut = BigInteger.ZERO;
        for (int i = 0; i < members.size(); i++) {
            BigInteger[] qr = totalFen.multiply(weights.get(i)).divideAndRemainder(weightSum);
            shares[i] = qr[0];
            remainders[i] = qr[1];
            handedOut = handedOut.add(qr[0]);
        }
        int leftover = totalFen.subtract(handedOut).intValueExact();
        IntStream.range(0, members.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i))
                .limit(leftover)
                .forEach(i -> shares[i] = shares[i].add(BigInteger.ONE));
        List<AwardQuote.Allocation> result = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            result.add(new AwardQuote.Allocation(members.get(i).enterprise(), new BigDecimal(shares[i], 2)));
        }
        return result;
    }

    private static BigInteger fen(BigDecimal yuan) {
        return yuan == null ? BigInteger.ZERO : Money.round(yuan).movePointRight(2).toBigIntegerExact();
    }
}
