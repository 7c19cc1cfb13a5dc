package cn.tcsubsidy.award.ledger;

import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who pays a recommending unit's awards (谁受益、谁兑现), as data an administrator keeps (tables {@code fund},
 * {@code unit_payer}): the jurisdiction's own fund; in Huanggang the county's fund for a county's projects (whichever
 * pool keeps their ledger), and for a 市区 unit its funds in a configured split (市级财政、黄州区、黄冈高新区, ratios
 * labelled 示例 until the fiscal document is entered).
 */
@Service
@Transactional(readOnly = true)
public class Payers {

    /** A fund that pays awards, e.g. {@code huanggang/macheng} 麻城市工业技改专项资金. */
    public record Fund(String jurisdiction, String code, String name) {
    }

    private final JdbcClient jdbc;

    public Payers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The funds paying the unit's projects and their shares (adding up to 1), by fund code. Refused, naming the unit,
     * when no payer is recorded or the shares do not add up to 1: an award is never charged to a guessed fund.
     */
    public List<FundShare> of(String jurisdiction, String unitCode) {
        List<FundShare> payers = jdbc.sql("""
                select fund_code, share, basis, sample from unit_payer
                 where jurisdiction_code = :j and unit_code = :u order by fund_code
                """)
                .param("j", jurisdiction).param("u", unitCode)
                .query((rs, i) -> new FundShare(rs.getString("fund_code"), rs.getBigDecimal("share").stripTrailingZeros(),
                        rs.getString("basis"), rs.getBoolean("sample")))
                .list();
        if (payers.isEmpty()) {
            throw new ValidationException("unitCode", "推荐单位 " + jurisdiction + "/" + unitCode
                    + " 未登记兑现资金(谁受益、谁兑现),请管理员登记后再安排奖补");
        }
        List<FieldError> problems = FundSplit.problems(payers, "unitCode");
        if (!problems.isEmpty()) {
            throw new ValidationException(problems.stream().map(e -> new FieldError("unitCode", "推荐单位 "
                    + jurisdiction + "/" + unitCode + " 的" + e.message())).toList());
        }
        return payers;
    }

    /** Every fund of the jurisdiction, by code. */
    public List<Fund> funds(String jurisdiction) {
        return jdbc.sql("select jurisdiction_code, fund_code, fund_name from fund where jurisdiction_code = :j order by fund_code")
                .param("j", jurisdiction).query((rs, i) -> new Fund(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    public Optional<Fund> fund(String jurisdiction, String code) {
        return jdbc.sql("select jurisdiction_code, fund_code, fund_name from fund where jurisdiction_code = :j and fund_code = :f")
                .param("j", jurisdiction).param("f", code)
                .query((rs, i) -> new Fund(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** The split as users read it, e.g. 「黄冈市市级工业技改专项资金 50%、黄州区工业技改专项资金 50%(示例比例;依据:…)」. */
    public String describe(String jurisdiction, List<FundShare> payers) {
        String parts = payers.stream().map(p -> fund(jurisdiction, p.fundCode()).map(Fund::name).orElse(p.fundCode())
                        + " " + p.share().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%")
                .collect(Collectors.joining("、"));
        String bases = payers.stream().map(FundShare::basis).distinct().collect(Collectors.joining(";"));
        boolean sample = payers.stream().anyMatch(FundShare::sample);
        return "兑现资金:" + parts + "(" + (sample ? "示例比例;" : "") + "依据:" + bases + ")";
    }
}
