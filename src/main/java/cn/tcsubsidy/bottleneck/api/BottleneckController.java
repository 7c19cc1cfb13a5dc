package cn.tcsubsidy.bottleneck.api;

import cn.tcsubsidy.bottleneck.process.Bottlenecks;
import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.shared.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/bottlenecks?jurisdiction=J&processDefinitionKey=K[&year=Y][&unit=U]}: the figures behind the
 * Cockpit plugin's diagram overlays and its 瓶颈分析 tab (see {@link cn.tcsubsidy.bottleneck.domain.BottleneckReport}).
 */
@RestController
public class BottleneckController {

    private final Bottlenecks bottlenecks;

    public BottleneckController(Bottlenecks bottlenecks) {
        this.bottlenecks = bottlenecks;
    }

    @GetMapping("/api/bottlenecks")
    public Bottlenecks.Report report(@RequestParam(required = false) String jurisdiction,
                                     @RequestParam(required = false) String processDefinitionKey,
                                     @RequestParam(required = false) Integer year,
                                     @RequestParam(required = false) String unit,
                                     @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return bottlenecks.report(actor, jurisdiction, processDefinitionKey, year, unit == null || unit.isBlank() ? null : unit);
    }
}
