package cn.tcsubsidy.engine;

import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of /api as JSON with a Chinese message: 400 names each refused field; 403, 404 say what was refused. The
 * fallback: a feature's own advice for its controllers (RuleChangeErrors) comes first.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@RestControllerAdvice
public class ApiErrors {

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<Map<String, Object>> invalid(ValidationException e) {
        return badRequest(e.errors());
    }

    @ExceptionHandler(BadUserRequestException.class)
    ResponseEntity<Map<String, Object>> refusedByProcess(BadUserRequestException e) {
        if (e.getCause() instanceof ValidationException v) {
            return badRequest(v.errors());
        }
        return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("message", "请求内容不是有效的 JSON 对象"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e) {
        return badRequest(List.of(new FieldError(e.getName(), "参数取值无效:" + e.getValue())));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationException.class})
    ResponseEntity<Map<String, Object>> denied(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", e.getMessage()));
    }

    private static ResponseEntity<Map<String, Object>> badRequest(List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "输入有误,请求未予受理");
        Map<String, String> fields = new LinkedHashMap<>();
        errors.forEach(e -> fields.merge(e.field(), e.message(), (a, b) -> a + ";" + b));
        body.put("errors", fields);
        return ResponseEntity.badRequest().body(body);
    }
}
