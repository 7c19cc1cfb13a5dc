package cn.tcsubsidy.shared;

/** One refused input field: its key (the form field / JSON property) and a Chinese message for the user. */
public record FieldError(String field, String message) {
}
