package cn.tcsubsidy.application;

import static cn.tcsubsidy.support.Rest.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.award.domain.AwardDecisionService;
import cn.tcsubsidy.notice.domain.NoticeService;
import cn.tcsubsidy.objection.ObjectionFixture;
import cn.tcsubsidy.payment.domain.PayeeService;
import cn.tcsubsidy.payment.domain.PaymentService;
import cn.tcsubsidy.project.domain.ProjectEvent;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.shared.ValidationException;
import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.Rest.FilePart;
import cn.tcsubsidy.support.Rest.Response;
import cn.tcsubsidy.support.StageFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Objections (异议) during the notice over the app's API and the engine's REST API as Tasklist submits them, on
 * Liaocheng projects of 400,000: the bureau records a signed written objection (with the scan), an enterprise files
 * one online; anonymous, late and others' objections are refused; only the bureau reads who objected. Upheld, the
 * award is cancelled, the freed budget offered to the next project below the line, which, added, gets its own
 * notice and then the payment path; dismissed, the payment proceeds; while open, it holds the payment.
 */
abstract class ObjectionScenario {

    static final String BUREAU = "liaocheng-bureau";
    static final String FINANCE = "liaocheng-finance";
    static final String FINANCE_2 = "liaocheng-finance-2";
    static final String TOWN = "liaocheng-town-chiping";
    static final String FILER = "liaocheng-ent-1";
    static final String OTHER_ENTERPRISE = "liaocheng-ent-2";
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final Actor BUREAU_ACTOR = new Actor(BUREAU, List.of(BUREAU), List.of("liaocheng"));
    static final Actor FINANCE_ACTOR = new Actor(FINANCE, List.of(FINANCE), List.of("liaocheng"));
    static final AtomicInteger SERIAL = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService historyService;
    @Autowired
    ProjectRepository projects;
    @Autowired
    ProjectHistory history;
    @Autowired
    AwardCases awards;
    @Autowired
    AwardDecisionService decisions;
    @Autowired
    NoticeService notice;
    @Autowired
    PayeeService payees;
    @Autowired
    PaymentService payment;
    @Autowired
    cn.tcsubsidy.project.domain.ProjectLifecycle lifecycle;

    Rest rest;
    StageFixture fixture;

    @BeforeEach
    void setUp() {
        rest = new Rest(port);
        fixture = new StageFixture(projects, history, jdbc);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    record Case(long id, String pi, long round, int year) {
    }

    static LocalDate today() {
        return LocalDate.now(BEIJING);
    }

    /**
     * A project filed over REST by its enterprise, put by the domain's steps where its notice runs (completed, scored
     * 90, quoted 400,000 and proposed, its payee confirmed), its instance moved by the system to the notice's end.
     */
    Case inNotice(LocalDate first, LocalDate last, Long inRound) {
        long round = inRound != null ? inRound : fixture.round("NOTICE", first, last);
        int year = jdbc.sql("select round_year from review_round where id = :r").param("r", round).query(Integer.class).single();
        int n = SERIAL.incrementAndGet();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("jurisdiction", "liaocheng");
        f.put("unitCode", "chiping");
        f.put("enterpriseName", "聊城市异议测试机械" + n + "有限公司");
        f.put("creditCode", CreditCode.withCheckCharacter(String.format("9137152%010d", 5_000 + n)));
        f.put("projectCode", String.format("2025-371523-34-03-%06d", 800_000 + n));
        f.put("projectName", "设备更新改造" + n);
        f.put("category", "EQUIPMENT");
        f.put("plannedTotalInvestment", 6_000_000);
        f.put("plannedEquipmentInvestment", 4_000_000);
        f.put("bankName", "中国银行聊城分行");
        f.put("bankAccount", "6217000012349" + String.format("%03d", n % 1000));
        f.put("plannedStartDate", "2025-01-01");
        f.put("plannedEndDate", "2025-09-30");
        Response filed = rest.post(FILER, "/api/projects", f);
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        long p = filed.body().get("projectId").asLong();
        String pi = filed.body().get("processInstanceId").asText();
        projects.recordCompletion(p, LocalDate.of(2025, 9, 30), new BigDecimal("6000000"), new BigDecimal("4000000"),
                BigDecimal.ZERO, BigDecimal.ZERO);
        projects.setExpertScore(p, BigDecimal.valueOf(90));
        projects.setRound(p, round);
        projects.setStage(p, Stage.AWARD_DECISION);
        awards.quote(p);
        payees.confirm(p, Map.of("payeeId", payees.current(p).orElseThrow().id()), BUREAU_ACTOR);
        runtime.createProcessInstanceModification(pi).cancelAllForActivity("Task_ReportCompletion")
                .startBeforeActivity("Event_NoticeClosed").execute();
        return new Case(p, pi, round, year);
    }

    void propose(Case c) {
        decisions.decide(c.id(), Map.of("awardDecision", "PROPOSE", "proposedAmount", 400_000, "awardOpinion", "列入"),
                BUREAU_ACTOR);
        projects.setStage(c.id(), Stage.PUBLIC_NOTICE);
    }

    Case proposedInNotice() {
        Case c = inNotice(today(), today().plusDays(6), null);
        propose(c);
        return c;
    }

    /** The round's notice ends for the project (its domain step, its message), and the project's own job runs. */
    void closeNotice(Case c) {
        notice.closed(c.id());
        runtime.createMessageCorrelation("NoticeClosed").processInstanceId(c.pi()).correlate();
        runProjectJob(c.pi());
    }

    /** The project's own job after a message (the job executor is off in these tests). */
    void runProjectJob(String pi) {
        Job job = cn.tcsubsidy.support.ProjectJobs.single(management, pi);
        assertThat(job).as("the project's work after the message is a job of its own").isNotNull();
        management.executeJob(job.getId());
    }

    Map<String, String> written(String grounds) {
        Map<String, String> m = new LinkedHashMap<>();
        ObjectionFixture.objector(grounds).forEach((k, v) -> m.put(k, String.valueOf(v)));
        return m;
    }

    /** A written objection as the bureau's browser sends it: multipart, the scan as {@code file}. */
    Response record(String user, long projectId, Map<String, String> fields, byte[] scan, String scanType) {
        return rest.multipart(user, "/api/projects/" + projectId + "/objections", fields,
                scan == null ? List.of() : List.of(new FilePart("file", "letter.pdf", scanType, scan)));
    }

    Response recordWritten(long projectId, String grounds) {
        return record(BUREAU, projectId, written(grounds), ObjectionFixture.pdf(), "application/pdf");
    }

    String investigationOf(long objectionId) {
        String pi = jdbc.sql("select process_instance_id from objection where id = :id").param("id", objectionId)
                .query(String.class).single();
        String task = taskOf(BUREAU, pi, "Task_InvestigateObjection");
        // tc-objection is a process of its own: its card is named after the project by the system's projectId.
        String project = jdbc.sql("select p.project_name from objection o join project p on p.id = o.project_id"
                + " where o.id = :id").param("id", objectionId).query(String.class).single();
        assertThat(rest.get(BUREAU, "/engine-rest/task/" + task).body().get("name").asText())
                .startsWith("核查异议 · " + project + "(");
        return task;
    }

    record Added(Case cancelled, long project, String pi, Job timer, LocalDate first, LocalDate last) {
    }

    /** A's award cancelled on an upheld objection, B below the line offered and added, waiting for its own notice's end. */
    Added cancelledAndNextAdded() {
        Case a = inNotice(today(), today().plusDays(6), null);
        // The candidate below the line: the year's budget pays one award of 400,000.
        long b = fixture.project(Stage.AWARD_DECISION, a.round());
        jdbc.sql("update fund_budget set amount = 400000 where jurisdiction_code = 'liaocheng' and fund_code = 'liaocheng'"
                + " and budget_year = :y").param("y", a.year()).update();
        awards.quote(b);
        awards.rank(a.year(), List.of(projects.get(a.id()), projects.get(b)));
        propose(a);
        decisions.decide(b, Map.of("awardDecision", "REJECT", "awardOpinion", "预算线外,本年度不予扶持"), BUREAU_ACTOR);
        assertThat(projects.get(b).stage()).isEqualTo(Stage.REJECTED);
        lifecycle.closeRejected(b);

        Response recorded = recordWritten(a.id(), "该企业设备发票重复用于两个项目");
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        long objection = recorded.body().get("id").asLong();
        assertThat(recorded.body().get("objectorName").asText()).isEqualTo(ObjectionFixture.OBJECTOR);
        closeNotice(a);
        assertThat(stage(a.id())).isEqualTo("NOTICE_OUTCOME");
        assertThat(tasks(FINANCE, a.pi())).as("payment held while the objection is investigated").isEmpty();

        // The bureau upholds it: the award is cancelled, the project ends rejected, the freed budget is offered.
        String investigate = investigationOf(objection);
        assertThat(complete(TOWN, investigate, "objectionOutcome", "UPHELD").status()).as("only the bureau investigates")
                .isEqualTo(403);
        assertThat(complete(BUREAU, investigate, "objectionOutcome", "UPHELD", "objectionFindings",
                "经核查,发票重复使用属实", "objectionBasis", "本局公示异议处理规程第五条").status()).isEqualTo(204);
        assertThat(award(a.id())).startsWith("CANCELLED");
        runProjectJob(a.pi());
        assertThat(stage(a.id())).isEqualTo("REJECTED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(a.pi()).count()).as("a's instance ended").isZero();
        assertThat(jdbc.sql("select status || ':' || objector_notice from objection where id = :id").param("id", objection)
                .query(String.class).single()).as("the objector gave a phone, no e-mail: its mail is recorded as not sent").isEqualTo("UPHELD:SKIPPED");
        assertThat(jdbc.sql("""
                select template_key || ':' || recipient_role || ':' || status from mail_outbox
                where project_id = :p and template_key like '%objection%' order by id""").param("p", a.id())
                .query(String.class).list()).as("the bureau and the objector told of the objection, objector and enterprise of the outcome")
                .containsExactly("bureau-objection-filed:BUREAU:PENDING", "objection-received:OBJECTOR:SKIPPED",
                        "objection-outcome:OBJECTOR:SKIPPED", "objection-outcome-enterprise:ENTERPRISE:PENDING");

        String objectionPi = jdbc.sql("select process_instance_id from objection where id = :id").param("id", objection)
                .query(String.class).single();
        String offer = taskOf(BUREAU, objectionPi, "Task_OfferNextInRank");
        assertThat(formVariable(BUREAU, offer, "supplementSummary")).contains("项目编号 " + b, "400,000.00 元", "另行公示");
        assertThat(complete(BUREAU, offer, "supplementDecision", "ADD").text()).contains("理由不能为空");
        assertThat(complete(BUREAU, offer, "supplementDecision", "ADD", "supplementReason", "按预算排序递补下一名").status())
                .isEqualTo(204);

        // The added project: its award reserved, its own notice (5 working days from the next working day).
        assertThat(award(b)).startsWith("PROPOSED:400000.00");
        assertThat(stage(b)).isEqualTo("PUBLIC_NOTICE");
        Map<String, Object> window = jdbc.sql("select notice_starts_on, notice_ends_on from objection_offer"
                + " where candidate_project_id = :p").param("p", b).query().singleRow();
        LocalDate first = ((java.sql.Date) window.get("notice_starts_on")).toLocalDate();
        LocalDate last = ((java.sql.Date) window.get("notice_ends_on")).toLocalDate();
        assertThat(first).isAfter(today());
        assertThat(history.of(b).stream().map(ProjectEvent::summary)).anyMatch(s -> s.startsWith("递补公示:" + first));
        String bPi = projects.get(b).processInstanceId();
        Job timer = management.createJobQuery().processInstanceId(bPi).activityId("Event_SupplementNoticeOver").singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(last.plusDays(1).atStartOfDay(BEIJING).toInstant());
        Response published = rest.get(null, "/api/public/notices?jurisdiction=liaocheng&year=" + a.year());
        assertThat(published.status()).as(published.text()).isEqualTo(200);
        assertThat(published.text()).contains(projects.get(b).enterpriseName())
                .doesNotContain(projects.get(a.id()).enterpriseName(), ObjectionFixture.OBJECTOR, ObjectionFixture.ID_NUMBER);
        return new Added(a, b, bPi, timer, first, last);
    }

    @Test
    void shouldCancelTheAwardOnAnUpheldObjectionOfferTheNextInRankAndNoticeItOnItsOwn() {
        Added added = cancelledAndNextAdded();
        long b = added.project();
        String bPi = added.pi();
        LocalDate last = added.last();
        Job timer = added.timer();
        // Its notice over without objection: the normal payment path.
        ClockUtil.setCurrentTime(java.util.Date.from(last.plusDays(1).atTime(9, 0).atZone(BEIJING).toInstant()));
        management.executeJob(timer.getId());
        assertThat(stage(b)).isEqualTo("PAYMENT");
        taskOf(FINANCE, bPi, "Task_PreparePayment");
    }


    @Test
    void shouldCloseTheAddedProjectAgainWhenAnObjectionDuringItsOwnNoticeIsUpheld() {
        Added added = cancelledAndNextAdded();
        long b = added.project();
        ClockUtil.setCurrentTime(java.util.Date.from(added.first().atTime(9, 0).atZone(BEIJING).toInstant()));
        Response r = recordWritten(b, "递补项目同样存在发票问题");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(complete(BUREAU, investigationOf(r.body().get("id").asLong()), "objectionOutcome", "UPHELD",
                "objectionFindings", "经核查属实", "objectionBasis", "本局公示异议处理规程第五条").status()).isEqualTo(204);
        assertThat(award(b)).startsWith("CANCELLED");
        ClockUtil.setCurrentTime(java.util.Date.from(added.last().plusDays(1).atTime(9, 0).atZone(BEIJING).toInstant()));
        management.executeJob(added.timer().getId());
        assertThat(stage(b)).isEqualTo("REJECTED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(added.pi()).count()).as("ended, no incident").isZero();
        assertThat(history.of(b).stream().map(ProjectEvent::action).filter("CLOSED_REJECTED"::equals).count())
                .as("closed at the award decision and again after its own notice").isEqualTo(2);
    }

    @Test
    void shouldHoldThePaymentWhileTheOnlineObjectionIsOpenAndPayOnceItIsDismissed() {
        Case c = proposedInNotice();
        Response filed = rest.post(OTHER_ENTERPRISE, "/api/projects/" + c.id() + "/objections",
                ObjectionFixture.objector("投资额不实"));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        assertThat(filed.text()).doesNotContain(ObjectionFixture.OBJECTOR, ObjectionFixture.ID_NUMBER);
        long objection = filed.body().get("id").asLong();
        closeNotice(c);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(c.pi()).activityIdIn("Event_ObjectionsSettled")
                .count()).isEqualTo(1);

        assertThat(complete(BUREAU, investigationOf(objection), "objectionOutcome", "DISMISSED", "objectionFindings",
                "经核查,投资额与发票一致", "objectionBasis", "本局公示异议处理规程第六条").status()).isEqualTo(204);
        assertThat(stage(c.id())).as("the message only records itself").isEqualTo("NOTICE_OUTCOME");
        runProjectJob(c.pi());
        assertThat(stage(c.id())).isEqualTo("PAYMENT");
        assertThat(history.of(c.id()).stream().map(ProjectEvent::action).toList())
                .contains("OBJECTION_RECEIVED", "NOTICE_HELD", "OBJECTION_DISMISSED", "NOTICE_PASSED");
        assertThat(complete(FINANCE, taskOf(FINANCE, c.pi(), "Task_PreparePayment"), "paymentVoucherNo", "LC-YY-" + c.id(),
                "paymentDate", today().toString()).status()).isEqualTo(204);
        assertThat(complete(FINANCE_2, taskOf(FINANCE_2, c.pi(), "Task_ApprovePayment"), "approvalDecision", "APPROVE")
                .status()).isEqualTo(204);
        assertThat(award(c.id())).startsWith("PAID:400000.00");
    }

    @Test
    void shouldRefuseToPrepareOrApproveAPaymentWhileAnObjectionIsOpenOrAfterOneWasUpheld() {
        Case c = proposedInNotice();
        long objection = recordWritten(c.id(), "申报材料虚假").body().get("id").asLong();
        projects.setStage(c.id(), Stage.PAYMENT);
        payment.openOrders(c.id());
        Map<String, Object> order = Map.of("paymentVoucherNo", "LC-HOLD-1", "paymentDate", today().toString());
        assertThatThrownBy(() -> payment.prepare(c.id(), order, FINANCE_ACTOR)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("异议正在核查,暂缓拨付");
        jdbc.sql("update objection set status = 'UPHELD', findings = '属实', basis = '规程', decided_by = 'test',"
                + " decided_at = CURRENT_TIMESTAMP where id = :id").param("id", objection).update();
        assertThatThrownBy(() -> payment.prepare(c.id(), order, FINANCE_ACTOR)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("异议成立");
        assertThatThrownBy(() -> payment.approve(c.id(), Map.of("approvalDecision", "APPROVE"),
                new Actor(FINANCE_2, List.of(FINANCE), List.of("liaocheng")))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("异议成立");
        assertThat(jdbc.sql("select count(*) from payment where project_id = :p").param("p", c.id()).query(Long.class)
                .single()).isZero();
    }

    @Test
    void shouldRefuseAnonymousLateAndOthersObjectionsWithAClearMessage() {
        Case c = proposedInNotice();
        String path = "/api/projects/" + c.id() + "/objections";
        Map<String, String> anonymous = written("匿名举报");
        anonymous.remove("objectorName");
        Response r = record(BUREAU, c.id(), anonymous, ObjectionFixture.pdf(), "application/pdf");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("匿名异议不予受理", "objectorName");
        Map<String, Object> noId = ObjectionFixture.objector("无证件");
        noId.remove("idNumber");
        r = rest.post(OTHER_ENTERPRISE, path, noId);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("匿名异议不予受理", "idNumber");
        r = record(BUREAU, c.id(), written("无扫描件"), null, null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("扫描件");
        r = record(BUREAU, c.id(), written("不是扫描件"), "plain text".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("PDF、PNG 或 JPEG");

        // Who may not: another jurisdiction's bureau, the town, finance, an expert; the project's own enterprise.
        assertThat(record("hekou-bureau", c.id(), written("外辖区"), ObjectionFixture.pdf(), "application/pdf").status())
                .isEqualTo(403);
        for (String user : List.of(TOWN, FINANCE, "liaocheng-expert-1", "liaocheng-auditor")) {
            assertThat(record(user, c.id(), written("无权登记"), ObjectionFixture.pdf(), "application/pdf").status())
                    .as(user).isEqualTo(403);
            assertThat(rest.post(user, path, ObjectionFixture.objector("无权提交")).status()).as(user).isEqualTo(403);
        }
        assertThat(rest.post(BUREAU, path, ObjectionFixture.objector("局里网上提交")).status()).isEqualTo(403);
        assertThat(rest.post("hekou-ent-1", path, ObjectionFixture.objector("外辖区企业")).status()).isEqualTo(403);
        r = rest.post(FILER, path, ObjectionFixture.objector("自己的项目"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("不能对本企业的项目提出异议");
        assertThat(jdbc.sql("select count(*) from objection where project_id = :p").param("p", c.id()).query(Long.class)
                .single()).as("nothing half-written").isZero();

        // Late: the notice's last day was yesterday.
        Case late = inNotice(today().minusDays(8), today().minusDays(1), null);
        propose(late);
        r = recordWritten(late.id(), "逾期异议");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("逾期异议不予受理", today().minusDays(1).toString());
        r = rest.post(OTHER_ENTERPRISE, "/api/projects/" + late.id() + "/objections", ObjectionFixture.objector("逾期"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("逾期异议不予受理");
        // Not in notice at all (its award still being decided).
        Case deciding = inNotice(today(), today().plusDays(6), null);
        r = recordWritten(deciding.id(), "尚未公示");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("不在公示期内");
        assertThat(rest.post(BUREAU, "/api/projects/999999999/objections", ObjectionFixture.objector("x")).status())
                .isEqualTo(404);
    }

    @Test
    void shouldShowWhoObjectedToTheBureauAlone() {
        Case c = proposedInNotice();
        long objection = recordWritten(c.id(), "该项目设备为旧设备翻新").body().get("id").asLong();
        String path = "/api/projects/" + c.id() + "/objections";
        Response bureau = rest.get(BUREAU, path);
        assertThat(bureau.status()).isEqualTo(200);
        assertThat(bureau.text()).contains(ObjectionFixture.OBJECTOR, ObjectionFixture.ID_NUMBER, ObjectionFixture.CONTACT,
                "常见做法");
        for (String reader : List.of(FILER, TOWN, FINANCE, "liaocheng-auditor")) {
            Response r = rest.get(reader, path);
            assertThat(r.status()).as(reader + " " + r.text()).isEqualTo(200);
            assertThat(r.text()).as(reader).contains("核查中").doesNotContain(ObjectionFixture.OBJECTOR,
                    ObjectionFixture.ID_NUMBER, ObjectionFixture.CONTACT, "该项目设备为旧设备翻新");
        }
        assertThat(rest.get(OTHER_ENTERPRISE, path).status()).as("not the other enterprise's project").isEqualTo(404);
        assertThat(rest.get("hekou-bureau", path).status()).isEqualTo(404);

        // Nowhere else: the project's history and page, the public notice, the engine's variables and history.
        assertThat(history.of(c.id()).stream().map(ProjectEvent::summary).toList().toString())
                .doesNotContain(ObjectionFixture.OBJECTOR, ObjectionFixture.ID_NUMBER);
        Response project = rest.get(FILER, "/api/projects/" + c.id());
        assertThat(project.text()).doesNotContain(ObjectionFixture.OBJECTOR, ObjectionFixture.ID_NUMBER);
        Response published = rest.get(null, "/api/public/notices?jurisdiction=liaocheng&year=" + c.year());
        assertThat(published.text()).doesNotContain(ObjectionFixture.OBJECTOR, ObjectionFixture.ID_NUMBER);
        String pi = jdbc.sql("select process_instance_id from objection where id = :id").param("id", objection)
                .query(String.class).single();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi).list())
                .isNotEmpty().allSatisfy(v -> assertThat(String.valueOf(v.getValue()))
                        .doesNotContain(ObjectionFixture.OBJECTOR, ObjectionFixture.ID_NUMBER, ObjectionFixture.CONTACT));
        Response variables = rest.get(BUREAU, "/engine-rest/process-instance/" + pi + "/variables");
        assertThat(variables.text()).doesNotContain(ObjectionFixture.OBJECTOR, ObjectionFixture.ID_NUMBER);
    }

    String award(long projectId) {
        return jdbc.sql("select status || ':' || granted_amount from award where project_id = :p order by id desc")
                .param("p", projectId).query(String.class).list().get(0);
    }

    String stage(long id) {
        return jdbc.sql("select stage from project where id = :id").param("id", id).query(String.class).single();
    }

    String formVariable(String user, String taskId, String name) {
        return rest.formVariable(user, taskId, name);
    }

    JsonNode tasks(String user, String processInstanceId) {
        return rest.tasks(user, processInstanceId);
    }

    String taskOf(String user, String processInstanceId, String taskKey) {
        return rest.taskOf(user, processInstanceId, taskKey);
    }

    Response complete(String user, String taskId, Object... keyValues) {
        return rest.complete(user, taskId, keyValues);
    }
}
