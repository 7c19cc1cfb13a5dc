package cn.tcsubsidy.project.api;

import cn.tcsubsidy.engine.Tenants;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectReviewers;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.Roles;
import java.util.ArrayList;
import java.util.List;

/**
 * Which projects a user may read. Administrators: all. Bureau, finance, rule administrators, process owners and
 * auditors: every project of their jurisdictions. Experts: the projects they review, i.e. those of their jurisdictions whose
 * review panel they sit on, or sat on and scored ({@link ProjectReviewers#seated}). Town officers: their own unit's projects. Enterprises: the
 * projects they filed. Nobody else: none. A user with several roles reads by the first of them in this order.
 *
 * @param units    "jurisdiction:unit" pairs, or null for no restriction by unit
 * @param filedBy  the filing user, or null for no restriction by filer
 * @param reviewer the expert whose panel seats limit the scope, or null for no restriction by review
 */
public record ProjectScope(List<String> jurisdictions, List<String> units, String filedBy, String reviewer) {

    public static ProjectScope of(Actor actor) {
        if (actor.isAdmin()) {
            return new ProjectScope(Tenants.ALL, null, null, null);
        }
        List<String> wide = new ArrayList<>();
        List<String> reviewing = new ArrayList<>();
        List<String> units = new ArrayList<>();
        boolean enterprise = false;
        for (String tenant : actor.tenants()) {
            for (String group : actor.groups()) {
                if (group.equals(Roles.experts(tenant))) {
                    reviewing.add(tenant);
                } else if (Roles.jurisdictionWide(tenant).contains(group)) {
                    wide.add(tenant);
                } else if (group.startsWith(Roles.townPrefix(tenant))) {
                    units.add(tenant + ":" + group.substring(Roles.townPrefix(tenant).length()));
                } else if (group.equals(Roles.enterprise(tenant))) {
                    enterprise = true;
                }
            }
        }
        if (!wide.isEmpty()) {
            return new ProjectScope(wide.stream().distinct().toList(), null, null, null);
        }
        if (!reviewing.isEmpty()) {
            return new ProjectScope(reviewing.stream().distinct().toList(), null, null, actor.userId());
        }
        if (!units.isEmpty()) {
            return new ProjectScope(units.stream().map(u -> u.substring(0, u.indexOf(':'))).distinct().toList(), units,
                    null, null);
        }
        if (enterprise) {
            return new ProjectScope(actor.tenants(), null, actor.userId(), null);
        }
        return new ProjectScope(List.of(), null, null, null);
    }

    /** Whether the reader is an expert, shown only what their own review needs. */
    public boolean isReviewer() {
        return reviewer != null;
    }

    /** Whether an expert sits on a project's panel, or sat on it and scored ({@link ProjectReviewers#seated}). */
    @FunctionalInterface
    public interface Seating {
        boolean seated(long projectId, String expertUserId);
    }

    /** @param seating who sits on which project's panel, which tells whether an expert reader reviews the project */
    public boolean allows(Project p, Seating seating) {
        return jurisdictions.contains(p.jurisdiction())
                && (units == null || units.contains(p.jurisdiction() + ":" + p.unitCode()))
                && (filedBy == null || filedBy.equals(p.filedBy()))
                && (reviewer == null || seating.seated(p.id(), reviewer));
    }
}
