package cn.tcsubsidy.project.api;

import cn.tcsubsidy.engine.Tenants;
import cn.tcsubsidy.identity.Roles;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.shared.Actor;
import java.util.ArrayList;
import java.util.List;

/**
 * Which projects a user may read. Administrators: all. Bureau, finance, rule administrators, process owners and
 * experts: every project of their jurisdictions. Town officers: their own unit's projects. Enterprises: the projects
 * they filed. Nobody else: none.
 *
 * @param units        "jurisdiction:unit" pairs, or null for no restriction by unit
 * @param filedBy      the filing user, or null for no restriction by filer
 */
public record ProjectScope(List<String> jurisdictions, List<String> units, String filedBy) {

    public static ProjectScope of(Actor actor) {
        if (actor.isAdmin()) {
            return new ProjectScope(Tenants.ALL, null, null);
        }
        List<String> wide = new ArrayList<>();
        List<String> units = new ArrayList<>();
        boolean enterprise = false;
        for (String tenant : actor.tenants()) {
            for (String group : actor.groups()) {
                if (Roles.jurisdictionWide(tenant).contains(group)) {
                    wide.add(tenant);
                } else if (group.startsWith(Roles.townPrefix(tenant))) {
                    units.add(tenant + ":" + group.substring(Roles.townPrefix(tenant).length()));
                } else if (group.equals(Roles.enterprise(tenant))) {
                    enterprise = true;
                }
            }
        }
        if (!wide.isEmpty()) {
            return new ProjectScope(wide.stream().distinct().toList(), null, null);
        }
        if (!units.isEmpty()) {
            return new ProjectScope(units.stream().map(u -> u.substring(0, u.indexOf(':'))).distinct().toList(), units, null);
        }
        if (enterprise) {
            return new ProjectScope(actor.tenants(), null, actor.userId());
        }
        return new ProjectScope(List.of(), null, null);
    }

    public boolean allows(Project p) {
        return jurisdictions.contains(p.jurisdiction())
                && (units == null || units.contains(p.jurisdiction() + ":" + p.unitCode()))
                && (filedBy == null || filedBy.equals(p.filedBy()));
    }
}
