package cn.tcsubsidy.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.correction.process.TcCorrectionProcess;
import cn.tcsubsidy.engine.EngineClock;
import cn.tcsubsidy.engine.guard.SensitiveVariables;
import cn.tcsubsidy.identity.SignIn;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.panel.domain.Candidate;
import cn.tcsubsidy.panel.domain.Criterion;
import cn.tcsubsidy.panel.domain.DrawRecord;
import cn.tcsubsidy.panel.domain.DrawRecords;
import cn.tcsubsidy.panel.domain.DrawService;
import cn.tcsubsidy.panel.domain.ExpertPool;
import cn.tcsubsidy.panel.domain.MemberKind;
import cn.tcsubsidy.panel.domain.PanelDraw;
import cn.tcsubsidy.panel.domain.PanelOutcome;
import cn.tcsubsidy.panel.domain.PanelRules;
import cn.tcsubsidy.panel.domain.PoolMember;
import cn.tcsubsidy.panel.domain.Scores;
import cn.tcsubsidy.panel.domain.Seat;
import cn.tcsubsidy.panel.domain.Seats;
import cn.tcsubsidy.panel.process.TcPanelProcesses;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.process.TcProjectProcess;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.ClockConfiguration;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.support.PanelAtDraw;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The expert panel at work on the real engine, driven as its people would in Tasklist (the Java API, signed in as
 * each): the draw, each member's own scoring task, a member stepping aside and the next reserve, the reserves
 * running out and the bureau's supplementary draw, a late member replaced, a consensus led by the first drawn expert,
 * five scores trimmed, a pool too short to draw from; every project ends with its final score, its score values
 * kept out of the engine, and every draw replayable from its seed. Each test has a project and a round of its own;
 * a test that changes a pool does it in a jurisdiction no other test draws in. Run on H2 and on PostgreSQL.
 */
abstract class PanelReviewScenario {

    static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;
    @Autowired ProjectRepository projects;
    @Autowired JurisdictionDirectory directory;
    @Autowired ExpertPool pool;
    @Autowired DrawService drawService;
    @Autowired DrawRecords draws;
    @Autowired Seats seats;
    @Autowired Scores scores;
    @Autowired PanelRules rules;

    /** A project of its own round, in expert review, its tc-project instance standing at the draw. */
    record Panel(String jurisdiction, long roundId, long projectId, String processInstanceId) {
    }

    @AfterEach
    void realTimeAndNobodySignedIn() {
        EngineClock.reset();
        identity.clearAuthentication();
    }

    Panel project(String jurisdiction, String category, long total) {
        int n = SERIAL.incrementAndGet();
        int year = 2070 + n;
        PanelAtDraw.Placed p = PanelAtDraw.place(engine, jdbc, projects, directory, jurisdiction, year,
                new PanelAtDraw.Filing("评审测试装备" + n + "有限公司",
                        CreditCode.withCheckCharacter(String.format("9137000%010d", 5000 + n)),
                        String.format("%d-370000-34-03-%06d", year - 1, n), "智能化技术改造" + n, category,
                        BigDecimal.valueOf(total), BigDecimal.valueOf(total * 6 / 10)));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(p.processInstanceId()).singleResult()
                .getTenantId()).isEqualTo(jurisdiction);
        return new Panel(jurisdiction, p.roundId(), p.projectId(), p.processInstanceId());
    }

    void runJob(Panel p, String activityId) {
        Job job = management.createJobQuery().processInstanceId(p.processInstanceId()).activityId(activityId)
                .singleResult();
        assertThat(job).as(activityId + " waits as the project's own job").isNotNull();
        management.executeJob(job.getId());
    }

    /**
     * The panel's aggregate, once every seat has ended: a seat's end may be a job of its own (asyncAfter on the
     * seats' loop, so members handing in together never contend); those run first, then the aggregate's job.
     */
    void aggregate(Panel p) {
        for (Job seatEnd : management.createJobQuery().processInstanceId(p.processInstanceId())
                .activityId(TcProjectProcess.Elements.PANEL_SEATS).list()) {
            management.executeJob(seatEnd.getId());
        }
        runJob(p, TcProjectProcess.Elements.AGGREGATE_PANEL);
    }

    boolean hasJob(Panel p, String activityId) {
        return management.createJobQuery().processInstanceId(p.processInstanceId()).activityId(activityId).count() > 0;
    }

    DrawRecord panelDraw(Panel p) {
        return draws.current(p.roundId(), p.projectId()).orElseThrow();
    }

    Map<Integer, Seat> latest(Panel p) {
        return seats.latest(p.roundId(), p.projectId());
    }

    Seat row(Panel p, String member) {
        return seats.ofProject(p.roundId(), p.projectId()).stream().filter(s -> s.memberUserId().equals(member))
                .findFirst().orElseThrow();
    }

    /** The project's tasks of {@code key}, in its seats' sub-instances too. */
    List<Task> tasksOf(Panel p, String key) {
        return tasks.createTaskQuery().taskDefinitionKey(key)
                .processVariableValueEquals(TcProjectProcess.Vars.PROJECT_ID.name(), p.projectId()).list();
    }

    Task scoreTask(Panel p, String member) {
        List<Task> own = tasks.createTaskQuery().taskDefinitionKey(TcPanelProcesses.Elements.SCORE_PROJECT)
                .taskAssignee(member).processVariableValueEquals(TcProjectProcess.Vars.PROJECT_ID.name(), p.projectId()).list();
        assertThat(own).as(member + "'s scoring task").hasSize(1);
        return own.get(0);
    }

    Task single(Panel p, String key) {
        List<Task> found = tasksOf(p, key);
        assertThat(found).as(key).hasSize(1);
        return found.get(0);
    }

    void complete(String user, Task task, Map<String, Object> values) {
        SignIn.as(identity, user);
        try {
            tasks.complete(task.getId(), values);
        } finally {
            identity.clearAuthentication();
        }
    }

    Actor bureau(String jurisdiction) {
        return new Actor(jurisdiction + "-bureau", List.of(jurisdiction + "-bureau"), List.of(jurisdiction));
    }

    List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }

    /** A score sheet giving {@code score} on every criterion of the jurisdiction: its weighted total is the score. */
    Map<String, Object> sheet(String jurisdiction, int score) {
        Map<String, Object> s = new HashMap<>();
        s.put("conflictDeclaration", "NO_CONFLICT");
        for (Criterion c : rules.criteria(jurisdiction)) {
            s.put("score_" + c.key(), score);
            s.put("comment_" + c.key(), c.label() + "评价:" + score);
        }
        s.put("opinion", "RECOMMEND");
        s.put("overallComment", "总体意见:" + score);
        return s;
    }

    Map<String, Object> conflict(String reason) {
        return Map.of("conflictDeclaration", "CONFLICT", "conflictReason", reason);
    }

    /** The member now on each seat scores the next of {@code totals}, in seat order. */
    Map<Integer, String> scoreInSeatOrder(Panel p, int... totals) {
        Map<Integer, String> by = new LinkedHashMap<>();
        Map<Integer, Seat> now = latest(p);
        assertThat(now).hasSize(totals.length);
        int i = 0;
        for (Seat s : now.values()) {
            assertThat(s.status()).isEqualTo(Seat.Status.ACTIVE);
            complete(s.memberUserId(), scoreTask(p, s.memberUserId()), sheet(p.jurisdiction(), totals[i++]));
            by.put(s.seatNo(), s.memberUserId());
        }
        return by;
    }

    int seatOf(DrawRecord d, MemberKind kind, boolean ofKind) {
        for (int i = 0; i < d.panel().size(); i++) {
            if ((d.panel().get(i).kind() == kind) == ofKind) {
                return i + 1;
            }
        }
        throw new AssertionError("no seat " + (ofKind ? "of" : "not of") + " kind " + kind);
    }

    Project project(Panel p) {
        return projects.get(p.projectId());
    }

    boolean waitingAt(Panel p, String activityId) {
        return runtime.createExecutionQuery().processInstanceId(p.processInstanceId()).activityId(activityId).count() > 0;
    }

    /**
     * No score value anywhere in the engine (history, details, runtime variables), while the history does hold the
     * panel's own variables; and every draw of the project replays from its seed to the recorded panel and reserves.
     */
    void assertBlindAndReplayable(Panel p) {
        List<HistoricVariableInstance> historic = history.createHistoricVariableInstanceQuery().list();
        assertThat(historic).extracting(HistoricVariableInstance::getName).as("the history is written")
                .contains(TcPanelProcesses.Vars.SEAT_MEMBER.name(), TcProjectProcess.Vars.PROJECT_ID.name())
                .noneMatch(SensitiveVariables::isSensitive);
        for (HistoricDetail d : history.createHistoricDetailQuery().list()) {
            String name = d instanceof HistoricVariableUpdate u ? u.getVariableName()
                    : d instanceof HistoricFormField f ? f.getFieldId() : null;
            assertThat(SensitiveVariables.isSensitive(name)).as("ACT_HI_DETAIL holds " + name).isFalse();
        }
        assertThat(runtime.createVariableInstanceQuery().list()).extracting(VariableInstance::getName)
                .noneMatch(SensitiveVariables::isSensitive);
        for (String table : List.of("act_hi_varinst", "act_hi_detail", "act_ru_variable")) {
            assertThat(jdbc.sql("select distinct name_ from " + table).query(String.class).list()).as(table)
                    .noneMatch(SensitiveVariables::isSensitive);
        }

        List<DrawRecord> inForce = draws.inForce(p.roundId(), p.projectId());
        assertThat(inForce).isNotEmpty();
        for (DrawRecord d : inForce) {
            PanelDraw.Result replayed = drawService.replay(d.id());
            assertThat(replayed.panel()).as("draw " + d.id() + " replayed").isEqualTo(d.panel());
            assertThat(replayed.reserves()).isEqualTo(d.reserves());
        }
        List<String> firstSeated = seats.ofProject(p.roundId(), p.projectId()).stream()
                .filter(s -> s.drawId() == inForce.get(0).id()).limit(inForce.get(0).panel().size())
                .map(Seat::memberUserId).toList();
        assertThat(firstSeated).as("the seats were first taken by the drawn panel, in the order drawn")
                .isEqualTo(inForce.get(0).panel().stream().map(Candidate::userId).toList());
    }

    static Date date(LocalDateTime t) {
        return Date.from(t.atZone(ClockConfiguration.BEIJING).toInstant());
    }

    @Test
    void shouldConcludeAThreeMemberPanelWithTheAverageOfItsScores() {
        Panel p = project("liaocheng", "EQUIPMENT", 6_000_000);
        assertThat(waitingAt(p, TcProjectProcess.Elements.DRAW_PANEL)).isTrue();

        runJob(p, TcProjectProcess.Elements.DRAW_PANEL);

        DrawRecord d = panelDraw(p);
        assertThat(d.purpose()).isEqualTo(DrawRecord.PANEL);
        assertThat(d.panel()).hasSize(3);
        assertThat(d.reserves()).hasSize(2);
        assertThat(d.panel()).filteredOn(c -> c.kind() == MemberKind.EXPERT).as("tc-panel-size: at least 2 experts")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(d.panel()).filteredOn(c -> c.kind() != MemberKind.EXPERT).as("and at least 1 non-expert")
                .isNotEmpty();
        List<Task> open = tasksOf(p, TcPanelProcesses.Elements.SCORE_PROJECT);
        assertThat(open).extracting(Task::getAssignee).as("each drawn member has a task of their own")
                .containsExactlyInAnyOrderElementsOf(d.panel().stream().map(Candidate::userId).toList());
        for (Task t : open) {
            Seat s = row(p, t.getAssignee());
            assertThat(s.status()).isEqualTo(Seat.Status.ACTIVE);
            assertThat(t.getDueDate()).as("due at the seat's due time").isEqualTo(date(s.dueAt()));
            assertThat(s.dueAt()).isAfter(LocalDateTime.now());
            assertThat(t.getTenantId()).isEqualTo("liaocheng");
        }
        assertThat(candidateGroupsOfNone(open)).as("a member's task is theirs alone").isTrue();

        Map<Integer, Seat> seated = latest(p);
        complete(seated.get(1).memberUserId(), scoreTask(p, seated.get(1).memberUserId()), sheet(p.jurisdiction(), 80));
        complete(seated.get(2).memberUserId(), scoreTask(p, seated.get(2).memberUserId()), sheet(p.jurisdiction(), 82));
        assertThat(hasJob(p, TcProjectProcess.Elements.AGGREGATE_PANEL)).as("a seat still scoring").isFalse();
        assertThat(scores.submissions(p.roundId(), p.projectId())).hasSize(2);
        complete(seated.get(3).memberUserId(), scoreTask(p, seated.get(3).memberUserId()), sheet(p.jurisdiction(), 78));
        assertThat(latest(p).values()).extracting(Seat::status).containsOnly(Seat.Status.SCORED);
        assertThat(project(p).stage()).as("the aggregate is a job of its own").isEqualTo(Stage.EXPERT_REVIEW);

        aggregate(p);

        PanelOutcome o = scores.outcome(p.roundId(), p.projectId()).orElseThrow();
        assertThat(o.sheets()).isEqualTo(3);
        assertThat(o.aggregateScore()).isEqualByComparingTo("80");
        assertThat(o.needsConsensus()).as("spread 4").isFalse();
        assertThat(o.droppedMembers()).as("three sheets are not trimmed").isEmpty();
        assertThat(tasksOf(p, TcProjectProcess.Elements.REACH_CONSENSUS)).isEmpty();
        assertThat(project(p).stage()).isEqualTo(Stage.REVIEWED);
        assertThat(project(p).expertScore()).isEqualByComparingTo("80");
        assertThat(waitingAt(p, TcProjectProcess.Elements.REVIEW_CLOSED)).isTrue();
        assertBlindAndReplayable(p);
    }

    boolean candidateGroupsOfNone(List<Task> open) {
        return open.stream().allMatch(t -> candidateGroups(t).isEmpty());
    }

    @Test
    void shouldSeatTheNextReserveWhenAMemberDeclaresAConflict() {
        Panel p = project("liaocheng", "EQUIPMENT", 6_000_000);
        runJob(p, TcProjectProcess.Elements.DRAW_PANEL);
        DrawRecord d = panelDraw(p);
        int seat = seatOf(d, MemberKind.EXPERT, false);
        String member = d.panel().get(seat - 1).userId();
        // Two experts and one non-expert sit; the non-expert's seat goes to the first non-expert reserve.
        Candidate reserve = d.reserves().stream().filter(c -> c.kind() != MemberKind.EXPERT).findFirst().orElseThrow();

        complete(member, scoreTask(p, member), conflict("本人曾任该企业技术顾问,申请回避"));

        Seat stepped = row(p, member);
        assertThat(stepped.status()).isEqualTo(Seat.Status.RECUSED);
        assertThat(stepped.endReason()).isEqualTo("本人曾任该企业技术顾问,申请回避");
        assertThat(stepped.endedBy()).isEqualTo(member);
        assertThat(tasks.createTaskQuery().taskAssignee(member)
                .processVariableValueEquals(TcProjectProcess.Vars.PROJECT_ID.name(), p.projectId()).count()).isZero();
        Seat next = latest(p).get(seat);
        assertThat(next.memberUserId()).isEqualTo(reserve.userId());
        assertThat(next.status()).isEqualTo(Seat.Status.ACTIVE);
        assertThat(next.drawId()).isEqualTo(d.id());
        assertThat(scoreTask(p, reserve.userId()).getDueDate()).isEqualTo(date(next.dueAt()));
        assertThat(scores.submissions(p.roundId(), p.projectId())).as("a declaration is no sheet").isEmpty();

        scoreInSeatOrder(p, 75, 70, 72);
        aggregate(p);
        assertThat(scores.byProject(p.roundId(), p.projectId())).extracting(s -> s.memberUserId())
                .contains(reserve.userId()).doesNotContain(member).hasSize(3);
        assertThat(project(p).stage()).isEqualTo(Stage.REVIEWED);
        assertThat(project(p).expertScore()).isEqualByComparingTo("72.33");
        assertBlindAndReplayable(p);
    }

    @Test
    void shouldAskTheBureauToDrawMoreWhenTheReservesRunOutAndRefuseWhileThePoolIsShort() {
        String j = "jiyuan";
        Panel p = project(j, "TECH_RETROFIT", 6_000_000);
        runJob(p, TcProjectProcess.Elements.DRAW_PANEL);
        DrawRecord d = panelDraw(p);
        int seat = seatOf(d, MemberKind.EXPERT, false);
        List<String> stepped = new ArrayList<>();
        for (int i = 0; i < 5 && latest(p).get(seat).status() == Seat.Status.ACTIVE; i++) {
            String member = latest(p).get(seat).memberUserId();
            complete(member, scoreTask(p, member), conflict("与该企业存在利害关系"));
            stepped.add(member);
        }
        long nonExpertReserves = d.reserves().stream().filter(c -> c.kind() != MemberKind.EXPERT).count();
        assertThat(stepped).as("the member, then each reserve that fits the seat").hasSize(1 + (int) nonExpertReserves);
        assertThat(latest(p).get(seat).status()).isEqualTo(Seat.Status.RECUSED);
        Task drawMore = single(p, TcPanelProcesses.Elements.DRAW_MORE_REVIEWERS);
        assertThat(candidateGroups(drawMore)).containsExactly("jiyuan-bureau");
        assertThat(TcPanelProcesses.Vars.SEAT_SHORTAGE.get(runtime, drawMore.getExecutionId()))
                .contains("第 " + seat + " 席的候补已用尽");

        // The pool is short: every member not yet drawn for the project is deactivated.
        Set<String> drawn = new java.util.HashSet<>();
        d.panel().forEach(c -> drawn.add(c.userId()));
        d.reserves().forEach(c -> drawn.add(c.userId()));
        for (PoolMember m : pool.list(j, true, null, null, Actor.system())) {
            if (!drawn.contains(m.userId())) {
                pool.deactivate(m.id(), Map.of("reason", "测试:本年度暂停评审"), bureau(j));
            }
        }
        long drawsBefore = draws.inForce(p.roundId(), p.projectId()).size();
        assertThatThrownBy(() -> complete("jiyuan-bureau", drawMore, Map.of("drawReason", "候补均已回避,补充抽取")))
                .hasMessageContaining("提交被拒绝").hasMessageContaining("评审领域「技术改造后补助」")
                .hasMessageContaining("非专家成员").hasMessageContaining("不足");
        assertThat(draws.inForce(p.roundId(), p.projectId())).as("a refused draw stores nothing").hasSize((int) drawsBefore);
        assertThat(tasks.createTaskQuery().taskId(drawMore.getId()).count()).isOne();

        int n = SERIAL.incrementAndGet();
        String expert = "jiyuan-supplement-expert-" + n;
        String thirdParty = "jiyuan-supplement-third-" + n;
        for (Map<String, Object> member : List.of(
                newMember(j, expert, MemberKind.EXPERT, "TECH_RETROFIT"),
                newMember(j, thirdParty, MemberKind.THIRD_PARTY, "TECH_RETROFIT"))) {
            pool.add(member, bureau(j));
        }

        complete("jiyuan-bureau", drawMore, Map.of("drawReason", "候补均已回避,补充抽取"));

        List<DrawRecord> inForce = draws.inForce(p.roundId(), p.projectId());
        assertThat(inForce).hasSize(2);
        DrawRecord supplement = inForce.stream().filter(x -> DrawRecord.SUPPLEMENT.equals(x.purpose())).findFirst()
                .orElseThrow();
        assertThat(supplement.drawnBy()).isEqualTo("jiyuan-bureau");
        assertThat(supplement.reason()).isEqualTo("候补均已回避,补充抽取");
        assertThat(supplement.panel()).extracting(Candidate::userId).containsExactlyInAnyOrder(expert, thirdParty);
        Seat now = latest(p).get(seat);
        assertThat(now.status()).isEqualTo(Seat.Status.ACTIVE);
        assertThat(now.memberUserId()).as("the non-expert's seat").isEqualTo(thirdParty);
        assertThat(now.drawId()).isEqualTo(supplement.id());
        assertThat(scoreTask(p, thirdParty).getDueDate()).isEqualTo(date(now.dueAt()));
        assertThat(tasksOf(p, TcPanelProcesses.Elements.DRAW_MORE_REVIEWERS)).isEmpty();
        assertBlindAndReplayable(p);
    }

    Map<String, Object> newMember(String j, String userId, MemberKind kind, String field) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jurisdiction", j);
        m.put("userId", userId);
        m.put("kind", kind.name());
        m.put("displayName", "补充评审成员" + userId.substring(userId.lastIndexOf('-') + 1));
        m.put("fields", List.of(field));
        m.put("employerName", "补充单位");
        return m;
    }

    @Test
    void shouldLetTheBureauReplaceALateMemberOnlyWhenLateAndSeatTheNextReserve() {
        Panel p = project("liaocheng", "EQUIPMENT", 6_000_000);
        runJob(p, TcProjectProcess.Elements.DRAW_PANEL);
        DrawRecord d = panelDraw(p);
        int seat = seatOf(d, MemberKind.EXPERT, false);
        String late = d.panel().get(seat - 1).userId();
        Candidate reserve = d.reserves().stream().filter(c -> c.kind() != MemberKind.EXPERT).findFirst().orElseThrow();
        Task lateTask = scoreTask(p, late);
        Job overdue = management.createJobQuery().processInstanceId(lateTask.getProcessInstanceId()).timers()
                .singleResult();
        assertThat(overdue.getDuedate()).as("the timer is the seat's due time").isEqualTo(date(row(p, late).dueAt()));

        EngineClock.moveTo(overdue.getDuedate().toInstant().plus(Duration.ofHours(2)));
        management.executeJob(overdue.getId());

        Task replace = single(p, TcPanelProcesses.Elements.REPLACE_OVERDUE_REVIEWER);
        assertThat(candidateGroups(replace)).containsExactly("liaocheng-bureau");
        assertThat(tasks.createTaskQuery().taskId(lateTask.getId()).count()).as("the member may still score").isOne();

        EngineClock.reset();
        assertThatThrownBy(() -> complete("liaocheng-bureau", replace, Map.of("replaceReason", "逾期未评分")))
                .as("back before the due time, the app's clock agrees with the engine's: not late")
                .hasMessageContaining("评分期限尚未届满");
        assertThat(row(p, late).status()).isEqualTo(Seat.Status.ACTIVE);

        EngineClock.moveTo(overdue.getDuedate().toInstant().plus(Duration.ofHours(3)));
        complete("liaocheng-bureau", replace, Map.of("replaceReason", "逾期未评分,经电话催告仍未提交"));

        assertThat(tasks.createTaskQuery().taskId(lateTask.getId()).count()).as("the late member's task is cancelled")
                .isZero();
        assertThat(tasksOf(p, TcPanelProcesses.Elements.REPLACE_OVERDUE_REVIEWER)).isEmpty();
        Seat replaced = row(p, late);
        assertThat(replaced.status()).isEqualTo(Seat.Status.REPLACED);
        assertThat(replaced.endReason()).isEqualTo("逾期未评分,经电话催告仍未提交");
        assertThat(replaced.endedBy()).isEqualTo("liaocheng-bureau");
        Seat next = latest(p).get(seat);
        assertThat(next.memberUserId()).isEqualTo(reserve.userId());
        assertThat(next.dueAt()).as("a fresh due time").isAfter(replaced.dueAt());
        assertThat(scoreTask(p, reserve.userId()).getDueDate()).isEqualTo(date(next.dueAt()));
        assertThatThrownBy(() -> complete(late, lateTask, sheet(p.jurisdiction(), 90)))
                .as("the replaced member's task is gone");
        assertThat(scores.submissions(p.roundId(), p.projectId())).isEmpty();
        assertBlindAndReplayable(p);
    }

    @Test
    void shouldGiveTheFirstDrawnExpertAConsensusTaskWhenScoresLieFarApart() {
        Panel p = project("liaocheng", "EQUIPMENT", 6_000_000);
        runJob(p, TcProjectProcess.Elements.DRAW_PANEL);
        scoreInSeatOrder(p, 90, 85, 60);
        String lead = seats.ofProject(p.roundId(), p.projectId()).stream()
                .filter(s -> s.kind() == MemberKind.EXPERT).findFirst().orElseThrow().memberUserId();
        String otherExpert = seats.ofProject(p.roundId(), p.projectId()).stream()
                .filter(s -> s.kind() == MemberKind.EXPERT && !s.memberUserId().equals(lead)).findFirst().orElseThrow()
                .memberUserId();

        aggregate(p);

        PanelOutcome o = scores.outcome(p.roundId(), p.projectId()).orElseThrow();
        assertThat(o.spread()).isEqualByComparingTo("30");
        assertThat(o.needsConsensus()).isTrue();
        assertThat(o.aggregateScore()).isEqualByComparingTo("78.33");
        Task consensus = single(p, TcProjectProcess.Elements.REACH_CONSENSUS);
        assertThat(consensus.getAssignee()).as("the first drawn expert who scored").isEqualTo(lead);
        assertThat(consensus.getProcessInstanceId()).isEqualTo(p.processInstanceId());
        assertThat(TcPanelProcesses.Vars.PANEL_SUMMARY.getLocal(tasks, consensus.getId()))
                .contains("最高与最低分差 30").contains("90.00 分").contains("60.00 分");
        assertThat(project(p).stage()).isEqualTo(Stage.EXPERT_REVIEW);

        assertThatThrownBy(() -> complete(otherExpert, consensus, Map.of("agreedScore", 50, "agreedReason", "越权")))
                .as("another expert of the panel");
        assertThat(scores.outcome(p.roundId(), p.projectId()).orElseThrow().agreedScore()).isNull();

        complete(lead, consensus, Map.of("agreedScore", 80, "agreedReason", "经合议,技术水平评分偏低者意见已充分讨论"));

        PanelOutcome agreed = scores.outcome(p.roundId(), p.projectId()).orElseThrow();
        assertThat(agreed.agreedScore()).isEqualByComparingTo("80");
        assertThat(agreed.agreedReason()).isEqualTo("经合议,技术水平评分偏低者意见已充分讨论");
        assertThat(agreed.finalScore()).isEqualByComparingTo("80");
        assertThat(jdbc.sql("select agreed_by from panel_outcome where project_id = :p").param("p", p.projectId())
                .query(String.class).single()).isEqualTo(lead);
        assertThat(project(p).stage()).isEqualTo(Stage.REVIEWED);
        assertThat(project(p).expertScore()).as("the agreed score, not the aggregate").isEqualByComparingTo("80");
        assertThat(waitingAt(p, TcProjectProcess.Elements.REVIEW_CLOSED)).isTrue();
        assertBlindAndReplayable(p);
    }

    /**
     * Five members hand in at the same moment, each from a thread of their own (as five browsers would): no score is
     * lost and none is counted twice. A submission the engine refuses for a concurrent change (optimistic locking)
     * would leave its task open and be handed in again, as Tasklist lets the member do; the model keeps the members
     * apart (each seat a sub-instance of its own, the seat's end a job of its own), so none is expected.
     */
    @Test
    void shouldKeepEveryScoreWhenFiveMembersHandInAtOnce() throws Exception {
        Panel p = project("liaocheng", "EQUIPMENT", 25_000_000);
        runJob(p, TcProjectProcess.Elements.DRAW_PANEL);
        List<Task> open = tasksOf(p, TcPanelProcesses.Elements.SCORE_PROJECT);
        assertThat(open).hasSize(5);
        int[] points = {85, 80, 75, 70, 66};
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(open.size());
        AtomicInteger conflicts = new AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(open.size());
        try {
            List<java.util.concurrent.Future<?>> handedIn = new java.util.ArrayList<>();
            for (int i = 0; i < open.size(); i++) {
                Task t = open.get(i);
                Map<String, Object> values = sheet(p.jurisdiction(), points[i]);
                handedIn.add(pool.submit(() -> {
                    start.await();
                    for (int attempt = 1; ; attempt++) {
                        try {
                            complete(t.getAssignee(), t, values);
                            return null;
                        } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
                            conflicts.incrementAndGet();
                            assertThat(tasks.createTaskQuery().taskId(t.getId()).count())
                                    .as("a refused submission leaves the task open").isEqualTo(1);
                            if (attempt == 3) {
                                throw e;
                            }
                        }
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : handedIn) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(conflicts).as("members handing in together do not contend").hasValue(0);
        assertThat(scores.submissions(p.roundId(), p.projectId())).hasSize(5);
        assertThat(jdbc.sql("select count(distinct member_user_id) from panel_score where project_id = :p")
                .param("p", p.projectId()).query(Integer.class).single()).isEqualTo(5);
        assertThat(latest(p).values()).extracting(Seat::status).containsOnly(Seat.Status.SCORED);
        aggregate(p);
        PanelOutcome o = scores.outcome(p.roundId(), p.projectId()).orElseThrow();
        assertThat(o.sheets()).isEqualTo(5);
        assertThat(o.aggregateScore()).as("(80 + 75 + 70) / 3").isEqualByComparingTo("75");
        assertThat(project(p).stage()).isEqualTo(Stage.REVIEWED);
    }

    @Test
    void shouldDropTheHighestAndLowestOfFiveScores() {
        Panel p = project("liaocheng", "EQUIPMENT", 25_000_000);
        runJob(p, TcProjectProcess.Elements.DRAW_PANEL);
        DrawRecord d = panelDraw(p);
        assertThat(d.panel()).as("20,000,000 and more: five members").hasSize(5);
        assertThat(d.panel()).filteredOn(c -> c.kind() == MemberKind.EXPERT).hasSizeGreaterThanOrEqualTo(3);
        assertThat(tasksOf(p, TcPanelProcesses.Elements.SCORE_PROJECT)).hasSize(5);

        Map<Integer, String> members = scoreInSeatOrder(p, 85, 80, 75, 70, 66);
        aggregate(p);

        PanelOutcome o = scores.outcome(p.roundId(), p.projectId()).orElseThrow();
        assertThat(o.sheets()).isEqualTo(5);
        assertThat(o.spread()).isEqualByComparingTo("19");
        assertThat(o.aggregateScore()).as("(80 + 75 + 70) / 3").isEqualByComparingTo("75");
        assertThat(o.droppedMembers()).as("lowest, then highest").containsExactly(members.get(5), members.get(1));
        assertThat(jdbc.sql("select dropped_members from panel_outcome where project_id = :p").param("p", p.projectId())
                .query(String.class).single()).isEqualTo(members.get(5) + "," + members.get(1));
        assertThat(project(p).stage()).isEqualTo(Stage.REVIEWED);
        assertThat(project(p).expertScore()).isEqualByComparingTo("75");
        assertBlindAndReplayable(p);
    }

    @Test
    void shouldAskTheBureauToCompleteAShortPoolAndDrawOnceItCan() {
        String j = "yanzhou";
        // 工业机器人: two of the demo pool's three experts review it; a 25,000,000 project needs three.
        Panel p = project(j, "ROBOT", 25_000_000);
        runJob(p, TcProjectProcess.Elements.DRAW_PANEL);

        assertThat(draws.current(p.roundId(), p.projectId())).as("nothing drawn").isEmpty();
        assertThat(seats.ofProject(p.roundId(), p.projectId())).isEmpty();
        Task resolve = single(p, TcProjectProcess.Elements.RESOLVE_PANEL_SHORTAGE);
        assertThat(candidateGroups(resolve)).containsExactly("yanzhou-bureau");
        assertThat(TcProjectProcess.Vars.PANEL_SHORTAGE.get(runtime, p.processInstanceId()))
                .contains("评审领域「工业机器人」回避后可抽取的专家不足:至少需要 3 名,仅有 2 名");

        assertThatThrownBy(() -> complete("yanzhou-bureau", resolve, Map.of("drawReason", "已通知专家")))
                .hasMessageContaining("专家库仍不足以抽取评审小组").hasMessageContaining("专家不足");
        assertThat(tasks.createTaskQuery().taskId(resolve.getId()).count()).isOne();

        String added = "yanzhou-robot-expert-" + SERIAL.incrementAndGet();
        pool.add(newMember(j, added, MemberKind.EXPERT, "ROBOT"), bureau(j));
        complete("yanzhou-bureau", resolve, Map.of("drawReason", "已增补一名工业机器人领域专家"));
        assertThat(project(p).stage()).isEqualTo(Stage.EXPERT_REVIEW);

        runJob(p, TcProjectProcess.Elements.DRAW_PANEL);

        DrawRecord d = panelDraw(p);
        assertThat(d.panel()).hasSize(5).extracting(Candidate::userId).as("all three experts, the new one too")
                .contains(added);
        assertThat(tasksOf(p, TcPanelProcesses.Elements.SCORE_PROJECT)).extracting(Task::getAssignee)
                .containsExactlyInAnyOrderElementsOf(d.panel().stream().map(Candidate::userId).toList());
        assertThat(tasksOf(p, TcProjectProcess.Elements.RESOLVE_PANEL_SHORTAGE)).isEmpty();
        assertThat(jdbc.sql("select count(*) from project_event where project_id = :p and action = 'PANEL_POOL_COMPLETED'")
                .param("p", p.projectId()).query(Long.class).single()).isOne();
        assertBlindAndReplayable(p);
    }

    /**
     * 退回补正 at review: a member lists a correctable point on the sheet; the conclusion sends it to the enterprise
     * (merged, without the member's name) instead of concluding; once corrected the panel lead (and no other member)
     * records the score after correction, which the conclusion takes.
     */
    @Test
    void shouldReturnToTheEnterpriseForThePointsAMemberRaisedAndConcludeOnTheLeadsScoreAfterCorrection() {
        Panel p = project("liaocheng", "EQUIPMENT", 6_000_000);
        runJob(p, TcProjectProcess.Elements.DRAW_PANEL);
        Map<Integer, Seat> now = latest(p);
        boolean first = true;
        for (Seat s : now.values()) {
            Map<String, Object> sheet = sheet(p.jurisdiction(), 80);
            if (first) {
                sheet.put("correctionPoints", "设备清单缺少发票号码");
                first = false;
            }
            complete(s.memberUserId(), scoreTask(p, s.memberUserId()), sheet);
        }
        String lead = seats.ofProject(p.roundId(), p.projectId()).stream()
                .filter(s -> s.kind() == MemberKind.EXPERT).findFirst().orElseThrow().memberUserId();
        String otherMember = now.values().stream().map(Seat::memberUserId).filter(m -> !m.equals(lead)).findFirst()
                .orElseThrow();

        aggregate(p);

        assertThat(project(p).stage()).as("not concluded while out for correction").isEqualTo(Stage.EXPERT_REVIEW);
        assertThat(waitingAt(p, TcProjectProcess.Elements.REVIEW_CORRECTION_CALL)).isTrue();
        String points = jdbc.sql("select points from project_revision where open_project_id = :p")
                .param("p", p.projectId()).query(String.class).single();
        assertThat(points).isEqualTo("评审意见 1:设备清单缺少发票号码");
        for (Seat s : now.values()) {
            assertThat(points).as("blind: no member named").doesNotContain(s.memberUserId());
        }
        String child = runtime.createProcessInstanceQuery().superProcessInstanceId(p.processInstanceId())
                .processDefinitionKey("tc-correction").singleResult().getId();
        Task correct = tasks.createTaskQuery().processInstanceId(child).singleResult();
        assertThat(correct.getAssignee()).isEqualTo("liaocheng-ent-1");
        Project before = project(p);
        complete("liaocheng-ent-1", correct, new HashMap<>(Map.of("correctedProjectName", before.projectName(),
                "plannedTotalInvestment", 6_000_000, "plannedEquipmentInvestment", 3_600_000,
                "plannedStartDate", before.plannedStartDate().toString(),
                "plannedEndDate", before.plannedEndDate().toString(), "actualTotalInvestment", 6_000_000,
                "actualEquipmentInvestment", 3_500_000, "correctionNote", "补充发票号码,按发票更正设备投资")));

        Task review = single(p, TcProjectProcess.Elements.REVIEW_CORRECTION);
        assertThat(review.getAssignee()).as("the panel lead").isEqualTo(lead);
        assertThat(TcCorrectionProcess.Vars.CHANGES.getLocal(tasks, review.getId()))
                .contains("实际设备投资:3600000.00 → 3500000.00");
        assertThatThrownBy(() -> complete(otherMember, review, Map.of("agreedScore", 50, "agreedReason", "越权")))
                .as("another member of the panel");
        complete(lead, review, Map.of("agreedScore", 88, "agreedReason", "补正后材料齐全,数据一致"));

        assertThat(project(p).stage()).isEqualTo(Stage.REVIEWED);
        assertThat(project(p).expertScore()).as("the lead's score after correction").isEqualByComparingTo("88");
        assertThat(project(p).actualEquipmentInvestment()).isEqualByComparingTo("3500000");
        assertThat(waitingAt(p, TcProjectProcess.Elements.REVIEW_CLOSED)).isTrue();
        assertThat(jdbc.sql("select action from project_event where project_id = :p order by id")
                .param("p", p.projectId()).query(String.class).list())
                .containsSubsequence("PANEL_AGGREGATED", "CORRECTION_REQUESTED", "CORRECTED", "CORRECTION_REVIEWED",
                        "REVIEW_PASSED");
    }
}
