package cn.tcsubsidy.identity.api;

import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.shared.Actor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who is signed in, their groups and jurisdictions (the administrator: all), so that pages and
 * the Cockpit plugin offer only the user's own jurisdictions. Nothing here grants anything: every endpoint checks
 * the role and tenant again.
 */
@RestController
public class CurrentUserController {

    private final JurisdictionDirectory jurisdictions;

    public CurrentUserController(JurisdictionDirectory jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    @GetMapping("/api/me")
    public Map<String, Object> me(@RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        List<Map<String, String>> own = jurisdictions.all().stream()
                .filter(j -> actor.isAdmin() || actor.tenants().contains(j.code()))
                .map(j -> Map.of("code", j.code(), "name", j.name())).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", actor.userId());
        body.put("admin", actor.isAdmin());
        body.put("groups", actor.groups());
        body.put("jurisdictions", own);
        return body;
    }
}
