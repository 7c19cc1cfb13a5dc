package cn.tcsubsidy.project.domain;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The projects an expert reviews, in the expert's jurisdictions: those whose review panel the expert sits on now, or
 * sat on and scored (panel_seat ACTIVE or SCORED). A pool member not drawn, a reserve not seated, a member who stepped
 * aside for a conflict or was replaced for being late reads none of them.
 */
@Repository
public class ProjectReviewers {

    private static final String SEATED = "exists (select 1 from panel_seat s where s.project_id = project.id"
            + " and s.member_user_id = :reviewer and s.status in ('ACTIVE', 'SCORED'))";

    private static final String REVIEWED_OR_UNDER_REVIEW = """
             from project where jurisdiction_code in (:allowed)
              and (cast(:j as varchar) is null or jurisdiction_code = :j)
              and (cast(:stage as varchar) is null or stage = :stage)
              and (cast(:unit as varchar) is null or unit_code = :unit)
              and\s""" + SEATED + " ";

    private final JdbcClient jdbc;

    public ProjectReviewers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the expert sits on the project's panel, or sat on it and scored. */
    public boolean seated(long projectId, String reviewer) {
        return jdbc.sql("select count(*) from project where id = :id and " + SEATED)
                .param("id", projectId).param("reviewer", reviewer).query(Long.class).single() > 0;
    }

    /** {@link ProjectRepository#search} for an expert: the same filters, newest first, within what the expert reviews. */
    public ProjectRepository.Page search(List<String> jurisdictions, String reviewer,
                                         String jurisdiction, Stage stage, String unit, int page, int size) {
        if (jurisdictions.isEmpty()) {
            return new ProjectRepository.Page(List.of(), 0, page, size);
        }
        long total = bind(jdbc.sql("select count(*)" + REVIEWED_OR_UNDER_REVIEW), jurisdictions, reviewer, jurisdiction, stage, unit)
                .query(Long.class).single();
        List<Project> items = bind(jdbc.sql("select *" + REVIEWED_OR_UNDER_REVIEW + " order by id desc limit :limit offset :offset"),
                jurisdictions, reviewer, jurisdiction, stage, unit)
                .param("limit", size).param("offset", (long) page * size)
                .query(ProjectRepository::map).list();
        return new ProjectRepository.Page(items, total, page, size);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, List<String> jurisdictions, String reviewer,
                                                 String jurisdiction, Stage stage, String unit) {
        return sql.param("allowed", jurisdictions)
                .param("reviewer", reviewer).param("j", jurisdiction)
                .param("stage", stage == null ? null : stage.name()).param("unit", unit);
    }
}
