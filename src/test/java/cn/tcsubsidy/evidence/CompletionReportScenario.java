package cn.tcsubsidy.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.evidence.domain.ProjectFigures;
import cn.tcsubsidy.evidence.domain.ReportedFigures;
import cn.tcsubsidy.progress.domain.ProgressService;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.shared.ValidationException;
import cn.tcsubsidy.support.Rest.Response;
import cn.tcsubsidy.support.Rest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The completion report (竣工报告) through the engine's REST API, as Tasklist submits it: dynamic lists (invoices,
 * other funding, cluster members) as {@code Json} variables, checked by the command guard and the domain; the
 * figures the award reads back through {@link ReportedFigures}.
 */
abstract class CompletionReportScenario {

    private static final AtomicInteger SERIAL = new AtomicInteger();
    static final String AGREEMENT = "WTZF-2024-088";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportedFigures figures;
    @Autowired
    ProgressService progress;
    @Autowired
    cn.tcsubsidy.project.domain.ProjectRepository projects;
    Rest rest;

    @BeforeEach
    void client() {
        rest = new Rest(port);
    }

    record Filed(long id, String processInstanceId, String creditCode, String user) {
    }

    Filed file(String jurisdiction, String unit, String category, Map<String, Object> extra) {
        int n = SERIAL.incrementAndGet();
        String user = jurisdiction + "-ent-1";
        String credit = CreditCode.withCheckCharacter(String.format("9137088%010d", 300 + n));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("jurisdiction", jurisdiction);
        f.put("unitCode", unit);
        f.put("enterpriseName", "竣工报告测试" + n + "有限公司");
        f.put("creditCode", credit);
        f.put("projectCode", String.format("2024-370882-34-03-%06d", 900 + n));
        f.put("projectName", "技术改造项目" + n);
        f.put("category", category);
        f.put("plannedTotalInvestment", 9_000_000);
        f.put("plannedEquipmentInvestment", 7_000_000);
        if ("LOAN_INTEREST".equals(category)) {
            f.put("loanAmount", 8_000_000);
            f.put("loanBank", "中国工商银行东营河口支行");
            f.put("loanBankAccount", "1614000000000088");
            f.put("entrustedAgreementNo", AGREEMENT);
        } else {
            f.put("bankName", "中国银行示范支行");
            f.put("bankAccount", "6217000012345678");
        }
        if ("yanzhou".equals(jurisdiction)) {
            f.put("statisticsReportId", "TJZB-2024-" + n);
        }
        f.put("plannedStartDate", "2024-01-10");
        f.put("plannedEndDate", "2024-10-31");
        f.putAll(extra);
        Response r = rest.post(user, "/api/projects", f);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return new Filed(r.body().get("projectId").asLong(), r.body().get("processInstanceId").asText(), credit, user);
    }

    String completionTask(Filed p) {
        Response r = rest.get(p.user(), "/engine-rest/task?processInstanceId=" + p.processInstanceId()
                + "&taskDefinitionKey=Task_ReportCompletion");
        assertThat(r.body()).hasSize(1);
        return r.body().get(0).get("id").asText();
    }

    /** The common figures of a report completed on 2024-10-20: total 9,000,000, equipment {@code equipment}. */
    static Map<String, Object> report(Object equipment) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("completionDate", "2024-10-20");
        v.put("actualTotalInvestment", 9_000_000);
        v.put("actualEquipmentInvestment", equipment);
        v.put("completionNote", "已竣工投产");
        return v;
    }

    static String invoice(String no, Object amount) {
        return "{\"invoiceNo\":\"" + no + "\",\"invoiceDate\":\"2024-09-01\",\"seller\":\"山东示范装备有限公司\","
                + "\"amountExclVat\":" + amount + "}";
    }

    /** Submits as Tasklist does: plain values untyped, each list as a Json variable. */
    Response submit(Filed p, Map<String, Object> plain, Map<String, String> lists) {
        Map<String, Object> vars = new LinkedHashMap<>();
        plain.forEach((k, v) -> vars.put(k, Map.of("value", v)));
        lists.forEach((k, json) -> vars.put(k, Map.of("type", "Json", "value", json)));
        return rest.post(p.user(), "/engine-rest/task/" + completionTask(p) + "/complete", Map.of("variables", vars));
    }

    String stage(long id) {
        return jdbc.sql("select stage from project where id = :id").param("id", id).query(String.class).single();
    }

    private long invoicesOf(long id) {
        return jdbc.sql("select count(*) from project_invoice where project_id = :p").param("p", id).query(Long.class).single();
    }

    private static void assertRefused(Response r, String... parts) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.body().get("message").asText()).as(r.text()).startsWith("提交被拒绝:").contains(parts);
    }

    @Test
    void shouldTakeYanzhousEquipmentFigureFromTheListedInvoices() {
        Filed p = file("yanzhou", "gulou", "EQUIPMENT", Map.of());
        assertRefused(submit(p, report(7_000_000), Map.of()), "请逐张列出设备发票", "以购置增值税发票数额为准");
        String two = "[" + invoice("24370000000000000101", 4_000_000) + "," + invoice("24370000000000000102", "2999999.99") + "]";
        assertRefused(submit(p, report(7_000_000), Map.of("invoices", two)), "7,000,000.00 元", "6,999,999.99 元");
        assertRefused(submit(p, report(7_000_000), Map.of("invoices", "[" + invoice("24370000000000000101", 4_000_000) + ","
                + invoice("24370000000000000101", 3_000_000) + "]")), "在第 1 行已填写");
        assertRefused(submit(p, report(7_000_000), Map.of("invoices", "[" + invoice("2437-0001", 7_000_000) + "]")),
                "8 至 32 位半角数字");
        assertThat(invoicesOf(p.id())).isZero();
        assertThat(stage(p.id())).isEqualTo("IN_PROGRESS");

        // The form starts with an empty row; rows left blank say nothing.
        String good = "[" + invoice("24370000000000000101", 4_000_000) + ",{\"invoiceNo\":null,\"seller\":\"\"},"
                + invoice("24370000000000000102", 3_000_000) + "]";
        Response ok = submit(p, report(7_000_000), Map.of("invoices", good));
        assertThat(ok.status()).as(ok.text()).isEqualTo(204);
        assertThat(invoicesOf(p.id())).isEqualTo(2);
        ProjectFigures f = figures.of(p.id(), 2024);
        assertThat(f.equipmentFromInvoices()).isTrue();
        assertThat(f.equipmentInvestment()).isEqualByComparingTo("7000000.00");
        assertThat(f.invoiceTotal()).isEqualByComparingTo("7000000.00");
        assertThat(f.loanDrawn()).isNull();
        // The town and the bureau see the listed invoices beside the scans.
        for (String reader : List.of("yanzhou-town-gulou", "yanzhou-bureau")) {
            Response evidence = rest.get(reader, "/api/projects/" + p.id() + "/evidence");
            assertThat(evidence.status()).as(reader).isEqualTo(200);
            assertThat(evidence.body().get("invoices")).hasSize(2);
            assertThat(evidence.body().at("/invoices/1/number").asText()).isEqualTo("24370000000000000102");
            assertThat(evidence.body().at("/figures/equipmentInvestment").decimalValue()).isEqualByComparingTo("7000000");
        }
    }

    @Test
    void shouldKeepTheLongestNoteWholeInTheProjectsHistory() {
        Filed p = file("liaocheng", "chiping", "EQUIPMENT", Map.of());
        Map<String, Object> v = report(7_000_000);
        String note = "竣工投产,设备运行正常。".repeat(200).substring(0, 2000);
        v.put("completionNote", note);
        Response ok = submit(p, v, Map.of());
        assertThat(ok.status()).as(ok.text()).isEqualTo(204);
        String summary = jdbc.sql("select summary from project_event where project_id = :p and action = 'COMPLETION_REPORTED'")
                .param("p", p.id()).query(String.class).single();
        assertThat(summary).startsWith("竣工报告(2024-10-20):实际总投资 9,000,000.00 元,设备投资 7,000,000.00 元").endsWith(note);
    }

    @Test
    void shouldRefuseAnInvoiceAnotherLiveProjectListed() {
        Filed first = file("yanzhou", "gulou", "EQUIPMENT", Map.of());
        Filed second = file("yanzhou", "daan", "EQUIPMENT", Map.of());
        String list = "[" + invoice("24370000000000000201", 7_000_000) + "]";
        assertThat(submit(first, report(7_000_000), Map.of("invoices", list)).status()).isEqualTo(204);
        assertRefused(submit(second, report(7_000_000), Map.of("invoices", list)),
                "发票号码 24370000000000000201 已被本辖区另一个在库项目列为设备投资发票");
        assertThat(invoicesOf(second.id())).isZero();
        assertThat(stage(second.id())).isEqualTo("IN_PROGRESS");
        // A rejected project's invoices are free again (as its project code is).
        projects.reject(first.id(), "测试:未通过");
        assertThat(submit(second, report(7_000_000), Map.of("invoices", list)).status()).isEqualTo(204);
        // Another jurisdiction keeps its own invoices apart (and lists them only where it wants to).
        Filed liaocheng = file("liaocheng", "chiping", "EQUIPMENT", Map.of());
        assertThat(submit(liaocheng, report(7_000_000), Map.of("invoices", list)).status()).isEqualTo(204);
        assertThat(figures.of(liaocheng.id(), 2024).equipmentFromInvoices()).isFalse();
    }

    @Test
    void shouldAcceptOneOfTwoReportsListingTheSameInvoiceAtOnce() throws Exception {
        Filed a = file("yanzhou", "gulou", "EQUIPMENT", Map.of());
        Filed b = file("yanzhou", "xinyi", "EQUIPMENT", Map.of());
        String list = "[" + invoice("24370000000000000301", 7_000_000) + "]";
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (Filed p : List.of(a, b)) {
                String task = completionTask(p);
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    Map<String, Object> vars = new LinkedHashMap<>();
                    report(7_000_000).forEach((k, v) -> vars.put(k, Map.of("value", v)));
                    vars.put("invoices", Map.of("type", "Json", "value", list));
                    return rest.post(p.user(), "/engine-rest/task/" + task + "/complete", Map.of("variables", vars));
                }));
            }
            ready.await();
            go.countDown();
            for (Future<Response> answer : answers) {
                Response r = answer.get(60, TimeUnit.SECONDS);
                statuses.add(r.status());
                if (r.status() != 204) {
                    assertRefused(r, "24370000000000000301");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsExactlyInAnyOrder(204, 400);
        assertThat(jdbc.sql("select count(*) from project_invoice where invoice_no = '24370000000000000301'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldRecordTheLoanActuallyDrawnWithItsContractAndAgreement() {
        Filed p = file("hekou", "yihe", "LOAN_INTEREST", Map.of());
        Map<String, Object> r = report(7_000_000);
        assertRefused(submit(p, r, Map.of()), "贷款实际发生额不能为空", "借款合同编号不能为空", "借款合同金额不能为空");
        r.putAll(Map.of("loanDrawnAmount", 8_000_000, "loanContractNo", "JK-2024-001", "loanContractAmount", 7_500_000,
                "entrustedAgreementNo", AGREEMENT));
        assertRefused(submit(p, r, Map.of()), "不能大于借款合同金额");
        r.put("loanContractAmount", 10_000_000);
        r.put("loanDrawnAmount", 9_500_000);
        assertRefused(submit(p, r, Map.of()), "不能大于项目实际总投资");
        r.put("loanDrawnAmount", 6_000_000);
        r.put("entrustedAgreementNo", "WTZF-OTHER-1");
        assertRefused(submit(p, r, Map.of()), "WTZF-OTHER-1", "不一致", AGREEMENT);
        r.put("entrustedAgreementNo", AGREEMENT);
        Response ok = submit(p, r, Map.of());
        assertThat(ok.status()).as(ok.text()).isEqualTo(204);
        ProjectFigures f = figures.of(p.id(), 2024);
        assertThat(f.loanDrawn()).isEqualByComparingTo("6000000.00");
        assertThat(f.loanContractNo()).isEqualTo("JK-2024-001");
        assertThat(f.loanContractAmount()).isEqualByComparingTo("10000000");
        assertThat(f.entrustedAgreementNo()).isEqualTo(AGREEMENT);
        assertThat(f.equipmentFromInvoices()).isFalse();
        assertThat(f.equipmentInvestment()).isEqualByComparingTo("7000000");
        // Other categories report no loan.
        Filed direct = file("hekou", "yihe", "DIRECT_SUBSIDY", Map.of());
        Map<String, Object> withLoan = report(7_000_000);
        withLoan.put("loanDrawnAmount", 1_000_000);
        assertRefused(submit(direct, withLoan, Map.of()), "只有贷款贴息项目填写");
    }

    @Test
    void shouldTakeJiyuansYearFromTheRunningTotalsAndRequireTheProductionDate() {
        Filed p = file("jiyuan", "huling", "TECH_RETROFIT", Map.of("plannedStartDate", "2023-03-01"));
        Actor enterprise = new Actor(p.user(), List.of("jiyuan-enterprise"), List.of("jiyuan"));
        progress.reportProgress(p.id(), Map.of("reportDate", "2023-06-30", "completedInvestmentToDate", 1_000_000,
                "progressNote", "设备进场"), enterprise);
        progress.reportProgress(p.id(), Map.of("reportDate", "2023-12-20", "completedInvestmentToDate", 2_500_000,
                "progressNote", "安装调试"), enterprise);
        progress.reportProgress(p.id(), Map.of("reportDate", "2024-05-31", "completedInvestmentToDate", 6_000_000,
                "progressNote", "试生产"), enterprise);
        // A running total never goes down, also when the report is dated between two others.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> progress.reportProgress(p.id(), Map.of(
                        "reportDate", "2024-06-30", "completedInvestmentToDate", 5_900_000, "progressNote", "x"), enterprise))
                .isInstanceOf(ValidationException.class).hasMessageContaining("累计完成投资不能减少");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> progress.reportProgress(p.id(), Map.of(
                        "reportDate", "2023-09-30", "completedInvestmentToDate", 3_000_000, "progressNote", "x"), enterprise))
                .isInstanceOf(ValidationException.class).hasMessageContaining("2023-12-20");

        Map<String, Object> r = report(5_000_000);
        r.put("actualRdInvestment", 1_000_000);
        assertRefused(submit(p, r, Map.of()), "投产日期不能为空");
        r.put("productionStartDate", "2024-10-25");
        Map<String, Object> lower = new LinkedHashMap<>(r);
        lower.put("actualTotalInvestment", 5_500_000);
        assertRefused(submit(p, lower, Map.of()), "累计完成投资不能减少");
        Response ok = submit(p, r, Map.of());
        assertThat(ok.status()).as(ok.text()).isEqualTo(204);
        // 2024: 9,000,000 at completion (2024-10-20) less 2,500,000 at the end of 2023; 2023: 2,500,000 less 0.
        assertThat(figures.of(p.id(), 2024).investmentCompletedInYear()).isEqualByComparingTo("6500000.00");
        assertThat(figures.of(p.id(), 2023).investmentCompletedInYear()).isEqualByComparingTo("2500000.00");
        assertThat(figures.of(p.id(), 2025).investmentCompletedInYear()).isEqualByComparingTo("0.00");
        assertThat(figures.of(p.id(), 2024).productionStartDate()).isEqualTo(LocalDate.of(2024, 10, 25));
    }

    @Test
    void shouldRecordCertificatesListingsAndOtherFundingByRows() {
        Filed set = file("jiyuan", "huling", "FIRST_SET", Map.of());
        Map<String, Object> r = report(5_000_000);
        r.put("purchasePrice", 2_000_000);
        assertRefused(submit(set, r, Map.of()), "证书或认定文件编号不能为空", "认定日期不能为空", "认定级别不能为空");
        r.putAll(Map.of("certificateNo", "豫工信装〔2023〕12号-007", "certificateDate", "2023-08-01",
                "certificationLevel", "PROVINCE", "localMade", true));
        String funding = "[{\"fundingLevel\":\"PROVINCE\",\"source\":\"河南省先进制造业发展专项\",\"document\":\"豫财企〔2023〕45号\","
                + "\"amount\":500000},{\"fundingLevel\":\"NATIONAL\",\"source\":\"\",\"document\":null,\"amount\":null}]";
        assertRefused(submit(set, r, Map.of("otherFunding", funding)), "第 2 项其它财政资金的资金来源不能为空");
        funding = "[{\"fundingLevel\":\"PROVINCE\",\"source\":\"河南省先进制造业发展专项\",\"document\":\"豫财企〔2023〕45号\","
                + "\"amount\":500000},{}]";
        Response ok = submit(set, r, Map.of("otherFunding", funding));
        assertThat(ok.status()).as(ok.text()).isEqualTo(204);
        ProjectFigures f = figures.of(set.id(), 2024);
        assertThat(f.certificateNo()).isEqualTo("豫工信装〔2023〕12号-007");
        assertThat(f.certificateDate()).isEqualTo(LocalDate.of(2023, 8, 1));
        assertThat(f.certificationLevel()).isEqualTo("PROVINCE");
        assertThat(f.localMade()).isTrue();
        assertThat(f.otherFunding()).containsExactly(new ProjectFigures.OtherFunding("PROVINCE", "河南省先进制造业发展专项",
                "豫财企〔2023〕45号", new BigDecimal("500000.00")));
        assertThat(f.superiorFunded()).isFalse();

        Filed centre = file("jiyuan", "huling", "INNOVATION_CENTER", Map.of());
        Map<String, Object> c = report(5_000_000);
        assertRefused(submit(centre, c, Map.of()), "列入市培育名单年度不能为空");
        c.put("listingYear", 2022);
        c.put("localMade", true);
        assertRefused(submit(centre, c, Map.of()), "只有「首台(套)」类别填写此项");
        c.remove("localMade");
        assertThat(submit(centre, c, Map.of()).status()).isEqualTo(204);
        assertThat(figures.of(centre.id(), 2024).listingYear()).isEqualTo(2022);
        assertThat(figures.of(centre.id(), 2024).localMade()).isNull();
    }

    @Test
    void shouldListAClustersMembersWithTheLeadAndTheirEquipment() {
        Filed p = file("yanzhou", "gyyq", "CLUSTER", Map.of());
        String member = CreditCode.withCheckCharacter("91370882MA3C00001");
        String invoices = "[" + invoice("24370000000000000401", 7_000_000) + "]";
        String onlyOther = "[{\"memberName\":\"兖州配套一厂\",\"creditCode\":\"" + member + "\",\"equipmentInvestment\":7000000,"
                + "\"sme\":true}]";
        assertRefused(submit(p, report(7_000_000), Map.of("invoices", invoices, "clusterMembers", onlyOther)),
                "牵头企业和至少一家成员企业");
        String both = "[{\"memberName\":\"牵头企业\",\"creditCode\":\"" + p.creditCode() + "\",\"equipmentInvestment\":3000000,"
                + "\"sme\":false,\"mujuanClass\":\"A\",\"echelonListed\":true},"
                + "{\"memberName\":\"兖州配套一厂\",\"creditCode\":\"" + member + "\",\"equipmentInvestment\":3500000,\"sme\":true}]";
        assertRefused(submit(p, report(7_000_000), Map.of("invoices", invoices, "clusterMembers", both)),
                "6,500,000.00 元", "7,000,000.00 元");
        both = both.replace("3500000", "4000000");
        Response ok = submit(p, report(7_000_000), Map.of("invoices", invoices, "clusterMembers", both));
        assertThat(ok.status()).as(ok.text()).isEqualTo(204);
        assertThat(figures.of(p.id(), 2024).clusterMembers()).containsExactly(
                new ProjectFigures.ClusterMember("牵头企业", p.creditCode(), new BigDecimal("3000000.00"), false, "A", true),
                new ProjectFigures.ClusterMember("兖州配套一厂", member, new BigDecimal("4000000.00"), true, null, false));
        // Other categories list no members.
        Filed equipment = file("yanzhou", "gulou", "EQUIPMENT", Map.of());
        assertRefused(submit(equipment, report(7_000_000), Map.of("invoices", "[" + invoice("24370000000000000402", 7_000_000)
                + "]", "clusterMembers", both)), "只有「强链条壮集群」类别填写技改共同体成员");
    }

    @Test
    void shouldLetOnlyTheFormsListFieldsThroughTheGuard() {
        Filed p = file("liaocheng", "chiping", "EQUIPMENT", Map.of());
        assertRefused(submit(p, report(7_000_000), Map.of("invoices", "[{\"invoiceNo\":\"24370000000000000501\",\"projectId\":1}]")),
                "表单之外的字段 projectId");
        assertRefused(submit(p, report(7_000_000), Map.of("invoices", "[{\"invoiceNo\":{\"nested\":1}}]")),
                "只接受文字、数字或是/否");
        assertRefused(submit(p, report(7_000_000), Map.of("invoices", "{\"invoiceNo\":\"1\"}")), "应为行的列表");
        // A list sent untyped would be stored as a Java object: refused.
        Map<String, Object> vars = new LinkedHashMap<>();
        report(7_000_000).forEach((k, v) -> vars.put(k, Map.of("value", v)));
        vars.put("invoices", Map.of("value", List.of(Map.of("invoiceNo", "24370000000000000501"))));
        Response untyped = rest.post(p.user(), "/engine-rest/task/" + completionTask(p) + "/complete", Map.of("variables", vars));
        assertRefused(untyped, "invoices");
        // The single checkbox gave way to the rows.
        Map<String, Object> old = report(7_000_000);
        old.put("superiorFunded", true);
        assertRefused(submit(p, old, Map.of()), "不含字段 superiorFunded");
        assertThat(stage(p.id())).isEqualTo("IN_PROGRESS");
    }

    @Test
    void shouldReadAReportMadeBeforeTheRowsExistedAsItWasStored() {
        Filed p = file("hekou", "yihe", "DIRECT_SUBSIDY", Map.of());
        projects.recordCompletion(p.id(), LocalDate.of(2024, 10, 20), new BigDecimal("9000000"), new BigDecimal("7000000"),
                BigDecimal.ZERO, BigDecimal.ZERO);
        jdbc.sql("""
                insert into project_award_facts (project_id, robot_investment, informatization_investment, national_funding,
                  purchase_price, mujuan_class, echelon_listed, superior_funded, certification_level)
                values (:p, 0, 0, 0, 0, null, false, true, null)
                """).param("p", p.id()).update();
        ProjectFigures f = figures.of(p.id(), 2024);
        assertThat(f.superiorFunded()).isTrue();
        assertThat(f.otherFunding()).isEmpty();
        assertThat(f.equipmentInvestment()).isEqualByComparingTo("7000000.00");
        assertThat(f.equipmentFromInvoices()).isFalse();
        assertThat(f.investmentCompletedInYear()).isEqualByComparingTo("9000000.00");
        // Not reported at all: the project's own figures, nothing else.
        Filed building = file("hekou", "yihe", "DIRECT_SUBSIDY", Map.of());
        ProjectFigures none = figures.of(building.id(), 2024);
        assertThat(none.equipmentInvestment()).isNull();
        assertThat(none.investmentCompletedInYear()).isEqualByComparingTo("0.00");
        assertThat(none.superiorFunded()).isFalse();
    }

    @Test
    void shouldRequireYanzhousStatisticsIdAtFiling() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("jurisdiction", "yanzhou");
        f.put("unitCode", "gulou");
        f.put("enterpriseName", "兖州统计编号测试有限公司");
        f.put("creditCode", CreditCode.withCheckCharacter("91370882MA3C09991"));
        f.put("projectCode", "2024-370882-34-03-099901");
        f.put("projectName", "装备升级");
        f.put("category", "EQUIPMENT");
        f.put("plannedTotalInvestment", 9_000_000);
        f.put("bankName", "中国银行兖州支行");
        f.put("bankAccount", "6217000012349999");
        f.put("plannedStartDate", "2024-01-10");
        f.put("plannedEndDate", "2024-10-31");
        long before = jdbc.sql("select count(*) from project").query(Long.class).single();
        Response missing = rest.post("yanzhou-ent-1", "/api/projects", f);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().at("/errors/statisticsReportId").asText()).contains("不能为空", "联网直报平台");
        f.put("statisticsReportId", "统计-001");
        assertThat(rest.post("yanzhou-ent-1", "/api/projects", f).body().at("/errors/statisticsReportId").asText())
                .contains("6 至 40 位");
        assertThat(jdbc.sql("select count(*) from project").query(Long.class).single()).isEqualTo(before);
        f.put("statisticsReportId", "3708822024000123");
        Response filed = rest.post("yanzhou-ent-1", "/api/projects", f);
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        long id = filed.body().get("projectId").asLong();
        assertThat(jdbc.sql("select statistics_report_id from project where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("3708822024000123");
        for (String reader : List.of("yanzhou-town-gulou", "yanzhou-bureau")) {
            assertThat(rest.get(reader, "/api/projects/" + id).body().at("/history/0/summary").asText()).as(reader)
                    .contains("统计联网直报项目编号 3708822024000123");
        }
        // Elsewhere it is not required.
        Filed hekou = file("hekou", "yihe", "DIRECT_SUBSIDY", Map.of());
        assertThat(jdbc.sql("select statistics_report_id from project where id = :id").param("id", hekou.id())
                .query(String.class).optional()).isEmpty();
    }
}
