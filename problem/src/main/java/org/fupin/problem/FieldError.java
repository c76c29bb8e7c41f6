package org.fupin.problem;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One invalid field of a rejected request: where, which rule (a stable code) and why, in the
 * caller's language. {@code params} fill the {name} placeholders of the localized message
 * (for example min and max of a length rule); they are not part of the JSON.
 */
public record FieldError(String field, String code, String message, @JsonIgnore Map<String, Object> params) {

    /** Field names come from the request; a longer one is cut, so that an answer never echoes a huge key. */
    static final int MAX_FIELD_LENGTH = 200;

    public FieldError {
        params = params == null ? Map.of() : Map.copyOf(params);
        if (field != null && field.length() > MAX_FIELD_LENGTH) {
            field = field.substring(0, MAX_FIELD_LENGTH) + "…";
        }
    }

    public FieldError(String field, String code, String message) {
        this(field, code, message, Map.of());
    }
}
