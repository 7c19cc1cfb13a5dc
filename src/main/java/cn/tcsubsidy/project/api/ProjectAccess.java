package cn.tcsubsidy.project.api;

import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.ProjectReviewers;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.NotFoundException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How another feature's API reaches a project (its evidence, objections, payee, payments, follow-up, a round's
 * answers): through the project feature, never its repository (ArchitectureTest). One place for the answer a
 * project nobody may see gets: the same 404 as a project that does not exist, so ids cannot be probed.
 */
@Component
public class ProjectAccess {

    private final ProjectRepository projects;
    private final ProjectReviewers reviewers;

    public ProjectAccess(ProjectRepository projects, ProjectReviewers reviewers) {
        this.projects = projects;
        this.reviewers = reviewers;
    }

    /** The project, if it exists; the caller applies its own reading rule. */
    public Optional<Project> find(long id) {
        return projects.find(id);
    }

    /** The project, or 404 naming the id. */
    public Project require(long id) {
        return projects.get(id);
    }

    /**
     * The project as {@code actor} may see it on the project's own pages ({@link ProjectScope}: the jurisdiction's
     * offices, the unit, the filer, a seated reviewer), or 404.
     */
    public Project requireVisible(long id, Actor actor) {
        return projects.find(id).filter(p -> visible(p, actor)).orElseThrow(() -> notFound(id));
    }

    /** Whether {@code actor} may see {@code project} ({@link ProjectScope}). */
    public boolean visible(Project project, Actor actor) {
        return ProjectScope.of(actor).allows(project, reviewers::seated);
    }

    public static NotFoundException notFound(long id) {
        return new NotFoundException("项目不存在:" + id);
    }
}
