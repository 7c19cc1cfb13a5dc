package cn.tcsubsidy.payment.api;

import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.payment.domain.PayeeAccount;
import cn.tcsubsidy.payment.domain.PayeeService;
import cn.tcsubsidy.project.api.ProjectScope;
import cn.tcsubsidy.project.domain.ProjectReviewers;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.NotFoundException;
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

    private final ProjectRepository projects;
    private final ProjectReviewers reviewers;
    private final PayeeService payees;

    public PayeeController(ProjectRepository projects, ProjectReviewers reviewers, PayeeService payees) {
        this.projects = projects;
        this.reviewers = reviewers;
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
        ProjectScope scope = ProjectScope.of(actor);
        projects.find(id).filter(p -> scope.allows(p, reviewers::seated))
                .orElseThrow(() -> new NotFoundException("项目不存在:" + id));
    }
}
