package cn.tcsubsidy.engine;

import cn.tcsubsidy.shared.Actor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The engine's current authentication as a domain {@link Actor}; none (a timer, the job executor) is the system. */
@Component
public class Actors {

    private final IdentityService identityService;

    public Actors(IdentityService identityService) {
        this.identityService = identityService;
    }

    public Actor current() {
        Authentication auth = identityService.getCurrentAuthentication();
        if (auth == null || auth.getUserId() == null) {
            return Actor.system();
        }
        return new Actor(auth.getUserId(), auth.getGroupIds(), auth.getTenantIds());
    }
}
