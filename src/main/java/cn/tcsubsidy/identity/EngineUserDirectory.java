package cn.tcsubsidy.identity;

import cn.tcsubsidy.mail.domain.UserDirectory;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Addresses and group members from the engine's identity service (the users' own e-mail field). */
@Component
public class EngineUserDirectory implements UserDirectory {

    private final IdentityService identity;

    public EngineUserDirectory(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Optional<String> emailOf(String userId) {
        User u = identity.createUserQuery().userId(userId).singleResult();
        return u == null || u.getEmail() == null || u.getEmail().isBlank() ? Optional.empty() : Optional.of(u.getEmail());
    }

    @Override
    public List<String> membersOf(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(User::getId).toList();
    }
}
