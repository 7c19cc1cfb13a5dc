package cn.tcsubsidy.panel.api;

import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.panel.domain.Candidate;
import cn.tcsubsidy.panel.domain.DrawRecord;
import cn.tcsubsidy.panel.domain.DrawService;
import cn.tcsubsidy.panel.domain.PanelRule;
import cn.tcsubsidy.panel.domain.Recusal;
import cn.tcsubsidy.shared.Actor;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A round's panel draws (抽取记录) for its bureau, its process owner, its auditor and the administrator; anyone else, the
 * enterprise and the town included, gets 404 and so never a panel member's name.
 */
@RestController
@RequestMapping("/api/rounds")
public class DrawController {

    private final DrawService draws;

    public DrawController(DrawService draws) {
        this.draws = draws;
    }

    /** The seed as text: a 64-bit value does not survive a JavaScript number. */
    public record DrawView(long id, long projectId, String category, String drawnBy, LocalDateTime drawnAt, String seed,
                           PanelRule rule, List<Candidate> candidates, List<Recusal.Excluded> excluded,
                           List<Candidate> panel, List<Candidate> reserves, String reason, boolean superseded,
                           Long supersededBy, String purpose) {

        static DrawView of(DrawRecord d) {
            return new DrawView(d.id(), d.projectId(), d.category(), d.drawnBy(), d.drawnAt(), Long.toString(d.seed()),
                    d.rule(), d.candidates(), d.excluded(), d.panel(), d.reserves(), d.reason(), d.superseded(),
                    d.supersededBy(), d.purpose());
        }
    }

    @GetMapping("/{id}/draws")
    public List<DrawView> draws(@PathVariable long id, @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return draws.ofRound(id, actor).stream().map(DrawView::of).toList();
    }
}
