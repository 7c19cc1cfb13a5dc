package cn.tcsubsidy.notice.publication.api;

import cn.tcsubsidy.notice.publication.domain.ObjectionChannel;
import cn.tcsubsidy.notice.publication.domain.PublishedNotice;
import cn.tcsubsidy.notice.publication.domain.PublishedNotices;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.ValidationException;
import java.time.LocalDate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.HtmlUtils;

/**
 * The published proposed list as a public web page (no login): {@code GET /public/notices/{jurisdiction}/{year}}.
 * Rendered on the server as one plain table, every value escaped, no script (the page's Content-Security-Policy
 * allows none); the same content as {@link PublicNoticeController}. Amounts as people read a notice: in yuan with
 * thousands separators (1,200,000.00) and in 万元 (120.00), each column naming its unit, and the total in both. An
 * unknown jurisdiction or year, or a round whose notice has not opened, is a 404 page.
 */
@Controller
public class PublicNoticePage {

    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);
    private static final String STYLE = """
            body{font-family:"PingFang SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:64em;padding:0 1em;color:#222}
            h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}
            table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.4em .6em;text-align:left}
            th{background:#eee}td.amount{text-align:right;white-space:nowrap}
            .practice{font-size:.8em;font-weight:normal;color:#666}.sample{color:#a00}.basis{color:#666;font-size:.9em}
            """;

    private final PublishedNotices notices;

    public PublicNoticePage(PublishedNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/public/notices/{jurisdiction}/{year}")
    public ResponseEntity<String> page(@PathVariable String jurisdiction, @PathVariable String year) {
        try {
            return respond(HttpStatus.OK, render(notices.find(jurisdiction, year)));
        } catch (NotFoundException | ValidationException e) {
            return respond(HttpStatus.NOT_FOUND, document("未找到公示", "<h1>未找到公示</h1><p>" + esc(e instanceof NotFoundException
                    ? e.getMessage() : "没有该辖区该年度的拟扶持名单公示") + "</p>"));
        }
    }

    private static ResponseEntity<String> respond(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(HTML)
                .header("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .body(html);
    }

    static String render(PublishedNotice n) {
        String title = n.jurisdictionName() + " " + n.year() + " 年度技术改造奖补拟扶持名单公示";
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(esc(title)).append("</h1>\n");
        b.append("<p>公示期:").append(esc(day(n.noticeStartsOn()))).append(" 至 ").append(esc(day(n.noticeEndsOn())))
                .append("(").append(esc(n.status())).append(")</p>\n");
        b.append("<table>\n<caption>拟扶持项目 ").append(n.projectCount()).append(" 个,拟扶持金额合计 ")
                .append(esc(Money.grouped(n.totalProposedAmount()))).append(" 元(")
                .append(esc(Money.groupedWan(n.totalProposedAmount()))).append(")</caption>\n")
                .append("<thead><tr><th>序号</th><th>企业名称</th><th>项目名称</th><th>奖补类别</th>")
                .append("<th>拟扶持金额(元)</th><th>拟扶持金额(万元)</th><th>推荐单位</th></tr></thead>\n<tbody>\n");
        int i = 0;
        for (PublishedNotice.Project p : n.projects()) {
            b.append("<tr><td>").append(++i).append("</td><td>").append(esc(p.enterpriseName())).append("</td><td>")
                    .append(esc(p.projectName())).append("</td><td>").append(esc(p.category()))
                    .append("</td><td class=\"amount\">").append(esc(Money.grouped(p.proposedAmount())))
                    .append("</td><td class=\"amount\">").append(esc(Money.grouped(Money.toWan(p.proposedAmount()))))
                    .append("</td><td>")
                    .append(esc(p.recommendingUnit())).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
        ObjectionChannel.Public c = n.objectionChannel();
        if (c != null) {
            b.append("<h2>异议受理方式 <span class=\"practice\">(").append(esc(c.label())).append(")</span></h2>\n<dl>\n");
            row(b, "受理单位", c.acceptingUnit());
            row(b, "通信地址", c.address());
            row(b, "联系电话", c.phone());
            row(b, "电子邮箱", c.mailbox());
            b.append("</dl>\n<p>").append(esc(c.requirements())).append("</p>\n");
            b.append("<p class=\"basis\">依据:").append(esc(c.basis())).append("</p>\n");
            if (c.sample()) {
                b.append("<p class=\"sample\">以上受理方式为示例文本,尚待工信局填写实际受理单位、地址和联系方式。</p>\n");
            }
        }
        return document(title, b.toString());
    }

    private static void row(StringBuilder b, String label, String value) {
        b.append("<dt>").append(esc(label)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
    }

    private static String document(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + esc(title)
                + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<main>\n" + body + "</main>\n</body>\n</html>\n";
    }

    private static String day(LocalDate d) {
        return d.getYear() + " 年 " + d.getMonthValue() + " 月 " + d.getDayOfMonth() + " 日";
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
