package org.fupin.events.asyncapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.fupin.events.EventType;
import org.fupin.events.Topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The AsyncAPI 3.0.0 document of the suite's Kafka topics, built from the event types and the JSON Schemas of this
 * module, so the document cannot drift from the contract the producers validate against.
 */
public final class AsyncApiDocument {

    public static final String ASYNCAPI_VERSION = "3.0.0";
    public static final String DEFAULT_KAFKA_HOST = "localhost:9092";
    public static final String CLOUDEVENTS_JSON = "application/cloudevents+json";

    static final String ENVELOPE_RESOURCE = "/org/fupin/events/schemas/cloudevent.v1.json";
    static final String MONITORING_SIGNAL_RESOURCE = "/org/fupin/events/schemas/monitoring-signal.v1.json";
    static final String MONITORING_SIGNAL_MESSAGE = "monitoringSignal";

    private static final String KAFKA_BINDING_VERSION = "0.5.0";
    private static final String HTTP_BINDING_VERSION = "0.3.0";
    private static final String SERVER = "kafka";
    /** The receivers of webhooks: whatever host each subscription's URL names. */
    static final String WEBHOOK_SERVER = "webhookReceiver";
    static final String WEBHOOK_CHANNEL = "webhookDeliveries";

    /**
     * What an integrator does with each topic and why the topic exists. An event topic missing here fails the build
     * of the document rather than appearing undescribed.
     */
    private static final Map<String, TopicRole> TOPICS = Map.of(
            Topics.HOUSEHOLD_EVENTS, new TopicRole("receive",
                    "Regions, households, members, cases, village exits, monitoring signals and alerts, risk clearances:"
                            + " published by household-service."),
            Topics.ASSISTANCE_EVENTS, new TopicRole("receive",
                    "Units, groups, helpers, work teams, war zones, pairings, measures and visits:"
                            + " published by assistance-service."),
            Topics.MONITORING_SIGNALS, new TopicRole("send",
                    "Signals that other departments' systems stream in for the monitoring against return to poverty"
                            + " (防止返貧動態監測), consumed by household-service. Plain JSON, not CloudEvents; a record"
                            + " that breaks the schema goes to monitoring.signals.dlq."));

    private AsyncApiDocument() {
    }

    /** The document with the local broker as its server. */
    public static ObjectNode build(ObjectMapper json) {
        return build(json, DEFAULT_KAFKA_HOST);
    }

    /** The document with {@code kafkaHost} ({@code host:port}, no scheme) as its server. */
    public static ObjectNode build(ObjectMapper json, String kafkaHost) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(kafkaHost, "kafkaHost");
        return new Builder(json, kafkaHost).build();
    }

    /** The key of an event type's current message, e.g. {@code householdMemberRemoved}. */
    public static String messageKey(EventType type) {
        return camel(type.type());
    }

    /** The key of the message of an earlier schema version, e.g. {@code householdMemberRemovedV1}. */
    public static String messageKey(EventType type, int version) {
        return version == type.version() ? messageKey(type) : messageKey(type) + "V" + version;
    }

    /** The key of a topic's channel, e.g. {@code householdEvents}. */
    public static String channelKey(String topic) {
        return camel(topic);
    }

    /** {@code household.member-removed} becomes {@code householdMemberRemoved}. */
    static String camel(String dotted) {
        StringBuilder camel = new StringBuilder(dotted.length());
        boolean upper = false;
        for (char c : dotted.toCharArray()) {
            if (c == '.' || c == '-' || c == '_') {
                upper = camel.length() > 0;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private record TopicRole(String action, String description) {
    }

    /** Assembles one document; holds the parts shared between messages while it does. */
    private static final class Builder {

        private final ObjectMapper json;
        private final String kafkaHost;
        private final ObjectNode root;
        private final ObjectNode channels;
        private final ObjectNode operations;
        private final ObjectNode messages;
        private final SchemaTranslation schemas;
        private final ObjectNode componentSchemas;

        Builder(ObjectMapper json, String kafkaHost) {
            this.json = json;
            this.kafkaHost = kafkaHost;
            root = json.createObjectNode();
            root.put("asyncapi", ASYNCAPI_VERSION);
            info(root.putObject("info"));
            root.put("defaultContentType", CLOUDEVENTS_JSON);
            servers(root.putObject("servers"));
            channels = root.putObject("channels");
            operations = root.putObject("operations");
            ObjectNode components = root.putObject("components");
            messages = components.putObject("messages");
            componentSchemas = components.putObject("schemas");
            schemas = new SchemaTranslation(componentSchemas);
        }

        ObjectNode build() {
            ObjectNode envelope = schemas.translate(load(ENVELOPE_RESOURCE), "cloudEvent");
            // The envelope's example is of one particular type; each message's data schema keeps its own.
            envelope.remove("examples");
            Map<String, ObjectNode> channelMessages = new LinkedHashMap<>();
            for (EventType type : EventType.values()) {
                ObjectNode onChannel = channelMessages.computeIfAbsent(type.topic(), topic -> json.createObjectNode());
                for (int version = type.version(); version >= 1; version--) {
                    String key = messageKey(type, version);
                    messages.set(key, eventMessage(type, version, envelope));
                    onChannel.putObject(key).put("$ref", "#/components/messages/" + key);
                }
            }
            channelMessages.forEach(this::channel);

            messages.set(MONITORING_SIGNAL_MESSAGE, monitoringSignalMessage());
            ObjectNode signalMessages = json.createObjectNode();
            signalMessages.putObject(MONITORING_SIGNAL_MESSAGE).put("$ref", "#/components/messages/" + MONITORING_SIGNAL_MESSAGE);
            channel(Topics.MONITORING_SIGNALS, signalMessages);
            webhooks();
            return root;
        }

        /**
         * The same events as webhooks (webhook-service): each current message again, POSTed to the URL a subscription
         * names, with the Standard Webhooks headers. The payload is the very CloudEvent of the topic's message.
         */
        private void webhooks() {
            ObjectNode channel = channels.putObject(WEBHOOK_CHANNEL);
            channel.putNull("address");
            channel.put("description", String.join(" ",
                    "Webhook deliveries: webhook-service POSTs each event a subscription asked for (POST",
                    "/api/v1/webhooks/subscriptions) to the subscription's URL, the same CloudEvent as on the topic, signed the",
                    "Standard Webhooks way. One household's events arrive one at a time, in order. A 2xx answer within 10 s",
                    "delivers; anything else is retried with growing waits for about a day, then the subscription is suspended.",
                    "Delivery is at least once: deduplicate on webhook-id, the event id."));
            channel.putArray("servers").addObject().put("$ref", "#/servers/" + WEBHOOK_SERVER);
            ObjectNode channelMessages = channel.putObject("messages");
            ObjectNode operation = operations.putObject("sendWebhookDeliveries");
            operation.put("action", "send");
            operation.putObject("channel").put("$ref", "#/channels/" + WEBHOOK_CHANNEL);
            operation.put("summary", "POST each subscribed event to the subscription's URL; verify webhook-signature before trusting it.");
            ObjectNode http = operation.putObject("bindings").putObject("http");
            http.put("method", "POST");
            http.put("bindingVersion", HTTP_BINDING_VERSION);
            ArrayNode refs = operation.putArray("messages");
            for (EventType type : EventType.values()) {
                String key = "webhook" + Character.toUpperCase(messageKey(type).charAt(0)) + messageKey(type).substring(1);
                ObjectNode message = messages.putObject(key);
                message.put("name", type.type());
                message.put("title", messages.path(messageKey(type)).path("title").asText() + " (webhook)");
                message.put("contentType", CLOUDEVENTS_JSON);
                message.putObject("headers").put("$ref", "#/components/schemas/webhookHeaders");
                message.putObject("payload").put("$ref", "#/components/messages/" + messageKey(type) + "/payload");
                channelMessages.putObject(key).put("$ref", "#/components/messages/" + key);
                refs.addObject().put("$ref", "#/channels/" + WEBHOOK_CHANNEL + "/messages/" + key);
            }
            componentSchemas.set("webhookHeaders", webhookHeaders());
        }

        private ObjectNode webhookHeaders() {
            ObjectNode headers = json.createObjectNode();
            headers.put("type", "object");
            headers.put("description", "The Standard Webhooks headers (standardwebhooks.com) of every delivery.");
            headers.putArray("required").add("webhook-id").add("webhook-timestamp").add("webhook-signature");
            ObjectNode properties = headers.putObject("properties");
            properties.putObject("webhook-id").put("type", "string")
                    .put("description", "The event's id: the same on every attempt; deduplicate on it.");
            properties.putObject("webhook-timestamp").put("type", "string").put("pattern", "^[0-9]+$")
                    .put("description", "Seconds since the epoch when the attempt was made; refuse one far from now (replay).");
            properties.putObject("webhook-signature").put("type", "string").put("pattern", "^v1,[A-Za-z0-9+/=]+$")
                    .put("description", "v1, then the base64 HMAC-SHA256 of \"<webhook-id>.<webhook-timestamp>.<body>\" keyed "
                            + "with the base64-decoded part of the subscription's secret after whsec_.");
            return headers;
        }

        private void info(ObjectNode info) {
            info.put("title", "fupin events");
            info.put("version", "1");
            info.put("description", String.join(" ",
                    "The Kafka topics of the fupin suite as an integrator sees them: subscribe to household.events and",
                    "assistance.events; send monitoring signals to monitoring.signals. Outside the county's network the",
                    "same events arrive as webhooks (channel webhookDeliveries), signed the Standard Webhooks way.",
                    "Events are CloudEvents 1.0 in structured JSON mode (" + CLOUDEVENTS_JSON + "): the record value is",
                    "the whole envelope, and data follows the JSON Schema (draft 2020-12, shipped in the fupin-events jar)",
                    "that the dataschema attribute names; the schemas here are translated from it.",
                    "The record key is the aggregate id, the same as the CloudEvents subject, so the events of one",
                    "aggregate arrive in the order they happened; there is no order across aggregates.",
                    "Delivery is at least once: a consumer must be idempotent, deduplicating on the event id.",
                    "A new optional field is not a new version; an incompatible change is a new dataschema version,",
                    "and events written under an earlier version stay on the topic (see the messages marked x-deprecated)."));
        }

        private void servers(ObjectNode servers) {
            ObjectNode kafka = servers.putObject(SERVER);
            kafka.put("host", kafkaHost);
            kafka.put("protocol", "kafka");
            kafka.put("description", "The suite's Kafka broker.");
            ObjectNode receiver = servers.putObject(WEBHOOK_SERVER);
            receiver.put("host", "{receiver}");
            receiver.put("protocol", "https");
            receiver.put("description", "A subscriber's own server: the host of the URL its webhook subscription names (https, "
                    + "or http inside the county's allowed networks).");
            receiver.putObject("variables").putObject("receiver").put("description", "host[:port] of the subscription's URL");
        }

        private void channel(String topic, ObjectNode channelMessages) {
            TopicRole role = TOPICS.get(topic);
            if (role == null) {
                throw new IllegalStateException("topic " + topic + " has no role in the AsyncAPI document");
            }
            String channelKey = channelKey(topic);
            ObjectNode channel = channels.putObject(channelKey);
            channel.put("address", topic);
            channel.put("description", role.description());
            channel.set("messages", channelMessages);

            String operationKey = role.action() + Character.toUpperCase(channelKey.charAt(0)) + channelKey.substring(1);
            ObjectNode operation = operations.putObject(operationKey);
            operation.put("action", role.action());
            operation.putObject("channel").put("$ref", "#/channels/" + channelKey);
            operation.put("summary", "receive".equals(role.action())
                    ? "Subscribe to " + topic + ": any message below may arrive, earlier schema versions included;"
                            + " deduplicate on the event id."
                    : "Send signals to " + topic + ", keyed by the signalId.");
            ArrayNode refs = operation.putArray("messages");
            channelMessages.fieldNames().forEachRemaining(
                    key -> refs.addObject().put("$ref", "#/channels/" + channelKey + "/messages/" + key));
        }

        private ObjectNode eventMessage(EventType type, int version, ObjectNode envelope) {
            JsonNode schema = load(type.schemaResource(version));
            String key = messageKey(type, version);
            boolean current = version == type.version();

            ObjectNode message = json.createObjectNode();
            message.put("name", type.type());
            message.put("title", current ? schema.path("title").asText() : schema.path("title").asText() + " (v" + version + ")");
            message.put("summary", schema.path("description").asText());
            message.put("description", current ? currentDescription(type) : earlierDescription(type, version));
            message.put("contentType", CLOUDEVENTS_JSON);
            message.set("payload", payload(type, version, envelope, schemas.translate(schema, key)));
            ObjectNode kafka = message.putObject("bindings").putObject("kafka");
            kafka.set("key", aggregateKey(type));
            kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
            if (!current) {
                // A message object has no deprecated field in AsyncAPI 3.0; the extension tells tools and readers alike.
                message.put("x-deprecated", true);
            }
            return message;
        }

        private String currentDescription(EventType type) {
            String description = "Published on " + type.topic() + " with dataschema " + type.schemaUri()
                    + "; record key and subject: " + aggregateId(type) + ".";
            if (type.version() > 1) {
                description += " Events written under v1 to v" + (type.version() - 1)
                        + " stay on the topic and stay valid; a consumer that reads from the beginning meets them"
                        + " (messages " + messageKey(type) + "V1 and on).";
            }
            return description;
        }

        private String earlierDescription(EventType type, int version) {
            return "Version " + version + " of " + type.type() + " (dataschema " + type.schemaUri(version)
                    + "), superseded by v" + type.version() + " (message " + messageKey(type) + "). Producers write v"
                    + type.version() + " only, but events written before stay on " + type.topic()
                    + " and stay valid: a consumer that reads from the beginning must still accept them.";
        }

        private ObjectNode payload(EventType type, int version, ObjectNode envelope, ObjectNode data) {
            ObjectNode payload = envelope.deepCopy();
            payload.put("title", type.type() + " v" + version + " CloudEvent");
            ObjectNode properties = (ObjectNode) payload.get("properties");
            constant(properties, "type", type.type());
            constant(properties, "dataschema", type.schemaUri(version));
            ((ObjectNode) properties.get("subject")).put("description", "The " + aggregateId(type) + ", the record key.");
            properties.set("data", data);
            return payload;
        }

        private static void constant(ObjectNode properties, String attribute, String value) {
            ObjectNode property = (ObjectNode) properties.get(attribute);
            // The envelope's pattern or format admits every type; the constant is what tells the messages apart.
            property.remove("pattern");
            property.put("const", value);
        }

        private ObjectNode aggregateKey(EventType type) {
            ObjectNode key = json.createObjectNode();
            key.put("type", "string");
            key.put("minLength", 1);
            key.put("description", "The " + aggregateId(type)
                    + ": every event of one " + type.aggregateType() + " goes to one partition, in order.");
            return key;
        }

        private static String aggregateId(EventType type) {
            // Regions are known by their GB/T 2260 code, every other aggregate by its id.
            return "region".equals(type.aggregateType()) ? "region code" : type.aggregateType() + " id";
        }

        private ObjectNode monitoringSignalMessage() {
            JsonNode schema = load(MONITORING_SIGNAL_RESOURCE);
            ObjectNode message = json.createObjectNode();
            message.put("name", "monitoring-signal");
            message.put("title", schema.path("title").asText());
            message.put("summary", schema.path("description").asText());
            message.put("contentType", "application/json");
            message.set("payload", schemas.translate(schema, MONITORING_SIGNAL_MESSAGE));
            ObjectNode kafka = message.putObject("bindings").putObject("kafka");
            ObjectNode key = kafka.putObject("key");
            key.put("type", "string");
            key.put("pattern", schema.path("properties").path("signalId").path("pattern").asText());
            key.put("description", "The signalId of the record.");
            kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
            return message;
        }

        private JsonNode load(String resource) {
            try (InputStream in = AsyncApiDocument.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("schema " + resource + " is not on the classpath");
                }
                return json.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema " + resource, e);
            }
        }
    }

    /**
     * Turns a draft 2020-12 schema of this module into an AsyncAPI Schema Object, a superset of draft-07. It
     * translates what the schemas use: {@code $defs} and references into them, and {@code minContains}/{@code
     * maxContains}. Any other keyword newer than draft-07 stops the build rather than pass on a schema that says
     * less than it seems to. The schema named by {@code dataschema} stays the authority either way.
     */
    static final class SchemaTranslation {

        /** Keywords of draft 2019-09 or 2020-12 that an AsyncAPI Schema Object does not know. */
        static final Set<String> NEWER_KEYWORDS = Set.of("$defs", "$anchor", "$dynamicRef", "$dynamicAnchor",
                "$recursiveRef", "$recursiveAnchor", "$vocabulary", "prefixItems", "unevaluatedProperties",
                "unevaluatedItems", "dependentRequired", "dependentSchemas", "minContains", "maxContains",
                "contentSchema");

        private static final List<String> SUBSCHEMA = List.of("additionalProperties", "additionalItems", "items",
                "contains", "propertyNames", "not", "if", "then", "else");
        private static final List<String> SUBSCHEMA_ARRAYS = List.of("allOf", "anyOf", "oneOf", "items");
        private static final List<String> SUBSCHEMA_MAPS = List.of("properties", "patternProperties", "dependencies");
        private static final String LOCAL_DEFINITIONS = "#/$defs/";

        private final ObjectNode components;
        // One naming per distinct $defs block: documents that share a block share its components.
        private final Map<JsonNode, Map<String, String>> namings = new HashMap<>();

        SchemaTranslation(ObjectNode components) {
            this.components = components;
        }

        /**
         * The schema without {@code $schema} and {@code $id} (its URN means nothing to AsyncAPI tools, and the
         * message's dataschema constant carries it), with its {@code $defs} moved to {@code components.schemas}.
         *
         * @param owner names the definitions that clash with another document's definitions of the same name
         */
        ObjectNode translate(JsonNode document, String owner) {
            ObjectNode schema = document.deepCopy();
            schema.remove("$schema");
            schema.remove("$id");
            JsonNode definitions = schema.remove("$defs");
            Map<String, String> names = definitions == null
                    ? Map.of()
                    : namings.computeIfAbsent(definitions, block -> hoist(block, owner));
            rewrite(schema, names);
            return schema;
        }

        private Map<String, String> hoist(JsonNode definitions, String owner) {
            Map<String, String> names = new LinkedHashMap<>();
            definitions.fieldNames().forEachRemaining(name -> names.put(name,
                    components.has(name) ? owner + Character.toUpperCase(name.charAt(0)) + name.substring(1) : name));
            definitions.properties().forEach(definition -> {
                String component = names.get(definition.getKey());
                if (components.has(component)) {
                    throw new IllegalStateException("schema component " + component + " is defined twice");
                }
                JsonNode schema = definition.getValue().deepCopy();
                rewrite(schema, names);
                components.set(component, schema);
            });
            return names;
        }

        private void rewrite(JsonNode node, Map<String, String> names) {
            if (!node.isObject()) {
                return; // true and false are schemas too, and need nothing
            }
            ObjectNode schema = (ObjectNode) node;
            reference(schema, names);
            containsCount(schema);
            for (String keyword : NEWER_KEYWORDS) {
                if (schema.has(keyword)) {
                    throw new IllegalStateException(keyword + " has no form in an AsyncAPI schema (draft-07); teach "
                            + "AsyncApiDocument to translate it");
                }
            }
            for (String keyword : SUBSCHEMA) {
                if (schema.path(keyword).isObject()) {
                    rewrite(schema.get(keyword), names);
                }
            }
            for (String keyword : SUBSCHEMA_ARRAYS) {
                if (schema.path(keyword).isArray()) {
                    schema.get(keyword).forEach(item -> rewrite(item, names));
                }
            }
            for (String keyword : SUBSCHEMA_MAPS) {
                // A dependency may be an array of property names rather than a schema; rewrite skips it.
                schema.path(keyword).forEach(value -> rewrite(value, names));
            }
        }

        /** A reference into {@code $defs} now points into {@code components.schemas}. */
        private static void reference(ObjectNode schema, Map<String, String> names) {
            if (!schema.has("$ref")) {
                return;
            }
            String reference = schema.path("$ref").asText();
            if (reference.startsWith(LOCAL_DEFINITIONS)) {
                String path = reference.substring(LOCAL_DEFINITIONS.length());
                int slash = path.indexOf('/');
                String name = slash < 0 ? path : path.substring(0, slash);
                String rest = slash < 0 ? "" : path.substring(slash);
                if (names.containsKey(name)) {
                    schema.put("$ref", "#/components/schemas/" + names.get(name) + rest);
                    return;
                }
            }
            // Any other target (the root, another schema's URN) would resolve against the AsyncAPI document instead
            // of the schema; a wrong reference is worse than none, so the build stops here.
            throw new IllegalStateException("$ref '" + reference + "' cannot be expressed in the AsyncAPI document; teach "
                    + "AsyncApiDocument to translate it");
        }

        /**
         * Draft-07's {@code contains} means at least one, so {@code minContains: 1} goes without loss. A maximum has
         * no draft-07 form (one head per household): it stays as an extension, which tools ignore and readers see.
         */
        private static void containsCount(ObjectNode schema) {
            if (schema.path("minContains").asInt(-1) == 1) {
                schema.remove("minContains");
            }
            if (schema.has("maxContains")) {
                schema.set("x-maxContains", schema.remove("maxContains"));
            }
        }
    }
}
