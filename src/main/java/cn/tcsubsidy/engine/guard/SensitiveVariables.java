package cn.tcsubsidy.engine.guard;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Form values that identify accounts, vouchers or people. The app's own tables keep them (payment, recovery); the
 * engine's history ({@code ACT_HI_VARINST}, {@code ACT_HI_DETAIL}), which Cockpit and the history REST API show,
 * never does: this handler drops their events, and the task submission removes them from the instance once stored.
 */
public final class SensitiveVariables implements HistoryEventHandler {

    /** 收款账号, 企业银行账号, 贷款银行收款账号, 拨付凭证号, 追回凭证号, 异议人身份证号. */
    public static final Set<String> NAMES = Set.of("payeeAccount", "bankAccount", "loanBankAccount", "paymentVoucherNo",
            "recoveryVoucherNo", "objectorIdNumber");

    private final HistoryEventHandler next;

    public SensitiveVariables(HistoryEventHandler next) {
        this.next = next;
    }

    /**
     * A panel member's score form (专家评分): the conflict declaration and its reason, each criterion's score and
     * comment, the opinion and the overall comment. Stored as the member's row in panel_score, blind until the panel
     * closes; never a variable in the engine's history, where Cockpit and the history API would show it.
     */
    public static final Set<String> PANEL_SCORE_NAMES = Set.of("conflictDeclaration", "conflictReason", "opinion",
            "overallComment", "agreedScore", "agreedReason");
    public static final List<String> PANEL_SCORE_PREFIXES = List.of("score_", "comment_");

    public static boolean isSensitive(String variableName) {
        return variableName != null && (NAMES.contains(variableName) || PANEL_SCORE_NAMES.contains(variableName)
                || PANEL_SCORE_PREFIXES.stream().anyMatch(variableName::startsWith));
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!isSensitive(event)) {
            next.handleEvent(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        next.handleEvents(events.stream().filter(e -> !isSensitive(e)).toList());
    }

    private static boolean isSensitive(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity v) {
            return isSensitive(v.getVariableName());
        }
        if (event instanceof HistoricFormPropertyEventEntity f) {
            return isSensitive(f.getPropertyId());
        }
        return false;
    }
}
