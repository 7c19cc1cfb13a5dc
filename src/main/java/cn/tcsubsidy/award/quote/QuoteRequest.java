package cn.tcsubsidy.award.quote;

import cn.tcsubsidy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an award quote is asked for: the project's figures and the enterprise's standing on the application date.
 * A figure absent from {@code figures} counts as zero but is not "given" (the consistency checks only compare given
 * figures with the total). The process builds one from a project; the API reads one from JSON.
 *
 * @param expertScore optional; without it the tables apply the policy's maximum rate
 * @param county      Huanggang: the county (recommending unit) whose annual scheme applies
 * @param members     CLUSTER only: the community's members; their equipment investment is the cluster's
 */
public record QuoteRequest(String jurisdiction, String category, LocalDate applicationDate,
                           Map<Figure, BigDecimal> figures, String mujuanClass, boolean echelonListed,
                           boolean superiorFunded, String certificationLevel, BigDecimal expertScore, String county,
                           List<ClusterMember> members) {

    /** The category whose award is split among the members of a retrofit community. */
    public static final String CLUSTER = "CLUSTER";

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
}
