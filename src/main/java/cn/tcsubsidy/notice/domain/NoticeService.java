package cn.tcsubsidy.notice.domain;

import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.shared.Actor;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/**
 * Public notice (公示) of the proposed list: opened and closed by the round. The objections received during it are
 * {@code cn.tcsubsidy.objection}'s (tc-objection); their outcome decides what follows the notice.
 */
@Service
public class NoticeService {

    private final StageGuard guard;
    private final ProjectRepository projects;
    private final ProjectHistory history;

    public NoticeService(StageGuard guard, ProjectRepository projects, ProjectHistory history) {
        this.guard = guard;
        this.projects = projects;
        this.history = history;
    }

    public void opened(long projectId, LocalDate firstDay, LocalDate lastDay) {
        guard.require(projectId, "发布公示", Stage.AWAITING_NOTICE);
        projects.setStage(projectId, Stage.PUBLIC_NOTICE);
        history.record(projectId, Stage.PUBLIC_NOTICE, "NOTICE_OPENED", Actor.SYSTEM,
                "拟扶持名单公示:" + firstDay + " 至 " + lastDay);
    }

    /** The notice period is over (the round, or a supplementary notice's own timer, checks the date). */
    public void closed(long projectId) {
        guard.require(projectId, "结束公示", Stage.PUBLIC_NOTICE);
        projects.setStage(projectId, Stage.NOTICE_OUTCOME);
        history.record(projectId, Stage.NOTICE_OUTCOME, "NOTICE_CLOSED", Actor.SYSTEM, "公示期满");
    }
}
