package cn.tcsubsidy.identity;

import cn.tcsubsidy.identity.SecurityLog.Kind;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The administrator's view of locked-out source addresses, and the unlock. camunda-admin only. */
@RestController
@RequestMapping("/api/admin/login-throttle")
public class LoginThrottleController {

    private final LoginThrottle throttle;
    private final SecurityLog log;
    private final SourceAddress sources;

    public LoginThrottleController(LoginThrottle throttle, SecurityLog log, SourceAddress sources) {
        this.throttle = throttle;
        this.log = log;
        this.sources = sources;
    }

    @GetMapping
    public Map<String, Instant> locked(HttpServletRequest request,
                                       @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        requireAdmin(actor, request);
        return throttle.locked();
    }

    @DeleteMapping("/{address:.+}")
    public ResponseEntity<Void> unlock(@PathVariable String address, HttpServletRequest request,
                                       @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        requireAdmin(actor, request);
        if (!throttle.unlock(address)) {
            throw new NotFoundException("该地址未被锁定:" + address);
        }
        log.record(Kind.ADMIN_ACTION, actor.userId(), sources.of(request), "解除来源地址 " + address + " 的登录限制");
        return ResponseEntity.noContent().build();
    }

    private void requireAdmin(Actor actor, HttpServletRequest request) {
        if (!actor.isAdmin()) {
            log.record(Kind.REFUSED, actor.userId(), sources.of(request),
                    request.getMethod() + " " + request.getRequestURI() + ":不是系统管理员");
            throw new AccessDeniedException("只有系统管理员可以查看或解除登录限制");
        }
    }
}
