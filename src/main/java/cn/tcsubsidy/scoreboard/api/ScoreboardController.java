package cn.tcsubsidy.scoreboard.api;

import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.scoreboard.domain.Scoreboard;
import cn.tcsubsidy.scoreboard.domain.ScoreboardService;
import cn.tcsubsidy.scoreboard.domain.UnitTargets;
import cn.tcsubsidy.scoreboard.domain.YearSummary;
import cn.tcsubsidy.scoreboard.domain.YearSummaryService;
import cn.tcsubsidy.shared.Actor;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The town scoreboard (镇街目标考核/排序通报) with its XLSX, the units' targets, and the year at a glance. Readers: the
 * jurisdiction's bureau, process owner and auditor, the administrator; the targets are set by the bureau or the
 * administrator. Anyone else, another jurisdiction's users included, gets 403; no login 401.
 */
@RestController
public class ScoreboardController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ScoreboardService scoreboard;
    private final UnitTargets targets;
    private final YearSummaryService summary;

    public ScoreboardController(ScoreboardService scoreboard, UnitTargets targets, YearSummaryService summary) {
        this.scoreboard = scoreboard;
        this.targets = targets;
        this.summary = summary;
    }

    @GetMapping("/api/scoreboard")
    public Scoreboard scoreboard(@RequestParam String jurisdiction, @RequestParam int year,
                                 @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return scoreboard.of(jurisdiction, year, actor);
    }

    @GetMapping("/api/scoreboard.xlsx")
    public ResponseEntity<byte[]> workbook(@RequestParam String jurisdiction, @RequestParam int year,
                                           @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        Scoreboard board = scoreboard.of(jurisdiction, year, actor);
        String name = ScoreboardWorkbook.fileName(board);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(ScoreboardWorkbook.xlsx(board));
    }

    @GetMapping("/api/scoreboard/targets")
    public UnitTargets.YearTargets targets(@RequestParam String jurisdiction, @RequestParam int year,
                                           @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return targets.read(jurisdiction, year, actor);
    }

    /** Body: {@code targets} (rows of unit and its three targets, yuan and enterprises) and {@code source}. */
    @PutMapping("/api/scoreboard/targets")
    public UnitTargets.YearTargets replaceTargets(@RequestParam String jurisdiction, @RequestParam int year,
                                                  @RequestBody Map<String, Object> body,
                                                  @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return targets.replace(jurisdiction, year, body, actor);
    }

    @GetMapping("/api/year-summary")
    public YearSummary yearSummary(@RequestParam String jurisdiction, @RequestParam int year,
                                   @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return summary.of(jurisdiction, year, actor);
    }
}
