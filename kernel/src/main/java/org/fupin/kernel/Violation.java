package org.fupin.kernel;

import java.util.Map;

/**
 * One rule a request breaks, at one field: where ({@code field}, a path such as
 * {@code members[2].idNumber}), which rule (a stable kebab-case {@code code}), why (English), and the
 * values a localized message fills in (e.g. {@code min}).
 */
public record Violation(String field, String code, String message, Map<String, Object> params) {

    public Violation {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public Violation(String field, String code, String message) {
        this(field, code, message, Map.of());
    }

    /** The same violation of a field nested under {@code prefix} ({@code members[0]} + {@code name}). */
    public Violation under(String prefix) {
        return prefix == null || prefix.isEmpty() ? this : new Violation(prefix + "." + field, code, message, params);
    }
}
