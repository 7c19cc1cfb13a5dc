package cn.tcsubsidy.scoreboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.project.domain.NewProject;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.Rest.Download;
import cn.tcsubsidy.support.Rest.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Jiyuan's town scoreboard for 2030 over known projects, put straight into their stages: filed in 2030 (one on
 * 1 January 00:00, one the second before, which does not count), completed, being built with progress reports,
 * rejected; the 2030 round's recommended, not recommended, proposed, paid and cancelled awards; one Hekou project.
 * The bureau enters 2030 targets for three units over REST; the figures, ranks and progress are checked exactly,
 * then the workbook read back, the year at a glance, the 2017 targets V34 moved from the source table, and who may
 * read and write what.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScoreboardScenario {

    static final int YEAR = 2030;
    static final String J = "jiyuan";
    static final String BUREAU = "jiyuan-bureau";
    static final String SCOREBOARD = "/api/scoreboard?jurisdiction=jiyuan&year=" + YEAR;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired ProjectRepository projects;

    Rest rest;
    int serial;

    @BeforeAll
    void seed() {
        rest = new Rest(port);
        LocalDateTime inYear = LocalDateTime.of(YEAR, 3, 1, 10, 0);
        // huling: two projects of enterprise A (one completed at 12,000,000, one being built: 6,000,000 so far),
        // one of B rejected (filed, but neither its investment nor B counts).
        long p1 = project("huling", 1, Stage.COMPLETED, 10_000_000, 12_000_000L, inYear, null);
        long p2 = project("huling", 1, Stage.IN_PROGRESS, 20_000_000, null, inYear, null);
        progress(p2, LocalDate.of(YEAR, 5, 31), 3_000_000);
        progress(p2, LocalDate.of(YEAR, 8, 31), 6_000_000);
        project("huling", 2, Stage.REJECTED, 9_000_000, 9_000_000L, inYear, null);
        // yuchuan: C being built with no report yet (0), D completed at 13,000,000.
        project("yuchuan", 3, Stage.IN_PROGRESS, 8_000_000, null, inYear, null);
        project("yuchuan", 4, Stage.COMPLETED, 13_000_000, 13_000_000L, inYear, null);
        // gaoxin: E filed the last second of 2029 (not counted), F the first second of 2030 at 1,000,000.
        project("gaoxin", 5, Stage.COMPLETED, 7_000_000, 7_000_000L, LocalDateTime.of(YEAR - 1, 12, 31, 23, 59, 59), null);
        project("gaoxin", 6, Stage.COMPLETED, 1_000_000, 1_000_000L, LocalDateTime.of(YEAR, 1, 1, 0, 0), null);
        // jishui has no target: 50,000,000.
        project("jishui", 7, Stage.COMPLETED, 50_000_000, 50_000_000L, inYear, null);
        // Hekou's project never shows in Jiyuan's board.
        projectIn("hekou", "yihe", 8, Stage.COMPLETED, 7_000_000, 7_000_000L, inYear, null);
        projectIn("hekou", "kfq", 9, Stage.COMPLETED, 3_000_000, 3_000_000L, inYear, null);

        // The 2030 round, for projects filed and completed in 2029.
        long round = round(J, YEAR);
        LocalDateTime before = LocalDateTime.of(YEAR - 1, 6, 1, 9, 0);
        long r1 = project("huling", 10, Stage.AWAITING_NOTICE, 5_000_000, 5_000_000L, before, round);
        recommended(r1);
        long a1 = award(r1, "PROPOSED", 500_000);
        order(r1, a1, "OPEN", 500_000);
        long r2 = project("huling", 11, Stage.FOLLOW_UP, 5_000_000, 5_000_000L, before, round);
        recommended(r2);
        long a2 = award(r2, "PAID", 300_000);
        order(r2, a2, "PAID", 300_000);
        long r3 = project("yuchuan", 12, Stage.REJECTED, 5_000_000, 5_000_000L, before, round);
        event(r3, "NOT_RECOMMENDED");
        long r4 = project("yuchuan", 13, Stage.REJECTED, 5_000_000, 5_000_000L, before, round);
        recommended(r4);
        award(r4, "CANCELLED", 200_000);
        jdbc.sql("""
                insert into fund_budget (jurisdiction_code, fund_code, budget_year, amount, basis, entered_by, updated_by)
                values ('jiyuan', 'jiyuan', :y, 20000000, '济财预〔2030〕1号(测试)', 'test', 'test')
                """).param("y", YEAR).update();

        Response put = rest.put(BUREAU, "/api/scoreboard/targets?jurisdiction=jiyuan&year=" + YEAR, Map.of(
                "targets", List.of(target("huling", "5500000000.00", "800000000.00", 5),
                        target("yuchuan", "4000000000", "650000000", 4), target("gaoxin", "3000000000", "500000000", 4)),
                "source", "济源市2030年技术改造目标任务分解表(测试)"));
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.body().get("targets")).hasSize(3);
        assertThat(put.body().get("updatedBy").asText()).isEqualTo(BUREAU);
    }

    @Test
    void shouldCountRankAndMeasureEachUnitAgainstItsTargets() {
        Response r = rest.get("jiyuan-owner", SCOREBOARD);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode b = r.body();
        assertThat(b.get("jurisdiction").asText()).isEqualTo(J);
        assertThat(b.get("year").asInt()).isEqualTo(YEAR);
        assertThat(b.get("asOf").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");
        assertThat(b.get("rankedBy").asText()).isEqualTo("完成率(技改投资)");
        assertThat(b.get("practice").asText()).startsWith("排序方法为常见做法:按技改投资目标完成率排序");
        assertThat(b.get("targetSource").asText()).isEqualTo("济源市2030年技术改造目标任务分解表(测试)");
        JsonNode units = b.get("units");
        assertThat(units).hasSize(19);
        assertThat(List.of(units.get(0).get("unit").asText(), units.get(1).get("unit").asText(),
                units.get(2).get("unit").asText(), units.get(3).get("unit").asText()))
                .containsExactly("huling", "yuchuan", "gaoxin", "jishui");

        JsonNode huling = units.get(0);
        assertThat(huling.get("unitName").asText()).isEqualTo("虎岭产业集聚区");
        assertLine(huling, 1, 3, 2, 2, 1, "18000000", "800000");
        assertThat(huling.at("/targets/industrialInvestment").decimalValue()).isEqualByComparingTo("5500000000");
        assertThat(huling.at("/targets/retrofitInvestment").decimalValue()).isEqualByComparingTo("800000000");
        assertThat(huling.at("/targets/retrofittingEnterprises").asInt()).isEqualTo(5);
        assertThat(huling.at("/progress/retrofitInvestment").decimalValue()).isEqualByComparingTo("0.0225");
        assertThat(huling.at("/progress/retrofittingEnterprises").decimalValue()).isEqualByComparingTo("0.2000");

        JsonNode yuchuan = units.get(1);
        assertLine(yuchuan, 2, 2, 1, 0, 2, "13000000", "0");
        assertThat(yuchuan.at("/progress/retrofitInvestment").decimalValue()).isEqualByComparingTo("0.0200");
        assertThat(yuchuan.at("/progress/retrofittingEnterprises").decimalValue()).isEqualByComparingTo("0.5000");

        JsonNode gaoxin = units.get(2);
        assertLine(gaoxin, 3, 1, 0, 0, 1, "1000000", "0");
        assertThat(gaoxin.at("/progress/retrofitInvestment").decimalValue()).isEqualByComparingTo("0.0020");
        assertThat(gaoxin.at("/progress/retrofittingEnterprises").decimalValue()).isEqualByComparingTo("0.2500");

        JsonNode jishui = units.get(3);
        assertLine(jishui, 4, 1, 0, 0, 1, "50000000", "0");
        assertThat(jishui.get("targets").isNull()).isTrue();
        assertThat(jishui.get("progress").isNull()).isTrue();
        for (int i = 4; i < 19; i++) {
            assertLine(units.get(i), 5, 0, 0, 0, 0, "0", "0");
        }

        JsonNode totals = b.get("totals");
        assertThat(totals.get("filed").asInt()).isEqualTo(7);
        assertThat(totals.get("recommended").asInt()).isEqualTo(3);
        assertThat(totals.get("awarded").asInt()).isEqualTo(2);
        assertThat(totals.get("enterprises").asInt()).isEqualTo(5);
        assertThat(totals.get("investment").decimalValue()).isEqualByComparingTo("82000000");
        assertThat(totals.get("awardAmount").decimalValue()).isEqualByComparingTo("800000");
        assertThat(totals.at("/targets/industrialInvestment").decimalValue()).isEqualByComparingTo("12500000000");
        assertThat(totals.at("/targets/retrofitInvestment").decimalValue()).isEqualByComparingTo("1950000000");
        assertThat(totals.at("/targets/retrofittingEnterprises").asInt()).isEqualTo(13);
        assertThat(totals.at("/progress/retrofitInvestment").decimalValue()).isEqualByComparingTo("0.0421");
        assertThat(totals.at("/progress/retrofittingEnterprises").decimalValue()).isEqualByComparingTo("0.3846");

        // Money as the app's other endpoints render it: a JSON number with two decimals.
        assertThat(r.text()).contains("\"investment\":18000000.00").contains("\"awardAmount\":800000.00")
                .contains("\"retrofitInvestment\":0.0225");
    }

    @Test
    void shouldRankByInvestmentWhereTheYearHasNoTargets() {
        JsonNode b = rest.get("hekou-bureau", "/api/scoreboard?jurisdiction=hekou&year=" + YEAR).body();
        assertThat(b.get("rankedBy").asText()).isEqualTo("技改完成投资额");
        assertThat(b.get("practice").asText()).contains("常见做法");
        assertThat(b.get("targetSource").isNull()).isTrue();
        JsonNode units = b.get("units");
        assertThat(units).hasSize(7);
        assertThat(units.get(0).get("unit").asText()).isEqualTo("yihe");
        assertLine(units.get(0), 1, 1, 0, 0, 1, "7000000", "0");
        assertThat(units.get(1).get("unit").asText()).isEqualTo("kfq");
        assertThat(units.get(1).get("rank").asInt()).isEqualTo(2);
        assertThat(units.get(2).get("rank").asInt()).isEqualTo(3);
        assertThat(units.get(6).get("rank").asInt()).isEqualTo(3);
        assertThat(units.get(0).get("targets").isNull()).isTrue();
        assertThat(b.at("/totals/targets").isNull()).isTrue();
        assertThat(b.at("/totals/progress").isNull()).isTrue();
        assertThat(b.at("/totals/investment").decimalValue()).isEqualByComparingTo("10000000");
    }

    @Test
    void shouldExportTheScoreboardAsAWorkbookInTenThousandYuan() throws IOException {
        Download r = rest.download("jiyuan-auditor", "/api/scoreboard.xlsx?jurisdiction=jiyuan&year=" + YEAR);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type"))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String disposition = r.header("Content-Disposition");
        assertThat(disposition).startsWith("attachment").contains("filename*=UTF-8''" + URLEncoder.encode(
                "济源市2030年度镇街技术改造目标考核排序通报.xlsx", StandardCharsets.UTF_8).replace("+", "%20"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.bytes()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(1);
            Sheet s = book.getSheetAt(0);
            List<String> header = new ArrayList<>();
            s.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("排名", "推荐单位", "备案项目数", "推荐项目数", "获奖补项目数",
                    "实施技改企业数", "技改完成投资(万元)", "奖补金额(万元)", "工业投资目标(万元)", "工业技改投资目标(万元)",
                    "实施技改企业目标(家)", "技改投资完成率", "实施技改企业完成率");
            Row huling = s.getRow(1);
            assertThat(huling.getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(huling.getCell(1).getStringCellValue()).isEqualTo("虎岭产业集聚区");
            assertThat(huling.getCell(2).getNumericCellValue()).isEqualTo(3);
            assertThat(huling.getCell(6).getNumericCellValue()).isEqualTo(1800.00);
            assertThat(huling.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(huling.getCell(7).getNumericCellValue()).isEqualTo(80.00);
            assertThat(huling.getCell(9).getNumericCellValue()).isEqualTo(80000.00);
            assertThat(huling.getCell(11).getNumericCellValue()).isEqualTo(0.0225);
            assertThat(huling.getCell(11).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(s.getRow(4).getCell(1).getStringCellValue()).isEqualTo("济水街道");
            assertThat(s.getRow(4).getCell(8)).isNull();
            Row totals = s.getRow(20);
            assertThat(totals.getCell(1).getStringCellValue()).isEqualTo("合计");
            assertThat(totals.getCell(2).getNumericCellValue()).isEqualTo(7);
            assertThat(totals.getCell(6).getNumericCellValue()).isEqualTo(8200.00);
            assertThat(totals.getCell(7).getNumericCellValue()).isEqualTo(80.00);
            assertThat(totals.getCell(9).getNumericCellValue()).isEqualTo(195000.00);
            assertThat(s.getRow(22).getCell(0).getStringCellValue()).contains("常见做法");
        }
    }

    @Test
    void shouldShowTheYearAtAGlance() {
        Response r = rest.get("jiyuan-auditor", "/api/year-summary?jurisdiction=jiyuan&year=" + YEAR);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode b = r.body();
        Map<String, Integer> stages = new LinkedHashMap<>();
        b.get("stages").forEach(s -> stages.put(s.get("stage").asText(), s.get("projects").asInt()));
        assertThat(stages.keySet()).containsExactly(java.util.Arrays.stream(Stage.values()).map(Stage::name)
                .toArray(String[]::new));
        assertThat(stages).containsEntry("IN_PROGRESS", 2).containsEntry("COMPLETED", 4).containsEntry("REJECTED", 3)
                .containsEntry("AWAITING_NOTICE", 1).containsEntry("FOLLOW_UP", 1).containsEntry("PAYMENT", 0);
        assertThat(stages.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(11);
        assertThat(b.at("/stages/0/stageName").asText()).isEqualTo(Stage.IN_PROGRESS.label());
        assertThat(b.get("awardDecided").decimalValue()).isEqualByComparingTo("800000");
        assertThat(b.get("awardPaid").decimalValue()).isEqualByComparingTo("300000");
        assertThat(b.get("budget").decimalValue()).isEqualByComparingTo("20000000");
        assertThat(b.get("budgetSource").asText()).contains("济财预〔2030〕1号(测试)");
        assertThat(b.get("funds")).hasSize(1);
        assertThat(b.at("/funds/0/fund").asText()).isEqualTo("jiyuan");
        assertThat(b.at("/funds/0/fundName").asText()).isEqualTo("济源市技术改造奖补资金");
        assertThat(b.at("/funds/0/decided").decimalValue()).isEqualByComparingTo("800000");
        assertThat(b.at("/funds/0/paid").decimalValue()).isEqualByComparingTo("300000");

        JsonNode none = rest.get("jiyuan-bureau", "/api/year-summary?jurisdiction=jiyuan&year=2039").body();
        assertThat(none.get("budget").isNull()).isTrue();
        assertThat(none.get("budgetSource").asText()).contains("未录入");
        assertThat(none.get("funds")).isEmpty();
        assertThat(none.get("awardDecided").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void shouldCarryJiyuans2017TargetsFromTheSourceTableInYuan() {
        Response r = rest.get("jiyuan-bureau", "/api/scoreboard/targets?jurisdiction=jiyuan&year=2017");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode targets = r.body().get("targets");
        assertThat(targets).hasSize(19);
        BigDecimal industrial = BigDecimal.ZERO;
        BigDecimal retrofit = BigDecimal.ZERO;
        int enterprises = 0;
        for (JsonNode t : targets) {
            industrial = industrial.add(t.get("industrialInvestmentTarget").decimalValue());
            retrofit = retrofit.add(t.get("retrofitInvestmentTarget").decimalValue());
            enterprises += t.get("retrofittingEnterprisesTarget").asInt();
        }
        // The source's 合计: 240 / 40 亿元, 60 enterprises.
        assertThat(industrial).isEqualByComparingTo("24000000000");
        assertThat(retrofit).isEqualByComparingTo("4000000000");
        assertThat(enterprises).isEqualTo(60);
        JsonNode yuchuan = java.util.stream.StreamSupport.stream(targets.spliterator(), false)
                .filter(t -> t.get("unit").asText().equals("yuchuan")).findFirst().orElseThrow();
        assertThat(yuchuan.get("unitName").asText()).isEqualTo("玉川产业集聚区");
        assertThat(yuchuan.get("retrofitInvestmentTarget").decimalValue()).isEqualByComparingTo("650000000");
        assertThat(r.body().get("source").asText()).contains("济政〔2017〕27号").contains("技术改造2017年攻坚目标任务分解表");
    }

    @Test
    void shouldLetReadersInAndKeepEveryoneElseOut() {
        for (String reader : List.of("jiyuan-bureau", "jiyuan-owner", "jiyuan-auditor", "admin")) {
            assertThat(rest.get(reader, SCOREBOARD).status()).as(reader).isEqualTo(200);
            assertThat(rest.get(reader, "/api/year-summary?jurisdiction=jiyuan&year=" + YEAR).status()).as(reader)
                    .isEqualTo(200);
            assertThat(rest.get(reader, "/api/scoreboard/targets?jurisdiction=jiyuan&year=" + YEAR).status())
                    .as(reader).isEqualTo(200);
            assertThat(rest.download(reader, "/api/scoreboard.xlsx?jurisdiction=jiyuan&year=" + YEAR).status())
                    .as(reader).isEqualTo(200);
        }
        for (String other : List.of("hekou-owner", "hekou-bureau", "jiyuan-ent-1", "jiyuan-town-huling",
                "jiyuan-finance", "jiyuan-rules", "jiyuan-head", "jiyuan-expert-1")) {
            Response r = rest.get(other, SCOREBOARD);
            assertThat(r.status()).as(other).isEqualTo(403);
            assertThat(r.body().get("message").asText()).startsWith("只有本辖区工信局、流程负责人、审计监督或管理员");
            assertThat(rest.get(other, "/api/year-summary?jurisdiction=jiyuan&year=" + YEAR).status()).as(other)
                    .isEqualTo(403);
            assertThat(rest.get(other, "/api/scoreboard/targets?jurisdiction=jiyuan&year=" + YEAR).status())
                    .as(other).isEqualTo(403);
            assertThat(rest.download(other, "/api/scoreboard.xlsx?jurisdiction=jiyuan&year=" + YEAR).status())
                    .as(other).isEqualTo(403);
        }
        for (String path : List.of(SCOREBOARD, "/api/scoreboard.xlsx?jurisdiction=jiyuan&year=" + YEAR,
                "/api/year-summary?jurisdiction=jiyuan&year=" + YEAR,
                "/api/scoreboard/targets?jurisdiction=jiyuan&year=" + YEAR)) {
            assertThat(rest.get(null, path).status()).as(path).isEqualTo(401);
        }
        assertThat(rest.get("admin", "/api/scoreboard?jurisdiction=nowhere&year=2030").status()).isEqualTo(404);
        Response badYear = rest.get("jiyuan-bureau", "/api/scoreboard?jurisdiction=jiyuan&year=1999");
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.body().at("/errors/year").asText()).contains("年度");

        // Targets: the bureau and the administrator set them; the owner, the auditor, another bureau do not.
        String path = "/api/scoreboard/targets?jurisdiction=jiyuan&year=2031";
        Map<String, Object> body = Map.of("targets", List.of(target("huling", "100", "10", 1)), "source", "测试");
        for (String refused : List.of("jiyuan-owner", "jiyuan-auditor", "hekou-bureau", "jiyuan-finance")) {
            assertThat(rest.put(refused, path, body).status()).as(refused).isEqualTo(403);
        }
        assertThat(rest.put(null, path, body).status()).isEqualTo(401);
        assertThat(count(2031)).isZero();
        assertThat(rest.put("jiyuan-bureau", path, body).status()).isEqualTo(200);
        assertThat(rest.put("admin", path, body).status()).isEqualTo(200);
        assertThat(count(2031)).isEqualTo(1);
    }

    @Test
    void shouldRefuseABadRowNamingRowAndFieldAndStoreNothing() {
        String path = "/api/scoreboard/targets?jurisdiction=jiyuan&year=" + YEAR;
        List<Map<String, Object>> before = rows(YEAR);
        Map<String, Object> negative = target("yuchuan", "-1", "10", 1);
        Map<String, Object> missing = new LinkedHashMap<>(target("gaoxin", "100", "10", 1));
        missing.remove("retrofittingEnterprisesTarget");
        Response r = rest.put(BUREAU, path, Map.of("targets", List.of(target("huling", "1", "1", 1), negative, missing,
                target("yihe", "1", "1", 1), target("huling", "2", "2", 2)), "source", "有错误的一次录入"));
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        JsonNode errors = r.body().get("errors");
        assertThat(errors.get("targets[1].industrialInvestmentTarget").asText()).contains("第2行").contains("玉川产业集聚区")
                .contains("工业投资目标").contains("不能为负数");
        assertThat(errors.get("targets[2].retrofittingEnterprisesTarget").asText()).contains("第3行").contains("不能为空");
        assertThat(errors.get("targets[3].unit").asText()).contains("第4行").contains("yihe").contains("不是济源市的推荐单位");
        assertThat(errors.get("targets[4].unit").asText()).contains("第5行").contains("与第1行重复");
        assertThat(errors.has("targets[0].unit")).isFalse();
        assertThat(rows(YEAR)).isEqualTo(before);

        Response noSource = rest.put(BUREAU, path, Map.of("targets", List.of(target("huling", "1", "1", 1)),
                "extra", 1));
        assertThat(noSource.status()).isEqualTo(400);
        assertThat(noSource.body().at("/errors/source").asText()).contains("不能为空");
        assertThat(noSource.body().at("/errors/extra").asText()).contains("未知字段");
        Response empty = rest.put(BUREAU, path, Map.of("targets", List.of(), "source", "x"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().at("/errors/targets").asText()).contains("不能为空");
        Response fraction = rest.put(BUREAU, path, Map.of("targets", List.of(Map.of("unit", "huling",
                "industrialInvestmentTarget", 1, "retrofitInvestmentTarget", 1, "retrofittingEnterprisesTarget", 1.5,
                "bonus", 1)), "source", "x"));
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(fraction.body().at("/errors/targets[0].retrofittingEnterprisesTarget").asText()).contains("整数");
        assertThat(fraction.body().at("/errors/targets[0].bonus").asText()).contains("未知字段");
        assertThat(rows(YEAR)).isEqualTo(before);
    }

    // --- fixtures ---

    static Map<String, Object> target(String unit, String industrial, String retrofit, int enterprises) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("unit", unit);
        t.put("industrialInvestmentTarget", new BigDecimal(industrial));
        t.put("retrofitInvestmentTarget", new BigDecimal(retrofit));
        t.put("retrofittingEnterprisesTarget", enterprises);
        return t;
    }

    static void assertLine(JsonNode u, int rank, int filed, int recommended, int awarded, int enterprises,
                           String investment, String awardAmount) {
        String unit = u.get("unit").asText();
        assertThat(u.get("rank").asInt()).as(unit + " rank").isEqualTo(rank);
        assertThat(u.get("filed").asInt()).as(unit + " filed").isEqualTo(filed);
        assertThat(u.get("recommended").asInt()).as(unit + " recommended").isEqualTo(recommended);
        assertThat(u.get("awarded").asInt()).as(unit + " awarded").isEqualTo(awarded);
        assertThat(u.get("enterprises").asInt()).as(unit + " enterprises").isEqualTo(enterprises);
        assertThat(u.get("investment").decimalValue()).as(unit + " investment").isEqualByComparingTo(investment);
        assertThat(u.get("awardAmount").decimalValue()).as(unit + " awardAmount").isEqualByComparingTo(awardAmount);
    }

    private long count(int year) {
        return jdbc.sql("select count(*) from unit_target where jurisdiction = 'jiyuan' and target_year = :y")
                .param("y", year).query(Long.class).single();
    }

    private List<Map<String, Object>> rows(int year) {
        return jdbc.sql("select * from unit_target where jurisdiction = 'jiyuan' and target_year = :y order by unit_code")
                .param("y", year).query().listOfRows();
    }

    private long project(String unit, int enterprise, Stage stage, long planned, Long actual, LocalDateTime filedAt,
                         Long round) {
        return projectIn(J, unit, enterprise, stage, planned, actual, filedAt, round);
    }

    /** A project of enterprise number {@code enterprise} put straight into {@code stage}, filed at {@code filedAt}. */
    private long projectIn(String jurisdiction, String unit, int enterprise, Stage stage, long planned, Long actual,
                           LocalDateTime filedAt, Long round) {
        int n = ++serial;
        long id = projects.insert(new NewProject(jurisdiction, unit, "济源市测试企业" + enterprise + "有限公司",
                CreditCode.withCheckCharacter(String.format("9141900%010d", enterprise)),
                String.format("2030-419001-34-03-%06d", n), "技术改造" + n, "TECH_RETROFIT", BigDecimal.valueOf(planned),
                BigDecimal.valueOf(planned / 2), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null,
                filedAt.toLocalDate(), filedAt.toLocalDate().plusMonths(6)), Stage.IN_PROGRESS, "jiyuan-ent-1");
        if (actual != null) {
            projects.recordCompletion(id, filedAt.toLocalDate().plusMonths(5), BigDecimal.valueOf(actual),
                    BigDecimal.valueOf(actual / 2), BigDecimal.ZERO, BigDecimal.ZERO);
        }
        if (round != null) {
            projects.setRound(id, round);
        }
        if (stage == Stage.REJECTED) {
            projects.reject(id, "测试:未通过");
        } else {
            projects.setStage(id, stage);
        }
        jdbc.sql("update project set filed_at = :at where id = :id").param("at", filedAt).param("id", id).update();
        return id;
    }

    private void progress(long project, LocalDate on, long toDate) {
        jdbc.sql("""
                insert into progress_report (project_id, report_date, completed_investment, note, reported_by, reported_at)
                values (:p, :d, :a, '测试进度', 'jiyuan-ent-1', CURRENT_TIMESTAMP)
                """).param("p", project).param("d", on).param("a", BigDecimal.valueOf(toDate)).update();
    }

    private long round(String jurisdiction, int year) {
        jdbc.sql("""
                insert into review_round (jurisdiction_code, round_year, recommendation_deadline, completed_before,
                  status, opened_by, opened_at)
                values (:j, :y, :deadline, :before, 'NOTICE', 'test', CURRENT_TIMESTAMP)
                """).param("j", jurisdiction).param("y", year).param("deadline", LocalDate.of(year, 11, 30))
                .param("before", LocalDate.of(year - 1, 12, 31)).update();
        return jdbc.sql("select id from review_round where jurisdiction_code = :j and round_year = :y")
                .param("j", jurisdiction).param("y", year).query(Long.class).single();
    }

    private void recommended(long project) {
        event(project, "RECOMMENDED");
    }

    private void event(long project, String action) {
        jdbc.sql("""
                insert into project_event (project_id, stage, action, actor, summary, occurred_at)
                values (:p, 'RECOMMENDATION', :a, 'jiyuan-town-huling', '测试', CURRENT_TIMESTAMP)
                """).param("p", project).param("a", action).update();
    }

    /** An award of the round's year, with its one fund share (the amount the ledger commits). */
    private long award(long project, String status, long amount) {
        String credit = jdbc.sql("select credit_code from project where id = :p").param("p", project)
                .query(String.class).single();
        jdbc.sql("""
                insert into award (project_id, jurisdiction_code, credit_code, category, category_set, policy_key,
                  cluster_lead, award_year, requested_amount, granted_amount, status, live, paid_amount,
                  recovered_amount, reserved_by, reserved_at, updated_at)
                values (:p, 'jiyuan', :c, 'TECH_RETROFIT', 'TECH_RETROFIT', 'jiyuan-2017', false, :y, :a, :a, :s, :live,
                  :paid, 0, 'jiyuan-bureau', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                """)
                .param("p", project).param("c", credit).param("y", YEAR).param("a", BigDecimal.valueOf(amount))
                .param("s", status).param("live", "CANCELLED".equals(status) ? null : Boolean.TRUE)
                .param("paid", "PAID".equals(status) ? BigDecimal.valueOf(amount) : null).update();
        long id = jdbc.sql("select max(id) from award where project_id = :p").param("p", project)
                .query(Long.class).single();
        jdbc.sql("insert into award_fund_share (award_id, fund_code, share, amount) values (:a, 'jiyuan', 1, :amount)")
                .param("a", id).param("amount", BigDecimal.valueOf(amount)).update();
        return id;
    }

    private void order(long project, long award, String status, long amount) {
        String credit = jdbc.sql("select credit_code from project where id = :p").param("p", project)
                .query(String.class).single();
        Long payee = null;
        if (!"OPEN".equals(status)) {
            jdbc.sql("""
                    insert into payee_account (project_id, payee_type, payee_name, bank_name, account_no, status,
                      live_project_id, recorded_by, recorded_at, confirmed_by, confirmed_at)
                    values (:p, 'ENTERPRISE', '测试企业', '中国银行济源分行', '622202000000001', 'CONFIRMED', :p,
                      'jiyuan-ent-1', CURRENT_TIMESTAMP, 'jiyuan-bureau', CURRENT_TIMESTAMP)
                    """).param("p", project).update();
            payee = jdbc.sql("select id from payee_account where project_id = :p").param("p", project)
                    .query(Long.class).single();
        }
        boolean paid = "PAID".equals(status);
        jdbc.sql("""
                insert into payment_order (project_id, award_id, jurisdiction_code, fund_code, credit_code, kind, amount,
                  basis, status, payee_account_id, voucher_no, payment_date, prepared_by, prepared_at, approved_by,
                  approved_at, created_at)
                values (:p, :award, 'jiyuan', 'jiyuan', :c, 'FULL', :a, '测试', :s, :payee, :voucher, :date, :by, :at,
                  :approver, :approvedAt, CURRENT_TIMESTAMP)
                """)
                .param("p", project).param("award", award).param("c", credit).param("a", BigDecimal.valueOf(amount))
                .param("s", status).param("payee", payee).param("voucher", paid ? "JY-2030-001" : null)
                .param("date", paid ? LocalDate.of(YEAR, 3, 1) : null).param("by", paid ? "jiyuan-finance" : null)
                .param("at", paid ? LocalDateTime.of(YEAR, 3, 1, 9, 0) : null)
                .param("approver", paid ? "jiyuan-finance-2" : null)
                .param("approvedAt", paid ? LocalDateTime.of(YEAR, 3, 1, 10, 0) : null).update();
    }
}
