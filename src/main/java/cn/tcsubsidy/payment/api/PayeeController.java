package cn.tcsubsidy.payment.api;

import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.payment.domain.PayeeAccount;
import cn.tcsubsidy.payment.domain.PayeeService;
import cn.tcsubsidy.project.api.ProjectAccess;
import cn.tcsubsidy.shared.Actor;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's payee (收款账户): the filing enterprise or the bureau changes it, with a reason; the bureau of the
 * project's jurisdiction confirms it (核实) before payment. A project outside the reader's scope reads as absent
 * (404); a reader of the project without the right to act is refused (403). The answer shows the payee masked;
 * the full account is shown in {@code GET /api/projects/{id}} to the bureau, finance and the administrator.
 */
@RestController
@RequestMapping("/api/projects/{id}/payee")
public class PayeeController {

    private final ProjectAccess projects;
    private final PayeeService payees;

    public PayeeController(ProjectAccess projects, PayeeService payees) {
        this.projects = projects;
        this.payees = payees;
    }

    /**
     * Body: {@code bankName} and {@code bankAccount} (loan interest: {@code loanBank}, {@code loanBankAccount} and
     * {@code entrustedAgreementNo}), and {@code reason}.
     */
    @PutMapping
    public PayeeAccount.Masked change(@PathVariable long id, @RequestBody Map<String, Object> body,
                                      @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        requireVisible(id, actor);
        return payees.change(id, body, actor).masked();
    }

    /** Body: {@code payeeId}, the live payee record the bureau checked. */
    @PostMapping("/confirmation")
    public PayeeAccount.Masked confirm(@PathVariable long id, @RequestBody Map<String, Object> body,
                                       @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        requireVisible(id, actor);
        return payees.confirm(id, body, actor).masked();
    }

    private void requireVisible(long id, Actor actor) {
        projects.requireVisible(id, actor);
    }
}
