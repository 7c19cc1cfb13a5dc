package cn.tcsubsidy.support;

import cn.tcsubsidy.project.domain.NewProject;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectEvent;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.CreditCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Liaocheng rounds and projects put straight into a given stage, for tests of the domain's steps without the engine;
 * and snapshots of what a refused step must leave unchanged. Liaocheng's tables quote in any year; each round has a
 * year of its own (one round per jurisdiction and year) and its fund a test budget for that year (no budget, no award).
 */
public final class StageFixture {

    public static final String JURISDICTION = "liaocheng";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final ProjectRepository projects;
    private final ProjectHistory history;
    private final JdbcClient jdbc;

    public StageFixture(ProjectRepository projects, ProjectHistory history, JdbcClient jdbc) {
        this.projects = projects;
        this.history = history;
        this.jdbc = jdbc;
    }

    /** A round in {@code status}; its notice (when it has one) ran from {@code noticeStartsOn} to {@code noticeEndsOn}. */
    public long round(String status, LocalDate noticeStartsOn, LocalDate noticeEndsOn) {
        // The next free test year of this database (2041 on): a counter per JVM ran past 2100 once enough test
        // classes shared it, and the award tables refuse a year after 2100.
        int year = jdbc.sql("select coalesce(max(round_year), 2040) + 1 from review_round where jurisdiction_code = :j"
                + " and round_year > 2040").param("j", JURISDICTION).query(Integer.class).single();
        if (year > 2100) {
            throw new IllegalStateException("no test round year left in this database");
        }
        jdbc.sql("""
                insert into review_round (jurisdiction_code, round_year, recommendation_deadline, completed_before,
                  status, notice_starts_on, notice_ends_on, opened_by, opened_at)
                values (:j, :y, :deadline, :before, :s, :first, :last, 'test', CURRENT_TIMESTAMP)
                """)
                .param("j", JURISDICTION).param("y", year).param("deadline", LocalDate.of(year, 11, 30))
                .param("before", LocalDate.of(year - 1, 12, 31)).param("s", status)
                .param("first", noticeStartsOn).param("last", noticeEndsOn).update();
        budget(jdbc, JURISDICTION, JURISDICTION, year, new BigDecimal("100000000"));
        return jdbc.sql("select id from review_round where jurisdiction_code = :j and round_year = :y")
                .param("j", JURISDICTION).param("y", year).query(Long.class).single();
    }

    /** A fund's budget for the year, entered as a test would have the finance officer enter it. */
    public static void budget(JdbcClient jdbc, String jurisdiction, String fund, int year, BigDecimal amount) {
        jdbc.sql("""
                insert into fund_budget (jurisdiction_code, fund_code, budget_year, amount, basis, entered_by, updated_by)
                values (:j, :f, :y, :a, '测试预算', 'test', 'test')
                """).param("j", jurisdiction).param("f", fund).param("y", year).param("a", amount).update();
    }

    public long round(String status) {
        return round(status, null, null);
    }

    /** A completed project of its own enterprise, scored 85, in {@code stage} and in {@code roundId} (null: none). */
    public long project(Stage stage, Long roundId) {
        int n = SERIAL.incrementAndGet();
        String enterprise = "聊城市测试机械" + n + "有限公司";
        long id = projects.insert(new NewProject(JURISDICTION, "chiping", enterprise,
                CreditCode.withCheckCharacter(String.format("9137150%010d", n)), String.format("2025-371500-34-03-%06d", n), "设备更新" + n, "EQUIPMENT",
                new BigDecimal("6000000"), new BigDecimal("4000000"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 9, 30)), Stage.IN_PROGRESS, "liaocheng-ent-1");
        if (stage != Stage.IN_PROGRESS) {
            projects.recordCompletion(id, LocalDate.of(2025, 9, 30), new BigDecimal("6000000"),
                    new BigDecimal("4000000"), BigDecimal.ZERO, BigDecimal.ZERO);
            projects.setExpertScore(id, BigDecimal.valueOf(85));
            projects.setRound(id, roundId);
            if (stage == Stage.REJECTED) {
                projects.reject(id, "测试:专家评审未通过");
            } else {
                projects.setStage(id, stage);
            }
        }
        history.record(id, stage, "TEST_SETUP", "test", "测试数据:项目置于「" + stage.label() + "」");
        return id;
    }

    /** Everything a step may write about a project: its row, its history, its quote and its ledger entries. */
    public record Snapshot(Project project, List<ProjectEvent> history, List<Map<String, Object>> quote,
                           List<Map<String, Object>> awards) {
    }

    public Snapshot snapshot(long projectId) {
        return new Snapshot(projects.get(projectId), history.of(projectId),
                jdbc.sql("select * from project_award where project_id = :p").param("p", projectId).query().listOfRows(),
                jdbc.sql("select * from award where project_id = :p order by id").param("p", projectId).query().listOfRows());
    }

    /** The round's row. */
    public Map<String, Object> roundRow(long roundId) {
        return jdbc.sql("select * from review_round where id = :r").param("r", roundId).query().singleRow();
    }
}
