package cn.tcsubsidy.award.quote;

import cn.tcsubsidy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an award quote is asked for: the project's figures, its evidence and the enterprise's standing. A figure
 * absent from {@code figures} counts as zero but is not "given" (the consistency checks only compare given figures
 * with the total). The process builds one from a project; the API reads one from JSON.
 *
 * @param applicationDate     the application (the round's recommendation deadline in the process); picks the award
 *                            year unless {@code awardYear} is given, and the policy or the LPR where the
 *                            jurisdiction's quote date setting says so
 * @param superiorFunded      the legacy checkbox 已获上级专项资金: the tables no longer read it; it stands for one
 *                            provincial funding row of unstated amount ({@link #fundingRows()})
 * @param expertScore         optional; the final panel score (0–100) that tc-rate-by-score reads where the rate is a
 *                            ceiling; without it the tables apply the ceiling
 * @param county              Huanggang: the recommending unit (county) whose annual scheme applies
 * @param members             CLUSTER only: the community's members; their equipment investment is the cluster's
 * @param certificateNo       the certificate or listing behind a fixed award (证书编号)
 * @param certificateDate     its date
 * @param localMade           FIRST_SET: the equipment is made in Jiyuan (购买使用我市……); null = not stated
 * @param listingYear         INNOVATION_CENTER: the year of listing on the city cultivation list
 * @param productionStartDate Jiyuan TECH_RETROFIT: the 投产 date
 * @param otherFunding        the project's other public funding, one row per grant
 * @param creditCode          the applicant's 统一社会信用代码; when known, the jurisdiction's standing list applies
 * @param completionDate      the project's completion (竣工) date, when known
 * @param awardYear           the year whose fund pays (the round's year); null = the year of the application date
 */
public record QuoteRequest(String jurisdiction, String category, LocalDate applicationDate,
                           Map<Figure, BigDecimal> figures, String mujuanClass, boolean echelonListed,
                           boolean superiorFunded, String certificationLevel, BigDecimal expertScore, String county,
                           List<ClusterMember> members, String certificateNo, LocalDate certificateDate,
                           Boolean localMade, Integer listingYear, LocalDate productionStartDate,
                           List<OtherFunding> otherFunding, String creditCode, LocalDate completionDate,
                           Integer awardYear) {

    /** The category whose award is split among the members of a retrofit community. */
    public static final String CLUSTER = "CLUSTER";

    /**
     * A level that funded the project by an unstated amount is passed to the tables as one fen: the tables test
     * whether a level funded the project ({@code > 0}), they never use the sum as an amount.
     */
    static final BigDecimal FUNDED_AMOUNT_NOT_STATED = new BigDecimal("0.01");

    public QuoteRequest {
        EnumMap<Figure, BigDecimal> copy = new EnumMap<>(Figure.class);
        if (figures != null) {
            figures.forEach((f, v) -> {
                if (v != null) {
                    copy.put(f, v);
                }
            });
        }
        figures = Collections.unmodifiableMap(copy);
        members = members == null ? List.of() : List.copyOf(members);
        otherFunding = otherFunding == null ? List.of() : List.copyOf(otherFunding);
    }

    /** The request as it was before issue 7 (figures, standing, county, members); the evidence is left empty. */
    public QuoteRequest(String jurisdiction, String category, LocalDate applicationDate, Map<Figure, BigDecimal> figures,
                        String mujuanClass, boolean echelonListed, boolean superiorFunded, String certificationLevel,
                        BigDecimal expertScore, String county, List<ClusterMember> members) {
        this(jurisdiction, category, applicationDate, figures, mujuanClass, echelonListed, superiorFunded,
                certificationLevel, expertScore, county, members, null, null, null, null, null, List.of(), null, null,
                null);
    }

    public boolean isCluster() {
        return CLUSTER.equals(category);
    }

    public boolean given(Figure f) {
        return figures.containsKey(f) || (f == Figure.EQUIPMENT_INVESTMENT && isCluster() && !members.isEmpty());
    }

    /** The figure in yuan, zero when absent. A cluster's equipment investment is its members' total. */
    public BigDecimal figure(Figure f) {
        if (f == Figure.EQUIPMENT_INVESTMENT && isCluster() && !members.isEmpty()) {
            return membersEquipment(false);
        }
        return figures.getOrDefault(f, Money.ZERO);
    }

    /** The members' equipment investment: all of it, or the SMEs' only. */
    public BigDecimal membersEquipment(boolean smeOnly) {
        return members.stream().filter(m -> !smeOnly || m.sme())
                .map(m -> m.equipmentInvestment() == null ? BigDecimal.ZERO : m.equipmentInvestment())
                .reduce(Money.ZERO, BigDecimal::add);
    }

    /** The year whose fund pays: the one given, else the application's year; null without either. */
    public Integer effectiveAwardYear() {
        if (awardYear != null) {
            return awardYear;
        }
        return applicationDate == null ? null : applicationDate.getYear();
    }

    /** The funding rows the tables see: the rows given, and the legacy checkbox as one provincial row. */
    public List<OtherFunding> fundingRows() {
        if (!superiorFunded) {
            return otherFunding;
        }
        List<OtherFunding> rows = new ArrayList<>(otherFunding);
        rows.add(OtherFunding.superiorFundedCheckbox());
        return List.copyOf(rows);
    }

    /**
     * The sum of the funding of one level, 0 when none; at least {@link #FUNDED_AMOUNT_NOT_STATED} when a row of that
     * level states no amount (the checkbox).
     */
    public BigDecimal otherFunding(String level) {
        BigDecimal sum = Money.ZERO;
        boolean unstated = false;
        for (OtherFunding row : fundingRows()) {
            if (level.equals(row.level())) {
                if (row.amount() == null) {
                    unstated = true;
                } else {
                    sum = sum.add(row.amount());
                }
            }
        }
        return unstated && sum.signum() == 0 ? FUNDED_AMOUNT_NOT_STATED : sum;
    }

    /**
     * The request as one member of a cluster stands: the cluster's figures and members (the tables test the cluster
     * as a whole), with that member's credit code, per-mu class and echelon listing.
     */
    public QuoteRequest forMember(ClusterMember m) {
        return new QuoteRequest(jurisdiction, category, applicationDate, figures, m.mujuanClass(), m.echelonListed(),
                superiorFunded, certificationLevel, expertScore, county, members, certificateNo, certificateDate,
                localMade, listingYear, productionStartDate, otherFunding, m.creditCode(), completionDate, awardYear);
    }
}
