package cn.tcsubsidy.project.api;

import cn.tcsubsidy.followup.domain.FollowUpRecords;
import cn.tcsubsidy.followup.domain.FollowUpService;
import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.jurisdiction.Jurisdiction;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.jurisdiction.RecommendingUnit;
import cn.tcsubsidy.objection.domain.ObjectionService;
import cn.tcsubsidy.payment.domain.PayeeService;
import cn.tcsubsidy.payment.domain.PayeeType;
import cn.tcsubsidy.payment.domain.PaymentOrder;
import cn.tcsubsidy.payment.domain.PaymentPlan;
import cn.tcsubsidy.payment.domain.PaymentService;
import cn.tcsubsidy.project.domain.MyProjects;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.Roles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code GET /api/my-projects}: the enterprise's own projects (我的项目) for the page at /my-projects/, each with its
 * stage, the dates of its steps, the decision that stands with its recorded reason, its payment (amounts, dates,
 * whom it was paid to: the enterprise or the lending bank) and its follow-up.
 *
 * <p>Only for enterprise users (group {@code J-enterprise}): the projects they filed themselves in the jurisdictions
 * they file in, as {@link ProjectScope} gives an enterprise. Anyone else is refused (403): a town, the bureau,
 * finance, an expert or the administrator files no project of their own to follow here, and reads their scope's
 * projects in Tasklist, Cockpit or {@code GET /api/projects}. What is shown is what the filer already reads of its
 * project ({@link ProjectDisclosure}: the payee masked, no voucher number): here no account and no voucher at all,
 * only the payee's kind, nor who approved a payment.
 */
@RestController
public class MyProjectsController {

    private final MyProjects myProjects;
    private final JurisdictionDirectory directory;
    private final ObjectionService objections;
    private final PaymentService payments;
    private final PayeeService payees;
    private final FollowUpService followUps;

    public MyProjectsController(MyProjects myProjects, JurisdictionDirectory directory, ObjectionService objections,
                                PaymentService payments, PayeeService payees, FollowUpService followUps) {
        this.myProjects = myProjects;
        this.directory = directory;
        this.objections = objections;
        this.payments = payments;
        this.payees = payees;
        this.followUps = followUps;
    }

    /** @param total how many projects the user filed (all of them are listed) */
    public record MyProjectsView(String user, long total, List<MyProjectView> items) {
    }

    /**
     * @param notice   the project's public notice window (its round's, or its own supplementary notice's), once it
     *                 was put on notice
     * @param decision null while nothing is decided
     * @param payment  null until the project reaches payment
     * @param followUp null until the project is in performance follow-up
     */
    public record MyProjectView(long id, String projectCode, String projectName, String enterpriseName,
                                String jurisdiction, String jurisdictionName, String unitCode, String unitName,
                                String stage, String stageLabel, BigDecimal plannedTotalInvestment,
                                LocalDate completionDate, BigDecimal proposedAmount, BigDecimal paidAmount,
                                BigDecimal recoveredAmount, MyProjects.Milestones milestones, Notice notice,
                                MyProjects.Decision decision, Payment payment, FollowUp followUp) {
    }

    public record Notice(LocalDate startsOn, LocalDate endsOn) {
    }

    /**
     * @param payeeType every payment goes to the project's confirmed payee, whose kind its category fixes (a loan
     *                  interest subsidy to the lending bank, anything else to the enterprise; PayeeService checks it
     *                  at each payment)
     * @param paid      the payments made, oldest first
     */
    public record Payment(String mode, String modeLabel, String payeeType, String payeeTypeLabel, BigDecimal paidTotal,
                          LocalDate lastPaidOn, LocalDate settlementDueOn, BigDecimal settledAmount,
                          List<Paid> paid) {
    }

    public record Paid(BigDecimal amount, LocalDate paidOn, String kind, String kindLabel, String fundName,
                       String payeeType, String payeeTypeLabel) {
    }

    /** @param conclusion the latest evaluation's conclusion (PASS, RECTIFY, CLAWBACK), null before one */
    public record FollowUp(String status, String statusLabel, LocalDate reportOpensOn, LocalDate reportDueOn,
                           LocalDate rectifyDueOn, int reports, String conclusion, String opinion,
                           LocalDateTime evaluatedAt, BigDecimal clawbackAmount, LocalDateTime closedAt) {
    }

    @GetMapping("/api/my-projects")
    public MyProjectsView mine(@RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        List<String> filingIn = actor.tenants().stream().filter(t -> actor.inGroup(Roles.enterprise(t))).toList();
        if (filingIn.isEmpty()) {
            throw new AccessDeniedException("“我的项目”仅供申报企业查看本企业备案的项目;用户 " + actor.userId()
                    + " 不是申报企业用户,请在任务列表(Tasklist)或驾驶舱(Cockpit)中查看本辖区、本单位的项目");
        }
        List<MyProjectView> items = myProjects.filedBy(actor.userId(), filingIn).stream().map(this::view).toList();
        return new MyProjectsView(actor.userId(), items.size(), items);
    }

    private MyProjectView view(MyProjects.Entry e) {
        Project p = e.project();
        String jurisdictionName = directory.find(p.jurisdiction()).map(Jurisdiction::name).orElse(p.jurisdiction());
        String unitName = directory.unit(p.jurisdiction(), p.unitCode()).map(RecommendingUnit::name).orElse(p.unitCode());
        Notice notice = e.noticed() ? objections.window(p).map(w -> new Notice(w.firstDay(), w.lastDay())).orElse(null)
                : null;
        return new MyProjectView(p.id(), p.projectCode(), p.projectName(), p.enterpriseName(), p.jurisdiction(),
                jurisdictionName, p.unitCode(), unitName, p.stage().name(), p.stage().label(),
                p.plannedTotalInvestment(), p.completionDate(), p.proposedAmount(), p.paidAmount(), p.recoveredAmount(),
                e.milestones(), notice, e.decision(), payment(p), followUp(p));
    }

    private Payment payment(Project p) {
        List<PaymentOrder> orders = payments.orders(p.id());
        PaymentPlan plan = payments.plan(p.id()).orElse(null);
        if (orders.isEmpty() && plan == null) {
            return null;
        }
        PayeeType type = payees.current(p.id()).map(a -> a.payee().type()).orElse(null);
        String typeName = type == null ? null : type.name();
        String typeLabel = type == null ? null : type.label();
        List<Paid> paid = orders.stream().filter(o -> o.status() == PaymentOrder.Status.PAID)
                .map(o -> new Paid(o.amount(), o.paymentDate(), o.kind().name(), o.kind().label(), o.fundName(),
                        typeName, typeLabel)).toList();
        BigDecimal total = paid.stream().map(Paid::amount).reduce(Money.ZERO, BigDecimal::add);
        LocalDate last = paid.stream().map(Paid::paidOn).filter(d -> d != null).max(LocalDate::compareTo).orElse(null);
        return new Payment(plan == null ? null : plan.mode().name(), plan == null ? null : plan.mode().label(), typeName,
                typeLabel, total, last, plan == null ? null : plan.settlementDueOn(),
                plan == null ? null : plan.settledAmount(), paid);
    }

    private FollowUp followUp(Project p) {
        FollowUpRecords.All all = followUps.records(p.id()).orElse(null);
        if (all == null) {
            return null;
        }
        FollowUpRecords.Evaluation latest = all.evaluations().isEmpty() ? null
                : all.evaluations().get(all.evaluations().size() - 1);
        return new FollowUp(all.followUp().status().name(), all.followUp().status().label(),
                all.followUp().reportOpensOn(), all.followUp().reportDueOn(), all.followUp().rectifyDueOn(),
                all.reports().size(), latest == null ? null : latest.conclusion(), latest == null ? null : latest.opinion(),
                latest == null ? null : latest.evaluatedAt(), latest == null ? null : latest.clawbackAmount(),
                all.followUp().closedAt());
    }

    /**
     * The page (static/my-projects/index.html) at /my-projects/: Spring serves a static folder's index only at the
     * root, so /my-projects/ forwards to it and /my-projects redirects to /my-projects/ (its relative links need it).
     */
    @Configuration
    static class PageRoutes implements WebMvcConfigurer {

        @Override
        public void addViewControllers(ViewControllerRegistry registry) {
            registry.addRedirectViewController("/my-projects", "/my-projects/");
            registry.addViewController("/my-projects/").setViewName("forward:/my-projects/index.html");
        }
    }
}
