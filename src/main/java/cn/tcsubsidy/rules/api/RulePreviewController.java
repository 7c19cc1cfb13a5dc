package cn.tcsubsidy.rules.api;

import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.rules.process.RulePreview;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/rules/{jurisdiction}/preview}: a rule change's guardrails and what-if; nothing is deployed. */
@RestController
@RequestMapping("/api/rules/{jurisdiction}")
public class RulePreviewController {

    private final RulePreview preview;

    public RulePreviewController(RulePreview preview) {
        this.preview = preview;
    }

    /** Multipart: one or more {@code files} (.dmn). */
    @PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public RulePreview.Preview preview(@PathVariable String jurisdiction,
                                       @RequestParam(name = "files", required = false) List<MultipartFile> files,
                                       @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        return preview.preview(jurisdiction, read(files), actor);
    }

    /** The uploaded tables by file name; a name twice is refused. */
    static Map<String, byte[]> read(List<MultipartFile> files) {
        Map<String, byte[]> tables = new LinkedHashMap<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            String name = f.getOriginalFilename() == null ? "" : f.getOriginalFilename().replaceAll(".*[/\\\\]", "");
            if (name.isBlank() || f.isEmpty()) {
                throw new ValidationException("files", "上传的规则表文件没有文件名或内容为空");
            }
            try {
                if (tables.put(name, f.getBytes()) != null) {
                    throw new ValidationException("files", "规则表文件 " + name + " 上传了两次");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tables;
    }
}
