package org.fupin.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.fupin.events.EventType;
import org.fupin.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The AsyncAPI document tells an integrator exactly what the event schemas of this module say, in a form AsyncAPI tools read. */
class AsyncApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode DOCUMENT = AsyncApiDocument.build(JSON);
    // Listed here rather than taken from the generator, so a keyword dropped from its list still fails this test.
    private static final Set<String> NEWER_THAN_DRAFT_07 = Set.of("$defs", "$anchor", "$dynamicRef", "$dynamicAnchor",
            "$recursiveRef", "$recursiveAnchor", "$vocabulary", "prefixItems", "unevaluatedProperties", "unevaluatedItems",
            "dependentRequired", "dependentSchemas", "minContains", "maxContains", "contentSchema");

    @Test
    void isAnAsyncApi3DocumentOfCloudEventsOnKafka() {
        assertThat(DOCUMENT.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(DOCUMENT.path("defaultContentType").asText()).isEqualTo("application/cloudevents+json");
        assertThat(DOCUMENT.at("/servers/kafka/protocol").asText()).isEqualTo("kafka");
        assertThat(DOCUMENT.at("/servers/kafka/host").asText()).isEqualTo("localhost:9092");
        assertThat(AsyncApiDocument.build(JSON, "kafka:9092").at("/servers/kafka/host").asText()).isEqualTo("kafka:9092");
    }

    @Test
    void hasOneChannelPerTopicAddressedByTheTopicNameAndOneOfWebhooksAddressedByEachSubscription() {
        List<String> addresses = new ArrayList<>();
        DOCUMENT.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));

        assertThat(addresses).containsExactly(Topics.HOUSEHOLD_EVENTS, Topics.ASSISTANCE_EVENTS, Topics.MONITORING_SIGNALS, "null");
        assertThat(DOCUMENT.at("/channels/webhookDeliveries/address").isNull()).isTrue();
    }

    /** Every current event is a webhook message too, with the Standard Webhooks headers and the topic message's very payload. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsAlsoAWebhookDeliverySentByPost(EventType type) {
        String key = AsyncApiDocument.messageKey(type);
        String webhook = "webhook" + Character.toUpperCase(key.charAt(0)) + key.substring(1);
        JsonNode message = DOCUMENT.at("/components/messages/" + webhook);

        assertThat(DOCUMENT.at("/channels/webhookDeliveries/messages/" + webhook + "/$ref").asText())
                .isEqualTo("#/components/messages/" + webhook);
        assertThat(message.path("name").asText()).isEqualTo(type.type());
        assertThat(message.at("/payload/$ref").asText()).isEqualTo("#/components/messages/" + key + "/payload");
        assertThat(DOCUMENT.at("/components/messages/" + key + "/payload").isObject()).isTrue();
        assertThat(DOCUMENT.at("/components/schemas/webhookHeaders/required").toString())
                .isEqualTo("[\"webhook-id\",\"webhook-timestamp\",\"webhook-signature\"]");
        assertThat(DOCUMENT.at("/operations/sendWebhookDeliveries/action").asText()).isEqualTo("send");
        assertThat(DOCUMENT.at("/operations/sendWebhookDeliveries/bindings/http/method").asText()).isEqualTo("POST");
    }

    @Test
    void integratorsReceiveEventsAndSendMonitoringSignals() {
        assertThat(operationOf(Topics.HOUSEHOLD_EVENTS).path("action").asText()).isEqualTo("receive");
        assertThat(operationOf(Topics.ASSISTANCE_EVENTS).path("action").asText()).isEqualTo("receive");
        assertThat(operationOf(Topics.MONITORING_SIGNALS).path("action").asText()).isEqualTo("send");
    }

    @Test
    void messageKeysAreTheEventTypesInCamelCase() {
        assertThat(AsyncApiDocument.messageKey(EventType.HOUSEHOLD_REGISTERED)).isEqualTo("householdRegistered");
        assertThat(AsyncApiDocument.messageKey(EventType.HOUSEHOLD_MEMBER_REMOVED)).isEqualTo("householdMemberRemoved");
        assertThat(AsyncApiDocument.messageKey(EventType.HOUSEHOLD_MEMBER_REMOVED, 1)).isEqualTo("householdMemberRemovedV1");
        assertThat(AsyncApiDocument.messageKey(EventType.MONITORING_ALERT_OPENED)).isEqualTo("monitoringAlertOpened");
    }

    @ParameterizedTest
    @MethodSource("everyVersion")
    void everyVersionOfEveryEventTypeIsAMessageOnTheChannelOfItsTopic(EventType type, int version) {
        String key = AsyncApiDocument.messageKey(type, version);
        JsonNode channel = channelOf(type.topic());

        assertThat(channel.at("/messages/" + key + "/$ref").asText()).isEqualTo("#/components/messages/" + key);
        assertThat(operationOf(type.topic()).path("messages").toString())
                .contains("#/channels/" + AsyncApiDocument.channelKey(type.topic()) + "/messages/" + key);
        assertThat(message(type, version).path("name").asText()).isEqualTo(type.type());
        assertThat(message(type, version).path("contentType").asText()).isEqualTo("application/cloudevents+json");
    }

    @ParameterizedTest
    @MethodSource("everyVersion")
    void typeAndDataschemaAreConstantsOfTheMessage(EventType type, int version) {
        JsonNode envelope = message(type, version).at("/payload/properties");

        assertThat(envelope.at("/type/const").asText()).isEqualTo(type.type());
        assertThat(envelope.at("/dataschema/const").asText()).isEqualTo(type.schemaUri(version));
        assertThat(envelope.at("/specversion/const").asText()).isEqualTo("1.0");
    }

    @ParameterizedTest
    @MethodSource("everyVersion")
    void dataHasThePropertiesAndRequiredFieldsOfTheSchemaFile(EventType type, int version) {
        JsonNode file = resource(type.schemaResource(version));
        JsonNode data = message(type, version).at("/payload/properties/data");

        assertThat(data.path("required")).isEqualTo(file.path("required"));
        assertThat(comparable(data.path("properties"), DOCUMENT)).isEqualTo(comparable(file.path("properties"), file));
        assertThat(data.path("title").asText()).isEqualTo(file.path("title").asText());
        assertThat(message(type, version).path("summary").asText()).isEqualTo(file.path("description").asText());
    }

    @ParameterizedTest
    @MethodSource("everyVersion")
    void recordKeyIsTheAggregateId(EventType type, int version) {
        JsonNode key = message(type, version).at("/bindings/kafka/key");

        assertThat(key.path("type").asText()).isEqualTo("string");
        assertThat(key.path("description").asText()).contains(type.aggregateType());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void onlyEarlierSchemaVersionsAreMarkedDeprecated(EventType type) {
        assertThat(message(type, type.version()).has("x-deprecated")).isFalse();
        IntStream.range(1, type.version()).forEach(earlier ->
                assertThat(message(type, earlier).path("x-deprecated").asBoolean()).isTrue());
    }

    @Test
    void monitoringSignalsArePlainJsonOfTheSignalSchema() {
        JsonNode file = resource(AsyncApiDocument.MONITORING_SIGNAL_RESOURCE);
        JsonNode message = DOCUMENT.at("/components/messages/" + AsyncApiDocument.MONITORING_SIGNAL_MESSAGE);

        assertThat(channelOf(Topics.MONITORING_SIGNALS).path("messages").size()).isEqualTo(1);
        assertThat(message.path("contentType").asText()).isEqualTo("application/json");
        assertThat(message.at("/payload/required")).isEqualTo(file.path("required"));
        assertThat(message.at("/payload/properties")).isEqualTo(file.path("properties"));
        assertThat(message.at("/payload/oneOf")).isEqualTo(file.path("oneOf"));
        assertThat(message.at("/bindings/kafka/key/pattern")).isEqualTo(file.at("/properties/signalId/pattern"));
    }

    @Test
    void exactlyOneHeadOfHouseholdSurvivesAsAnExtension() {
        // Draft-07 cannot count matching items: contains keeps "at least one", the extension keeps "at most one".
        JsonNode members = message(EventType.HOUSEHOLD_REGISTERED, 1).at("/payload/properties/data/properties/members");

        assertThat(members.at("/contains/properties/relation/const").asText()).isEqualTo("HEAD");
        assertThat(members.path("x-maxContains").asInt()).isEqualTo(1);
    }

    @Test
    void noKeywordOfDraft2019OrLaterRemainsAnywhere() {
        Set<String> keywords = new TreeSet<>();
        collectFieldNames(DOCUMENT, keywords);

        assertThat(keywords).doesNotContainAnyElementsOf(NEWER_THAN_DRAFT_07)
                .doesNotContain("$schema", "$id");
    }

    @Test
    void everyReferenceResolvesInsideTheDocument() {
        List<String> references = new ArrayList<>();
        collectReferences(DOCUMENT, references);

        assertThat(references).isNotEmpty().allSatisfy(reference -> {
            assertThat(reference).startsWith("#/");
            assertThat(DOCUMENT.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
        });
    }

    static Stream<Arguments> everyVersion() {
        return Stream.of(EventType.values())
                .flatMap(type -> IntStream.rangeClosed(1, type.version()).mapToObj(version -> Arguments.of(type, version)));
    }

    private static JsonNode message(EventType type, int version) {
        return DOCUMENT.at("/components/messages/" + AsyncApiDocument.messageKey(type, version));
    }

    private static JsonNode channelOf(String topic) {
        return DOCUMENT.at("/channels/" + AsyncApiDocument.channelKey(topic));
    }

    private static JsonNode operationOf(String topic) {
        String channel = "#/channels/" + AsyncApiDocument.channelKey(topic);
        for (JsonNode operation : DOCUMENT.path("operations")) {
            if (operation.at("/channel/$ref").asText().equals(channel)) {
                return operation;
            }
        }
        throw new AssertionError("no operation on " + topic);
    }

    /**
     * The schema with every reference replaced by its target in {@code root} and the keywords the translation may
     * move to an extension left out, so a schema file and its translation compare by what they mean.
     */
    private static JsonNode comparable(JsonNode schema, JsonNode root) {
        if (schema.isObject() && schema.has("$ref")) {
            return comparable(root.at(schema.path("$ref").asText().substring(1)), root);
        }
        if (schema.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            schema.properties().forEach(field -> {
                String name = field.getKey();
                if (!name.startsWith("x-") && !NEWER_THAN_DRAFT_07.contains(name)) {
                    copy.set(name, comparable(field.getValue(), root));
                }
            });
            return copy;
        }
        if (schema.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            schema.forEach(item -> copy.add(comparable(item, root)));
            return copy;
        }
        return schema;
    }

    private static void collectFieldNames(JsonNode node, Set<String> names) {
        if (node.isArray()) {
            node.forEach(item -> collectFieldNames(item, names));
            return;
        }
        node.properties().forEach(field -> {
            names.add(field.getKey());
            collectFieldNames(field.getValue(), names);
        });
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.path("$ref").isTextual()) {
            references.add(node.path("$ref").asText());
        }
        node.forEach(child -> collectReferences(child, references));
    }

    private static JsonNode resource(String path) {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + path, e);
        }
    }
}
