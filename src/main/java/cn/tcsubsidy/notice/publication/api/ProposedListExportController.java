package cn.tcsubsidy.notice.publication.api;

import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.notice.publication.domain.ProposedListExport;
import cn.tcsubsidy.notice.publication.domain.ProposedListSheet;
import cn.tcsubsidy.shared.Actor;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The round's ranked proposed list as CSV and XLSX, for the jurisdiction's bureau, its process owner, its auditor
 * and the administrator; 404 for anyone else (the enterprise, the town and the experts included).
 */
@RestController
@RequestMapping("/api/rounds")
public class ProposedListExportController {

    private final ProposedListExport export;

    public ProposedListExportController(ProposedListExport export) {
        this.export = export;
    }

    @GetMapping("/{id}/proposed-list.csv")
    public ResponseEntity<byte[]> csv(@PathVariable long id, @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        ProposedListSheet sheet = export.of(id, actor);
        return file(sheet, "csv", new MediaType("text", "csv", StandardCharsets.UTF_8), ProposedListFiles.csv(sheet));
    }

    @GetMapping("/{id}/proposed-list.xlsx")
    public ResponseEntity<byte[]> xlsx(@PathVariable long id, @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        ProposedListSheet sheet = export.of(id, actor);
        return file(sheet, "xlsx", MediaType.parseMediaType(ProposedListFiles.XLSX), ProposedListFiles.xlsx(sheet));
    }

    private static ResponseEntity<byte[]> file(ProposedListSheet sheet, String extension, MediaType type, byte[] body) {
        String name = sheet.jurisdictionName() + sheet.year() + "年度拟扶持名单." + extension;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
