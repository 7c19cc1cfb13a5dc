package cn.tcsubsidy.notice.domain;

import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FormValues;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Public notice (公示) of the proposed list. Objections are written and signed with a real name; the bureau records
 * whether one was received and whether it was upheld. An upheld objection ends the project.
 */
@Service
public class NoticeService {

    private final StageGuard guard;
    private final ProjectRepository projects;
    private final ProjectHistory history;
    private final AwardCases awards;

    public NoticeService(StageGuard guard, ProjectRepository projects, ProjectHistory history, AwardCases awards) {
        this.guard = guard;
        this.projects = projects;
        this.history = history;
        this.awards = awards;
    }

    public void opened(long projectId, LocalDate firstDay, LocalDate lastDay) {
        guard.require(projectId, "发布公示", Stage.AWAITING_NOTICE);
        projects.setStage(projectId, Stage.PUBLIC_NOTICE);
        history.record(projectId, Stage.PUBLIC_NOTICE, "NOTICE_OPENED", Actor.SYSTEM,
                "拟扶持名单公示:" + firstDay + " 至 " + lastDay);
    }

    /** The round's notice period is over (the round checks the date): the bureau confirms the outcome. */
    public void closed(long projectId) {
        guard.require(projectId, "结束公示", Stage.PUBLIC_NOTICE);
        projects.setStage(projectId, Stage.NOTICE_OUTCOME);
        history.record(projectId, Stage.NOTICE_OUTCOME, "NOTICE_CLOSED", Actor.SYSTEM, "公示期满");
    }

    public void confirmOutcome(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        boolean received = f.bool("objectionReceived");
        boolean upheld = f.bool("objectionUpheld");
        String summary = f.text("objectionSummary", "异议及核查情况", received, 2000);
        if (upheld && !received) {
            f.reject("objectionUpheld", "未收到实名书面异议,不能认定异议成立");
        }
        f.throwIfInvalid();
        guard.enter(projectId, actor, Stage.NOTICE_OUTCOME);
        if (upheld) {
            String reason = "公示期间异议成立:" + summary;
            awards.cancel(projectId, reason, actor);
            projects.reject(projectId, reason);
            history.record(projectId, Stage.NOTICE_OUTCOME, "OBJECTION_UPHELD", actor.userId(), reason);
        } else {
            projects.setStage(projectId, Stage.PAYMENT);
            history.record(projectId, Stage.NOTICE_OUTCOME, "NOTICE_PASSED", actor.userId(), received
                    ? "收到异议,经核查不成立:" + summary
                    : "公示期满无异议");
        }
    }
}
