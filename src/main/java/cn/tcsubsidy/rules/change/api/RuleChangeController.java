package cn.tcsubsidy.rules.change.api;

import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.rules.change.domain.RuleChange;
import cn.tcsubsidy.rules.change.domain.RuleChangeService;
import cn.tcsubsidy.shared.Actor;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A jurisdiction's rule changes (规则变更): upload (multipart {@code files}, {@code reason}, {@code activateOn}),
 * list, approve or reject. Who may do what is {@link RuleChangeService}'s to check.
 */
@RestController
public class RuleChangeController {

    private final RuleChangeService changes;

    public RuleChangeController(RuleChangeService changes) {
        this.changes = changes;
    }

    /** A change as the rule page shows it; absent values are {@code null}, not left out. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ChangeView(long id, String jurisdiction, String status, String statusLabel, String uploadedBy,
                             LocalDateTime uploadedAt, String reason, LocalDate activateOn, String approvedBy,
                             LocalDateTime approvedAt, String comment, String deploymentId, List<String> files) {

        static ChangeView of(RuleChange c) {
            return new ChangeView(c.id(), c.jurisdiction(), c.status().name(), c.status().label(), c.uploadedBy(),
                    c.uploadedAt(), c.reason(), c.activateOn(), c.approvedBy(), c.approvedAt(), c.comment(),
                    c.deploymentId(), c.files());
        }
    }

    /** {@code approve}: true approves, false rejects (a comment is then required). */
    public record DecisionRequest(Boolean approve, String comment) {
    }

    /** Multipart; a body of another kind carries no files and is refused naming them (400), not with a bare 415. */
    @PostMapping("/api/rules/{jurisdiction}/changes")
    public ResponseEntity<ChangeView> upload(@PathVariable String jurisdiction,
                                             @RequestParam(name = "files", required = false) List<MultipartFile> files,
                                             @RequestParam(required = false) String reason,
                                             @RequestParam(required = false) String activateOn,
                                             @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        List<RuleChangeService.Upload> uploads = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            try {
                uploads.add(new RuleChangeService.Upload(f.getOriginalFilename(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read uploaded file " + f.getOriginalFilename(), e);
            }
        }
        RuleChange c = changes.upload(jurisdiction, uploads, reason, activateOn, actor);
        return ResponseEntity.status(HttpStatus.CREATED).body(ChangeView.of(c));
    }

    @GetMapping("/api/rules/{jurisdiction}/changes")
    public List<ChangeView> list(@PathVariable String jurisdiction,
                                 @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return changes.list(jurisdiction, actor).stream().map(ChangeView::of).toList();
    }

    @PostMapping("/api/rules/{jurisdiction}/changes/{id}/approval")
    public ChangeView decide(@PathVariable String jurisdiction, @PathVariable long id,
                             @RequestBody(required = false) DecisionRequest body,
                             @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        DecisionRequest d = body == null ? new DecisionRequest(null, null) : body;
        return ChangeView.of(changes.decide(jurisdiction, id, d.approve(), d.comment(), actor));
    }
}
