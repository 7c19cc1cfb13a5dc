package cn.tcsubsidy.evidence.api;

import cn.tcsubsidy.evidence.domain.EvidenceFile;
import cn.tcsubsidy.evidence.domain.EvidenceFiles;
import cn.tcsubsidy.evidence.domain.Invoices;
import cn.tcsubsidy.evidence.domain.ReportedFigures;
import cn.tcsubsidy.project.api.ProjectAccess;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
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

    private final ProjectAccess projects;
    private final EvidenceFiles files;
    private final ReportedFigures figures;
    private final Invoices invoices;
    private final Clock clock;

    public EvidenceController(ProjectAccess projects, EvidenceFiles files,
                              ReportedFigures figures, Invoices invoices, Clock clock) {
        this.projects = projects;
        this.files = files;
        this.figures = figures;
        this.invoices = invoices;
        this.clock = clock;
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

    /**
     * The scans ({@code items}), and beside them what the reports say they back ({@code figures}, the invoices
     * listed in {@code invoices}); the year of {@code figures.investmentCompletedInYear} is the completion's (or,
     * before completion, this year).
     */
    @GetMapping
    public Map<String, Object> list(@PathVariable long id, @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        Project p = requireVisible(id, actor);
        List<EvidenceFile> items = files.list(id, actor);
        int year = p.completionDate() != null ? p.completionDate().getYear() : LocalDate.now(clock).getYear();
        return Map.of("items", items, "figures", figures.of(id, year), "invoices", invoices.of(id));
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
                .body(c.bytes());
    }

    private Project requireVisible(long id, Actor actor) {
        return projects.requireVisible(id, actor);
    }
}
