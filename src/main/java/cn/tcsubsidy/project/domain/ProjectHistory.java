package cn.tcsubsidy.project.domain;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appends to and reads a project's history (project_event). */
@Repository
public class ProjectHistory {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<Listener> listeners;

    /** Told of each entry in the transaction that records it (the mails a step causes are queued so). */
    public interface Listener {
        void recorded(long projectId, Stage stage, String action, String actor, String summary);
    }

    public ProjectHistory(JdbcClient jdbc, Clock clock, ObjectProvider<Listener> listeners) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.listeners = listeners;
    }

    /** project_event.summary is varchar(4000) (V35): the figures and a note of up to 2000 characters fit. */
    static final int SUMMARY_LENGTH = 4000;

    /**
     * Records a step. A summary longer than its column (none of the app's: the longest is a step's figures with a
     * 2000-character note) is cut to it with an ellipsis rather than fail the step.
     */
    public void record(long projectId, Stage stage, String action, String actor, String fullSummary) {
        String summary = fullSummary == null || fullSummary.length() <= SUMMARY_LENGTH ? fullSummary
                : fullSummary.substring(0, SUMMARY_LENGTH - 1) + "…";
        jdbc.sql("""
                insert into project_event (project_id, stage, action, actor, summary, occurred_at)
                values (:p, :stage, :action, :actor, :summary, :at)
                """)
                .param("p", projectId).param("stage", stage.name()).param("action", action)
                .param("actor", actor).param("summary", summary).param("at", LocalDateTime.now(clock))
                .update();
        listeners.orderedStream().forEach(l -> l.recorded(projectId, stage, action, actor, summary));
    }

    public List<ProjectEvent> of(long projectId) {
        return jdbc.sql("select * from project_event where project_id = :p order by id")
                .param("p", projectId)
                .query((rs, i) -> new ProjectEvent(rs.getLong("id"), Stage.valueOf(rs.getString("stage")),
                        rs.getString("action"), rs.getString("actor"), rs.getString("summary"),
                        rs.getObject("occurred_at", LocalDateTime.class)))
                .list();
    }
}
