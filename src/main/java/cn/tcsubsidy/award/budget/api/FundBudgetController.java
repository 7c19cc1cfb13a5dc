package cn.tcsubsidy.award.budget.api;

import cn.tcsubsidy.award.budget.FundBudget;
import cn.tcsubsidy.award.budget.FundBudgetService;
import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fund budgets (技改专项资金年度预算) for the jurisdiction's finance officer ({@code J-finance}) and the administrator;
 * the jurisdiction's auditor ({@code J-auditor}) reads them; every other role, and another jurisdiction's finance
 * officer, gets 403.
 */
@RestController
@RequestMapping("/api/fund-budgets")
public class FundBudgetController {

    private final FundBudgetService budgets;

    public FundBudgetController(FundBudgetService budgets) {
        this.budgets = budgets;
    }

    /** The jurisdiction's funds and every budget with its entries and changes. */
    @GetMapping
    public FundBudgetService.Budgets list(@RequestParam String jurisdiction,
                                          @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return budgets.list(jurisdiction, actor);
    }

    /** Body: {@code jurisdiction}, {@code fundCode}, {@code budgetYear}, {@code amount}, {@code basis} (文件号). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public FundBudget create(@RequestBody Map<String, Object> body,
                             @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        Map<String, Object> fields = new LinkedHashMap<>(body);
        Object jurisdiction = fields.remove("jurisdiction");
        if (!(jurisdiction instanceof String j) || j.isBlank()) {
            throw new ValidationException("jurisdiction", "辖区不能为空");
        }
        return budgets.create(j, fields, actor);
    }

    /** Body: {@code amount}, {@code basis} (the decision's 文件号), {@code reason}. */
    @PutMapping("/{jurisdiction}/{fundCode}/{year}")
    public FundBudget change(@PathVariable String jurisdiction, @PathVariable String fundCode, @PathVariable int year,
                             @RequestBody Map<String, Object> body,
                             @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return budgets.change(jurisdiction, fundCode, year, body, actor);
    }
}
