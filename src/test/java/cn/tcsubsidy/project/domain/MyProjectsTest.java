package cn.tcsubsidy.project.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which decision {@link MyProjects} shows a filer, and the dates it reads from the history: always the step's own
 * record (the project's rejection reason, the listing's summary and the granted amount), the latest one standing.
 */
class MyProjectsTest {

    static final LocalDateTime T0 = LocalDateTime.of(2022, 5, 1, 9, 0);

    static Project project(Stage stage, BigDecimal proposed, String rejectionReason) {
        return new Project(1, "hekou", "yihe", "企业", null, "2021-370503-34-03-000001", "项目", "EQUIPMENT", null, null,
                null, null, null, null, null, null, null, stage, null, null, null, null, null, null, null, proposed,
                null, null, rejectionReason, null, "hekou-ent-1", T0, T0);
    }

    /** Events a day apart, in order: (stage, action, summary) triples. */
    static List<ProjectEvent> history(Object... triples) {
        List<ProjectEvent> events = new ArrayList<>();
        for (int i = 0; i < triples.length; i += 3) {
            events.add(new ProjectEvent(i, (Stage) triples[i], (String) triples[i + 1], "someone",
                    (String) triples[i + 2], T0.plusDays(i / 3 + 1)));
        }
        return events;
    }

    static final Object[] UP_TO_REVIEW = {
        Stage.IN_PROGRESS, "FILED", "备案",
        Stage.COMPLETED, "COMPLETION_REPORTED", "竣工",
        Stage.RECOMMENDATION, "RECOMMENDED", "镇街推荐:同意",
        Stage.EXPERT_REVIEW, "REVIEW_PASSED", "专家评审通过:90 分",
        Stage.AWARD_DECISION, "REVIEW_CLOSED", "评审汇总完成"};

    static Object[] plus(Object[] head, Object... tail) {
        Object[] all = new Object[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Test
    void shouldShowTheBureausRefusalWithTheReasonTheProjectRecords() {
        String reason = "工信局审定不予扶持:超出年度预算";
        MyProjects.Entry e = MyProjects.entry(project(Stage.REJECTED, null, reason), history(
                plus(UP_TO_REVIEW, Stage.AWARD_DECISION, "AWARD_REFUSED", reason, Stage.REJECTED, "CLOSED_REJECTED",
                        "项目终止,原因:" + reason)));
        assertThat(e.decision().outcome()).isEqualTo(MyProjects.Outcome.REFUSED);
        assertThat(e.decision().outcomeLabel()).isEqualTo("工信局审定不予扶持");
        assertThat(e.decision().reason()).isEqualTo(reason);
        assertThat(e.decision().amount()).isNull();
        assertThat(e.decision().stage()).isEqualTo(Stage.AWARD_DECISION);
        assertThat(e.decision().at()).isEqualTo(T0.plusDays(6));
        assertThat(e.milestones().decidedAt()).isEqualTo(T0.plusDays(6));
        assertThat(e.milestones().reviewedAt()).isEqualTo(T0.plusDays(4));
        assertThat(e.milestones().recommendedAt()).isEqualTo(T0.plusDays(3));
        assertThat(e.milestones().completionReportedAt()).isEqualTo(T0.plusDays(2));
        assertThat(e.milestones().filedAt()).isEqualTo(T0);
        assertThat(e.noticed()).isFalse();
    }

    @Test
    void shouldShowAFailedReviewAndAnExpiredCorrectionByTheirOwnSteps() {
        String failed = "专家评审未通过:评审小组最终得分 52.00";
        MyProjects.Entry review = MyProjects.entry(project(Stage.REJECTED, null, failed), history(
                Stage.IN_PROGRESS, "FILED", "备案", Stage.RECOMMENDATION, "RECOMMENDED", "同意",
                Stage.EXPERT_REVIEW, "REVIEW_FAILED", failed));
        assertThat(review.decision().outcome()).isEqualTo(MyProjects.Outcome.REVIEW_FAILED);
        assertThat(review.decision().reason()).isEqualTo(failed);
        assertThat(review.milestones().reviewedAt()).isEqualTo(T0.plusDays(3));
        assertThat(review.milestones().decidedAt()).isNull();

        String expired = "逾期未补正:补充环评批复";
        MyProjects.Entry correction = MyProjects.entry(project(Stage.REJECTED, null, expired), history(
                Stage.RECOMMENDATION, "CORRECTION_REQUESTED", "退回补正", Stage.RECOMMENDATION, "CORRECTION_EXPIRED",
                "补正期限届满;" + expired));
        assertThat(correction.decision().outcome()).isEqualTo(MyProjects.Outcome.CORRECTION_EXPIRED);
        assertThat(correction.decision().reason()).as("the project's recorded reason").isEqualTo(expired);
    }

    @Test
    void shouldShowTheListingWithTheGrantedAmountAndTheDecisionsRecord() {
        String listed = "列入拟扶持名单,拟扶持金额 1,200,000.00 元:同意;兑现资金:专项资金 100%";
        MyProjects.Entry e = MyProjects.entry(project(Stage.PAYMENT, new BigDecimal("1200000.00"), null), history(
                plus(UP_TO_REVIEW, Stage.AWARD_DECISION, "AWARD_PROPOSED", listed,
                        Stage.PUBLIC_NOTICE, "NOTICE_OPENED", "拟扶持名单公示:2022-05-10 至 2022-05-16",
                        Stage.NOTICE_OUTCOME, "NOTICE_CLOSED", "公示期满",
                        Stage.NOTICE_OUTCOME, "NOTICE_PASSED", "公示期满无异议")));
        assertThat(e.decision().outcome()).isEqualTo(MyProjects.Outcome.AWARDED);
        assertThat(e.decision().amount()).isEqualByComparingTo("1200000.00");
        assertThat(e.decision().reason()).isEqualTo(listed);
        assertThat(e.noticed()).isTrue();
        assertThat(e.milestones().noticeOpenedAt()).isEqualTo(T0.plusDays(7));
        assertThat(e.milestones().noticeClosedAt()).isEqualTo(T0.plusDays(8));
        assertThat(e.milestones().paymentCompletedAt()).isNull();
        assertThat(e.milestones().exitedPoolAt()).isNull();
    }

    @Test
    void shouldShowATakenBackProjectAsListedAgainNotAsRefused() {
        String refused = "工信局审定不予扶持:排序在预算线外";
        String added = "因公示期间异议成立、奖补撤销,工信局决定递补列入拟扶持名单,拟扶持金额 500,000.00 元:递补";
        // Reinstated (递补): the project no longer carries the old rejection; the supplement decided.
        MyProjects.Entry e = MyProjects.entry(project(Stage.PUBLIC_NOTICE, new BigDecimal("500000.00"), null), history(
                plus(UP_TO_REVIEW, Stage.AWARD_DECISION, "AWARD_REFUSED", refused,
                        Stage.REJECTED, "CLOSED_REJECTED", "项目终止,原因:" + refused,
                        Stage.AWARD_DECISION, ProjectLifecycle.SUPPLEMENT_ADDED, added,
                        Stage.PUBLIC_NOTICE, "NOTICE_OPENED", "递补公示")));
        assertThat(e.decision().outcome()).isEqualTo(MyProjects.Outcome.AWARDED);
        assertThat(e.decision().reason()).isEqualTo(added);
        assertThat(e.decision().amount()).isEqualByComparingTo("500000.00");
        assertThat(e.milestones().decidedAt()).isEqualTo(T0.plusDays(8));
    }

    @Test
    void shouldShowNothingDecidedWhileTheProjectIsUnderWay() {
        MyProjects.Entry e = MyProjects.entry(project(Stage.EXPERT_REVIEW, null, null), history(
                Stage.IN_PROGRESS, "FILED", "备案", Stage.RECOMMENDATION, "RECOMMENDED", "同意"));
        assertThat(e.decision()).isNull();
        assertThat(e.milestones().recommendedAt()).isEqualTo(T0.plusDays(2));
        assertThat(e.milestones().reviewedAt()).isNull();
    }
}
