package cn.tcsubsidy.notice.publication.domain;

import cn.tcsubsidy.jurisdiction.AwardCategories;
import cn.tcsubsidy.jurisdiction.Jurisdiction;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The proposed list as published once the round's notice has opened: per jurisdiction and round year, the projects
 * whose notice opened in that round (their history records it) and whose award still stands in the ledger — an
 * objection upheld cancels the award and takes the project off the published list. Before the notice opens there is
 * nothing to publish (404).
 */
@Service
public class PublishedNotices {

    /** The history action {@code NoticeService.opened} records for each project it publishes. */
    static final String NOTICE_OPENED = "NOTICE_OPENED";

    private final JdbcClient jdbc;
    private final JurisdictionDirectory jurisdictions;
    private final ObjectionChannels channels;
    private final Clock clock;

    public PublishedNotices(JdbcClient jdbc, JurisdictionDirectory jurisdictions, ObjectionChannels channels, Clock clock) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.channels = channels;
        this.clock = clock;
    }

    record RoundRow(long id, LocalDate startsOn, LocalDate endsOn) {
    }

    /** The published list of {@code jurisdiction}'s round of {@code year}; 400 without either, 404 when none. */
    public PublishedNotice find(String jurisdiction, String year) {
        List<FieldError> errors = new ArrayList<>();
        if (jurisdiction == null || jurisdiction.isBlank()) {
            errors.add(new FieldError("jurisdiction", "辖区不能为空"));
        }
        Integer y = null;
        if (year == null || year.isBlank()) {
            errors.add(new FieldError("year", "年度不能为空"));
        } else if (!year.strip().matches("[0-9]{4}")) {
            errors.add(new FieldError("year", "年度应为四位数字年份:" + year));
        } else {
            y = Integer.valueOf(year.strip());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return find(jurisdiction.strip(), y);
    }

    PublishedNotice find(String code, int year) {
        Jurisdiction j = jurisdictions.find(code).orElseThrow(() -> new NotFoundException("没有该辖区的公示:" + code));
        RoundRow round = jdbc.sql("""
                select id, notice_starts_on, notice_ends_on from review_round
                 where jurisdiction_code = :j and round_year = :y and notice_starts_on is not null
                """)
                .param("j", code).param("y", year)
                .query((rs, i) -> new RoundRow(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
                .optional()
                .orElseThrow(() -> new NotFoundException(j.name() + " " + year + " 年度尚未发布拟扶持名单公示"));
        List<PublishedNotice.Project> listed = jdbc.sql("""
                select p.enterprise_name, p.project_name, p.category, p.proposed_amount, u.name as unit_name
                  from project p
                  join recommending_unit u on u.jurisdiction_code = p.jurisdiction_code and u.code = p.unit_code
                 where p.round_id = :r
                   and exists (select 1 from project_event e where e.project_id = p.id and e.action = :opened)
                   and exists (select 1 from award a where a.project_id = p.id and a.status <> 'CANCELLED')
                 order by u.code, p.id
                """)
                .param("r", round.id()).param("opened", NOTICE_OPENED)
                .query((rs, i) -> new PublishedNotice.Project(rs.getString("enterprise_name"),
                        rs.getString("project_name"), categoryLabel(code, rs.getString("category")),
                        amount(rs.getBigDecimal("proposed_amount")), rs.getString("unit_name")))
                .list();
        BigDecimal total = listed.stream().map(PublishedNotice.Project::proposedAmount).reduce(Money.ZERO, BigDecimal::add);
        return new PublishedNotice(code, j.name(), year, round.startsOn(), round.endsOn(),
                status(round.startsOn(), round.endsOn()), channels.of(code).map(ObjectionChannel::publicView).orElse(null),
                listed, listed.size(), total);
    }

    private String status(LocalDate first, LocalDate last) {
        LocalDate today = LocalDate.now(clock);
        if (today.isBefore(first)) {
            return "公示期未开始";
        }
        return today.isAfter(last) ? "公示期满" : "公示中";
    }

    private static BigDecimal amount(BigDecimal proposed) {
        return proposed == null ? Money.ZERO : Money.round(proposed);
    }

    static String categoryLabel(String jurisdiction, String category) {
        return AwardCategories.of(jurisdiction).getOrDefault(category, category);
    }
}
