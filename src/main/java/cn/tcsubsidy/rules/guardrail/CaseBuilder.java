package cn.tcsubsidy.rules.guardrail;

import cn.tcsubsidy.award.quote.ClusterMember;
import cn.tcsubsidy.award.quote.Figure;
import cn.tcsubsidy.award.quote.OtherFunding;
import cn.tcsubsidy.award.quote.QuoteContext;
import cn.tcsubsidy.award.quote.QuoteRequest;
import cn.tcsubsidy.award.scheme.domain.SchemeTerms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Builds the grid's cases: a base case per category, changed along each axis. Every setter returns a copy. */
public final class CaseBuilder {

    private String tenant;
    private String category;
    private final Map<Figure, BigDecimal> figures = new EnumMap<>(Figure.class);
    private LocalDate policyDate;
    private Integer awardYear;
    private String mujuanClass;
    private boolean echelonListed;
    private String certificationLevel;
    private String county;
    private final List<ClusterMember> members = new ArrayList<>();
    private String certificateNo = "示例证书-001";
    private LocalDate certificateDate;
    private Boolean localMade;
    private Integer listingYear;
    private LocalDate productionStartDate;
    private final List<OtherFunding> otherFunding = new ArrayList<>();
    private SchemeTerms scheme;
    private String poolLevel;
    private BigDecimal lpr;

    private CaseBuilder() {
    }

    public static CaseBuilder of(String tenant, String category, LocalDate policyDate) {
        CaseBuilder b = new CaseBuilder();
        b.tenant = tenant;
        b.category = category;
        b.policyDate = policyDate;
        b.awardYear = policyDate.getYear();
        return b;
    }

    private CaseBuilder copy(UnaryOperator<CaseBuilder> change) {
        CaseBuilder b = new CaseBuilder();
        b.tenant = tenant;
        b.category = category;
        b.figures.putAll(figures);
        b.policyDate = policyDate;
        b.awardYear = awardYear;
        b.mujuanClass = mujuanClass;
        b.echelonListed = echelonListed;
        b.certificationLevel = certificationLevel;
        b.county = county;
        b.members.addAll(members);
        b.certificateNo = certificateNo;
        b.certificateDate = certificateDate;
        b.localMade = localMade;
        b.listingYear = listingYear;
        b.productionStartDate = productionStartDate;
        b.otherFunding.addAll(otherFunding);
        b.scheme = scheme;
        b.poolLevel = poolLevel;
        b.lpr = lpr;
        return change.apply(b);
    }

    public CaseBuilder figure(Figure f, String yuan) {
        return copy(b -> {
            b.figures.put(f, new BigDecimal(yuan));
            return b;
        });
    }

    public CaseBuilder figure(Figure f, BigDecimal yuan) {
        return copy(b -> {
            b.figures.put(f, yuan);
            return b;
        });
    }

    /** The policy date; the award year moves with it unless set after. */
    public CaseBuilder date(LocalDate d) {
        return copy(b -> {
            b.policyDate = d;
            b.awardYear = d.getYear();
            return b;
        });
    }

    public CaseBuilder awardYear(Integer y) {
        return copy(b -> {
            b.awardYear = y;
            return b;
        });
    }

    public CaseBuilder mujuan(String c, boolean echelon) {
        return copy(b -> {
            b.mujuanClass = c;
            b.echelonListed = echelon;
            return b;
        });
    }

    public CaseBuilder level(String l) {
        return copy(b -> {
            b.certificationLevel = l;
            return b;
        });
    }

    public CaseBuilder county(String c) {
        return copy(b -> {
            b.county = c;
            return b;
        });
    }

    public CaseBuilder members(List<ClusterMember> m) {
        return copy(b -> {
            b.members.clear();
            b.members.addAll(m);
            return b;
        });
    }

    public CaseBuilder certificate(String no, LocalDate date) {
        return copy(b -> {
            b.certificateNo = no;
            b.certificateDate = date;
            return b;
        });
    }

    public CaseBuilder localMade(Boolean v) {
        return copy(b -> {
            b.localMade = v;
            return b;
        });
    }

    public CaseBuilder listingYear(Integer y) {
        return copy(b -> {
            b.listingYear = y;
            return b;
        });
    }

    public CaseBuilder productionStart(LocalDate d) {
        return copy(b -> {
            b.productionStartDate = d;
            return b;
        });
    }

    /** One more funding row of {@code level} (COUNTY … NATIONAL) of {@code yuan}. */
    public CaseBuilder funded(String level, String yuan) {
        return copy(b -> {
            b.otherFunding.add(new OtherFunding(level, "示例资金", "示例文件", new BigDecimal(yuan)));
            return b;
        });
    }

    public CaseBuilder scheme(SchemeTerms s) {
        return copy(b -> {
            b.scheme = s;
            return b;
        });
    }

    public CaseBuilder pool(String level) {
        return copy(b -> {
            b.poolLevel = level;
            return b;
        });
    }

    public CaseBuilder lpr(String rate) {
        return copy(b -> {
            b.lpr = new BigDecimal(rate);
            return b;
        });
    }

    /** The award year the case has so far (the policy date's year unless set). */
    public Integer awardYear() {
        return awardYear;
    }

    public GridCase build() {
        QuoteRequest r = new QuoteRequest(tenant, category, policyDate, figures, mujuanClass, echelonListed, false,
                certificationLevel, null, county, members, certificateNo, certificateDate, localMade, listingYear,
                productionStartDate, otherFunding, null, policyDate, awardYear);
        return new GridCase(r, new QuoteContext(policyDate, policyDate, awardYear, scheme), poolLevel, lpr);
    }
}
