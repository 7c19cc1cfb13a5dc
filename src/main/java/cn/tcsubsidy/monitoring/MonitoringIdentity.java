package cn.tcsubsidy.monitoring;

import cn.tcsubsidy.identity.IdentitySetup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The monitoring scraper's identity: the group {@value #GROUP} (no tenant, no engine authorization: it reads
 * /actuator and nothing of the engine's) and, only when a password is configured ({@code TC_MONITORING_PASSWORD})
 * or in the demo (password = user name), its user {@value #USER}. A configured password replaces the stored one at
 * start, so changing the variable and restarting rotates it.
 */
@Component
public class MonitoringIdentity {

    public static final String GROUP = "tc-monitoring";
    public static final String USER = "monitoring";

    private final IdentityService identity;
    private final String password;
    private final boolean demoUsers;

    public MonitoringIdentity(IdentityService identity, @Value("${tc.monitoring.password:}") String password,
                              @Value("${tc.demo.identities:false}") boolean demoUsers) {
        this.identity = identity;
        this.password = password;
        this.demoUsers = demoUsers;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(IdentitySetup.ORDER + 1)
    public void setUp() {
        if (identity.createGroupQuery().groupId(GROUP).singleResult() == null) {
            Group g = identity.newGroup(GROUP);
            g.setName("运行监控(只读指标与健康状态)");
            g.setType("SYSTEM");
            identity.saveGroup(g);
        }
        String wanted = !password.isBlank() ? password : demoUsers ? USER : null;
        if (wanted == null) {
            return;
        }
        User u = identity.createUserQuery().userId(USER).singleResult();
        if (u == null) {
            u = identity.newUser(USER);
            u.setFirstName("运行");
            u.setLastName("监控");
            u.setPassword(wanted);
            identity.saveUser(u);
        } else if (!identity.checkPassword(USER, wanted)) {
            u.setPassword(wanted);
            identity.saveUser(u);
        }
        if (identity.createUserQuery().userId(USER).memberOfGroup(GROUP).count() == 0) {
            identity.createMembership(USER, GROUP);
        }
    }
}
