package cn.tcsubsidy.evidence.api;

import cn.tcsubsidy.evidence.domain.EvidenceFile;
import cn.tcsubsidy.evidence.domain.EvidenceFiles;
import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.project.api.ProjectScope;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A project's evidence scans (证明材料): the filing enterprise uploads one ({@code multipart/form-data} with
 * {@code kind} and {@code file}); its readers list and download them. A project outside the reader's scope reads as
 * absent (404); a reader of the project without the right is refused (403); bad input is 400 naming the field.
 */
@RestController
@RequestMapping("/api/projects/{id}/evidence")
public class EvidenceController {

    private final ProjectRepository projects;
    private final ProjectHistory history;
    private final EvidenceFiles files;

    public EvidenceController(ProjectRepository projects, ProjectHistory history, EvidenceFiles files) {
        this.projects = projects;
        this.history = history;
        this.files = files;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<EvidenceFile> upload(@PathVariable long id,
                                               @RequestParam(required = false) String kind,
                                               @RequestParam(required = false) MultipartFile file,
                                               @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        requireVisible(id, actor);
        if (file == null) {
            throw new ValidationException("file", "请选择要上传的文件(字段 file)");
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EvidenceFile stored = files.upload(id, new EvidenceFiles.Upload(kind, file.getOriginalFilename(),
                file.getContentType(), content), actor);
        return ResponseEntity.created(URI.create("/api/projects/" + id + "/evidence/" + stored.id())).body(stored);
    }

    @GetMapping
    public Map<String, List<EvidenceFile>> list(@PathVariable long id,
                                                @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        requireVisible(id, actor);
        return Map.of("items", files.list(id, actor));
    }

    @GetMapping("/{evidenceId}/content")
    public ResponseEntity<byte[]> content(@PathVariable long id, @PathVariable long evidenceId,
                                          @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        requireVisible(id, actor);
        EvidenceFiles.Content c = files.content(id, evidenceId, actor);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(c.file().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(c.file().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(
                        java.util.HexFormat.of().parseHex(c.file().sha256())))
                .body(c.bytes());
    }

    private void requireVisible(long id, Actor actor) {
        ProjectScope scope = ProjectScope.of(actor);
        projects.find(id).filter(p -> scope.allows(p, history.of(id)))
                .orElseThrow(() -> new NotFoundException("项目不存在:" + id));
    }
}
