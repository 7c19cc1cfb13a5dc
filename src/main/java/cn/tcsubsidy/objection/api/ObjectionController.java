package cn.tcsubsidy.objection.api;

import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.objection.domain.Objection;
import cn.tcsubsidy.objection.domain.ObjectionChannel;
import cn.tcsubsidy.objection.domain.ObjectionService;
import cn.tcsubsidy.objection.process.ObjectionProcesses;
import cn.tcsubsidy.project.api.ProjectAccess;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.Roles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Objections (异议) against a project in its notice. The bureau of the project's jurisdiction records a signed
 * written objection ({@code multipart/form-data}: objectorName, idType, idNumber, contact, grounds and the scan as
 * {@code file}); a signed-in enterprise of the jurisdiction files one online (JSON, the same fields without the
 * scan). Reading: the bureau sees who objected; anyone else who may read the project sees only that there are
 * objections and their outcome; a project outside the reader's scope reads as absent (404).
 */
@RestController
@RequestMapping("/api/projects/{id}/objections")
public class ObjectionController {

    private static final List<String> FIELDS = List.of("objectorName", "idType", "idNumber", "contact", "grounds");

    private final ProjectAccess projects;
    private final ObjectionService objections;
    private final ObjectionProcesses processes;

    public ObjectionController(ProjectAccess projects, ObjectionService objections,
                               ObjectionProcesses processes) {
        this.projects = projects;
        this.objections = objections;
        this.processes = processes;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Objection> recordWritten(@PathVariable long id, @RequestParam Map<String, String> params,
                                                   @RequestParam(required = false) MultipartFile file,
                                                   @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        Map<String, Object> values = new HashMap<>();
        FIELDS.forEach(f -> {
            if (params.containsKey(f)) {
                values.put(f, params.get(f));
            }
        });
        ObjectionService.Scan scan = null;
        if (file != null) {
            try {
                scan = new ObjectionService.Scan(file.getOriginalFilename(), file.getContentType(), file.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        exists(id);
        Objection o = processes.file(id, ObjectionChannel.WRITTEN, values, scan, actor);
        return ResponseEntity.created(URI.create("/api/projects/" + id + "/objections/" + o.id())).body(o);
    }

    /** Online, by an enterprise user: the answer names the objection and its state, as the objector may read them. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Objection.Anonymous> fileOnline(@PathVariable long id,
                                                          @RequestBody(required = false) Map<String, Object> body,
                                                          @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        Map<String, Object> values = new HashMap<>();
        if (body != null) {
            FIELDS.forEach(f -> {
                if (body.containsKey(f)) {
                    values.put(f, body.get(f));
                }
            });
        }
        exists(id);
        Objection o = processes.file(id, ObjectionChannel.ONLINE, values, null, actor);
        return ResponseEntity.created(URI.create("/api/projects/" + id + "/objections/" + o.id())).body(o.withoutObjector());
    }

    @GetMapping
    public Map<String, Object> list(@PathVariable long id, @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        Project p = projects.require(id);
        List<Objection> all = objections.of(id);
        if (actor.isAdmin() || (actor.mayActIn(p.jurisdiction()) && actor.inGroup(Roles.bureau(p.jurisdiction())))) {
            return Map.of("items", all, "practice", ObjectionService.PRACTICE);
        }
        if (!projects.visible(p, actor)) {
            throw ProjectAccess.notFound(id);
        }
        return Map.of("items", all.stream().map(Objection::withoutObjector).toList(), "practice", ObjectionService.PRACTICE);
    }

    private void exists(long id) {
        projects.require(id);
    }
}
