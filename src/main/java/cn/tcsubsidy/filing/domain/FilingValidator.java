package cn.tcsubsidy.filing.domain;

import cn.tcsubsidy.evidence.domain.EvidenceRules;
import cn.tcsubsidy.followup.domain.Indicator;
import cn.tcsubsidy.followup.domain.PerformanceTargets;
import cn.tcsubsidy.jurisdiction.AwardCategories;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.payment.domain.Payee;
import cn.tcsubsidy.project.domain.NewProject;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.shared.FormValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Checks a filing (备案) field by field, the payee (收款账户) included. The REST API and the process's registration
 * step both call it, so a form submitted in Tasklist is checked exactly like a JSON request.
 */
@Component
public class FilingValidator {

    private final JurisdictionDirectory directory;
    private final ProjectRepository projects;
    private final EvidenceRules evidence;

    public FilingValidator(JurisdictionDirectory directory, ProjectRepository projects, EvidenceRules evidence) {
        this.directory = directory;
        this.projects = projects;
        this.evidence = evidence;
    }

    public Filing validate(Map<String, Object> values) {
        FormValues f = new FormValues(values);
        String jurisdiction = f.text(FilingFields.JURISDICTION, "所属辖区", true, 32);
        if (jurisdiction != null && !directory.exists(jurisdiction)) {
            f.reject(FilingFields.JURISDICTION, "所属辖区不存在:" + jurisdiction);
            jurisdiction = null;
        }
        String unit = f.text(FilingFields.UNIT_CODE, "推荐单位(镇街/园区)", true, 32);
        if (jurisdiction != null && unit != null && directory.unit(jurisdiction, unit).isEmpty()) {
            f.reject(FilingFields.UNIT_CODE, "推荐单位不属于所选辖区:" + unit);
        }
        String enterprise = f.name(FilingFields.ENTERPRISE_NAME, "企业名称", true, 200);
        String creditCode = f.text(FilingFields.CREDIT_CODE, "统一社会信用代码", true, 18);
        if (creditCode != null) {
            creditCode = creditCode.toUpperCase();
            if (!CreditCode.isValid(creditCode)) {
                f.reject(FilingFields.CREDIT_CODE, "统一社会信用代码无效(应为 18 位,含登记管理部门代码、行政区划码、"
                        + "主体标识码且校验位正确):" + creditCode);
            }
        }
        String projectCode = f.text(FilingFields.PROJECT_CODE, "项目代码", true, 64);
        if (projectCode != null) {
            Optional<String> malformed = ProjectCode.problem(projectCode);
            if (malformed.isPresent()) {
                f.reject(FilingFields.PROJECT_CODE, malformed.get());
            } else if (jurisdiction != null && projects.liveCodeTaken(jurisdiction, projectCode)) {
                // Answers the common case early; two filings at once are kept apart by the database (FilingService).
                f.reject(FilingFields.PROJECT_CODE, ProjectCode.taken(projectCode));
            }
        }
        String statisticsId = statisticsReportId(f, jurisdiction);
        String name = f.name(FilingFields.PROJECT_NAME, "项目名称", true, 200);
        String category = f.text(FilingFields.CATEGORY, "奖补类别", true, 40);
        if (jurisdiction != null && category != null && !AwardCategories.isValid(jurisdiction, category)) {
            f.reject(FilingFields.CATEGORY, "奖补类别不适用于该辖区:" + category);
        }
        BigDecimal total = f.money(FilingFields.PLANNED_TOTAL, "计划总投资", true);
        BigDecimal equipment = f.money(FilingFields.PLANNED_EQUIPMENT, "计划设备投资", false);
        BigDecimal software = f.money(FilingFields.PLANNED_SOFTWARE, "其中软件及工艺包投资", false);
        BigDecimal rd = f.money(FilingFields.PLANNED_RD, "计划研发投入", false);
        BigDecimal loan = f.money(FilingFields.LOAN_AMOUNT, "项目贷款金额", false);
        String bank = f.name(FilingFields.LOAN_BANK, "贷款银行", false, 200);
        LocalDate start = f.date(FilingFields.PLANNED_START, "计划开工日期", true);
        LocalDate end = f.date(FilingFields.PLANNED_END, "计划竣工日期", true);

        if (total != null && total.signum() == 0) {
            f.reject(FilingFields.PLANNED_TOTAL, "计划总投资应大于 0");
        }
        if (total != null && equipment != null && equipment.compareTo(total) > 0) {
            f.reject(FilingFields.PLANNED_EQUIPMENT, "计划设备投资不能大于计划总投资");
        }
        if (total != null && rd != null && rd.compareTo(total) > 0) {
            f.reject(FilingFields.PLANNED_RD, "计划研发投入不能大于计划总投资");
        }
        if (equipment != null && software != null && software.compareTo(equipment) > 0) {
            f.reject(FilingFields.PLANNED_SOFTWARE, "软件及工艺包投资计入设备投资,不能大于计划设备投资");
        }
        boolean loanInterest = "LOAN_INTEREST".equals(category);
        if (bank == null && (loanInterest || loan != null && loan.signum() > 0)) {
            f.reject(FilingFields.LOAN_BANK, loanInterest ? "贷款贴息项目应填写贷款银行(委托支付的收款银行)" : "有项目贷款时应填写贷款银行");
        }
        if (loanInterest && loan != null && loan.signum() == 0) {
            f.reject(FilingFields.LOAN_AMOUNT, "贷款贴息项目应填写项目贷款金额");
        }
        if (start != null && end != null && end.isBefore(start)) {
            f.reject(FilingFields.PLANNED_END, "计划竣工日期不能早于计划开工日期");
        }
        Payee payee = Payee.read(f, loanInterest, enterprise, bank);
        Map<Indicator, BigDecimal> targets = PerformanceTargets.read(f);
        String contactEmail = f.text(FilingFields.CONTACT_EMAIL, "联系邮箱", false, 254);
        if (contactEmail != null && !contactEmail.matches("[^\\s@]+@[^\\s@]+\\.[^\\s@]+")) {
            f.reject(FilingFields.CONTACT_EMAIL, "联系邮箱格式不正确,应如 name@example.com");
        }
        f.throwIfInvalid();
        return new Filing(new NewProject(jurisdiction, unit, enterprise, creditCode, projectCode, name, category,
                total, equipment, software, rd, loan, bank, start, end), payee, statisticsId, targets, contactEmail);
    }

    /**
     * The project's number on the statistics office's online direct-report platform (固定资产投资项目联网直报平台),
     * required where the jurisdiction's evidence rule says so (兖州: 济兖政字〔2020〕14号 五、2). Its format is not
     * published in the sources: ASCII letters, digits and hyphens, 6 to 40 characters, is this app's assumption.
     */
    private String statisticsReportId(FormValues f, String jurisdiction) {
        EvidenceRules.Rule rule = jurisdiction == null ? null : evidence.of(jurisdiction);
        boolean required = rule != null && rule.statisticsIdRequired();
        String id = f.text(FilingFields.STATISTICS_REPORT_ID, "统计联网直报项目编号", false, 64);
        if (id == null) {
            if (required) {
                f.reject(FilingFields.STATISTICS_REPORT_ID, "统计联网直报项目编号不能为空(依据:" + rule.statisticsBasis() + ")");
            }
            return null;
        }
        if (!STATISTICS_ID.matcher(id).matches()) {
            f.reject(FilingFields.STATISTICS_REPORT_ID,
                    "统计联网直报项目编号应为 6 至 40 位半角字母、数字或横线(本系统的格式假定,以统计部门平台编号为准):" + id);
            return null;
        }
        return id;
    }

    private static final java.util.regex.Pattern STATISTICS_ID = java.util.regex.Pattern.compile("[A-Za-z0-9-]{6,40}");
}
