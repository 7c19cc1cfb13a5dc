package cn.tcsubsidy.notice.publication.api;

import cn.tcsubsidy.notice.publication.domain.PublishedNotice;
import cn.tcsubsidy.notice.publication.domain.PublishedNotices;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published proposed list as JSON, for anyone, signed in or not (the one path under /api that needs no login):
 * {@code GET /api/public/notices?jurisdiction=J&year=Y}. 400 names a missing parameter; 404 when the jurisdiction is
 * unknown or its round of that year has not opened its notice.
 */
@RestController
public class PublicNoticeController {

    public static final String PATH = "/api/public/notices";

    private final PublishedNotices notices;

    public PublicNoticeController(PublishedNotices notices) {
        this.notices = notices;
    }

    @GetMapping(PATH)
    public PublishedNotice notice(@RequestParam(required = false) String jurisdiction,
                                  @RequestParam(required = false) String year) {
        return notices.find(jurisdiction, year);
    }
}
