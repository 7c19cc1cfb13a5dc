package cn.tcsubsidy.award.quote;

import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.shared.Actor;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A jurisdiction's quote date setting: which date picks the policy and which the LPR. Any user of the jurisdiction
 * reads it (with its history); its rule administrator and the administrator change it. Another jurisdiction's is
 * refused (403).
 */
@RestController
@RequestMapping("/api/quote-date-settings/{jurisdiction}")
public class QuoteDateSettingsController {

    private final QuoteDateSettings settings;

    public QuoteDateSettingsController(QuoteDateSettings settings) {
        this.settings = settings;
    }

    public record SettingView(QuoteDateSetting setting, List<QuoteDateSettings.Change> history) {
    }

    @GetMapping
    public SettingView read(@PathVariable String jurisdiction,
                            @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return new SettingView(settings.read(jurisdiction, actor), settings.history(jurisdiction, actor));
    }

    /** Body: {@code policyDate}, {@code lprDate}, optional {@code policyDateSource}, {@code lprDateSource}; {@code basis}. */
    @PutMapping
    public SettingView change(@PathVariable String jurisdiction, @RequestBody Map<String, Object> body,
                              @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        QuoteDateSetting changed = settings.change(jurisdiction, body, actor);
        return new SettingView(changed, settings.history(jurisdiction, actor));
    }
}
