package cn.tcsubsidy.scoreboard.domain;

import cn.tcsubsidy.jurisdiction.Jurisdiction;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.ValidationException;
import org.springframework.stereotype.Component;

/**
 * Who reads the town scoreboard, its targets and the year at a glance (the jurisdiction's bureau, process owner and
 * auditor, the administrator), and who sets the targets (the bureau, the administrator). Everyone else, and a user
 * of another jurisdiction, is refused (403); an unknown jurisdiction is 404 for whoever may read all of them.
 */
@Component
public class ScoreboardReaders {

    private final JurisdictionDirectory directory;

    public ScoreboardReaders(JurisdictionDirectory directory) {
        this.directory = directory;
    }

    /** The jurisdiction, once the actor may read its scoreboard. */
    public Jurisdiction requireReader(String jurisdiction, int year, Actor actor) {
        boolean reader = actor.isAdmin() || (actor.mayActIn(jurisdiction) && !actor.isSystem()
                && (actor.inGroup(Roles.bureau(jurisdiction)) || actor.inGroup(Roles.owner(jurisdiction))
                || actor.inGroup(Roles.auditor(jurisdiction))));
        if (!reader) {
            throw new AccessDeniedException("只有本辖区工信局、流程负责人、审计监督或管理员可以查看辖区 " + jurisdiction
                    + " 的镇街目标考核与年度概况");
        }
        return known(jurisdiction, year);
    }

    /** The jurisdiction, once the actor may set its units' targets. */
    public Jurisdiction requireTargetSetter(String jurisdiction, int year, Actor actor) {
        boolean setter = actor.isAdmin() || actor.isSystem()
                || (actor.mayActIn(jurisdiction) && actor.inGroup(Roles.bureau(jurisdiction)));
        if (!setter) {
            throw new AccessDeniedException("只有本辖区工信局或管理员可以录入镇街年度目标");
        }
        return known(jurisdiction, year);
    }

    private Jurisdiction known(String jurisdiction, int year) {
        if (year < 2000 || year > 2100) {
            throw new ValidationException("year", "年度应在 2000 至 2100 之间:" + year);
        }
        return directory.find(jurisdiction).orElseThrow(() -> new NotFoundException("辖区不存在:" + jurisdiction));
    }
}
