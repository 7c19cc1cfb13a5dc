package cn.tcsubsidy.calendar.api;

import cn.tcsubsidy.calendar.domain.PublicHoliday;
import cn.tcsubsidy.calendar.domain.PublicHolidays;
import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.shared.Actor;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The holiday calendar (节假日安排) the notice periods count working days over: a year of it for any signed-in user;
 * entries changed and removed by the administrator only (403 for anyone else).
 */
@RestController
@RequestMapping("/api/public-holidays")
public class PublicHolidayController {

    private final PublicHolidays holidays;

    public PublicHolidayController(PublicHolidays holidays) {
        this.holidays = holidays;
    }

    @GetMapping
    public List<PublicHoliday> year(@RequestParam(required = false) Integer year,
                                    @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return holidays.ofYear(year);
    }

    /** Body: {@code name}, {@code workday}, {@code basis}. */
    @PutMapping("/{date}")
    public PublicHoliday put(@PathVariable String date, @RequestBody(required = false) Map<String, Object> body,
                             @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return holidays.put(date, body, actor);
    }

    @DeleteMapping("/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String date, @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        holidays.delete(date, actor);
    }
}
