package cn.tcsubsidy.project.api;

import cn.tcsubsidy.filing.domain.FilingFields;
import cn.tcsubsidy.filing.domain.FilingValidator;
import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.mail.domain.MailOutbox;
import cn.tcsubsidy.payment.domain.PayeeService;
import cn.tcsubsidy.project.api.ProjectDisclosure.ProjectView;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.ProjectReviewers;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.process.ProjectProcessFacade;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.ValidationException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Projects: file one (备案), read one with its history, list them by jurisdiction, stage and unit. */
@RestController
@RequestMapping("/api/projects")
public class ProjectController {

    private static final int MAX_PAGE_SIZE = 200;

    private final FilingValidator validator;
    private final ProjectProcessFacade process;
    private final ProjectRepository projects;
    private final ProjectHistory history;
    private final ProjectReviewers reviewers;
    private final PayeeService payees;
    private final MailOutbox mails;
    private final ProjectAccess access;

    public ProjectController(FilingValidator validator, ProjectProcessFacade process, ProjectRepository projects,
                             ProjectHistory history, ProjectReviewers reviewers, PayeeService payees,
                             MailOutbox mails, ProjectAccess access) {
        this.mails = mails;
        this.access = access;
        this.validator = validator;
        this.process = process;
        this.projects = projects;
        this.history = history;
        this.reviewers = reviewers;
        this.payees = payees;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> file(@RequestBody Map<String, Object> body,
                                                    @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        Map<String, Object> filing = new LinkedHashMap<>();
        for (String key : FilingFields.ALL) {
            if (body.containsKey(key)) {
                filing.put(key, body.get(key));
            }
        }
        // Checked here for a 400 naming every field before any instance starts; the process checks again.
        validator.validate(filing);
        String jurisdiction = (String) filing.get(FilingFields.JURISDICTION);
        if (!actor.mayActIn(jurisdiction)) {
            throw new AccessDeniedException("用户 " + actor.userId() + " 无权为辖区 " + jurisdiction + " 备案项目");
        }
        if (!actor.isAdmin() && !actor.inGroup(Roles.enterprise(jurisdiction)) && !actor.inGroup(Roles.bureau(jurisdiction))) {
            throw new AccessDeniedException("只有申报企业或工信局经办人可以备案项目");
        }
        ProjectProcessFacade.Started started = process.file(filing);
        return ResponseEntity.created(URI.create("/api/projects/" + started.projectId()))
                .body(Map.of("projectId", started.projectId(), "processInstanceId", started.processInstanceId()));
    }

    @GetMapping("/{id}")
    public ProjectView get(@PathVariable long id, @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        // Out of scope reads as absent, so a reader cannot even confirm the project exists.
        Project p = access.requireVisible(id, actor);
        return new ProjectDisclosure(actor, ProjectScope.of(actor)).view(p, history.of(id), payees.current(id),
                mails.ofProject(id));
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam(required = false) String jurisdiction,
                                    @RequestParam(required = false) String stage,
                                    @RequestParam(required = false) String unit,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size,
                                    @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        Stage s = null;
        if (stage != null) {
            try {
                s = Stage.valueOf(stage);
            } catch (IllegalArgumentException e) {
                throw new ValidationException("stage", "阶段取值无效:" + stage);
            }
        }
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ValidationException(List.of(new FieldError("size", "page 应不小于 0,size 应在 1 至 " + MAX_PAGE_SIZE + " 之间")));
        }
        ProjectScope scope = ProjectScope.of(actor);
        ProjectRepository.Page result = scope.isReviewer()
                ? reviewers.search(scope.jurisdictions(), scope.reviewer(), jurisdiction, s, unit, page, size)
                : projects.search(scope.jurisdictions(), scope.units(), scope.filedBy(), jurisdiction, s, unit, page, size);
        ProjectDisclosure disclosure = new ProjectDisclosure(actor, scope);
        return Map.of("items", result.items().stream().map(disclosure::view).toList(),
                "total", result.total(), "page", result.page(), "size", result.size());
    }
}
