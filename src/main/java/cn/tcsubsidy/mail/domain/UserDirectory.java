package cn.tcsubsidy.mail.domain;

import java.util.List;
import java.util.Optional;

/** Users' e-mail addresses and group members, from the engine's identity service. */
public interface UserDirectory {

    Optional<String> emailOf(String userId);

    List<String> membersOf(String groupId);
}
