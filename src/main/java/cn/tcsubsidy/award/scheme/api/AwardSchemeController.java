package cn.tcsubsidy.award.scheme.api;

import cn.tcsubsidy.award.scheme.domain.AwardScheme;
import cn.tcsubsidy.award.scheme.domain.AwardSchemes;
import cn.tcsubsidy.award.scheme.domain.SchemeCategory;
import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.shared.Actor;
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
 * Annual award schemes (专项奖补方案): the jurisdiction's rule administrator (and the administrator) lists, enters and
 * withdraws them; its bureau, process owner and auditor read them. Another jurisdiction's list is refused (403),
 * another jurisdiction's scheme reads as absent (404).
 */
@RestController
@RequestMapping("/api/award-schemes")
public class AwardSchemeController {

    private final AwardSchemes schemes;

    public AwardSchemeController(AwardSchemes schemes) {
        this.schemes = schemes;
    }

    /** The jurisdiction's schemes and the categories that take one. */
    public record SchemesView(List<SchemeCategory> categories, List<AwardScheme> schemes) {
    }

    @GetMapping
    public SchemesView list(@RequestParam String jurisdiction, @RequestParam(required = false) Integer year,
                            @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return new SchemesView(schemes.categories(jurisdiction, actor), schemes.list(jurisdiction, year, actor));
    }

    @GetMapping("/{id}")
    public AwardScheme get(@PathVariable long id, @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return schemes.get(id, actor);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public AwardScheme create(@RequestBody Map<String, Object> body,
                              @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return schemes.create(body, actor);
    }

    /** Body: {@code reason}. */
    @PostMapping("/{id}/withdrawal")
    public AwardScheme withdraw(@PathVariable long id, @RequestBody Map<String, Object> body,
                                @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return schemes.withdraw(id, body, actor);
    }
}
