package org.fupin.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;

/** Every event type's schema, example and record agree, so producers and consumers read the same contract. */
class EventContractTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final EventSchemas SCHEMAS = new EventSchemas(CODEC);
    // The validator bundles the draft 2020-12 meta-schema, so this needs no network.
    private static final JsonSchema META_SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    @Test
    void envelopeSchemaIsAValidDraft202012Schema() {
        assertThat(META_SCHEMA.validate(SCHEMAS.envelopeSchema())).isEmpty();
        assertThat(SCHEMAS.envelopeSchema().path("$id").asText()).isEqualTo(EventSchemas.ENVELOPE_URI);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsAValidDraft202012Schema(EventType type) {
        assertThat(META_SCHEMA.validate(SCHEMAS.schema(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsNamedByTheDataschemaOfItsType(EventType type) {
        JsonNode schema = SCHEMAS.schema(type);

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(type.schemaUri());
        assertThat(schema.path("title").asText()).isNotBlank();
        assertThat(schema.path("description").asText()).isNotBlank().doesNotContain("\n");
        assertThat(schema.path("additionalProperties").asBoolean()).isTrue();
        assertThat(schema.path("examples").size()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleSurvivesARoundTripThroughTheRecordAndTheEnvelope(EventType type) {
        JsonNode example = SCHEMAS.example(type);
        CloudEvent received = new CloudEvent("e-1", "/test", CloudEvent.SPEC_VERSION, type.type(), "subject-1",
                Instant.parse("2019-06-25T01:12:45Z"), CloudEvent.DATA_CONTENT_TYPE, type.schemaUri(), example);
        assertThat(SCHEMAS.violations(received)).isEmpty();

        Object data = CODEC.dataAs(received, type.dataClass());
        assertThat(data).isInstanceOf(type.dataClass());

        CloudEvent sent = CODEC.envelope("e-2", "/test", "subject-1", Instant.parse("2019-06-25T01:12:45Z"), data);
        CloudEvent parsed = CODEC.parse(CODEC.toJson(sent));

        assertThat(parsed.type()).isEqualTo(type.type());
        assertThat(parsed.dataschema()).isEqualTo(type.schemaUri());
        assertThat(SCHEMAS.violations(parsed)).isEmpty();
        assertThat(JsonTrees.sameJson(parsed.data(), example))
                .as("re-serialized %s%nexpected %s", parsed.data(), example)
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaExampleAndRecordNameTheSameFields(EventType type) {
        JsonNode schema = SCHEMAS.schema(type);
        Set<String> recordFields = Arrays.stream(type.dataClass().getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(fieldNames(schema.path("properties"))).isEqualTo(recordFields);
        assertThat(fieldNames(SCHEMAS.example(type))).as("the example is complete").isEqualTo(recordFields);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void requiredFieldsAreExactlyTheNonNullableOnes(EventType type) {
        JsonNode schema = SCHEMAS.schema(type);
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(field -> required.add(field.asText()));
        Set<String> nonNullable = new TreeSet<>();
        schema.path("properties").fields().forEachRemaining(property -> {
            JsonNode propertyType = property.getValue().path("type");
            boolean nullable = propertyType.isArray() && propertyType.toString().contains("\"null\"");
            if (!nullable) {
                nonNullable.add(property.getKey());
            }
        });

        assertThat(required).isEqualTo(nonNullable);
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
