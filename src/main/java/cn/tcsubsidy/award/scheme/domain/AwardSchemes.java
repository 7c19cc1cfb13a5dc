package cn.tcsubsidy.award.scheme.domain;

import cn.tcsubsidy.jurisdiction.AwardCategories;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.KnownFields;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Annual award schemes (专项奖补方案, issue 7 point 3). Where a document leaves the rate to an annual scheme
 * (黄冈 四(二): 各地分年度制定专项奖补方案; 济源 绿色化改造: 一定比例), the scheme is data the jurisdiction's rule
 * administrator enters as filed (文件号, year, 备案 date, a rate row per category) and withdraws with a reason. A year
 * without an active scheme for the project's scope pays nothing: the quote passes no scheme and the tables refuse
 * with 本年度奖补方案未备案. There is no fallback from a county to the city: a county without a filed scheme pays nothing.
 * The rule administrator and the administrator enter and withdraw; the bureau, the process owner and the auditor
 * read too.
 */
@Service
public class AwardSchemes {

    public static final String JURISDICTION = "jurisdiction";
    public static final String SCOPE = "scope";
    public static final String YEAR = "year";
    public static final String DOCUMENT = "document";
    public static final String FILED_ON = "filedOn";
    public static final String RATES = "rates";
    public static final String CATEGORY = "category";
    public static final String RATE = "rate";
    public static final String PROJECT_CAP = "projectCap";
    public static final String ENTERPRISE_CAP = "enterpriseCap";
    public static final String NOTE = "note";
    public static final String REASON = "reason";
    private static final Set<String> FIELDS = Set.of(JURISDICTION, SCOPE, YEAR, DOCUMENT, FILED_ON, RATES);
    private static final Set<String> RATE_FIELDS = Set.of(CATEGORY, RATE, PROJECT_CAP, ENTERPRISE_CAP, NOTE);

    private final AwardSchemeRepository repository;
    private final JurisdictionDirectory directory;
    private final Clock clock;

    AwardSchemes(AwardSchemeRepository repository, JurisdictionDirectory directory, Clock clock) {
        this.repository = repository;
        this.directory = directory;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------ the quote's lookup

    /**
     * The terms of the active scheme that applies to a quote: the category must take a scheme in the jurisdiction,
     * and the scheme is the one of the project's recommending unit ({@code unit}, Huanggang's county) or of the
     * jurisdiction, for the award year. Empty when the category takes no scheme, the unit is unknown, or no scheme
     * is active for that scope and year; without a rate when the active scheme sets none for the category.
     */
    @Transactional(readOnly = true)
    public Optional<SchemeTerms> termsFor(String jurisdiction, String category, String unit, int awardYear) {
        return repository.category(jurisdiction, category)
                .map(c -> c.scopeKind() == ScopeKind.UNIT ? unit : jurisdiction)
                .flatMap(scope -> repository.terms(jurisdiction, scope, awardYear, category));
    }

    // ------------------------------------------------------------------------------------------ reads

    /** Whether the scope has an active scheme for the year (the demo enters its samples only where none is). */
    boolean hasActive(String jurisdiction, String scope, int year) {
        return repository.active(jurisdiction, scope, year).isPresent();
    }

    /** The jurisdiction's schemes, newest year first, optionally of one year. */
    @Transactional(readOnly = true)
    public List<AwardScheme> list(String jurisdiction, Integer year, Actor actor) {
        requireReader(jurisdiction, actor);
        return repository.list(jurisdiction, year);
    }

    /** The categories that take a scheme in the jurisdiction, with what the rate means and the source's words. */
    @Transactional(readOnly = true)
    public List<SchemeCategory> categories(String jurisdiction, Actor actor) {
        requireReader(jurisdiction, actor);
        return repository.categories(jurisdiction);
    }

    /** A scheme; one of another jurisdiction reads as absent, a role of its own that may not read it is refused. */
    @Transactional(readOnly = true)
    public AwardScheme get(long id, Actor actor) {
        AwardScheme s = repository.find(id).filter(x -> actor.mayActIn(x.jurisdiction()))
                .orElseThrow(() -> new NotFoundException("奖补方案不存在:" + id));
        requireReader(s.jurisdiction(), actor);
        return s;
    }

    // ------------------------------------------------------------------------------------------ writes

    /**
     * Enters a filed scheme from the API's body: {@code jurisdiction}, {@code scope} (the recommending unit, or the
     * jurisdiction's code for a jurisdiction-wide scheme), {@code year}, {@code document} (文件号), {@code filedOn}
     * (备案 date, not after today) and {@code rates} [{category, rate, projectCap, enterpriseCap, note}]. The API
     * never enters a sample scheme.
     */
    @Transactional
    public AwardScheme create(Map<String, Object> body, Actor actor) {
        FormValues f = new FormValues(body);
        String jurisdiction = f.text(JURISDICTION, "辖区", true, 32);
        if (jurisdiction != null && !directory.exists(jurisdiction)) {
            throw new ValidationException(JURISDICTION, "辖区取值无效:" + jurisdiction);
        }
        if (jurisdiction != null) {
            requireWriter(jurisdiction, actor);
        }
        KnownFields.unknown(body, FIELDS, "").forEach(e -> f.reject(e.field(), e.message()));
        String scope = f.text(SCOPE, "方案适用范围(县市区或辖区代码)", true, 32);
        Integer year = f.wholeNumber(YEAR, "方案年度", true, 2000, 2100);
        String document = f.name(DOCUMENT, "方案文件号", true, 200);
        LocalDate filedOn = f.date(FILED_ON, "备案日期", true);
        List<SchemeRate> rates = rates(f, body.get(RATES));
        f.throwIfInvalid();
        return enter(new SchemeDraft(jurisdiction, scope, year, document, filedOn, false, rates), actor);
    }

    /**
     * Enters a scheme: the rule administrator or the administrator through {@link #create}, or the system for the
     * demo's sample ({@link DemoSchemes}). Refused when the scope already has an active scheme for the year, also
     * when two arrive at once.
     */
    @Transactional
    public AwardScheme enter(SchemeDraft draft, Actor actor) {
        if (!actor.isSystem()) {
            requireWriter(draft.jurisdiction(), actor);
        }
        List<FieldError> problems = problems(draft);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        repository.active(draft.jurisdiction(), draft.scope(), draft.year()).ifPresent(s -> {
            throw taken(draft, s.document());
        });
        long id;
        try {
            id = repository.insert(draft, actor.userId(), LocalDateTime.now(clock));
        } catch (DuplicateKeyException e) {
            // Entered meanwhile by another transaction; this one is aborted (PostgreSQL), so the other's document
            // number cannot be read here.
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains(AwardSchemeRepository.ACTIVE_ONCE)) {
                throw taken(draft, null);
            }
            throw e;
        }
        return repository.find(id).orElseThrow();
    }

    /** Withdraws an active scheme ({@code reason} required): from then on its scope and year have no scheme. */
    @Transactional
    public AwardScheme withdraw(long id, Map<String, Object> body, Actor actor) {
        AwardScheme scheme = get(id, actor);
        requireWriter(scheme.jurisdiction(), actor);
        FormValues f = new FormValues(body);
        KnownFields.unknown(body, Set.of(REASON), "").forEach(e -> f.reject(e.field(), e.message()));
        String reason = f.text(REASON, "撤回原因", true, 500);
        f.throwIfInvalid();
        if (!repository.withdraw(id, actor.userId(), LocalDateTime.now(clock), reason)) {
            throw new ValidationException("id", "该奖补方案已撤回,不能再次撤回");
        }
        return repository.find(id).orElseThrow();
    }

    // ------------------------------------------------------------------------------------------ checks

    private List<SchemeRate> rates(FormValues f, Object value) {
        if (value == null) {
            f.reject(RATES, "请至少填写一个奖补类别的比例");
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            f.reject(RATES, "比例应为非空列表 [{category, rate, projectCap, enterpriseCap, note}]");
            return List.of();
        }
        List<SchemeRate> rates = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String prefix = RATES + "[" + i + "].";
            if (!(list.get(i) instanceof Map<?, ?> raw)) {
                f.reject(RATES + "[" + i + "]", "应为对象 {category, rate, projectCap, enterpriseCap, note}");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) raw;
            FormValues rf = new FormValues(m);
            KnownFields.unknown(m, RATE_FIELDS, "").forEach(e -> rf.reject(e.field(), e.message()));
            String category = rf.text(CATEGORY, "奖补类别", true, 40);
            BigDecimal rate = rf.bounded(RATE, "奖补比例(小数,如 0.05 即 5%)", true, BigDecimal.ZERO, BigDecimal.ONE);
            if (rate != null && rate.signum() == 0) {
                rf.reject(RATE, "奖补比例应大于 0");
                rate = null;
            }
            if (rate != null && rate.stripTrailingZeros().scale() > 6) {
                rf.reject(RATE, "奖补比例最多 6 位小数");
                rate = null;
            }
            BigDecimal projectCap = cap(rf, PROJECT_CAP, "单个项目上限");
            BigDecimal enterpriseCap = cap(rf, ENTERPRISE_CAP, "单个企业上限");
            String note = rf.text(NOTE, "方案原文或说明", false, 500);
            rf.errors().forEach(e -> f.reject(prefix + e.field(), e.message()));
            rates.add(new SchemeRate(category, rate, projectCap, enterpriseCap, note));
        }
        return rates;
    }

    /** A cap in yuan, optional (absent = no cap), more than 0 when given. */
    private static BigDecimal cap(FormValues f, String key, String label) {
        if (!f.has(key)) {
            return null;
        }
        BigDecimal v = f.money(key, label, false);
        if (v != null && v.signum() == 0) {
            f.reject(key, label + "应大于 0(不设上限请不填)");
            return null;
        }
        return v;
    }

    /**
     * What a draft must satisfy beyond the form of its fields: categories that take a scheme in the jurisdiction,
     * each once, all of the same scope kind, and a scope of that kind (a recommending unit of the jurisdiction, or the
     * jurisdiction itself); a 备案 date not after today.
     */
    private List<FieldError> problems(SchemeDraft d) {
        List<FieldError> errors = new ArrayList<>();
        if (d.filedOn() != null && d.filedOn().isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError(FILED_ON, "备案日期不能晚于今天"));
        }
        List<SchemeCategory> categories = repository.categories(d.jurisdiction());
        Set<String> seen = new HashSet<>();
        Set<ScopeKind> kinds = new HashSet<>();
        for (int i = 0; i < d.rates().size(); i++) {
            String c = d.rates().get(i).category();
            String field = RATES + "[" + i + "]." + CATEGORY;
            Optional<SchemeCategory> known = categories.stream().filter(k -> k.category().equals(c)).findFirst();
            if (known.isEmpty()) {
                errors.add(new FieldError(field, "奖补类别 " + c + " 的比例不由年度奖补方案确定(" + d.jurisdiction()
                        + " 由方案确定的类别:" + String.join("、", categories.stream()
                        .map(k -> k.category() + " " + AwardCategories.of(d.jurisdiction()).get(k.category())).toList())
                        + ")"));
            } else if (!seen.add(c)) {
                errors.add(new FieldError(field, "奖补类别重复:" + c));
            } else {
                kinds.add(known.get().scopeKind());
            }
        }
        if (kinds.size() > 1) {
            errors.add(new FieldError(RATES, "同一方案的类别应适用于同一范围(县市区方案与全辖区方案分别录入)"));
        } else if (kinds.contains(ScopeKind.UNIT) && directory.unit(d.jurisdiction(), d.scope()).isEmpty()) {
            errors.add(new FieldError(SCOPE, "方案适用范围应为本辖区的县(市、区)或推荐单位代码:" + d.scope()));
        } else if (kinds.contains(ScopeKind.JURISDICTION) && !d.jurisdiction().equals(d.scope())) {
            errors.add(new FieldError(SCOPE, "全辖区方案的适用范围应为辖区代码 " + d.jurisdiction()));
        }
        return errors;
    }

    private static ValidationException taken(SchemeDraft d, String document) {
        return new ValidationException(SCOPE, d.scope() + " 已有生效的 " + d.year() + " 年度奖补方案"
                + (document == null ? "" : "(" + document + ")") + ",请先撤回后再录入");
    }

    private static boolean mayRead(String jurisdiction, Actor actor) {
        return actor.isAdmin() || actor.mayActIn(jurisdiction) && (actor.inGroup(Roles.rules(jurisdiction))
                || actor.inGroup(Roles.bureau(jurisdiction)) || actor.inGroup(Roles.owner(jurisdiction))
                || actor.inGroup(Roles.auditor(jurisdiction)));
    }

    private static void requireReader(String jurisdiction, Actor actor) {
        if (!mayRead(jurisdiction, actor)) {
            throw new AccessDeniedException("只有本辖区奖补规则管理员、工信局、流程负责人和审计监督可以查看年度奖补方案");
        }
    }

    private static void requireWriter(String jurisdiction, Actor actor) {
        if (!actor.isAdmin() && !(actor.mayActIn(jurisdiction) && actor.inGroup(Roles.rules(jurisdiction)))) {
            throw new AccessDeniedException("只有本辖区奖补规则管理员可以录入或撤回年度奖补方案");
        }
    }
}
