package cn.tcsubsidy.panel.api;

import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.panel.domain.ExpertPool;
import cn.tcsubsidy.panel.domain.MemberKind;
import cn.tcsubsidy.panel.domain.PoolMember;
import cn.tcsubsidy.shared.Actor;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The jurisdiction's expert pool (专家库): kept by its bureau ({@code J-bureau}) and the administrator, read also by
 * the process owner ({@code J-owner}) and the auditor ({@code J-auditor}); every other role, and another
 * jurisdiction's, gets 403.
 */
@RestController
@RequestMapping("/api/expert-pool")
public class ExpertPoolController {

    private final ExpertPool pool;

    public ExpertPoolController(ExpertPool pool) {
        this.pool = pool;
    }

    @GetMapping
    public List<PoolMember> list(@RequestParam String jurisdiction, @RequestParam(required = false) Boolean active,
                                 @RequestParam(required = false) MemberKind kind,
                                 @RequestParam(required = false) String field,
                                 @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return pool.list(jurisdiction, active, kind, field, actor);
    }

    /** The member and every change made to it. */
    @GetMapping("/{id}")
    public ExpertPool.MemberHistory get(@PathVariable long id, @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return pool.get(id, actor);
    }

    /** Body: see {@link ExpertPool#ADD_FIELDS}. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ExpertPool.Added add(@RequestBody Map<String, Object> body,
                                @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return pool.add(body, actor);
    }

    /** Body: any of {@link ExpertPool#UPDATE_FIELDS}. */
    @PutMapping("/{id}")
    public PoolMember update(@PathVariable long id, @RequestBody Map<String, Object> body,
                             @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return pool.update(id, body, actor);
    }

    /** Body: {@code reason}. */
    @PostMapping("/{id}/deactivate")
    public PoolMember deactivate(@PathVariable long id, @RequestBody Map<String, Object> body,
                                 @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return pool.deactivate(id, body, actor);
    }
}
