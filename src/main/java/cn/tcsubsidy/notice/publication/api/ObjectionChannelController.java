package cn.tcsubsidy.notice.publication.api;

import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.notice.publication.domain.ObjectionChannel;
import cn.tcsubsidy.notice.publication.domain.ObjectionChannels;
import cn.tcsubsidy.shared.Actor;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A jurisdiction's objection channel (异议受理方式) the notice publishes: read by any user of the jurisdiction,
 * changed by its bureau and the administrator (403 for anyone else).
 */
@RestController
@RequestMapping("/api/objection-channels/{jurisdiction}")
public class ObjectionChannelController {

    private final ObjectionChannels channels;

    public ObjectionChannelController(ObjectionChannels channels) {
        this.channels = channels;
    }

    @GetMapping
    public ObjectionChannel read(@PathVariable String jurisdiction,
                                 @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return channels.read(jurisdiction, actor);
    }

    /** Body: acceptingUnit, address, phone, mailbox, requirements, basis. */
    @PutMapping
    public ObjectionChannel change(@PathVariable String jurisdiction,
                                   @RequestBody(required = false) Map<String, Object> body,
                                   @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return channels.change(jurisdiction, body, actor);
    }
}
