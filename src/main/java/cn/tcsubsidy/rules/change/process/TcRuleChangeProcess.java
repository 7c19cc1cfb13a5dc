package cn.tcsubsidy.rules.change.process;

import cn.tcsubsidy.engine.ProcessVariable;
import java.util.Date;

/**
 * Process {@code tc-rule-change} (规则变更定时生效): key, element ids, variables and the names of the deployments it
 * makes, in one place. The system starts it when a change with a later date is approved; no business role starts it
 * or sends its variables (no CREATE_INSTANCE grant; no start form, so CommandGuard refuses any start variable).
 */
public final class TcRuleChangeProcess {

    public static final String KEY = "tc-rule-change";
    /** The engine deployment of change {@code id} is named {@code rule-change-<id>}, its source {@code tc-rule-change:<id>}. */
    public static final String DEPLOYMENT_NAME_PREFIX = "rule-change-";
    public static final String DEPLOYMENT_SOURCE_PREFIX = "tc-rule-change:";

    public static final class Elements {
        public static final String START = "Event_RuleChangeApproved";
        public static final String ACTIVATION_DATE = "Event_ActivationDate";
        public static final String DEPLOY = "Task_DeployRuleChange";
        public static final String ACTIVE = "Event_RuleChangeActive";

        private Elements() {
        }
    }

    /** Set by the system when it starts the instance, never by a caller. */
    public static final class Vars {
        public static final ProcessVariable<Long> RULE_CHANGE_ID = ProcessVariable.id("ruleChangeId");
        /** 00:00 Beijing time of the change's activateOn: Event_ActivationDate's timeDate. */
        public static final ProcessVariable<Date> ACTIVATION_AT = ProcessVariable.date("activationAt");

        private Vars() {
        }
    }

    private TcRuleChangeProcess() {
    }
}
