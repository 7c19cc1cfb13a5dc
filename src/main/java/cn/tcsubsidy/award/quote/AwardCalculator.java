package cn.tcsubsidy.award.quote;

import cn.tcsubsidy.shared.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Turns the terms a table decided into an amount: base × rate rounded half-up to the fen (or the fixed amount),
 * then bounded by the per-project and the per-enterprise cap, with a reason for each cap that cut it. Where the
 * table's rate is a ceiling, the rate tc-rate-by-score gave is used within it. A cluster award is computed member by
 * member. No rate, cap or threshold lives here: they all come from the tables.
 */
public final class AwardCalculator {

    /** The rate applied and, where the table's rate is a ceiling, that ceiling. */
    record RateChoice(BigDecimal rate, BigDecimal ceiling) {
    }

    public AwardQuote compute(QuoteRequest request, QuoteContext context, AwardTerms terms) {
        if (request.isCluster()) {
            return computeCluster(request, context, Collections.nCopies(request.members().size(), terms));
        }
        BigDecimal base = terms.baseFields().isEmpty() ? null : base(request, terms.baseFields());
        BigDecimal projectCap = money(terms.projectCap());
        BigDecimal enterpriseCap = money(terms.enterpriseCap());
        List<String> reasons = new ArrayList<>(terms.reasons());
        RateChoice rate = new RateChoice(terms.rate(), terms.scoredRate() ? terms.rate() : null);
        BigDecimal amount = Money.ZERO;
        if (terms.eligible()) {
            rate = rate(terms, reasons);
            if (terms.fixedAmount() != null) {
                amount = Money.round(terms.fixedAmount());
            } else if (base != null && rate.rate() != null) {
                amount = Money.round(base.multiply(rate.rate()));
            } else {
                throw new IllegalStateException("tc-award " + terms.decision()
                        + " found the request eligible but gave neither a fixed amount nor a rate and base");
            }
            amount = cap(amount, projectCap, "单个项目奖补上限", terms, reasons);
            amount = cap(amount, enterpriseCap, "单个企业奖补上限", terms, reasons);
        } else if (reasons.isEmpty()) {
            throw new IllegalStateException("tc-award " + terms.decision() + " refused the request without a reason");
        }
        return new AwardQuote(terms.eligible(), amount, rate.rate(), base, projectCap, enterpriseCap, terms.poolLevel(),
                null, reasons, terms.decision(), terms.basis(), terms.capScope(), rate.ceiling(), terms.rateDecision(),
                context.policyDate(), context.lprDate(), context.awardYear());
    }

    /**
     * A Yanzhou retrofit community's award (强链条壮集群, 济兖政字〔2020〕14号 四、3), from tc-award evaluated once per
     * member: the cluster's figures with that member's standing, so that 四、4 (A-rated or echelon-listed +1
     * percentage point, D-rated not supported) applies member by member. Interpretation, stated in the reasons where
     * it matters: the document says 补助资金按各企业设备投资额度比例分配; with per-member rates each member's share is
     * its own equipment investment × its own rate (0 for a refused member), and when the shares exceed the project cap
     * (最高100万元) they are all scaled down in the same proportion to add up to exactly the cap (largest remainder, to
     * the fen). Reasons common to every member are the cluster's; the others are named after their member.
     *
     * @param memberTerms the terms of each member, in the order of {@code request.members()}
     */
    public AwardQuote computeCluster(QuoteRequest request, QuoteContext context, List<AwardTerms> memberTerms) {
        List<ClusterMember> members = request.members();
        if (members.isEmpty() || memberTerms.size() != members.size()) {
            throw new IllegalArgumentException("a cluster needs one set of terms per member: " + members.size()
                    + " members, " + memberTerms.size() + " terms");
        }
        List<String> common = commonReasons(memberTerms);
        AwardTerms lead = memberTerms.stream().filter(AwardTerms::eligible).findFirst().orElse(memberTerms.get(0));
        BigDecimal projectCap = money(lead.projectCap());
        List<BigDecimal> shares = new ArrayList<>();
        List<RateChoice> rates = new ArrayList<>();
        List<List<String>> memberReasons = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            AwardTerms t = memberTerms.get(i);
            List<String> own = new ArrayList<>(t.reasons());
            own.removeAll(common);
            BigDecimal share = Money.ZERO;
            RateChoice rate = new RateChoice(t.rate(), t.scoredRate() ? t.rate() : null);
            if (t.eligible()) {
                if (t.fixedAmount() != null || !t.baseFields().equals(List.of(Figure.EQUIPMENT_INVESTMENT))) {
                    throw new IllegalStateException("tc-award " + t.decision() + " gave a cluster other terms than a rate"
                            + " on equipmentInvestment: the award is shared by the members' equipment investment");
                }
                rate = rate(t, own);
                share = Money.round(equipment(members.get(i)).multiply(rate.rate()));
                share = cap(share, money(t.enterpriseCap()), "单个企业奖补上限", t, own);
            }
            shares.add(share);
            rates.add(rate);
            memberReasons.add(own);
        }
        boolean eligible = memberTerms.stream().anyMatch(AwardTerms::eligible);
        Set<String> reasons = new LinkedHashSet<>(common);
        for (int i = 0; i < members.size(); i++) {
            for (String r : memberReasons.get(i)) {
                reasons.add("成员 " + members.get(i).enterprise() + ":" + r);
            }
        }
        Set<BigDecimal> distinctRates = new TreeSet<>();
        for (int i = 0; i < members.size(); i++) {
            if (memberTerms.get(i).eligible()) {
                distinctRates.add(rates.get(i).rate());
            }
        }
        if (distinctRates.size() > 1) {
            reasons.add("共同体成员适用的比例不同:各成员奖补 = 本企业设备投资额 × 本企业适用比例(四、4 差异化扶持逐个成员适用;"
                    + "四、3“补助资金按各企业设备投资额度比例分配”按此解释,系本系统的解释)");
        }
        BigDecimal total = shares.stream().reduce(Money.ZERO, BigDecimal::add);
        if (eligible && projectCap != null && total.compareTo(projectCap) > 0) {
            reasons.add("共同体成员应得金额合计 " + Money.format(total) + " 超过单个项目奖补上限 " + Money.format(projectCap)
                    + ",各成员按应得金额同比例核减至上限(“补助资金按各企业设备投资额度比例分配”,系本系统的解释)"
                    + basis(lead));
            shares = split(projectCap, shares);
            total = projectCap;
        }
        if (!eligible && reasons.isEmpty()) {
            throw new IllegalStateException("tc-award " + lead.decision() + " refused the cluster without a reason");
        }
        List<AwardQuote.Allocation> allocations = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            ClusterMember m = members.get(i);
            allocations.add(new AwardQuote.Allocation(m.enterprise(), m.creditCode(), shares.get(i),
                    memberTerms.get(i).eligible(), rates.get(i).rate(), memberReasons.get(i)));
        }
        RateChoice leadRate = rates.get(memberTerms.indexOf(lead));
        return new AwardQuote(eligible, total, distinctRates.size() > 1 ? null : leadRate.rate(),
                request.figure(Figure.EQUIPMENT_INVESTMENT), projectCap, money(lead.enterpriseCap()), lead.poolLevel(),
                allocations, List.copyOf(reasons), lead.decision(), lead.basis(), lead.capScope(), leadRate.ceiling(),
                lead.rateDecision(), context.policyDate(), context.lprDate(), context.awardYear());
    }

    /**
     * The rate to apply: the table's, or where it is a ceiling (scoredRate) the rate tc-rate-by-score gave within it
     * (none: the ceiling; above: cut to the ceiling, with a reason; below: used, with a reason). A negative rate is
     * a broken table, not a quote.
     */
    static RateChoice rate(AwardTerms t, List<String> reasons) {
        if (!t.scoredRate()) {
            return new RateChoice(t.rate(), null);
        }
        BigDecimal ceiling = t.rate();
        if (ceiling == null) {
            throw new IllegalStateException("tc-award " + t.decision() + " gave scoredRate without a rate (ceiling)");
        }
        BigDecimal scored = t.scoreRate();
        if (scored == null) {
            return new RateChoice(ceiling, ceiling);
        }
        if (scored.signum() < 0) {
            throw new IllegalStateException(t.rateDecision() + " gave a negative rate " + scored.toPlainString());
        }
        if (scored.compareTo(ceiling) > 0) {
            reasons.add("按专家评审得分确定的比例 " + percent(scored) + " 超过政策规定的最高比例 " + percent(ceiling)
                    + ",按最高比例计算" + basis(t));
            return new RateChoice(ceiling, ceiling);
        }
        if (scored.compareTo(ceiling) < 0) {
            reasons.add("按专家评审得分确定奖补比例 " + percent(scored) + "(政策规定最高 " + percent(ceiling) + ";评分分档表 "
                    + t.rateDecision().key() + " 第 " + t.rateDecision().version() + " 版,由奖补规则管理员维护)");
        }
        return new RateChoice(scored, ceiling);
    }

    private static BigDecimal cap(BigDecimal amount, BigDecimal cap, String which, AwardTerms t, List<String> reasons) {
        if (cap != null && amount.compareTo(cap) > 0) {
            reasons.add("计算金额 " + Money.format(amount) + " 超过" + which + " " + Money.format(cap) + ",按上限核减"
                    + basis(t));
            return cap;
        }
        return amount;
    }

    private static String basis(AwardTerms t) {
        return t.basis() == null ? "" : "(依据:" + t.basis() + ")";
    }

    private static String percent(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** The reasons every member's evaluation gave: the cluster's own, in the first member's order. */
    private static List<String> commonReasons(List<AwardTerms> memberTerms) {
        List<String> common = new ArrayList<>(memberTerms.get(0).reasons());
        memberTerms.forEach(t -> common.retainAll(t.reasons()));
        return common;
    }

    private static BigDecimal equipment(ClusterMember m) {
        return Objects.requireNonNullElse(m.equipmentInvestment(), Money.ZERO);
    }

    private static BigDecimal base(QuoteRequest request, List<Figure> fields) {
        return fields.stream().map(request::figure).reduce(Money.ZERO, BigDecimal::add);
    }

    private static BigDecimal money(BigDecimal v) {
        return v == null ? null : Money.round(v);
    }

    /**
     * Splits {@code total} in proportion to {@code weights} so that the shares add up to the total exactly: every
     * share is rounded down to the fen, and the fen left over go one each to the largest remainders (ties: the one
     * listed first). The same weights always split the same way.
     */
    public static List<BigDecimal> split(BigDecimal total, List<BigDecimal> weights) {
        BigInteger totalFen = fen(total);
        List<BigInteger> w = weights.stream().map(AwardCalculator::fen).toList();
        BigInteger weightSum = w.stream().reduce(BigInteger.ZERO, BigInteger::add);
        if (weightSum.signum() == 0) {
            if (totalFen.signum() != 0) {
                throw new IllegalStateException("cannot split " + total + " by weights that are all zero");
            }
            return weights.stream().map(x -> Money.ZERO).toList();
        }
        BigInteger[] shares = new BigInteger[w.size()];
        BigInteger[] remainders = new BigInteger[w.size()];
        BigInteger handedOut = BigInteger.ZERO;
        for (int i = 0; i < w.size(); i++) {
            BigInteger[] qr = totalFen.multiply(w.get(i)).divideAndRemainder(weightSum);
            shares[i] = qr[0];
            remainders[i] = qr[1];
            handedOut = handedOut.add(qr[0]);
        }
        int leftover = totalFen.subtract(handedOut).intValueExact();
        IntStream.range(0, w.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i))
                .limit(leftover)
                .forEach(i -> shares[i] = shares[i].add(BigInteger.ONE));
        return IntStream.range(0, w.size()).mapToObj(i -> new BigDecimal(shares[i], 2)).toList();
    }

    private static BigInteger fen(BigDecimal yuan) {
        return yuan == null ? BigInteger.ZERO : Money.round(yuan).movePointRight(2).toBigIntegerExact();
    }
}
