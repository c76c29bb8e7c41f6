package org.fupin.platform.web;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Refuses a body with anything after its JSON value ({@code {...}}garbage): by default Jackson stops
 * reading at the end of the first value and ignores the rest, so a body cut and pasted twice, or
 * two bodies sent as one, would be half-read and accepted.
 */
@Singleton
public class TrailingTokens implements ObjectMapperCustomizer {

    /** How Jackson's refusal begins; ProblemMappers answers it as malformed-json, not as a field's invalid-value. */
    public static final String REFUSAL = "Trailing token";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
