package cn.tcsubsidy.award.quote;

import cn.tcsubsidy.engine.Tenants;
import cn.tcsubsidy.jurisdiction.AwardCategories;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The checks a quote request must pass before the tables see it: known jurisdiction, category and county, the
 * application date, amounts that are non-negative and fit the ledger's columns, and figures that do not contradict
 * each other (a part larger than the given total, robots larger than the equipment); valid credit codes, dates and
 * years within 2000–2100, funding rows of a known level. Policy thresholds are not checked here: a project below a
 * threshold is a valid request the tables refuse.
 */
public final class QuoteRequestValidator {

    public static final Set<String> MUJUAN_CLASSES = Set.of("A", "B", "C", "D");
    public static final Set<String> CERTIFICATION_LEVELS = Set.of("COUNTY", "CITY", "PROVINCE", "NATIONAL");
    public static final BigDecimal MIN_SCORE = BigDecimal.ZERO;
    public static final BigDecimal MAX_SCORE = BigDecimal.valueOf(100);
    public static final int MIN_YEAR = FormValues.EARLIEST.getYear();
    public static final int MAX_YEAR = FormValues.LATEST.getYear();
    /** The largest amount the ledger's numeric(18, 2) columns hold. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999999.99");

    /** Figures that are parts of the total investment. */
    private static final List<Figure> PARTS_OF_TOTAL = List.of(Figure.EQUIPMENT_INVESTMENT, Figure.ROBOT_INVESTMENT,
            Figure.INFORMATIZATION_INVESTMENT, Figure.RD_INVESTMENT, Figure.COMPLETED_INVESTMENT_THIS_YEAR);

    private final BiPredicate<String, String> knownUnit;

    /** @param knownUnit whether a county / recommending unit code exists in a jurisdiction */
    public QuoteRequestValidator(BiPredicate<String, String> knownUnit) {
        this.knownUnit = knownUnit;
    }

    public List<FieldError> problems(QuoteRequest r) {
        return problems(r, Set.of());
    }

    /** @param unreadable fields already refused while reading, not to be reported twice */
    public List<FieldError> problems(QuoteRequest r, Set<String> unreadable) {
        List<FieldError> errors = new ArrayList<>();
        Reporter report = (field, message) -> {
            if (!unreadable.contains(field)) {
                errors.add(new FieldError(field, message));
            }
        };
        String j = r.jurisdiction();
        boolean knownJurisdiction = j != null && Tenants.ALL.contains(j);
        if (j == null || j.isBlank()) {
            report.reject("jurisdiction", "辖区不能为空");
        } else if (!knownJurisdiction) {
            report.reject("jurisdiction", "辖区取值无效:" + j + "(可选:" + String.join("、", Tenants.ALL) + ")");
        }
        if (r.category() == null || r.category().isBlank()) {
            report.reject("category", "奖补类别不能为空");
        } else if (knownJurisdiction && !AwardCategories.isValid(j, r.category())) {
            report.reject("category", "奖补类别取值无效:" + r.category() + "(" + j + " 可选:"
                    + String.join("、", AwardCategories.of(j).keySet()) + ")");
        }
        if (r.applicationDate() == null) {
            report.reject("applicationDate", "申请日期不能为空");
        }
        for (Figure f : Figure.values()) {
            BigDecimal v = r.figures().get(f);
            if (v != null) {
                checkAmount(report, f.key(), f.label(), v);
            }
        }
        checkConsistency(r, report, unreadable);
        if (r.mujuanClass() != null && !MUJUAN_CLASSES.contains(r.mujuanClass())) {
            report.reject("mujuanClass", "亩产效益评价类别取值无效:" + r.mujuanClass() + "(可选:A、B、C、D)");
        }
        if (r.certificationLevel() != null && !CERTIFICATION_LEVELS.contains(r.certificationLevel())) {
            report.reject("certificationLevel", "认定级别取值无效:" + r.certificationLevel()
                    + "(可选:COUNTY、CITY、PROVINCE、NATIONAL)");
        }
        if (r.expertScore() != null
                && (r.expertScore().compareTo(MIN_SCORE) < 0 || r.expertScore().compareTo(MAX_SCORE) > 0)) {
            report.reject("expertScore", "专家评审得分应在 0 至 100 之间");
        }
        if (r.county() != null && knownJurisdiction && !knownUnit.test(j, r.county())) {
            report.reject("county", "县(市、区)取值无效:" + r.county());
        }
        if (r.isCluster()) {
            checkMembers(r, report);
        }
        checkCreditCode(report, "creditCode", r.creditCode());
        checkDate(report, "certificateDate", "证书日期", r.certificateDate());
        checkDate(report, "productionStartDate", "投产日期", r.productionStartDate());
        checkDate(report, "completionDate", "竣工日期", r.completionDate());
        checkYear(report, "listingYear", "列入市培育名单年度", r.listingYear());
        checkYear(report, "awardYear", "奖补年度", r.awardYear());
        checkFunding(r, report);
        return errors;
    }

    private static void checkFunding(QuoteRequest r, Reporter report) {
        for (int i = 0; i < r.otherFunding().size(); i++) {
            OtherFunding row = r.otherFunding().get(i);
            String prefix = "otherFunding[" + i + "].";
            if (row.level() == null || !OtherFunding.LEVELS.contains(row.level())) {
                report.reject(prefix + "level", "资金级别取值无效:" + row.level() + "(可选:COUNTY、CITY、PROVINCE、NATIONAL)");
            }
            if (row.source() == null || row.source().isBlank()) {
                report.reject(prefix + "source", "资金来源不能为空");
            }
            if (row.amount() != null) {
                if (row.amount().signum() == 0) {
                    report.reject(prefix + "amount", "资金金额应大于 0");
                } else {
                    checkAmount(report, prefix + "amount", "资金金额", row.amount());
                }
            }
        }
    }

    private static void checkCreditCode(Reporter report, String field, String code) {
        if (code != null && !CreditCode.isValid(code)) {
            report.reject(field, "统一社会信用代码无效(应为18位,校验位正确):" + code);
        }
    }

    private static void checkDate(Reporter report, String field, String label, LocalDate date) {
        if (date != null && (date.isBefore(FormValues.EARLIEST) || date.isAfter(FormValues.LATEST))) {
            report.reject(field, label + "应在 " + FormValues.EARLIEST + " 至 " + FormValues.LATEST + " 之间");
        }
    }

    private static void checkYear(Reporter report, String field, String label, Integer year) {
        if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
            report.reject(field, label + "应在 " + MIN_YEAR + " 至 " + MAX_YEAR + " 之间");
        }
    }

    /** Compares figures; one that could not be read is left out rather than compared as zero. */
    private static void checkConsistency(QuoteRequest r, Reporter report, Set<String> unreadable) {
        if (r.given(Figure.TOTAL_INVESTMENT)) {
            BigDecimal total = r.figure(Figure.TOTAL_INVESTMENT);
            for (Figure part : PARTS_OF_TOTAL) {
                if (r.given(part) && r.figure(part).compareTo(total) > 0) {
                    String field = r.figures().containsKey(part) ? part.key() : "members";
                    report.reject(field, part.label() + "(" + Money.format(r.figure(part)) + ")不能大于总投资("
                            + Money.format(total) + ")");
                }
            }
        }
        if (!unreadable.contains(Figure.EQUIPMENT_INVESTMENT.key())
                && r.figure(Figure.ROBOT_INVESTMENT).compareTo(r.figure(Figure.EQUIPMENT_INVESTMENT)) > 0) {
            report.reject(Figure.ROBOT_INVESTMENT.key(), "购置工业机器人投资额(" + Money.format(r.figure(Figure.ROBOT_INVESTMENT))
                    + ")不能大于设备投资额(" + Money.format(r.figure(Figure.EQUIPMENT_INVESTMENT)) + ")");
        }
    }

    private static void checkMembers(QuoteRequest r, Reporter report) {
        if (r.members().isEmpty()) {
            report.reject("members", "强链条壮集群须列出技改共同体成员(企业名称、设备投资额、是否中小企业)");
            return;
        }
        Set<String> seen = new HashSet<>();
        Set<String> seenCodes = new HashSet<>();
        for (int i = 0; i < r.members().size(); i++) {
            ClusterMember m = r.members().get(i);
            String prefix = "members[" + i + "].";
            if (m.enterprise() == null || m.enterprise().isBlank()) {
                report.reject(prefix + "enterprise", "共同体成员企业名称不能为空");
            } else if (!seen.add(m.enterprise())) {
                report.reject(prefix + "enterprise", "共同体成员重复:" + m.enterprise());
            }
            checkCreditCode(report, prefix + "creditCode", m.creditCode());
            if (m.creditCode() != null && CreditCode.isValid(m.creditCode()) && !seenCodes.add(m.creditCode())) {
                report.reject(prefix + "creditCode", "共同体成员统一社会信用代码重复:" + m.creditCode());
            }
            if (m.mujuanClass() != null && !MUJUAN_CLASSES.contains(m.mujuanClass())) {
                report.reject(prefix + "mujuanClass", "亩产效益评价类别取值无效:" + m.mujuanClass() + "(可选:A、B、C、D)");
            }
            if (m.equipmentInvestment() == null) {
                report.reject(prefix + "equipmentInvestment", "共同体成员设备投资额不能为空");
            } else {
                checkAmount(report, prefix + "equipmentInvestment", "共同体成员设备投资额", m.equipmentInvestment());
            }
        }
        BigDecimal stated = r.figures().get(Figure.EQUIPMENT_INVESTMENT);
        BigDecimal members = r.membersEquipment(false);
        if (stated != null && stated.compareTo(members) != 0) {
            report.reject(Figure.EQUIPMENT_INVESTMENT.key(), "设备投资额(" + Money.format(stated)
                    + ")应等于共同体成员设备投资额之和(" + Money.format(members) + ")");
        }
    }

    private static void checkAmount(Reporter report, String field, String label, BigDecimal v) {
        if (v.signum() < 0) {
            report.reject(field, label + "不能为负数");
        } else if (v.compareTo(MAX_AMOUNT) > 0) {
            report.reject(field, label + "数额过大(不能超过 " + Money.format(MAX_AMOUNT) + ")");
        }
    }

    @FunctionalInterface
    private interface Reporter {
        void reject(String field, String message);
    }
}
