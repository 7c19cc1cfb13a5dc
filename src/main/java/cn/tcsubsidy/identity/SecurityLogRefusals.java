package cn.tcsubsidy.identity;

import cn.tcsubsidy.engine.guard.RefusalLog;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** What the engine's command guard refused, and what an administrator did there, in the security log. */
@Component
public class SecurityLogRefusals implements RefusalLog {

    private final SecurityLog log;
    private final SourceAddress addresses;

    public SecurityLogRefusals(SecurityLog log, SourceAddress addresses) {
        this.log = log;
        this.addresses = addresses;
    }

    @Override
    public void refused(String userId, String what) {
        log.record(SecurityLog.Kind.REFUSED, userId, source(), what);
    }

    @Override
    public void administrativeAction(String userId, String what) {
        log.record(SecurityLog.Kind.ADMIN_ACTION, userId, source(), what);
    }

    private String source() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            HttpServletRequest r = request.getRequest();
            return addresses.of(r);
        }
        return null;
    }
}
