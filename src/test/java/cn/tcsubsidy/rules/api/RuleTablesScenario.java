package cn.tcsubsidy.rules.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.support.Rest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The readable rule tables of a jurisdiction and the record of their deployments: the app's own deployment at start
 * (by the system), a rule administrator's change over /engine-rest with its readable diff, and who may read them.
 * Run on H2 ({@link RuleTablesH2Test}) and PostgreSQL ({@link RuleTablesPostgresTest}).
 */
abstract class RuleTablesScenario {

    static final String RATE_6 = "<outputEntry id=\"OutputEntry_Terms_DirectSubsidy_BaseRate\"><text>0.06</text>";
    static final String RATE_5 = "<outputEntry id=\"OutputEntry_Terms_DirectSubsidy_BaseRate\"><text>0.05</text>";

    @LocalServerPort
    int port;

    static JsonNode table(JsonNode tables, String key) {
        for (JsonNode t : tables.get("tables")) {
            if (key.equals(t.get("key").asText())) {
                return t;
            }
        }
        throw new AssertionError("no table " + key);
    }

    static JsonNode row(JsonNode table, String ruleId) {
        for (JsonNode r : table.get("rows")) {
            if (ruleId.equals(r.get("ruleId").asText())) {
                return r;
            }
        }
        throw new AssertionError("no row " + ruleId);
    }

    static String cell(JsonNode table, String ruleId, String columnStart) {
        List<String> columns = new ArrayList<>();
        table.get("inputs").forEach(c -> columns.add(c.asText()));
        table.get("outputs").forEach(c -> columns.add(c.asText()));
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).startsWith(columnStart)) {
                return row(table, ruleId).get("cells").get(i).asText();
            }
        }
        throw new AssertionError("no column " + columnStart + " in " + columns);
    }

    @Test
    void shouldShowTheTablesInForceAndRecordEveryDeploymentWithItsReadableChanges() throws Exception {
        Rest rest = new Rest(port);

        // At start: the app's own deployment of Hekou's models, by the system, every table new.
        Rest.Response history = rest.get("hekou-rules", "/api/rules/hekou/history");
        assertThat(history.status()).isEqualTo(200);
        JsonNode start = history.body().get("entries").get(0);
        assertThat(history.body().get("entries")).hasSize(1);
        assertThat(start.get("deploymentName").asText()).isEqualTo("tc-models-hekou");
        assertThat(start.get("source").asText()).isEqualTo("tc-subsidy");
        assertThat(start.get("deployedBy").asText()).isEqualTo("system");
        assertThat(start.get("deployedAt").asText()).isNotBlank();
        assertThat(start.get("tables").findValuesAsText("key")).contains("tc-award", "tc-award-terms", "lpr-1y");
        assertThat(start.get("diff").findValuesAsText("kind")).containsOnly("DECISION_ADDED");
        assertThat(start.get("diff").findValuesAsText("table")).contains("tc-award-terms");

        Rest.Response tables = rest.get("hekou-bureau", "/api/rules/hekou/tables");
        assertThat(tables.status()).isEqualTo(200);
        assertThat(tables.body().get("jurisdiction").asText()).isEqualTo("hekou");
        JsonNode terms = table(tables.body(), "tc-award-terms");
        assertThat(terms.get("version").asInt()).isEqualTo(1);
        assertThat(terms.get("resource").asText()).isEqualTo("dmn/hekou/hekou-award.dmn");
        assertThat(terms.get("hitPolicy").asText()).isEqualTo("FIRST");
        assertThat(terms.get("deploymentId").asText()).isEqualTo(start.get("deploymentId").asText());
        assertThat(cell(terms, "Rule_Terms_DirectSubsidy", "奖补类别")).isEqualTo("直接奖补(DIRECT_SUBSIDY)");
        assertThat(cell(terms, "Rule_Terms_DirectSubsidy", "奖补比例")).isEqualTo("6%");
        assertThat(cell(terms, "Rule_Terms_DirectSubsidy", "单个项目上限")).isEqualTo("1,000,000 元(100万元)");
        assertThat(row(terms, "Rule_Terms_DirectSubsidy").get("source").asText())
                .startsWith("东河政发〔2020〕5号 三(一):“给予直接奖补的,按照实际设备投资额(含工艺包和软件)最高不超过6%予以奖补。");
        assertThat(tables.body().get("tables").findValuesAsText("key")).doesNotContain("tc-award-rate-bonus");

        // A deployment refused by the engine (another jurisdiction's administrator) leaves no record.
        String changed = Files.readString(Path.of("dmn/hekou/hekou-award.dmn"));
        assertThat(changed).contains(RATE_6);
        changed = changed.replace(RATE_6, RATE_5);
        assertThat(rest.deploy("yanzhou-rules", "hekou", "hekou-award.dmn", changed).status()).isEqualTo(403);
        assertThat(rest.get("hekou-rules", "/api/rules/hekou/history").body().get("entries")).hasSize(1);

        // Hekou's rule administrator changes the rate of 直接奖补 over /engine-rest.
        Rest.Response deployed = rest.deploy("hekou-rules", "hekou", "hekou-award.dmn", changed);
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(200);

        history = rest.get("hekou-auditor", "/api/rules/hekou/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().get("entries")).hasSize(2);
        JsonNode change = history.body().get("entries").get(0);
        assertThat(change.get("deploymentId").asText()).isEqualTo(deployed.body().get("id").asText());
        assertThat(change.get("deploymentName").asText()).isEqualTo("test-hekou-award.dmn");
        assertThat(change.get("deployedBy").asText()).isEqualTo("hekou-rules");
        assertThat(change.get("tables")).hasSize(3);
        JsonNode termsV2 = null;
        for (JsonNode t : change.get("tables")) {
            assertThat(t.get("resource").asText()).isEqualTo("hekou-award.dmn");
            assertThat(t.get("version").asInt()).isEqualTo(2);
            if (t.get("key").asText().equals("tc-award-terms")) {
                termsV2 = t;
            }
        }
        assertThat(termsV2).isNotNull();
        assertThat(change.get("diff")).hasSize(1);
        JsonNode d = change.get("diff").get(0);
        assertThat(d.get("table").asText()).isEqualTo("tc-award-terms");
        assertThat(d.get("kind").asText()).isEqualTo("ROW_CHANGED");
        assertThat(d.get("ruleId").asText()).isEqualTo("Rule_Terms_DirectSubsidy");
        assertThat(d.get("text").asText()).isEqualTo("tc-award-terms 第1行(直接奖补):奖补比例 6% → 5%");
        assertThat(history.body().get("entries").get(1).get("deploymentId").asText())
                .isEqualTo(start.get("deploymentId").asText());

        tables = rest.get("hekou-owner", "/api/rules/hekou/tables");
        assertThat(tables.status()).isEqualTo(200);
        terms = table(tables.body(), "tc-award-terms");
        assertThat(terms.get("version").asInt()).isEqualTo(2);
        assertThat(terms.get("resource").asText()).isEqualTo("hekou-award.dmn");
        assertThat(cell(terms, "Rule_Terms_DirectSubsidy", "奖补比例")).isEqualTo("5%");
        assertThat(table(tables.body(), "lpr-1y").get("version").asInt()).as("a table not redeployed").isEqualTo(1);

        // Yanzhou's record is its own.
        JsonNode yanzhou = rest.get("yanzhou-rules", "/api/rules/yanzhou/history").body();
        assertThat(yanzhou.get("entries")).hasSize(1);
        assertThat(yanzhou.get("entries").get(0).get("deploymentName").asText()).isEqualTo("tc-models-yanzhou");
        assertThat(rest.get("admin", "/api/rules/hekou/history").status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAnyoneButTheJurisdictionsReaders() {
        Rest rest = new Rest(port);
        for (String path : List.of("/api/rules/hekou/tables", "/api/rules/hekou/history")) {
            Rest.Response yanzhou = rest.get("yanzhou-rules", path);
            assertThat(yanzhou.status()).as(path).isEqualTo(403);
            assertThat(yanzhou.body().get("message").asText()).isEqualTo("用户 yanzhou-rules 无权查看辖区 hekou 的规则表与部署记录"
                    + "(仅限本辖区的奖补规则管理员、主管部门、流程负责人、审计监督及系统管理员)");
            assertThat(rest.get("yanzhou-bureau", path).status()).as(path).isEqualTo(403);
            assertThat(rest.get("hekou-ent-1", path).status()).as(path).isEqualTo(403);
            assertThat(rest.get("hekou-finance", path).status()).as(path).isEqualTo(403);
            assertThat(rest.get(null, path).status()).as(path).isEqualTo(401);
            assertThat(rest.get("hekou-rules", path).status()).as(path).isEqualTo(200);
        }
        Rest.Response unknown = rest.get("admin", "/api/rules/nowhere/tables");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("message").asText()).isEqualTo("辖区不存在:nowhere");
        assertThat(rest.get("admin", "/api/rules/nowhere/history").status()).isEqualTo(404);
        assertThat(rest.get("hekou-rules", "/api/rules/hekou/history?limit=0").status()).isEqualTo(400);
    }
}
