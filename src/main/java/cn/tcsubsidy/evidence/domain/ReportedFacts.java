package cn.tcsubsidy.evidence.domain;

import cn.tcsubsidy.evidence.domain.ProjectFigures.ClusterMember;
import cn.tcsubsidy.evidence.domain.ProjectFigures.OtherFunding;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The completion report's further figures: {@code project_award_facts} (one row per project), other public funding
 * ({@code project_other_funding}) and cluster members ({@code project_cluster_member}), rows numbered as listed.
 * Runs in the caller's transaction (the task completion's).
 */
@Repository
public class ReportedFacts {

    private final JdbcClient jdbc;

    public ReportedFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void store(long projectId, CompletionFacts f) {
        jdbc.sql("""
                insert into project_award_facts (project_id, robot_investment, informatization_investment,
                  national_funding, purchase_price, mujuan_class, echelon_listed, superior_funded, certification_level,
                  loan_drawn_amount, loan_contract_no, loan_contract_amount, entrusted_agreement_no,
                  production_start_date, certificate_no, certificate_date, local_made, listing_year,
                  equipment_for_award, equipment_from_invoices)
                values (:p, :robots, :info, :national, :purchase, :mujuan, :echelon, false, :level,
                  :drawn, :contract, :contractAmount, :agreement, :production, :certificate, :certificateDate,
                  :localMade, :listingYear, :equipment, :fromInvoices)
                """)
                .param("p", projectId).param("robots", f.robotInvestment()).param("info", f.informatizationInvestment())
                .param("national", f.nationalFunding()).param("purchase", f.purchasePrice())
                .param("mujuan", f.mujuanClass()).param("echelon", f.echelonListed())
                .param("level", f.certificationLevel()).param("drawn", f.loanDrawn())
                .param("contract", f.loanContractNo()).param("contractAmount", f.loanContractAmount())
                .param("agreement", f.entrustedAgreementNo()).param("production", f.productionStartDate())
                .param("certificate", f.certificateNo()).param("certificateDate", f.certificateDate())
                .param("localMade", f.localMade()).param("listingYear", f.listingYear())
                .param("equipment", f.equipmentForAward()).param("fromInvoices", f.equipmentFromInvoices())
                .update();
        int row = 0;
        for (OtherFunding o : f.otherFunding()) {
            jdbc.sql("""
                    insert into project_other_funding (project_id, row_no, funding_level, source, document, amount)
                    values (:p, :row, :level, :source, :document, :amount)
                    """)
                    .param("p", projectId).param("row", ++row).param("level", o.level()).param("source", o.source())
                    .param("document", o.document()).param("amount", o.amount()).update();
        }
        row = 0;
        for (ClusterMember m : f.clusterMembers()) {
            jdbc.sql("""
                    insert into project_cluster_member (project_id, row_no, member_name, credit_code,
                      equipment_investment, sme, mujuan_class, echelon_listed)
                    values (:p, :row, :name, :credit, :equipment, :sme, :mujuan, :echelon)
                    """)
                    .param("p", projectId).param("row", ++row).param("name", m.name()).param("credit", m.creditCode())
                    .param("equipment", m.equipmentInvestment()).param("sme", m.sme())
                    .param("mujuan", m.mujuanClass()).param("echelon", m.echelonListed()).update();
        }
    }

    /** The row of {@code project_award_facts} as stored, with the superior-funded checkbox of older reports. */
    record Stored(CompletionFacts facts, boolean superiorFunded) {
    }

    Optional<Stored> of(long projectId) {
        List<OtherFunding> funding = jdbc.sql("select * from project_other_funding where project_id = :p order by row_no")
                .param("p", projectId)
                .query((rs, i) -> new OtherFunding(rs.getString("funding_level"), rs.getString("source"),
                        rs.getString("document"), rs.getBigDecimal("amount")))
                .list();
        List<ClusterMember> members = jdbc.sql("select * from project_cluster_member where project_id = :p order by row_no")
                .param("p", projectId)
                .query((rs, i) -> new ClusterMember(rs.getString("member_name"), rs.getString("credit_code"),
                        rs.getBigDecimal("equipment_investment"), rs.getBoolean("sme"), rs.getString("mujuan_class"),
                        rs.getBoolean("echelon_listed")))
                .list();
        return jdbc.sql("select * from project_award_facts where project_id = :p").param("p", projectId)
                .query((rs, i) -> new Stored(map(rs, funding, members), rs.getBoolean("superior_funded")))
                .optional();
    }

    /** The agreement number a loan-interest project's completion report recorded, if any. */
    public Optional<String> entrustedAgreementNo(long projectId) {
        return jdbc.sql("select entrusted_agreement_no from project_award_facts where project_id = :p")
                .param("p", projectId).query(String.class).optional().filter(no -> no != null);
    }

    private static CompletionFacts map(ResultSet rs, List<OtherFunding> funding, List<ClusterMember> members)
            throws SQLException {
        return new CompletionFacts(rs.getBigDecimal("robot_investment"), rs.getBigDecimal("informatization_investment"),
                rs.getBigDecimal("national_funding"), rs.getBigDecimal("purchase_price"), rs.getString("mujuan_class"),
                rs.getBoolean("echelon_listed"), rs.getString("certification_level"),
                rs.getBigDecimal("loan_drawn_amount"), rs.getString("loan_contract_no"),
                rs.getBigDecimal("loan_contract_amount"), rs.getString("entrusted_agreement_no"),
                rs.getObject("production_start_date", LocalDate.class), rs.getString("certificate_no"),
                rs.getObject("certificate_date", LocalDate.class), (Boolean) rs.getObject("local_made"),
                rs.getObject("listing_year") == null ? null : rs.getInt("listing_year"),
                rs.getBigDecimal("equipment_for_award"), rs.getBoolean("equipment_from_invoices"), funding, members);
    }
}
