package cn.tcsubsidy.panel.api;

import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.panel.domain.PanelProgress;
import cn.tcsubsidy.shared.Actor;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A round's panels at work (评审进度) for its bureau, its process owner, its auditor and the administrator: who has
 * scored, who is late; the scores only once a panel has closed. Anyone else gets 404.
 */
@RestController
@RequestMapping("/api/rounds")
public class PanelProgressController {

    private final PanelProgress progress;

    public PanelProgressController(PanelProgress progress) {
        this.progress = progress;
    }

    @GetMapping("/{id}/panels")
    public List<PanelProgress.Summary> panels(@PathVariable long id,
                                              @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return progress.ofRound(id, actor);
    }

    @GetMapping("/{id}/panels/{projectId}")
    public PanelProgress.PanelView panel(@PathVariable long id, @PathVariable long projectId,
                                         @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return progress.of(id, projectId, actor);
    }
}
