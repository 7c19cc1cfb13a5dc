package cn.tcsubsidy.panel.domain;

import java.util.Optional;

/**
 * The identities behind pool members: every member is a user of the jurisdiction's group {@code J-experts}. An
 * identity operation, kept behind this interface so the pool itself knows nothing of the engine.
 */
public interface PoolUsers {

    /** The user's name (first and last), if the user exists. */
    Optional<String> name(String userId);

    /** Whether the user is a member of the jurisdiction's experts group. */
    boolean isExpert(String userId, String jurisdiction);

    /** Creates the user with this password and makes it a member of the jurisdiction's experts group. */
    void createExpert(String userId, String displayName, String password, String jurisdiction);
}
