package cn.tcsubsidy.shared;

import java.util.List;

/**
 * Who acts: the signed-in user with groups and tenants (jurisdictions), or the system (timers, the job executor).
 * Domain services check jurisdiction access against it without knowing where it came from.
 */
public record Actor(String userId, List<String> groups, List<String> tenants) {

    public static final String SYSTEM = "system";
    public static final String ADMIN_GROUP = "camunda-admin";

    public Actor {
        groups = groups == null ? List.of() : List.copyOf(groups);
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }

    public static Actor system() {
        return new Actor(SYSTEM, List.of(), List.of());
    }

    public boolean isSystem() {
        return SYSTEM.equals(userId);
    }

    public boolean isAdmin() {
        return groups.contains(ADMIN_GROUP);
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }

    /** The system and administrators act in every jurisdiction; anyone else only in the tenants they belong to. */
    public boolean mayActIn(String jurisdiction) {
        return isSystem() || isAdmin() || tenants.contains(jurisdiction);
    }

    public void requireJurisdiction(String jurisdiction) {
        if (!mayActIn(jurisdiction)) {
            throw new AccessDeniedException("用户 " + userId + " 无权办理辖区 " + jurisdiction + " 的业务");
        }
    }
}
