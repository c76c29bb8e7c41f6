package org.fupin.events;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Writes and reads events in the CloudEvents structured JSON form, with the data as the contract's records. */
public final class EventCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Consumers must accept fields added by a later, compatible version of an event.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A null where the contract has a boolean or a number must not silently become false or 0.
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // Money read into a tree stays exact (no double, no dropped trailing zeros) until it reaches a record.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /**
     * Wraps the data record of an event type in an envelope; {@code type} and {@code dataschema} follow from its class.
     *
     * @param subject the aggregate id (region code or entity id), also the Kafka record key
     * @throws IllegalArgumentException if {@code data} is not the record of an event type
     */
    public CloudEvent envelope(String id, String source, String subject, Instant time, Object data) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        EventType eventType = EventType.of(data.getClass());
        return new CloudEvent(id, source, CloudEvent.SPEC_VERSION, eventType.type(), subject, time,
                CloudEvent.DATA_CONTENT_TYPE, eventType.schemaUri(), mapper.valueToTree(data));
    }

    /** The structured JSON form of an event. */
    public String toJson(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot write event " + event.id(), e);
        }
    }

    /**
     * Reads an event in structured JSON form. Unknown envelope attributes (extensions) are dropped.
     *
     * @throws MalformedEventException if the text is not a JSON object with {@code id}, {@code type},
     *         {@code source} and {@code specversion}, or an attribute has the wrong shape
     */
    public CloudEvent parse(String json) {
        if (json == null) {
            throw new MalformedEventException("event is null");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedEventException("event is not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedEventException("event is not a JSON object");
        }
        for (String attribute : new String[] {"id", "type", "source", "specversion"}) {
            JsonNode value = tree.get(attribute);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw new MalformedEventException("event has no " + attribute);
            }
        }
        try {
            return mapper.treeToValue(tree, CloudEvent.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new MalformedEventException("event envelope is malformed: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the {@code data} of an event into {@code dataClass}, ignoring fields the class does not know.
     *
     * @throws MalformedEventException if there is no data, if {@code dataClass} is the record of another event
     *         type than the event's, or if the data does not fit the class
     */
    public <T> T dataAs(CloudEvent event, Class<T> dataClass) {
        Objects.requireNonNull(dataClass, "dataClass");
        JsonNode data = event.data();
        if (data == null || data.isNull() || data.isMissingNode()) {
            throw new MalformedEventException("event " + event.id() + " has no data");
        }
        // Unknown fields are ignored, so without this check one event type would read "successfully" as another.
        boolean anotherTypesData = isEventData(dataClass)
                && EventType.ofType(event.type()).map(EventType::dataClass).filter(dataClass::equals).isEmpty();
        if (anotherTypesData) {
            throw new MalformedEventException("event " + event.id() + " of type " + event.type()
                    + " does not carry " + dataClass.getSimpleName());
        }
        try {
            return mapper.treeToValue(data, dataClass);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new MalformedEventException("data of event " + event.id() + " does not fit "
                    + dataClass.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The configured mapper, shared by this codec: use it as is, or configure a {@code copy()}. */
    public ObjectMapper mapper() {
        return mapper;
    }

    private static boolean isEventData(Class<?> dataClass) {
        return Arrays.stream(EventType.values()).anyMatch(eventType -> eventType.dataClass() == dataClass);
    }
}
