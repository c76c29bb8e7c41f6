package org.fupin.platform.problem;

import java.util.HashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;

/** Stable field-error codes for the standard Bean Validation constraints; custom constraints name their own. */
final class ViolationCodes {

    private static final Map<String, String> BY_CONSTRAINT = Map.ofEntries(
            Map.entry("NotNull", "required"),
            Map.entry("NotBlank", "required"),
            Map.entry("NotEmpty", "required"),
            Map.entry("Size", "length"),
            Map.entry("Pattern", "format"),
            Map.entry("Min", "range"),
            Map.entry("Max", "range"),
            Map.entry("DecimalMin", "range"),
            Map.entry("DecimalMax", "range"),
            Map.entry("Positive", "range"),
            Map.entry("PositiveOrZero", "range"),
            Map.entry("Negative", "range"),
            Map.entry("Digits", "precision"),
            Map.entry("Past", "date-range"),
            Map.entry("PastOrPresent", "date-range"),
            Map.entry("Future", "date-range"),
            Map.entry("Email", "format"));

    private ViolationCodes() {
    }

    /** The scalar attributes of the constraint (min, max, value, regexp...), for message placeholders. */
    static Map<String, Object> paramsOf(ConstraintViolation<?> violation) {
        Map<String, Object> params = new HashMap<>();
        violation.getConstraintDescriptor().getAttributes().forEach((name, value) -> {
            if (value instanceof Number || value instanceof String || value instanceof Boolean) {
                params.put(name, value);
            }
        });
        return params;
    }

    static String codeOf(ConstraintViolation<?> violation) {
        Object code = violation.getConstraintDescriptor().getAttributes().get("code");
        if (code instanceof String custom && !custom.isBlank()) {
            return custom;
        }
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return BY_CONSTRAINT.getOrDefault(constraint, "invalid");
    }
}
