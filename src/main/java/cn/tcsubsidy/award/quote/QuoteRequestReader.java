package cn.tcsubsidy.award.quote;

import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.KnownFields;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a quote request from a JSON object (as a Map) and refuses it, naming every bad field at once: fields the API
 * does not know (at the top level, in a member, in a funding row: a misspelt figure must never quote as 0),
 * unreadable values (text where a number belongs, non-finite numbers, impossible dates) and whatever
 * {@link QuoteRequestValidator} refuses. Absent numbers count as zero, absent flags as false (localMade: not stated).
 * {@code loanAmount} is the loan actually drawn (贷款实际发生额).
 */
public final class QuoteRequestReader {

    private static final int MAX_TEXT = 200;
    private static final Set<String> FIELDS = Stream.concat(
            Stream.of("jurisdiction", "category", "applicationDate", "mujuanClass", "echelonListed", "superiorFunded",
                    "certificationLevel", "expertScore", "county", "members", "certificateNo", "certificateDate",
                    "localMade", "listingYear", "productionStartDate", "otherFunding", "creditCode", "completionDate"),
            Arrays.stream(Figure.values()).map(Figure::key)).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> MEMBER_FIELDS =
            Set.of("enterprise", "equipmentInvestment", "sme", "creditCode", "mujuanClass", "echelonListed");
    private static final Set<String> FUNDING_FIELDS = Set.of("level", "source", "document", "amount");

    private final QuoteRequestValidator validator;

    public QuoteRequestReader(QuoteRequestValidator validator) {
        this.validator = validator;
    }

    public QuoteRequest read(Map<String, Object> body) {
        FormValues f = new FormValues(body);
        KnownFields.unknown(body, FIELDS, "").forEach(e -> f.reject(e.field(), e.message()));
        String jurisdiction = f.text("jurisdiction", "辖区", false, 64);
        String category = f.text("category", "奖补类别", false, 64);
        LocalDate applicationDate = f.date("applicationDate", "申请日期", false);
        Map<Figure, BigDecimal> figures = new EnumMap<>(Figure.class);
        for (Figure fig : Figure.values()) {
            if (f.has(fig.key())) {
                BigDecimal v = f.money(fig.key(), fig.label(), false);
                if (v != null) {
                    figures.put(fig, v);
                }
            }
        }
        String mujuanClass = f.choice("mujuanClass", "亩产效益评价类别", QuoteRequestValidator.MUJUAN_CLASSES, false);
        boolean echelonListed = flag(f, body, "echelonListed", "列入梯队企业培育名单");
        boolean superiorFunded = flag(f, body, "superiorFunded", "已获上级专项资金支持(按一笔省级资金计)");
        String certificationLevel = f.choice("certificationLevel", "认定级别",
                QuoteRequestValidator.CERTIFICATION_LEVELS, false);
        BigDecimal expertScore = f.bounded("expertScore", "专家评审得分", false,
                QuoteRequestValidator.MIN_SCORE, QuoteRequestValidator.MAX_SCORE);
        String county = f.text("county", "县(市、区)", false, 64);
        List<ClusterMember> members = QuoteRequest.CLUSTER.equals(category)
                ? list(f, body.get("members"), "members", "共同体成员", MEMBER_FIELDS, QuoteRequestReader::member)
                : List.of();
        String certificateNo = f.text("certificateNo", "证书编号", false, 100);
        LocalDate certificateDate = f.date("certificateDate", "证书日期", false);
        Boolean localMade = optionalFlag(f, body, "localMade", "设备为本市生产");
        Integer listingYear = f.wholeNumber("listingYear", "列入市培育名单年度", false,
                QuoteRequestValidator.MIN_YEAR, QuoteRequestValidator.MAX_YEAR);
        LocalDate productionStartDate = f.date("productionStartDate", "投产日期", false);
        List<OtherFunding> otherFunding = list(f, body.get("otherFunding"), "otherFunding", "其它财政资金",
                FUNDING_FIELDS, QuoteRequestReader::funding);
        String creditCode = f.text("creditCode", "统一社会信用代码", false, 64);
        LocalDate completionDate = f.date("completionDate", "竣工日期", false);

        QuoteRequest request = new QuoteRequest(jurisdiction, category, applicationDate, figures, mujuanClass,
                echelonListed, superiorFunded, certificationLevel, expertScore, county, members, certificateNo,
                certificateDate, localMade, listingYear, productionStartDate, otherFunding, creditCode, completionDate,
                null);
        Set<String> unreadable = new HashSet<>();
        f.errors().forEach(e -> unreadable.add(e.field()));
        List<FieldError> errors = new ArrayList<>(f.errors());
        errors.addAll(validator.problems(request, unreadable));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return request;
    }

    /** Only true, false or their text is a boolean; anything else is refused rather than read as false. */
    private static boolean flag(FormValues f, Map<String, Object> body, String key, String label) {
        return Boolean.TRUE.equals(optionalFlag(f, body, key, label));
    }

    /** A boolean that may be absent (null); anything but true, false or their text is refused. */
    private static Boolean optionalFlag(FormValues f, Map<String, Object> body, String key, String label) {
        Object v = body.get(key);
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v instanceof String s && s.isBlank()) {
            return null;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return s.equalsIgnoreCase("true");
        }
        f.reject(key, label + "应为 true 或 false");
        return null;
    }

    /**
     * A list of objects, each read by {@code item} and refused by path ({@code members[1].sme}) where it is bad or
     * carries a field the API does not know.
     */
    private static <T> List<T> list(FormValues f, Object value, String key, String label, Set<String> known,
                                    BiFunction<FormValues, Map<String, Object>, T> item) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            f.reject(key, label + "应为列表");
            return List.of();
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = key + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> raw)) {
                f.reject(path, label + "应为对象 {" + String.join(", ", known.stream().sorted().toList()) + "}");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) raw;
            FormValues mf = new FormValues(m);
            T t = item.apply(mf, m);
            KnownFields.unknown(m, known, path + ".").forEach(e -> f.reject(e.field(), e.message()));
            mf.errors().forEach(e -> f.reject(path + "." + e.field(), e.message()));
            items.add(t);
        }
        return items;
    }

    private static ClusterMember member(FormValues mf, Map<String, Object> m) {
        return new ClusterMember(mf.text("enterprise", "共同体成员企业名称", false, MAX_TEXT),
                mf.money("equipmentInvestment", "共同体成员设备投资额", false),
                flag(mf, m, "sme", "是否中小企业"),
                mf.text("creditCode", "共同体成员统一社会信用代码", false, 64),
                mf.choice("mujuanClass", "共同体成员亩产效益评价类别", QuoteRequestValidator.MUJUAN_CLASSES, false),
                flag(mf, m, "echelonListed", "共同体成员列入梯队企业培育名单"));
    }

    /** A funding row of the API states its amount: the legacy checkbox is the only row without one. */
    private static OtherFunding funding(FormValues mf, Map<String, Object> m) {
        String level = mf.choice("level", "资金级别", Set.copyOf(OtherFunding.LEVELS), true);
        String source = mf.name("source", "资金来源(名称)", true, MAX_TEXT);
        String document = mf.text("document", "资金下达文件", false, MAX_TEXT);
        BigDecimal amount = mf.money("amount", "资金金额", true);
        if (amount != null && amount.signum() == 0) {
            mf.reject("amount", "资金金额应大于 0");
            amount = null;
        }
        return new OtherFunding(level, source, document, amount);
    }
}
