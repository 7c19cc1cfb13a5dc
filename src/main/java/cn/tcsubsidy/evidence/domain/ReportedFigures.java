package cn.tcsubsidy.evidence.domain;

import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The figures a project's reports give the award rules: the completion report's (竣工报告) actual figures and
 * further facts, the invoice sum behind the equipment figure, the investment completed in a calendar year from the
 * progress reports' running totals. Plain values only: the award code maps them into its own request.
 */
@Service
public class ReportedFigures {

    private final ProjectRepository projects;
    private final ReportedFacts facts;
    private final Invoices invoices;
    private final RunningTotals totals;

    public ReportedFigures(ProjectRepository projects, ReportedFacts facts, Invoices invoices, RunningTotals totals) {
        this.projects = projects;
        this.facts = facts;
        this.invoices = invoices;
        this.totals = totals;
    }

    /**
     * @param year the calendar year whose completed investment {@link ProjectFigures#investmentCompletedInYear} gives
     *             (济源 技术改造后补助: 当年投资完成, the year the project was completed in for a round of the next year)
     */
    public ProjectFigures of(long projectId, int year) {
        Project p = projects.get(projectId);
        BigDecimal invoiceTotal = Invoices.total(invoices.of(projectId));
        BigDecimal completedInYear = RunningTotals.completedIn(totals.of(projectId), year);
        ReportedFacts.Stored stored = facts.of(projectId).orElse(null);
        if (stored == null) {
            return new ProjectFigures(projectId, p.actualEquipmentInvestment(), false, p.actualEquipmentInvestment(),
                    invoiceTotal, null, null, null, null, completedInYear, null, null, null, null, null, null,
                    List.of(), List.of(), null, null, null, null, null, false, false);
        }
        CompletionFacts f = stored.facts();
        // Reports made before V18 have no figure for the award of their own: the typed one is it.
        BigDecimal equipment = f.equipmentForAward() == null ? p.actualEquipmentInvestment() : f.equipmentForAward();
        return new ProjectFigures(projectId, equipment == null ? null : Money.round(equipment), f.equipmentFromInvoices(),
                p.actualEquipmentInvestment(), invoiceTotal, f.loanDrawn(), f.loanContractNo(), f.loanContractAmount(),
                f.entrustedAgreementNo(), completedInYear, f.productionStartDate(), f.certificateNo(),
                f.certificateDate(), f.certificationLevel(), f.localMade(), f.listingYear(), f.otherFunding(),
                f.clusterMembers(), f.robotInvestment(), f.informatizationInvestment(), f.nationalFunding(),
                f.purchasePrice(), f.mujuanClass(), f.echelonListed(), stored.superiorFunded());
    }
}
