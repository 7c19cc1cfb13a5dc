package cn.tcsubsidy.notice.publication;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.award.domain.AwardDecisionService;
import cn.tcsubsidy.calendar.domain.WorkingDays;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.round.domain.RoundService;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.Rest.Download;
import cn.tcsubsidy.support.Rest.Response;
import cn.tcsubsidy.support.StageFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The published proposed list (拟扶持名单公示) of a Liaocheng round taken through the real ranking, award decisions
 * and notice: the JSON and the page need no login and show only what the public is told; the bureau's CSV and XLSX
 * show the ranking; the enterprise, the town and the experts get no export.
 */
abstract class PublicNoticeScenario {

    static final Actor BUREAU = new Actor("liaocheng-bureau", List.of("liaocheng-bureau"), List.of("liaocheng"));
    static final String J = StageFixture.JURISDICTION;
    static final String HOSTILE = "<script>alert(1)</script>&智能化改造";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired ProjectRepository projects;
    @Autowired ProjectHistory history;
    @Autowired AwardCases awards;
    @Autowired AwardDecisionService decisions;
    @Autowired RoundService rounds;
    @Autowired WorkingDays workingDays;

    Rest rest;
    StageFixture fixture;
    long round;
    int year;
    long first;
    long second;
    long third;

    /**
     * Three projects quoted by Liaocheng's table (10 % of equipment): 400,000 scored 90, 200,000 scored 85, 300,000
     * scored 80, against a budget of 650,000: the third is below the line. The bureau proposes the first whole, the
     * second at 150,000, and refuses the third; the notice opens.
     */
    @BeforeEach
    void noticeOpened() {
        rest = new Rest(port);
        fixture = new StageFixture(projects, history, jdbc);
        round = fixture.round("LIST_DECISION");
        year = rounds.get(round).year();
        jdbc.sql("update fund_budget set amount = 650000 where jurisdiction_code = :j and budget_year = :y")
                .param("j", J).param("y", year).update();
        first = quoted(4_000_000, 90);
        second = quoted(2_000_000, 85);
        third = quoted(3_000_000, 80);
        jdbc.sql("update project set project_name = :n where id = :id").param("n", HOSTILE).param("id", second).update();
        awards.rank(year, projects.findByRoundAndStage(round, Stage.AWARD_DECISION));
        decide(first, "PROPOSE", 400_000);
        decide(second, "PROPOSE", 150_000);
        decide(third, "REJECT", null);
        rounds.openNotice(round, 5);
    }

    long quoted(long equipment, int score) {
        long id = fixture.project(Stage.AWARD_DECISION, round);
        projects.recordCompletion(id, LocalDate.of(2025, 9, 30), new BigDecimal("6000000"), BigDecimal.valueOf(equipment),
                BigDecimal.ZERO, BigDecimal.ZERO);
        projects.setStage(id, Stage.AWARD_DECISION);
        projects.setExpertScore(id, BigDecimal.valueOf(score));
        awards.quote(id);
        return id;
    }

    void decide(long projectId, String decision, Integer amount) {
        Map<String, Object> values = new java.util.HashMap<>(Map.of("awardDecision", decision, "awardOpinion", "测试审定"));
        if (amount != null) {
            values.put("proposedAmount", amount);
        }
        decisions.decide(projectId, values, BUREAU);
    }

    String notice() {
        return "/api/public/notices?jurisdiction=" + J + "&year=" + year;
    }

    String page() {
        return "/public/notices/" + J + "/" + year;
    }

    String name(long projectId) {
        return projects.get(projectId).enterpriseName();
    }

    @Test
    void shouldPublishTheListedProjectsWithoutLoginAndNothingElse() {
        Response r = rest.get(null, notice());

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode n = r.body();
        assertThat(n.path("jurisdictionName").asText()).isEqualTo("聊城市");
        assertThat(n.path("year").asInt()).isEqualTo(year);
        Map<String, Object> window = fixture.roundRow(round);
        assertThat(n.path("noticeStartsOn").asText()).isEqualTo(date(window, "notice_starts_on"));
        assertThat(n.path("noticeEndsOn").asText()).isEqualTo(date(window, "notice_ends_on"));
        assertThat(n.path("status").asText()).isEqualTo("公示中");
        assertThat(n.path("projects")).hasSize(2);
        assertThat(n.path("projectCount").asInt()).isEqualTo(2);
        assertThat(n.path("totalProposedAmount").decimalValue()).isEqualByComparingTo("550000");
        JsonNode a = n.path("projects").get(0);
        assertThat(a.path("enterpriseName").asText()).isEqualTo(name(first));
        assertThat(a.path("projectName").asText()).isEqualTo(projects.get(first).projectName());
        assertThat(a.path("category").asText()).isEqualTo("设备奖补");
        assertThat(a.path("proposedAmount").decimalValue()).isEqualByComparingTo("400000");
        assertThat(a.path("recommendingUnit").asText()).isEqualTo("茌平区");
        assertThat(n.path("projects").get(1).path("projectName").asText()).isEqualTo(HOSTILE);
        assertThat(n.path("projects").get(1).path("proposedAmount").decimalValue()).isEqualByComparingTo("150000");
        assertThat(r.text()).doesNotContain(name(third));
        JsonNode channel = n.path("objectionChannel");
        assertThat(channel.path("label").asText()).isEqualTo("常见做法");
        assertThat(channel.path("sample").asBoolean()).isEqualTo(jdbc.sql(
                "select sample from notice_objection_channel where jurisdiction_code = :j").param("j", J).query(Boolean.class).single());
        assertThat(channel.path("acceptingUnit").asText()).isNotBlank();

        // Only these fields, at every level: no credit code, score, quote, expert, account or user.
        assertThat(fields(n)).containsExactlyInAnyOrder("jurisdiction", "jurisdictionName", "year", "noticeStartsOn",
                "noticeEndsOn", "status", "objectionChannel", "projects", "projectCount", "totalProposedAmount");
        assertThat(fields(channel)).containsExactlyInAnyOrder("acceptingUnit", "address", "phone", "mailbox",
                "requirements", "basis", "sample", "label");
        n.path("projects").forEach(p -> assertThat(fields(p)).containsExactlyInAnyOrder("enterpriseName",
                "projectName", "category", "proposedAmount", "recommendingUnit"));
        assertNothingPrivate(r.text());
    }

    @Test
    void shouldRenderTheSamePageWithoutLoginEscapedAndWithoutScript() {
        Response r = rest.get(null, page());

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        String html = r.text();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("聊城市 " + year + " 年度技术改造奖补拟扶持名单公示")
                .contains(name(first)).contains(name(second)).doesNotContain(name(third))
                .contains("<td class=\"amount\">400,000.00</td><td class=\"amount\">40.00</td>")
                .contains("<td class=\"amount\">150,000.00</td><td class=\"amount\">15.00</td>")
                .contains("<th>拟扶持金额(元)</th><th>拟扶持金额(万元)</th>")
                .contains("拟扶持金额合计 550,000.00 元(55.00 万元)").contains("设备奖补").contains("茌平区")
                .contains("异议受理方式").contains("常见做法").contains("公示中")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;智能化改造");
        assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("javascript:").doesNotContain(" on");
        assertNothingPrivate(html);
        assertThat(http(null, page()).header("Content-Security-Policy"))
                .contains("default-src 'none'").doesNotContain("script-src");
        assertThat(http(null, page()).header("Content-Type")).startsWith("text/html");
    }

    @Test
    void shouldAnswer404ForAnUnknownJurisdictionAYearWithoutRoundAndANoticeNotOpened() {
        long unopened = fixture.round("LIST_DECISION");
        int unopenedYear = rounds.get(unopened).year();
        long ranked = fixture.project(Stage.AWARD_DECISION, unopened);
        assertThat(ranked).isPositive();

        assertThat(rest.get(null, "/api/public/notices?jurisdiction=nowhere&year=" + year).status()).isEqualTo(404);
        assertThat(rest.get(null, "/api/public/notices?jurisdiction=" + J + "&year=2039").status()).isEqualTo(404);
        assertThat(rest.get(null, "/api/public/notices?jurisdiction=" + J + "&year=" + unopenedYear).status()).isEqualTo(404);
        assertThat(rest.get(null, "/api/public/notices?jurisdiction=hekou&year=" + year).status()).isEqualTo(404);
        assertThat(rest.get(null, "/public/notices/nowhere/" + year).status()).isEqualTo(404);
        assertThat(rest.get(null, "/public/notices/" + J + "/2039").status()).isEqualTo(404);
        Response notOpened = rest.get(null, "/public/notices/" + J + "/" + unopenedYear);
        assertThat(notOpened.status()).isEqualTo(404);
        assertThat(notOpened.text()).contains("尚未发布拟扶持名单公示").startsWith("<!DOCTYPE html>");
        assertThat(rest.get(null, "/public/notices/" + J + "/abcd").status()).isEqualTo(404);

        Response missing = rest.get(null, "/api/public/notices");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").has("jurisdiction")).isTrue();
        assertThat(missing.body().path("errors").has("year")).isTrue();
        assertThat(rest.get(null, "/api/public/notices?jurisdiction=" + J + "&year=20x6").body().path("errors").has("year"))
                .isTrue();
    }

    @Test
    void shouldOpenOnlyTheNoticeUnderApiAndCheckCredentialsSentThere() {
        assertThat(rest.get("liaocheng-ent-1", notice()).status()).isEqualTo(200);
        Download wrongPassword = http("liaocheng-ent-1:wrong", notice());
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(rest.get(null, "/api/public/notices/../rounds/" + round + "/proposed-list.csv").status()).isEqualTo(401);
        assertThat(rest.get(null, "/api/rounds/" + round + "/proposed-list.csv").status()).isEqualTo(401);
        assertThat(rest.get(null, "/api/public-holidays?year=2024").status()).isEqualTo(401);
        assertThat(rest.get(null, "/api/objection-channels/" + J).status()).isEqualTo(401);
    }

    @Test
    void shouldExportTheRankedListAsCsvForTheBureauOwnerAndAdministrator() {
        for (String user : List.of("liaocheng-bureau", "liaocheng-owner", "admin")) {
            Download r = http(user + ":" + user, "/api/rounds/" + round + "/proposed-list.csv");
            assertThat(r.status()).as(user).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("text/csv");
            assertThat(r.header("Content-Disposition")).startsWith("attachment");
            String text = r.text();
            assertThat(text).startsWith("\uFEFF");
            List<List<String>> rows = csv(text.substring(1));
            assertThat(rows.get(0)).containsExactly("排名", "兑现资金", "企业名称", "项目名称", "奖补类别", "推荐单位",
                    "专家评审得分", "按规则测算金额(元)", "拟扶持金额(元)", "拟扶持金额(万元)", "预算线", "审定结果", "排序说明");
            assertThat(rows).hasSize(4);
            // Machine-readable numbers (no thousands separators in a comma-separated line), each header naming its unit.
            assertThat(rows.get(1).subList(0, 12)).containsExactly("1", "聊城市工业企业技术改造设备奖补资金", name(first),
                    projects.get(first).projectName(), "设备奖补", "茌平区", "90.00", "400000.00", "400000.00", "40.00",
                    "线内", "列入拟扶持名单");
            assertThat(rows.get(2).subList(0, 12)).containsExactly("2", "聊城市工业企业技术改造设备奖补资金", name(second),
                    HOSTILE, "设备奖补", "茌平区", "85.00", "200000.00", "150000.00", "15.00", "线内", "列入拟扶持名单");
            assertThat(rows.get(3).subList(0, 12)).containsExactly("3", "聊城市工业企业技术改造设备奖补资金", name(third),
                    projects.get(third).projectName(), "设备奖补", "茌平区", "80.00", "300000.00", "", "", "线外", "不予扶持");
            assertThat(rows.get(3).get(12)).startsWith("预算排序第 3 名,在预算线外").contains("预算余额不足");
        }
    }

    @Test
    void shouldExportTheSameListAsXlsx() throws IOException {
        Download r = http("liaocheng-bureau:liaocheng-bureau", "/api/rounds/" + round + "/proposed-list.xlsx");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.bytes()))) {
            Sheet s = book.getSheet("拟扶持名单");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("排名");
            assertThat(s.getRow(0).getCell(7).getStringCellValue()).isEqualTo("按规则测算金额(元)");
            assertThat(s.getRow(0).getCell(8).getStringCellValue()).isEqualTo("拟扶持金额(元)");
            assertThat(s.getRow(0).getCell(9).getStringCellValue()).isEqualTo("拟扶持金额(万元)");
            assertThat(s.getLastRowNum()).isEqualTo(3);
            Row a = s.getRow(1);
            assertThat(a.getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(a.getCell(2).getStringCellValue()).isEqualTo(name(first));
            assertThat(a.getCell(6).getNumericCellValue()).isEqualTo(90);
            assertThat(a.getCell(6).getCellStyle().getDataFormatString()).as("a score, no separators").isEqualTo("0.00");
            // Amounts are number cells (they add up in the sheet) shown with thousands separators: 400,000.00.
            for (int money : List.of(7, 8, 9)) {
                assertThat(a.getCell(money).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
                assertThat(a.getCell(money).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            }
            assertThat(new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT).formatCellValue(a.getCell(8)))
                    .isEqualTo("400,000.00");
            assertThat(a.getCell(7).getNumericCellValue()).isEqualTo(400_000);
            assertThat(a.getCell(8).getNumericCellValue()).isEqualTo(400_000);
            assertThat(a.getCell(9).getNumericCellValue()).as("万元").isEqualTo(40.00);
            assertThat(a.getCell(10).getStringCellValue()).isEqualTo("线内");
            Row b = s.getRow(2);
            assertThat(b.getCell(3).getStringCellValue()).isEqualTo(HOSTILE);
            assertThat(b.getCell(8).getNumericCellValue()).isEqualTo(150_000);
            assertThat(b.getCell(9).getNumericCellValue()).isEqualTo(15.00);
            Row c = s.getRow(3);
            assertThat(c.getCell(0).getNumericCellValue()).isEqualTo(3);
            assertThat(c.getCell(8)).as("not proposed").isNull();
            assertThat(c.getCell(9)).as("not proposed").isNull();
            assertThat(c.getCell(10).getStringCellValue()).isEqualTo("线外");
            assertThat(c.getCell(11).getStringCellValue()).isEqualTo("不予扶持");
        }
    }

    @Test
    void shouldRefuseTheExportsToTheEnterpriseTownExpertFinanceAndAnotherJurisdiction() {
        for (String user : List.of("liaocheng-ent-1", "liaocheng-town-chiping", "liaocheng-expert-1",
                "liaocheng-finance", "liaocheng-rules", "hekou-bureau")) {
            for (String file : List.of("csv", "xlsx")) {
                Download r = http(user + ":" + user, "/api/rounds/" + round + "/proposed-list." + file);
                assertThat(r.status()).as(user + " " + file).isEqualTo(404);
                assertThat(r.text()).doesNotContain(name(first));
            }
        }
        long unranked = fixture.round("REVIEW");
        assertThat(http("liaocheng-bureau:liaocheng-bureau", "/api/rounds/" + unranked + "/proposed-list.csv").status())
                .isEqualTo(404);
        assertThat(http("liaocheng-bureau:liaocheng-bureau", "/api/rounds/999999/proposed-list.xlsx").status())
                .isEqualTo(404);
    }

    @Test
    void shouldLetTheBureauReplaceTheObjectionChannelAndPublishIt() {
        Map<String, Object> channel = Map.of("acceptingUnit", "聊城市工业和信息化局技术改造科",
                "address", "聊城市东昌府区某路 1 号", "phone", "0635-0000001", "mailbox", "jsgz@example.cn",
                "requirements", "请于公示期内实名书面提出异议。", "basis", "聊城市工信局公示公告(测试)");
        String path = "/api/objection-channels/" + J;
        assertThat(rest.get("liaocheng-ent-1", path).status()).isEqualTo(200);
        for (String user : List.of("liaocheng-ent-1", "liaocheng-town-chiping", "liaocheng-expert-1", "liaocheng-owner",
                "hekou-bureau")) {
            assertThat(rest.put(user, path, channel).status()).as(user).isEqualTo(403);
        }
        JsonNode seeded = rest.get(null, notice()).body().path("objectionChannel");
        assertThat(seeded.path("sample").asBoolean()).as("the migration's sample text").isTrue();
        assertThat(seeded.path("requirements").asText()).contains("实名").contains("匿名").contains("保密");
        assertThat(seeded.path("basis").asText()).startsWith("常见做法");
        assertThat(rest.get(null, page()).text()).contains("示例文本");

        Response bad = rest.put("liaocheng-bureau", path, Map.of("acceptingUnit", "", "phone", "1", "extra", "x"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").has("acceptingUnit")).isTrue();
        assertThat(bad.body().path("errors").has("address")).isTrue();
        assertThat(bad.body().path("errors").has("basis")).isTrue();
        assertThat(bad.body().path("errors").has("extra")).isTrue();

        Response ok = rest.put("liaocheng-bureau", path, channel);
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        JsonNode published = rest.get(null, notice()).body().path("objectionChannel");
        assertThat(published.path("address").asText()).isEqualTo("聊城市东昌府区某路 1 号");
        assertThat(published.path("sample").asBoolean()).isFalse();
        assertThat(published.path("label").asText()).isEqualTo("常见做法");
        assertThat(rest.get(null, page()).text()).contains("jsgz@example.cn").doesNotContain("示例文本");
        assertThat(jdbc.sql("select count(*) from notice_objection_channel_change where jurisdiction_code = :j")
                .param("j", J).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldCountTheNoticeOverTheShippedHolidaysOnThisDatabase() {
        assertThat(workingDays.lastOf(LocalDate.of(2024, 9, 30), 5)).isEqualTo(LocalDate.of(2024, 10, 11));
        assertThat(workingDays.lastOf(LocalDate.of(2026, 2, 14), 5)).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(jdbc.sql("select count(*) from public_holiday where holiday_date between :a and :b")
                .param("a", LocalDate.of(2020, 1, 1)).param("b", LocalDate.of(2026, 12, 31)).query(Long.class).single())
                .isEqualTo(254);
    }

    /** No credit code, score, user or panel member of the round's projects appears. */
    void assertNothingPrivate(String body) {
        for (long id : List.of(first, second, third)) {
            assertThat(body).doesNotContain(projects.get(id).creditCode()).doesNotContain(projects.get(id).projectCode());
        }
        assertThat(body).doesNotContain("90.00").doesNotContain("85.00").doesNotContain("200000")
                .doesNotContain("liaocheng-").doesNotContain("expert").doesNotContain("专家").doesNotContain("migration");
    }

    static Set<String> fields(JsonNode node) {
        Set<String> names = new HashSet<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    static String date(Map<String, Object> row, String column) {
        Object v = row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).findFirst().orElseThrow().getValue();
        return (v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v).toString();
    }

    /** A GET with HTTP Basic {@code user:password} (null: none), the body as bytes. */
    Download http(String credentials, String path) {
        if (credentials == null) {
            return rest.download(null, path);
        }
        int colon = credentials.indexOf(':');
        return rest.download(credentials.substring(0, colon), credentials.substring(colon + 1), path);
    }

    /** RFC 4180: fields separated by commas, quoted when they hold a comma, quote or line break; CRLF rows. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
