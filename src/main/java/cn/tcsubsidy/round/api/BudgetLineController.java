package cn.tcsubsidy.round.api;

import cn.tcsubsidy.award.domain.BudgetLineService;
import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.shared.Actor;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A round's proposed list against the budget (拟扶持名单与预算线): read by its bureau, its process owner and the
 * administrator (404 for anyone else); a project moved across the line, with a written reason, by its bureau and the
 * administrator (403 for anyone else).
 */
@RestController
@RequestMapping("/api/rounds/{id}/budget-line")
public class BudgetLineController {

    private final BudgetLineService budgetLine;

    public BudgetLineController(BudgetLineService budgetLine) {
        this.budgetLine = budgetLine;
    }

    @GetMapping
    public BudgetLineService.Board board(@PathVariable long id,
                                         @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return budgetLine.board(id, actor);
    }

    /** Body: projectId, direction (IN: into the line, OUT: out of it), reason. */
    @PostMapping("/moves")
    @ResponseStatus(HttpStatus.CREATED)
    public BudgetLineService.MoveView move(@PathVariable long id,
                                           @RequestBody(required = false) Map<String, Object> body,
                                           @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return budgetLine.move(id, body, actor);
    }
}
