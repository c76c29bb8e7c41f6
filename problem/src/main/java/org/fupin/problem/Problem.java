package org.fupin.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document with the fupin extensions: a stable kebab-case {@code code},
 * the request id, and for validation failures the list of field errors (at most
 * {@link FieldErrors#MAX}, with {@code moreErrors} counting those not listed), and for a possible duplicate
 * the records it may duplicate.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        String requestId,
        List<FieldError> errors,
        Integer moreErrors,
        List<?> candidates) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem types are URNs so that they stay stable wherever the suite is deployed. */
    public static String typeOf(String code) {
        return "urn:fupin:problem:" + code;
    }
}
