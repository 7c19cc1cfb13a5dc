package cn.tcsubsidy.award.quote;

import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a quote request from a JSON object (as a Map) and refuses it, naming every bad field at once: unreadable
 * values (text where a number belongs, non-finite numbers, impossible dates) and whatever {@link QuoteRequestValidator}
 * refuses. Absent numbers count as zero, absent booleans as false.
 */
public final class QuoteRequestReader {

    private static final int MAX_TEXT = 200;

    private final QuoteRequestValidator validator;

    public QuoteRequestReader(QuoteRequestValidator validator) {
        this.validator = validator;
    }

    public QuoteRequest read(Map<String, Object> body) {
        FormValues f = new FormValues(body);
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
        boolean echelonListed = bool(f, body, "echelonListed", "列入梯队企业培育名单");
        boolean superiorFunded = bool(f, body, "superiorFunded", "已获上级或其它财政资金支持");
        String certificationLevel = f.choice("certificationLevel", "认定级别",
                QuoteRequestValidator.CERTIFICATION_LEVELS, false);
        BigDecimal expertScore = f.bounded("expertScore", "专家评审得分", false,
                QuoteRequestValidator.MIN_SCORE, QuoteRequestValidator.MAX_SCORE);
        String county = f.text("county", "县(市、区)", false, 64);
        List<ClusterMember> members = QuoteRequest.CLUSTER.equals(category) ? members(f, body.get("members")) : List.of();

        QuoteRequest request = new QuoteRequest(jurisdiction, category, applicationDate, figures, mujuanClass,
                echelonListed, superiorFunded, certificationLevel, expertScore, county, members);
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
    private static boolean bool(FormValues f, Map<String, Object> body, String key, String label) {
        Object v = body.get(key);
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false") || s.isBlank())) {
            return s.equalsIgnoreCase("true");
        }
        f.reject(key, label + "应为 true 或 false");
        return false;
    }

    private static List<ClusterMember> members(FormValues f, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            f.reject("members", "共同体成员应为列表");
            return List.of();
        }
        List<ClusterMember> members = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String prefix = "members[" + i + "].";
            if (!(list.get(i) instanceof Map<?, ?> raw)) {
                f.reject("members[" + i + "]", "共同体成员应为对象 {enterprise, equipmentInvestment, sme}");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) raw;
            FormValues mf = new FormValues(m);
            String enterprise = mf.text("enterprise", "共同体成员企业名称", false, MAX_TEXT);
            BigDecimal equipment = mf.money("equipmentInvestment", "共同体成员设备投资额", false);
            boolean sme = bool(mf, m, "sme", "是否中小企业");
            mf.errors().forEach(e -> f.reject(prefix + e.field(), e.message()));
            members.add(new ClusterMember(enterprise, equipment, sme));
        }
        return members;
    }
}
