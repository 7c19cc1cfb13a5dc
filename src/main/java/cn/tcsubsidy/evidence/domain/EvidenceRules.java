package cn.tcsubsidy.evidence.domain;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per jurisdiction, which evidence its document requires (table {@code evidence_rule}, data an administrator
 * changes, with the source's words beside each setting): whether the equipment figure is the sum of the VAT
 * purchase invoices (兖州: 以购置增值税发票数额为准), and whether filing needs the statistics direct-report ID.
 */
@Repository
public class EvidenceRules {

    /**
     * @param equipmentBasis  the source's words (or the reason for the default) behind {@code equipmentFromInvoices}
     * @param statisticsBasis the same for {@code statisticsIdRequired}
     */
    public record Rule(boolean equipmentFromInvoices, String equipmentBasis, boolean statisticsIdRequired,
                       String statisticsBasis) {
    }

    private static final Rule NONE = new Rule(false, "本辖区未设置证明材料规则", false, "本辖区未设置证明材料规则");

    private final JdbcClient jdbc;

    public EvidenceRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Rule of(String jurisdiction) {
        return jdbc.sql("select * from evidence_rule where jurisdiction_code = :j").param("j", jurisdiction)
                .query((rs, i) -> new Rule(rs.getBoolean("equipment_from_invoices"), rs.getString("equipment_basis"),
                        rs.getBoolean("statistics_id_required"), rs.getString("statistics_basis")))
                .optional().orElse(NONE);
    }
}
