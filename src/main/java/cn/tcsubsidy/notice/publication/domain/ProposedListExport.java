package cn.tcsubsidy.notice.publication.domain;

import cn.tcsubsidy.award.ledger.FundShare;
import cn.tcsubsidy.award.ledger.Payers;
import cn.tcsubsidy.jurisdiction.Jurisdiction;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.round.domain.Round;
import cn.tcsubsidy.round.domain.RoundService;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The round's ranked proposed list for its bureau, its process owner, its auditor and the administrator (the
 * CSV and XLSX exports); anyone else gets 404, as if there were no such round. The rank and the budget line are the ranking's
 * stored data ({@code project_award.budget_rank}, {@code within_line}: where the project stands after the bureau's
 * moves across the line), with the ranking's note and the moves as the explanation.
 */
@Service
public class ProposedListExport {

    private final RoundService rounds;
    private final JurisdictionDirectory jurisdictions;
    private final Payers payers;
    private final JdbcClient jdbc;

    public ProposedListExport(RoundService rounds, JurisdictionDirectory jurisdictions, Payers payers, JdbcClient jdbc) {
        this.rounds = rounds;
        this.jurisdictions = jurisdictions;
        this.payers = payers;
        this.jdbc = jdbc;
    }

    public ProposedListSheet of(long roundId, Actor actor) {
        Round round;
        try {
            round = rounds.get(roundId);
        } catch (NotFoundException e) {
            throw notFound(roundId);
        }
        String j = round.jurisdiction();
        if (!actor.isAdmin() && !(actor.mayActIn(j) && (actor.inGroup(Roles.bureau(j)) || actor.inGroup(Roles.owner(j))
                || actor.inGroup(Roles.auditor(j))))) {
            throw notFound(roundId);
        }
        List<ProposedListSheet.Row> rows = jdbc.sql("""
                select p.enterprise_name, p.project_name, p.category, p.unit_code, u.name as unit_name, p.expert_score,
                       p.proposed_amount, p.stage, pa.quoted_amount, pa.budget_note, pa.budget_rank, pa.within_line,
                       (select count(*) from award a where a.project_id = p.id and a.status <> 'CANCELLED') as live,
                       (select count(*) from award a where a.project_id = p.id and a.status = 'CANCELLED') as cancelled
                  from project p
                  join project_award pa on pa.project_id = p.id
                  join recommending_unit u on u.jurisdiction_code = p.jurisdiction_code and u.code = p.unit_code
                 where p.round_id = :r and pa.budget_rank is not null
                 order by p.id
                """)
                .param("r", roundId)
                .query((rs, i) -> {
                    String note = rs.getString("budget_note");
                    boolean live = rs.getLong("live") > 0;
                    String decision = live ? "列入拟扶持名单"
                            : rs.getLong("cancelled") > 0 ? "拟扶持已取消"
                            : Stage.AWARD_DECISION.name().equals(rs.getString("stage")) ? "待审定" : "不予扶持";
                    Integer rank = rs.getObject("budget_rank", Integer.class);
                    return new ProposedListSheet.Row(rank, funds(j, rs.getString("unit_code")),
                            rs.getString("enterprise_name"), rs.getString("project_name"),
                            PublishedNotices.categoryLabel(j, rs.getString("category")), rs.getString("unit_name"),
                            rs.getBigDecimal("expert_score"), Money.round(rs.getBigDecimal("quoted_amount")),
                            live && rs.getBigDecimal("proposed_amount") != null
                                    ? Money.round(rs.getBigDecimal("proposed_amount")) : null,
                            rs.getObject("within_line", Boolean.class), decision, note);
                })
                .list();
        if (rows.isEmpty()) {
            throw new NotFoundException("评审轮次 " + roundId + " 尚未按预算排序,没有拟扶持名单");
        }
        List<ProposedListSheet.Row> ordered = rows.stream()
                .sorted(Comparator.comparing(ProposedListSheet.Row::rank, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        String name = jurisdictions.find(j).map(Jurisdiction::name).orElse(j);
        return new ProposedListSheet(roundId, j, name, round.year(), round.status().label(), round.noticeStartsOn(),
                round.noticeEndsOn(), ordered);
    }

    private String funds(String jurisdiction, String unit) {
        List<FundShare> shares;
        try {
            shares = payers.of(jurisdiction, unit);
        } catch (ValidationException e) {
            return "未登记兑现资金";
        }
        return shares.stream().map(s -> payers.fund(jurisdiction, s.fundCode()).map(Payers.Fund::name).orElse(s.fundCode())
                        + (s.share().compareTo(BigDecimal.ONE) == 0 ? ""
                        : " " + s.share().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%"
                        + (s.sample() ? "(示例比例)" : "")))
                .collect(Collectors.joining("、"));
    }

    private static NotFoundException notFound(long roundId) {
        return new NotFoundException("评审轮次不存在:" + roundId);
    }
}
