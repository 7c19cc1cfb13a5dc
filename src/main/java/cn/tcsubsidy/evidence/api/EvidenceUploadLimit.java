package cn.tcsubsidy.evidence.api;

import cn.tcsubsidy.shared.FieldError;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** A file above the container's multipart limit is refused like one above the app's own: 400 naming {@code file}. */
@RestControllerAdvice
public class EvidenceUploadLimit {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        FieldError error = new FieldError("file", "文件过大,超过上传上限");
        return ResponseEntity.badRequest().body(Map.of("message", "输入有误,请求未予受理",
                "errors", Map.of(error.field(), error.message())));
    }
}
