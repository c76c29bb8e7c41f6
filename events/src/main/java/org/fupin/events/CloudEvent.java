package org.fupin.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured JSON mode: the envelope every fupin event travels in.
 * {@code traceparent} is the CloudEvents distributed-tracing extension: the W3C trace context of
 * the write that recorded the event, so that a consumer's work joins the writer's trace. It is
 * absent on events recorded outside any trace.
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
        JsonNode data,
        String traceparent) {

    /** An event without trace context. */
    public CloudEvent(String id, String source, String specversion, String type, String subject, Instant time,
            String datacontenttype, String dataschema, JsonNode data) {
        this(id, source, specversion, type, subject, time, datacontenttype, dataschema, data, null);
    }

    /** The same event carrying the given trace context (W3C {@code traceparent}), or none. */
    public CloudEvent withTraceparent(String traceparent) {
        return new CloudEvent(id, source, specversion, type, subject, time, datacontenttype, dataschema, data, traceparent);
    }

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
}
