package cn.tcsubsidy.demo;

import cn.tcsubsidy.identity.IdentitySetup;
import cn.tcsubsidy.jurisdiction.AwardCategories;
import cn.tcsubsidy.jurisdiction.Jurisdiction;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.panel.domain.ExpertPool;
import cn.tcsubsidy.panel.domain.MemberKind;
import cn.tcsubsidy.panel.domain.PoolUsers;
import cn.tcsubsidy.panel.domain.TieKind;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.CreditCode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A demo expert pool per jurisdiction, from the demo users {@code J-expert-1 … J-expert-8}: three experts, two
 * entrepreneurs, two third-party institutions and a department head, reviewing every category of the jurisdiction
 * (the third expert only the first). Runs after the demo projects, so that one entrepreneur sits on the board of the
 * first demo enterprise (he steps aside when it is drawn for) and a third-party institution had a consulting tie
 * with another that ended long enough ago not to count.
 */
@Component
@ConditionalOnProperty(name = "tc.demo.identities", havingValue = "true")
public class DemoExpertPool {

    public static final int MEMBERS_PER_JURISDICTION = 8;
    private static final List<MemberKind> KINDS = List.of(MemberKind.EXPERT, MemberKind.EXPERT, MemberKind.EXPERT,
            MemberKind.ENTREPRENEUR, MemberKind.ENTREPRENEUR, MemberKind.THIRD_PARTY, MemberKind.THIRD_PARTY,
            MemberKind.DEPARTMENT_HEAD);
    private static final Logger LOG = LoggerFactory.getLogger(DemoExpertPool.class);

    private final JurisdictionDirectory directory;
    private final ExpertPool pool;
    private final PoolUsers users;
    private final JdbcClient jdbc;
    private final Clock clock;

    public DemoExpertPool(JurisdictionDirectory directory, ExpertPool pool, PoolUsers users, JdbcClient jdbc, Clock clock) {
        this.directory = directory;
        this.pool = pool;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** After the demo users (IdentitySetup) and the demo projects (DemoProjects, ORDER + 10). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(IdentitySetup.ORDER + 20)
    public void load() {
        int added = 0;
        for (Jurisdiction j : directory.all()) {
            added += loadIfEmpty(j.code());
        }
        LOG.info("Demo expert pool members added: {}", added);
    }

    /**
     * Seeds one jurisdiction's pool when it is empty; DemoProjects calls it once the jurisdiction's demo enterprises
     * have filed (the ties name them) and before its round's review draws a panel.
     */
    public int loadIfEmpty(String jurisdiction) {
        Jurisdiction j = directory.all().stream().filter(x -> x.code().equals(jurisdiction)).findFirst().orElseThrow();
        return pool.list(j.code(), null, null, null, Actor.system()).isEmpty() ? load(j) : 0;
    }

    private int load(Jurisdiction j) {
        String t = j.code();
        List<String> categories = List.copyOf(AwardCategories.of(t).keySet());
        List<String> enterprises = jdbc.sql("select credit_code from project where jurisdiction_code = :j "
                        + "group by credit_code order by min(id)")
                .param("j", t).query(String.class).list();
        LocalDate today = LocalDate.now(clock);
        for (int i = 1; i <= MEMBERS_PER_JURISDICTION; i++) {
            String userId = t + "-expert-" + i;
            MemberKind kind = KINDS.get(i - 1);
            if (users.name(userId).isEmpty()) {
                // Fewer demo experts than the pool wants: the demo makes the rest (password = user name).
                users.createExpert(userId, j.name() + "评审专家" + i, userId, t);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("jurisdiction", t);
            m.put("userId", userId);
            m.put("kind", kind.name());
            m.put("fields", i == 3 ? categories.subList(0, 1) : categories);
            m.put("employerName", employer(j, kind, i));
            if (kind == MemberKind.ENTREPRENEUR || kind == MemberKind.THIRD_PARTY) {
                m.put("employerCreditCode", CreditCode.withCheckCharacter("91370500MA3C" + String.format("%05d",
                        directory.all().indexOf(j) * 100 + i)));
            }
            List<Map<String, Object>> ties = new ArrayList<>();
            if (i == 4 && !enterprises.isEmpty()) {
                ties.add(tie(enterprises.get(0), TieKind.BOARD, null));
            }
            if (i == 6 && enterprises.size() > 1) {
                ties.add(tie(enterprises.get(1), TieKind.CONSULTING, today.minusYears(5)));
            }
            m.put("ties", ties);
            pool.add(m, Actor.system());
        }
        return MEMBERS_PER_JURISDICTION;
    }

    private static Map<String, Object> tie(String creditCode, TieKind kind, LocalDate endsOn) {
        Map<String, Object> tie = new LinkedHashMap<>();
        tie.put("creditCode", creditCode);
        tie.put("tieKind", kind.name());
        tie.put("endsOn", endsOn == null ? null : endsOn.toString());
        return tie;
    }

    private static String employer(Jurisdiction j, MemberKind kind, int i) {
        return switch (kind) {
            case EXPERT -> j.name() + "工业技术研究院";
            case ENTREPRENEUR -> j.name() + "示范装备制造有限公司" + i + "分公司";
            case THIRD_PARTY -> j.name() + "工程咨询有限公司";
            case DEPARTMENT_HEAD -> j.name() + "发展和改革局";
        };
    }
}
