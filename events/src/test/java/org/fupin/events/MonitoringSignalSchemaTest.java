package org.fupin.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The published schema of the monitoring.signals topic takes its own examples and refuses what the consumer refuses. */
class MonitoringSignalSchemaTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void acceptsItsExamples() throws Exception {
        JsonNode document = document();
        JsonSchema schema = schema(document);
        for (JsonNode example : document.path("examples")) {
            assertThat(schema.validate(example)).as(example.toString()).isEmpty();
        }
        assertThat(document.path("examples").size()).isEqualTo(2);
    }

    @Test
    void refusesASignalNamingNobodyOrCarryingAnUnknownField() throws Exception {
        JsonSchema schema = schema(document());
        Set<ValidationMessage> nobody = schema.validate(mapper.readTree("""
                {"signalId": "A1", "department": "CIVIL_AFFAIRS", "kind": "DEATH", "occurredOn": "2021-01-01"}"""));
        Set<ValidationMessage> unknownField = schema.validate(mapper.readTree("""
                {"signalId": "A1", "department": "CIVIL_AFFAIRS", "kind": "DEATH", "occurredOn": "2021-01-01",
                 "householdNumber": "1", "name": "someone"}"""));
        Set<ValidationMessage> internalKind = schema.validate(mapper.readTree("""
                {"signalId": "A1", "department": "CIVIL_AFFAIRS", "kind": "RISK_OBSERVED", "occurredOn": "2021-01-01",
                 "householdNumber": "1"}"""));

        assertThat(nobody).isNotEmpty();
        assertThat(unknownField).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("name"));
        assertThat(internalKind).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("kind"));
    }

    private JsonNode document() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/org/fupin/events/schemas/monitoring-signal.v1.json")) {
            return mapper.readTree(in);
        }
    }

    private static JsonSchema schema(JsonNode document) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document,
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }
}
