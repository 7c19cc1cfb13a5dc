package cn.tcsubsidy.award.scheme.domain;

import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.jurisdiction.RecommendingUnit;
import cn.tcsubsidy.shared.Actor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The demo's sample schemes (示例方案), labelled so wherever the quote shows its basis: one for the demo year for each
 * of Huanggang's recommending units and one jurisdiction-wide for Jiyuan GREEN, with the rates the tables held as
 * samples before the schemes became data (huanggang-award.dmn and jiyuan-award.dmn at 75a199b). Huanggang's sample
 * loan interest was LPR × 50 %; a scheme's rate is a share of the loan, so the sample is entered at 1.85 % (50 % of the
 * 3.70 % LPR of 2022). Called by the demo only; a real scheme is entered by the rule administrator through
 * {@code POST /api/award-schemes}.
 */
@Component
public class DemoSchemes {

    static final String DOCUMENT = "示例方案(演示数据,非正式文件)";

    private final AwardSchemes schemes;
    private final JurisdictionDirectory directory;

    public DemoSchemes(AwardSchemes schemes, JurisdictionDirectory directory) {
        this.schemes = schemes;
        this.directory = directory;
    }

    /** Enters the samples for {@code year}, leaving alone every scope that already has an active scheme that year. */
    public void enter(int year) {
        LocalDate filedOn = LocalDate.of(year, 1, 1);
        List<SchemeRate> huanggang = List.of(
                new SchemeRate("INVESTMENT_SUBSIDY", new BigDecimal("0.05"), new BigDecimal("1000000"), null,
                        "示例:投资奖补 = 设备投资额 × 5%,单个项目最高100万元"),
                new SchemeRate("LOAN_INTEREST", new BigDecimal("0.0185"), new BigDecimal("500000"), null,
                        "示例:贷款贴息 = 贷款实际发生额 × 1.85%(一年期LPR 3.70% 的50%),单个项目最高50万元"));
        for (RecommendingUnit unit : directory.units("huanggang")) {
            enterOnce(new SchemeDraft("huanggang", unit.code(), year, DOCUMENT, filedOn, true, huanggang));
        }
        enterOnce(new SchemeDraft("jiyuan", "jiyuan", year, DOCUMENT, filedOn, true, List.of(
                new SchemeRate("GREEN", new BigDecimal("0.03"), new BigDecimal("1000000"), null,
                        "示例:绿色化改造后补助 = 新增投资额 × 3%,单个项目最高100万元"))));
    }

    private void enterOnce(SchemeDraft draft) {
        if (!schemes.hasActive(draft.jurisdiction(), draft.scope(), draft.year())) {
            schemes.enter(draft, Actor.system());
        }
    }
}
