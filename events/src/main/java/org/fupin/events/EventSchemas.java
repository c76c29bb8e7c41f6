package org.fupin.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The JSON Schemas of the envelope and of every event type's data, and validation of events against them. */
public final class EventSchemas {

    /** The classpath location of the envelope schema. */
    public static final String ENVELOPE_RESOURCE = "/org/fupin/events/schemas/cloudevent.v1.json";

    /** The {@code $id} of the envelope schema. */
    public static final String ENVELOPE_URI = "urn:fupin:events:cloudevent:v1";

    private static final String SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private final EventCodec codec;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // In draft 2020-12 "format" only annotates unless assertions are switched on; the contract relies on them.
    // English messages whatever the JVM's locale: they end up in dead-letter reasons and logs.
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .locale(Locale.ENGLISH)
            .build();
    private final JsonNode envelopeDocument;
    private final JsonSchema envelopeSchema;
    private final Map<EventType, JsonNode> documents = new EnumMap<>(EventType.class);
    private final Map<EventType, JsonSchema> dataSchemas = new EnumMap<>(EventType.class);
    // Every version of every type, by $id: events written under an earlier version stay valid (a replay reads them).
    private final Map<String, JsonSchema> byUri = new java.util.HashMap<>();

    /** Loads every schema with a codec of its own. */
    public EventSchemas() {
        this(new EventCodec());
    }

    /**
     * Loads every schema now, so a missing or inconsistent schema fails at startup rather than on the first event.
     *
     * @throws IllegalStateException if a schema is missing, is not JSON or has another {@code $id} than expected
     */
    public EventSchemas(EventCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
        envelopeDocument = load(ENVELOPE_RESOURCE, ENVELOPE_URI);
        envelopeSchema = compile(envelopeDocument, ENVELOPE_URI);
        for (EventType eventType : EventType.values()) {
            JsonNode document = load(eventType.schemaResource(), eventType.schemaUri());
            documents.put(eventType, document);
            dataSchemas.put(eventType, compile(document, eventType.schemaUri()));
            byUri.put(eventType.schemaUri(), dataSchemas.get(eventType));
            for (int earlier = 1; earlier < eventType.version(); earlier++) {
                String uri = eventType.schemaUri(earlier);
                byUri.put(uri, compile(load(eventType.schemaResource(earlier), uri), uri));
            }
        }
    }

    /** A copy of the envelope schema document. */
    public JsonNode envelopeSchema() {
        return envelopeDocument.deepCopy();
    }

    /** A copy of the schema document of an event type's data. */
    public JsonNode schema(EventType eventType) {
        return documents.get(eventType).deepCopy();
    }

    /** A copy of the example {@code data} in an event type's schema, meant to feed consumer tests. */
    public JsonNode example(EventType eventType) {
        return documents.get(eventType).path("examples").path(0).deepCopy();
    }

    /**
     * Every way the event breaks its contract, as readable lines starting with the JSON path of the offending value
     * ({@code $.data...} for the data); empty when the event is valid.
     */
    public List<String> violations(CloudEvent event) {
        Objects.requireNonNull(event, "event");
        List<String> violations = new ArrayList<>(messages(envelopeSchema.validate(codec.mapper().valueToTree(envelopeOf(event)))));
        if (event.type() == null) {
            return violations;
        }
        Optional<EventType> eventType = EventType.ofType(event.type());
        if (eventType.isEmpty()) {
            violations.add("$.type: unknown event type '" + event.type() + "'");
            return violations;
        }
        String schemaUri = eventType.get().schemaUri();
        JsonSchema dataSchema = event.dataschema() == null ? dataSchemas.get(eventType.get()) : byUri.get(event.dataschema());
        if (dataSchema == null || event.dataschema() != null && !event.dataschema().startsWith("urn:fupin:events:" + event.type() + ":v")) {
            violations.add("$.dataschema: '" + event.dataschema() + "' is not a schema of " + event.type()
                    + ", whose current one is '" + schemaUri + "'");
            return violations;
        }
        if (event.data() != null && event.data().isObject()) {
            messages(dataSchema.validate(event.data())).stream()
                    .map(EventSchemas::underData)
                    .forEach(violations::add);
        }
        return violations;
    }

    /**
     * The event as its envelope's schema sees it. That schema asks of {@code data} only that it be an
     * object, so an object's content stands aside: turning all of it into a tree again for that was
     * a fifth of what checking an event cost a consumer. The data's own schema checks the content.
     */
    private CloudEvent envelopeOf(CloudEvent event) {
        if (event.data() == null || !event.data().isObject()) {
            return event;
        }
        return new CloudEvent(event.id(), event.source(), event.specversion(), event.type(), event.subject(), event.time(),
                event.datacontenttype(), event.dataschema(), codec.mapper().createObjectNode(), event.traceparent());
    }

    /**
     * Checks an event against its contract.
     *
     * @throws MalformedEventException listing the violations if there is any
     */
    public void requireValid(CloudEvent event) {
        List<String> violations = violations(event);
        if (!violations.isEmpty()) {
            throw new MalformedEventException("event " + event.id() + " of type " + event.type()
                    + " breaks its contract: " + String.join("; ", violations), violations);
        }
    }

    private JsonNode load(String resource, String expectedId) {
        try (InputStream in = EventSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema " + resource + " is not on the classpath");
            }
            JsonNode document = codec.mapper().readTree(in);
            if (!SCHEMA_DIALECT.equals(document.path("$schema").asText())) {
                throw new IllegalStateException("schema " + resource + " is not draft 2020-12");
            }
            if (!expectedId.equals(document.path("$id").asText())) {
                throw new IllegalStateException("schema " + resource + " has $id '" + document.path("$id").asText()
                        + "', expected '" + expectedId + "'");
            }
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        }
    }

    private JsonSchema compile(JsonNode document, String uri) {
        return factory.getSchema(SchemaLocation.of(uri), document, config);
    }

    private static List<String> messages(Collection<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toList());
    }

    private static String underData(String message) {
        return message.startsWith("$") ? "$.data" + message.substring(1) : "$.data: " + message;
    }
}
