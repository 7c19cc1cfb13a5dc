package cn.tcsubsidy.panel.process;

import cn.tcsubsidy.panel.domain.PoolUsers;
import cn.tcsubsidy.shared.Roles;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Pool members' identities in the engine: users of group {@code J-experts}. The pool has already checked that the
 * caller keeps the jurisdiction's pool ({@code ExpertPool}); the bureau holds no grant on users or groups and gets
 * none, so these reads and writes run as the system, and the caller's authentication is restored afterwards.
 */
@Component
public class CamundaPoolUsers implements PoolUsers {

    private final IdentityService identity;

    public CamundaPoolUsers(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Optional<String> name(String userId) {
        return asSystem(() -> Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult())
                .map(u -> Stream.of(u.getFirstName(), u.getLastName()).filter(s -> s != null && !s.isBlank())
                        .collect(Collectors.joining()))
                .map(name -> name.isBlank() ? userId : name));
    }

    @Override
    public boolean isExpert(String userId, String jurisdiction) {
        return asSystem(() -> identity.createUserQuery().userId(userId).memberOfGroup(Roles.experts(jurisdiction))
                .count() > 0);
    }

    @Override
    public void createExpert(String userId, String displayName, String password, String jurisdiction) {
        asSystem(() -> {
            User u = identity.newUser(userId);
            u.setFirstName(displayName);
            u.setLastName("");
            u.setPassword(password);
            identity.saveUser(u);
            identity.createMembership(userId, Roles.experts(jurisdiction));
            return null;
        });
    }

    private <T> T asSystem(Supplier<T> action) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return action.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
