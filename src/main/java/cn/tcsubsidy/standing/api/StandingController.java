package cn.tcsubsidy.standing.api;

import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.standing.domain.EnterpriseStanding;
import cn.tcsubsidy.standing.domain.StandingListing;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The jurisdiction's enterprise standing list (企业信用约束名单: 联合惩戒/信用约束, 未按期完成产能退出, 重大违法违规),
 * kept by its bureau and the administrator, read also by its auditor. Another jurisdiction's list, or a role that
 * does not keep or read it, is refused (403); another jurisdiction's entry reads as absent (404).
 */
@RestController
@RequestMapping("/api/standing-listings")
public class StandingController {

    private final EnterpriseStanding standing;

    public StandingController(EnterpriseStanding standing) {
        this.standing = standing;
    }

    @GetMapping
    public List<StandingListing> list(@RequestParam String jurisdiction, @RequestParam(required = false) String creditCode,
                                      @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return standing.list(jurisdiction, creditCode, actor);
    }

    @GetMapping("/{id}")
    public StandingListing get(@PathVariable long id, @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return standing.get(id, actor);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public StandingListing add(@RequestBody Map<String, Object> body,
                               @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return standing.add(body, actor);
    }

    /** Body: {@code reason}. */
    @PostMapping("/{id}/lifting")
    public StandingListing lift(@PathVariable long id, @RequestBody Map<String, Object> body,
                                @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return standing.lift(id, body, actor);
    }
}
