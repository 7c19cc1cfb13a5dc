package cn.tcsubsidy.progress.domain;

import cn.tcsubsidy.evidence.domain.CompletionFacts;
import cn.tcsubsidy.evidence.domain.EvidenceRules;
import cn.tcsubsidy.evidence.domain.Invoice;
import cn.tcsubsidy.evidence.domain.Invoices;
import cn.tcsubsidy.evidence.domain.ListField;
import cn.tcsubsidy.evidence.domain.ProjectFigures.ClusterMember;
import cn.tcsubsidy.evidence.domain.ProjectFigures.OtherFunding;
import cn.tcsubsidy.evidence.domain.ProjectFigures;
import cn.tcsubsidy.evidence.domain.ReportedFacts;
import cn.tcsubsidy.evidence.domain.RunningTotals;
import cn.tcsubsidy.payment.domain.PayeeAccount;
import cn.tcsubsidy.payment.domain.PayeeService;
import cn.tcsubsidy.payment.domain.PayeeType;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The completion report (竣工报告, form {@code report-completion}): the actual figures, and what the project's
 * category asks for beyond them — the loan actually drawn with its contract and entrusted-payment agreement, the
 * 投产 date, the certificate, the VAT invoices behind the equipment figure, other public funding, a cluster's
 * members. Every refused field is named; nothing is stored unless all of it holds.
 */
@Component
public class CompletionReport {

    static final String INVOICES = Invoices.FIELD;
    static final String OTHER_FUNDING = "otherFunding";
    static final String CLUSTER_MEMBERS = "clusterMembers";
    static final int MAX_FUNDING_ROWS = 20;
    static final int MAX_MEMBERS = 100;
    private static final Set<String> MUJUAN = Set.of("A", "B", "C", "D");

    private final StageGuard guard;
    private final ProjectRepository projects;
    private final ProjectHistory history;
    private final EvidenceRules rules;
    private final Invoices invoices;
    private final ReportedFacts facts;
    private final RunningTotals totals;
    private final PayeeService payees;
    private final Clock clock;

    public CompletionReport(StageGuard guard, ProjectRepository projects, ProjectHistory history, EvidenceRules rules,
                            Invoices invoices, ReportedFacts facts, RunningTotals totals, PayeeService payees, Clock clock) {
        this.guard = guard;
        this.projects = projects;
        this.history = history;
        this.rules = rules;
        this.invoices = invoices;
        this.facts = facts;
        this.totals = totals;
        this.payees = payees;
        this.clock = clock;
    }

    public void submit(long projectId, Map<String, Object> values, Actor actor) {
        Project filed = projects.get(projectId);
        String j = filed.jurisdiction();
        String category = filed.category();
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> flat = new HashMap<>(values);
        ListField invoiceList = ListField.read(values, INVOICES, "增值税发票清单", Invoices.MAX_ROWS, flat);
        ListField fundingList = ListField.read(values, OTHER_FUNDING, "其它财政资金支持", MAX_FUNDING_ROWS, flat);
        ListField memberList = ListField.read(values, CLUSTER_MEMBERS, "技改共同体成员", MAX_MEMBERS, flat);
        FormValues f = new FormValues(flat);

        LocalDate date = f.date("completionDate", "竣工日期", true);
        BigDecimal total = f.money("actualTotalInvestment", "实际总投资", true);
        BigDecimal equipment = f.money("actualEquipmentInvestment", "实际设备投资", true);
        BigDecimal software = f.money("actualSoftwareInvestment", "其中软件及工艺包投资", false);
        BigDecimal rd = f.money("actualRdInvestment", "实际研发投入", false);
        String note = f.text("completionNote", "竣工情况说明", true, 2000);
        // Figures only some categories' rules read (absent = 0 / not rated).
        BigDecimal robots = f.money("robotInvestment", "购置工业机器人投资", false);
        BigDecimal informatization = f.money("informatizationInvestment", "信息化软硬件投资", false);
        BigDecimal national = f.money("nationalFunding", "国家资助金额", false);
        BigDecimal purchase = f.money("purchasePrice", "首台(套)购买价格", false);
        String mujuan = f.choice("mujuanClass", "亩产效益评价等级", MUJUAN, false);
        if (date != null && date.isAfter(today)) {
            f.reject("completionDate", "竣工日期不能晚于今天");
        }
        if (equipment != null && robots != null && robots.compareTo(equipment) > 0) {
            f.reject("robotInvestment", "购置工业机器人投资计入设备投资,不能大于实际设备投资");
        }
        if (total != null && informatization != null && informatization.compareTo(total) > 0) {
            f.reject("informatizationInvestment", "信息化软硬件投资不能大于实际总投资");
        }
        if (total != null && total.signum() == 0) {
            f.reject("actualTotalInvestment", "实际总投资应大于 0");
        }
        if (total != null && equipment != null && equipment.compareTo(total) > 0) {
            f.reject("actualEquipmentInvestment", "实际设备投资不能大于实际总投资");
        }
        if (total != null && rd != null && rd.compareTo(total) > 0) {
            f.reject("actualRdInvestment", "实际研发投入不能大于实际总投资");
        }
        if (equipment != null && software != null && software.compareTo(equipment) > 0) {
            f.reject("actualSoftwareInvestment", "软件及工艺包投资计入设备投资,不能大于实际设备投资");
        }

        Loan loan = loan(f, category, total);
        LocalDate production = f.date("productionStartDate", "投产日期", CompletionRules.needsProductionStart(j, category));
        if (production != null && production.isAfter(today)) {
            f.reject("productionStartDate", "投产日期不能晚于今天");
        }
        if (production != null && production.isBefore(filed.plannedStartDate())) {
            f.reject("productionStartDate", "投产日期不能早于计划开工日期 " + filed.plannedStartDate());
        }
        boolean certificateNeeded = CompletionRules.needsCertificate(j, category);
        String certificateNo = f.name("certificateNo", "证书或认定文件编号", certificateNeeded, 100);
        LocalDate certificateDate = f.date("certificateDate", "认定日期", certificateNeeded);
        if (certificateDate != null && certificateDate.isAfter(today)) {
            f.reject("certificateDate", "认定日期不能晚于今天");
        }
        String level = f.choice("certificationLevel", "认定级别", Set.copyOf(ProjectFigures.LEVELS), certificateNeeded);
        Boolean localMade = onlyFor(f, CompletionRules.FIRST_SET.equals(category), "localMade", "首台(套)",
                f.bool("localMade") ? Boolean.TRUE : null);
        if (CompletionRules.FIRST_SET.equals(category) && localMade == null) {
            localMade = Boolean.FALSE;
        }
        boolean innovationCentre = CompletionRules.INNOVATION_CENTER.equals(category);
        Integer listingYear = f.wholeNumber("listingYear", "列入市培育名单年度", innovationCentre, 2000, today.getYear());
        onlyFor(f, innovationCentre, "listingYear", "制造业创新中心", listingYear);

        fundingList.check(f);
        List<OtherFunding> funding = otherFunding(f, fundingList);
        memberList.check(f);
        List<ClusterMember> members = clusterMembers(f, memberList, filed, category, equipment);
        invoiceList.check(f);
        List<Invoice> listed = invoices.read(f, invoiceList);
        EvidenceRules.Rule rule = rules.of(j);
        boolean invoicesRead = listed.size() == invoiceList.rows().size();
        if (rule.equipmentFromInvoices() && invoicesRead && equipment != null) {
            BigDecimal sum = Invoices.total(listed);
            if (listed.isEmpty()) {
                f.reject(INVOICES, "本辖区设备投资以购置增值税发票数额为准,请逐张列出设备发票(依据:" + rule.equipmentBasis() + ")");
            } else if (equipment.compareTo(sum) != 0) {
                f.reject("actualEquipmentInvestment", "实际设备投资 " + Money.format(equipment) + " 与所列增值税发票金额合计 "
                        + Money.format(sum) + " 不符:本辖区设备投资以购置增值税发票数额为准(依据:" + rule.equipmentBasis() + ")");
            }
        }
        for (int i = 0; i < listed.size() && invoicesRead; i++) {
            // Answers the common case early; two reports at once are kept apart by the database (Invoices.store).
            if (invoices.takenElsewhere(j, listed.get(i).number(), projectId)) {
                f.reject(invoiceList.key(invoiceList.rows().get(i), Invoices.NUMBER), Invoices.taken(listed.get(i).number()));
            }
        }
        f.throwIfInvalid();

        Project p = guard.enter(projectId, actor, Stage.IN_PROGRESS);
        if (date.isBefore(p.plannedStartDate())) {
            f.reject("completionDate", "竣工日期不能早于计划开工日期 " + p.plannedStartDate());
        }
        RunningTotals.problem(totals.of(projectId), date, total)
                .ifPresent(problem -> f.reject("actualTotalInvestment", "实际总投资即竣工时的累计完成投资;" + problem));
        if (loan != null) {
            agreementOnRecord(f, projectId, loan.agreementNo());
        }
        f.throwIfInvalid();
        projects.recordCompletion(projectId, date, total, equipment, software, rd);
        BigDecimal forAward = rule.equipmentFromInvoices() ? Invoices.total(listed) : equipment;
        facts.store(projectId, new CompletionFacts(robots, informatization, national, purchase, mujuan,
                f.bool("echelonListed"), level, loan == null ? null : loan.drawn(), loan == null ? null : loan.contractNo(),
                loan == null ? null : loan.contractAmount(), loan == null ? null : loan.agreementNo(), production,
                certificateNo, certificateDate, localMade, listingYear, forAward, rule.equipmentFromInvoices(),
                funding, members));
        invoices.store(projectId, j, listed, invoiceList);
        history.record(projectId, Stage.COMPLETED, "COMPLETION_REPORTED", actor.userId(),
                "竣工报告(" + date + "):实际总投资 " + Money.format(total) + ",设备投资 " + Money.format(equipment)
                        + (listed.isEmpty() ? "" : "(增值税发票 " + listed.size() + " 张,合计 "
                                + Money.format(Invoices.total(listed)) + ")")
                        + (loan == null ? "" : ",贷款实际发生额 " + Money.format(loan.drawn()) + "(借款合同 "
                                + loan.contractNo() + ",委托支付协议 " + loan.agreementNo() + ")")
                        + ";" + note);
    }

    /** The loan actually drawn (贷款实际发生额), its contract and the entrusted-payment agreement. */
    private record Loan(BigDecimal drawn, String contractNo, BigDecimal contractAmount, String agreementNo) {
    }

    private static final String[] LOAN_FIELDS = {"loanDrawnAmount", "loanContractNo", "loanContractAmount",
        "entrustedAgreementNo"};

    /**
     * Loan interest is paid on the loan actually drawn: it may not exceed what the loan contract grants, nor the
     * project's actual total investment (a loan beyond the investment is not the project's loan). Other categories
     * report no loan.
     */
    private static Loan loan(FormValues f, String category, BigDecimal total) {
        if (!CompletionRules.needsLoan(category)) {
            for (String key : LOAN_FIELDS) {
                if (f.has(key)) {
                    f.reject(key, "只有贷款贴息项目填写贷款实际发生额、借款合同和委托支付协议");
                }
            }
            return null;
        }
        BigDecimal drawn = f.money("loanDrawnAmount", "贷款实际发生额", true);
        String contractNo = f.name("loanContractNo", "借款合同编号", true, 64);
        BigDecimal contractAmount = f.money("loanContractAmount", "借款合同金额", true);
        String agreementNo = f.name("entrustedAgreementNo", "委托支付协议编号", true, 64);
        if (drawn != null && drawn.signum() == 0) {
            f.reject("loanDrawnAmount", "贷款贴息项目的贷款实际发生额应大于 0");
        } else if (drawn != null && contractAmount != null && drawn.compareTo(contractAmount) > 0) {
            f.reject("loanDrawnAmount", "贷款实际发生额 " + Money.format(drawn) + " 不能大于借款合同金额 "
                    + Money.format(contractAmount));
        } else if (drawn != null && total != null && drawn.compareTo(total) > 0) {
            f.reject("loanDrawnAmount", "贷款实际发生额 " + Money.format(drawn) + " 不能大于项目实际总投资 "
                    + Money.format(total) + "(超出部分不属于项目贷款)");
        }
        return drawn == null || contractNo == null || contractAmount == null || agreementNo == null ? null
                : new Loan(drawn, contractNo, contractAmount, agreementNo);
    }

    /**
     * The interest subsidy goes to the lending bank under the agreement recorded as the project's payee (委托支付):
     * the report's agreement must be that one, or the payee is changed first (PUT /api/projects/{id}/payee).
     */
    private void agreementOnRecord(FormValues f, long projectId, String agreementNo) {
        Optional<PayeeAccount> live = payees.current(projectId);
        if (live.isEmpty() || live.get().payee().type() != PayeeType.BANK) {
            f.reject("entrustedAgreementNo", "项目尚未登记委托支付协议(贷款银行收款账户):请先登记收款账户,再报送竣工报告");
        } else if (!live.get().payee().agreementNo().equals(agreementNo)) {
            f.reject("entrustedAgreementNo", "委托支付协议编号 " + agreementNo + " 与登记的收款账户(" + live.get().payee().name()
                    + ",委托支付协议 " + live.get().payee().agreementNo() + ")不一致:如协议已变更,请先变更收款账户");
        }
    }

    /** Rejects a value that only {@code category} asks for; returns it where it belongs, null elsewhere. */
    private static <T> T onlyFor(FormValues f, boolean applies, String key, String category, T value) {
        if (value != null && !applies) {
            f.reject(key, "只有「" + category + "」类别填写此项");
            return null;
        }
        return value;
    }

    private static List<OtherFunding> otherFunding(FormValues f, ListField list) {
        List<OtherFunding> rows = new ArrayList<>();
        for (int row : list.rows()) {
            String label = "第 " + row + " 项其它财政资金的";
            String level = f.choice(list.key(row, "fundingLevel"), label + "级别", Set.copyOf(ProjectFigures.LEVELS), true);
            String source = f.name(list.key(row, "source"), label + "资金来源", true, 200);
            String document = f.name(list.key(row, "document"), label + "文件号", true, 200);
            BigDecimal amount = f.money(list.key(row, "amount"), label + "金额", true);
            if (amount != null && amount.signum() == 0) {
                f.reject(list.key(row, "amount"), label + "金额应大于 0");
                amount = null;
            }
            if (level != null && source != null && document != null && amount != null) {
                rows.add(new OtherFunding(level, source, document, amount));
            }
        }
        return rows;
    }

    /**
     * A retrofit community (技改共同体) lists its members, the lead enterprise (the filer) among them; their
     * equipment investment adds up to the project's (共同体内所有企业设备投资额合计).
     */
    private static List<ClusterMember> clusterMembers(FormValues f, ListField list, Project p, String category,
                                                      BigDecimal equipment) {
        boolean cluster = CompletionRules.CLUSTER.equals(category);
        if (!cluster) {
            if (!list.isEmpty()) {
                f.reject(list.key(), "只有「强链条壮集群」类别填写技改共同体成员");
            }
            return List.of();
        }
        List<ClusterMember> members = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int row : list.rows()) {
            String label = "第 " + row + " 个成员企业的";
            String name = f.name(list.key(row, "memberName"), label + "名称", true, 200);
            String code = f.text(list.key(row, "creditCode"), label + "统一社会信用代码", true, 18);
            if (code != null) {
                code = code.toUpperCase(java.util.Locale.ROOT);
                if (!CreditCode.isValid(code)) {
                    f.reject(list.key(row, "creditCode"), label + "统一社会信用代码无效:" + code);
                    code = null;
                } else if (!codes.add(code)) {
                    f.reject(list.key(row, "creditCode"), label + "统一社会信用代码与前面的成员重复:" + code);
                    code = null;
                }
            }
            BigDecimal memberEquipment = f.money(list.key(row, "equipmentInvestment"), label + "设备投资额", true);
            String mujuan = f.choice(list.key(row, "mujuanClass"), label + "亩产效益评价等级", MUJUAN, false);
            if (name != null && code != null && memberEquipment != null) {
                members.add(new ClusterMember(name, code, memberEquipment, f.bool(list.key(row, "sme")), mujuan,
                        f.bool(list.key(row, "echelonListed"))));
            }
        }
        if (members.size() != list.rows().size()) {
            return members;
        }
        if (members.size() < 2) {
            f.reject(list.key(), "技改共同体应列出牵头企业和至少一家成员企业");
        } else if (members.stream().noneMatch(m -> m.creditCode().equals(p.creditCode()))) {
            f.reject(list.key(), "技改共同体成员应包含牵头企业(本项目备案企业,统一社会信用代码 " + p.creditCode() + ")");
        } else if (equipment != null) {
            BigDecimal sum = Money.round(members.stream().map(ClusterMember::equipmentInvestment)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            if (sum.compareTo(equipment) != 0) {
                f.reject(list.key(), "成员企业设备投资额合计 " + Money.format(sum) + " 与实际设备投资 "
                        + Money.format(equipment) + " 不符(共同体设备投资额为所有成员企业合计)");
            }
        }
        return members;
    }
}
