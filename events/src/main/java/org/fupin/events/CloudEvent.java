package org.fupin.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured JSON mode: the envelope every fupin event travels in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String id,
        String source,
        String specversion,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
}
