package org.fupin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.fupin.events.assistance.MeasureRecorded;
import org.fupin.events.assistance.Provider;
import org.fupin.events.household.HouseholdRegistered;
import org.fupin.events.household.HouseholdStatusChanged;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Events that break the contract are caught, and events that only add to it are not. */
class EventValidationTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final EventSchemas SCHEMAS = new EventSchemas(CODEC);
    private static final Instant TIME = Instant.parse("2019-06-25T01:12:45Z");

    @Test
    void anEnvelopeWithoutIdIsAViolation() {
        CloudEvent valid = exampleEvent(EventType.HOUSEHOLD_STATUS_CHANGED);
        CloudEvent withoutId = new CloudEvent(null, valid.source(), valid.specversion(), valid.type(), valid.subject(),
                valid.time(), valid.datacontenttype(), valid.dataschema(), valid.data());

        assertThat(SCHEMAS.violations(withoutId)).singleElement(STRING).contains("id");
        assertThatThrownBy(() -> SCHEMAS.requireValid(withoutId))
                .isInstanceOfSatisfying(MalformedEventException.class,
                        e -> assertThat(e.violations()).singleElement(STRING).contains("id"));
    }

    @Test
    void theTraceContextTravelsInTheEnvelopeAndMustBeW3C() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        CloudEvent traced = exampleEvent(EventType.HOUSEHOLD_STATUS_CHANGED).withTraceparent(traceparent);

        String json = CODEC.toJson(traced);
        assertThat(json).contains("\"traceparent\":\"" + traceparent + "\"");
        assertThat(CODEC.parse(json).traceparent()).isEqualTo(traceparent);
        assertThat(SCHEMAS.violations(traced)).isEmpty();
        assertThat(CODEC.toJson(traced.withTraceparent(null))).doesNotContain("traceparent");
        assertThat(SCHEMAS.violations(traced.withTraceparent("not-a-trace"))).singleElement(STRING).contains("traceparent");
    }

    @Test
    void anotherSpecversionIsAViolation() {
        CloudEvent valid = exampleEvent(EventType.GROUP_CREATED);
        CloudEvent v03 = new CloudEvent(valid.id(), valid.source(), "0.3", valid.type(), valid.subject(),
                valid.time(), valid.datacontenttype(), valid.dataschema(), valid.data());

        assertThat(SCHEMAS.violations(v03)).singleElement(STRING).contains("specversion");
    }

    @Test
    void aValueOutsideAnEnumIsAViolationNamingTheField() {
        CloudEvent event = withData(EventType.HOUSEHOLD_REGISTERED, data -> data.put("category", "RICH"));

        assertThat(SCHEMAS.violations(event)).singleElement(STRING)
                .startsWith("$.data.category")
                .contains("enum");
    }

    @Test
    void aValueOutsideAnEnumInsideAMemberIsAViolationNamingThePath() {
        CloudEvent event = withData(EventType.HOUSEHOLD_REGISTERED,
                data -> ((ObjectNode) data.withArrayProperty("members").get(1)).put("relation", "COUSIN"));

        assertThat(SCHEMAS.violations(event)).anySatisfy(
                violation -> assertThat(violation).startsWith("$.data.members[1].relation"));
    }

    @Test
    void anUnknownTypeIsOneViolation() {
        CloudEvent valid = exampleEvent(EventType.GROUP_CREATED);
        CloudEvent unknown = new CloudEvent(valid.id(), valid.source(), valid.specversion(), "household.exploded",
                valid.subject(), valid.time(), valid.datacontenttype(), valid.dataschema(), valid.data());

        assertThat(SCHEMAS.violations(unknown)).singleElement(STRING)
                .contains("unknown event type")
                .contains("household.exploded");
    }

    @Test
    void aDataschemaOtherThanTheTypesIsAViolation() {
        CloudEvent valid = exampleEvent(EventType.GROUP_CREATED);
        CloudEvent v2 = new CloudEvent(valid.id(), valid.source(), valid.specversion(), valid.type(),
                valid.subject(), valid.time(), valid.datacontenttype(), "urn:fupin:events:group.created:v2",
                valid.data());

        assertThat(SCHEMAS.violations(v2)).singleElement(STRING).startsWith("$.dataschema");
    }

    @Test
    void anEventWrittenUnderAnEarlierVersionOfItsSchemaStaysValidAndReadsIntoTheCurrentRecord() {
        CloudEvent v1 = statusChanged("urn:fupin:events:household.status-changed:v1", "CONFIRM_EXIT");

        assertThat(SCHEMAS.violations(v1)).isEmpty();
        assertThat(CODEC.dataAs(CODEC.parse(CODEC.toJson(v1)), HouseholdStatusChanged.class).caseId()).isNull();
    }

    @Test
    void anEarlierVersionHoldsItsEventsToItsOwnRules() {
        // IDENTIFY came with v2: an event that claims v1 cannot carry it.
        assertThat(SCHEMAS.violations(statusChanged("urn:fupin:events:household.status-changed:v1", "IDENTIFY")))
                .singleElement(STRING).contains("action");
        assertThat(SCHEMAS.violations(statusChanged("urn:fupin:events:household.status-changed:v2", "IDENTIFY"))).isEmpty();
    }

    @Test
    void aDuplicateRetirementNeedsTheSecondVersionOfMemberRemovedAndAV1RemovalReadsWithoutItsDuplicate() {
        ObjectNode data = CODEC.mapper().createObjectNode().put("householdId", "3f6c1a2e-8b4d-4c1e-9a7f-2d5e8b1c4a90")
                .put("memberId", "a1b2c3d4-2222-4a5b-8c6d-0e1f2a3b4c5d").put("reason", "DUPLICATE").put("effectiveDate", "2020-02-17");
        CloudEvent v1 = new CloudEvent("e-2", "/household-service", CloudEvent.SPEC_VERSION, "household.member-removed",
                "3f6c1a2e-8b4d-4c1e-9a7f-2d5e8b1c4a90", TIME, "application/json", "urn:fupin:events:household.member-removed:v1", data);
        CloudEvent v2 = new CloudEvent("e-2", "/household-service", CloudEvent.SPEC_VERSION, "household.member-removed",
                "3f6c1a2e-8b4d-4c1e-9a7f-2d5e8b1c4a90", TIME, "application/json", "urn:fupin:events:household.member-removed:v2", data);

        assertThat(SCHEMAS.violations(v1)).singleElement(STRING).contains("reason");
        assertThat(SCHEMAS.violations(v2)).isEmpty();
        data.put("reason", "MOVED_OUT");
        assertThat(SCHEMAS.violations(v1)).isEmpty();
        assertThat(CODEC.dataAs(CODEC.parse(CODEC.toJson(v1)), org.fupin.events.household.MemberRemoved.class).duplicateOf()).isNull();
    }

    @Test
    void theSchemaOfAnotherTypeIsAViolation() {
        assertThat(SCHEMAS.violations(statusChanged("urn:fupin:events:group.created:v1", "CONFIRM_EXIT")))
                .singleElement(STRING).startsWith("$.dataschema");
    }

    private static CloudEvent statusChanged(String dataschema, String action) {
        ObjectNode data = CODEC.mapper().createObjectNode()
                .put("householdId", "3f6c1a2e-8b4d-4c1e-9a7f-2d5e8b1c4a90").put("villageCode", "500235101201")
                .put("from", "POOR").put("to", "EXITED").put("action", action).put("effectiveDate", "2019-07-10");
        return new CloudEvent("e-1", "/household-service", CloudEvent.SPEC_VERSION, "household.status-changed",
                "3f6c1a2e-8b4d-4c1e-9a7f-2d5e8b1c4a90", TIME, "application/json", dataschema, data);
    }

    @Test
    void unknownDataFieldsAreNoViolationAndAreIgnoredByTheRecord() {
        CloudEvent event = withData(EventType.MEASURE_RECORDED, data -> {
            data.put("fundingSource", "PROVINCIAL");
            data.withObjectProperty("provider").put("programme", "東西部協作");
        });

        assertThat(SCHEMAS.violations(event)).isEmpty();
        MeasureRecorded measure = CODEC.dataAs(CODEC.parse(CODEC.toJson(event)), MeasureRecorded.class);
        assertThat(measure.provider()).isEqualTo(
                new Provider("UNIT", UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7")));
        assertThat(measure.amount()).isEqualByComparingTo("3000.00");
    }

    @Test
    void formatsAreAsserted() {
        CloudEvent event = withData(EventType.MEASURE_RECORDED, data -> {
            data.put("measureId", "not-a-uuid");
            data.put("startedOn", "2019-02-30");
        });

        assertThat(SCHEMAS.violations(event))
                .anySatisfy(violation -> assertThat(violation).startsWith("$.data.measureId"))
                .anySatisfy(violation -> assertThat(violation).startsWith("$.data.startedOn"))
                .hasSize(2);
    }

    @Test
    void moneyHasAtMostTwoDecimalsAndIsNeverNegative() {
        CloudEvent cents = withData(EventType.MEASURE_RECORDED, data -> data.put("amount", new BigDecimal("10.005")));
        CloudEvent negative = withData(EventType.MEASURE_RECORDED, data -> data.put("amount", new BigDecimal("-1")));

        assertThat(SCHEMAS.violations(cents)).singleElement(STRING).startsWith("$.data.amount");
        assertThat(SCHEMAS.violations(negative)).singleElement(STRING).startsWith("$.data.amount");
    }

    @Test
    void aMissingRequiredDataFieldIsAViolationButAMissingNullableOneIsNot() {
        CloudEvent withoutVillage = withData(EventType.PAIRING_ENDED, data -> data.remove("villageCode"));
        CloudEvent withoutReplacement = withData(EventType.PAIRING_ENDED, data -> data.remove("replacementPairingId"));

        assertThat(SCHEMAS.violations(withoutVillage)).singleElement(STRING).contains("villageCode");
        assertThat(SCHEMAS.violations(withoutReplacement)).isEmpty();
    }

    @Test
    void aHelperPairingNamesItsHelperAndHousehold() {
        CloudEvent event = withData(EventType.PAIRING_STARTED, data -> data.putNull("householdId"));

        assertThat(SCHEMAS.violations(event)).anySatisfy(
                violation -> assertThat(violation).startsWith("$.data.householdId"));
    }

    @Test
    void aHouseholdHasExactlyOneHead() {
        CloudEvent twoHeads = withData(EventType.HOUSEHOLD_REGISTERED,
                data -> ((ObjectNode) data.withArrayProperty("members").get(1)).put("relation", "HEAD"));
        CloudEvent noHead = withData(EventType.HOUSEHOLD_REGISTERED,
                data -> ((ObjectNode) data.withArrayProperty("members").get(0)).put("relation", "OTHER"));

        assertThat(SCHEMAS.violations(twoHeads)).isNotEmpty();
        assertThat(SCHEMAS.violations(noHead)).isNotEmpty();
    }

    @Test
    void aProducedEventValidates() {
        HouseholdStatusChanged flagged = new HouseholdStatusChanged(UUID.randomUUID(), "500235101201", "EXITED",
                "MONITORED", "FLAG_RISK", LocalDate.of(2020, 3, 2), null, "SUDDEN_HARDSHIP", null, null);
        CloudEvent event = CODEC.envelope(UUID.randomUUID().toString(), "/household-service",
                flagged.householdId().toString(), TIME, flagged);

        assertThatNoException().isThrownBy(() -> SCHEMAS.requireValid(event));
        assertThat(event.specversion()).isEqualTo("1.0");
        assertThat(event.datacontenttype()).isEqualTo("application/json");
        assertThat(event.data().get("reason").isNull()).as("nullable fields are written as null").isTrue();
        assertThat(CODEC.dataAs(CODEC.parse(CODEC.toJson(event)), HouseholdStatusChanged.class)).isEqualTo(flagged);
    }

    @Test
    void theEnvelopeTravelsAsCloudEventsStructuredJson() throws Exception {
        HouseholdStatusChanged exit = CODEC.mapper().treeToValue(
                SCHEMAS.example(EventType.HOUSEHOLD_STATUS_CHANGED), HouseholdStatusChanged.class);
        CloudEvent event = CODEC.envelope("e-1", "/household-service", exit.householdId().toString(),
                Instant.parse("2019-06-25T01:12:45.120Z"), exit);

        JsonNode json = CODEC.mapper().readTree(CODEC.toJson(event));

        assertThat(json.get("time").asText()).isEqualTo("2019-06-25T01:12:45.120Z");
        assertThat(json.get("dataschema").asText()).isEqualTo("urn:fupin:events:household.status-changed:v2");
        assertThat(json.get("data").get("effectiveDate").asText()).isEqualTo("2019-07-10");
    }

    @Test
    void theEnvelopeSchemaExampleIsAValidEvent() throws Exception {
        JsonNode example = SCHEMAS.envelopeSchema().path("examples").path(0);

        CloudEvent event = CODEC.parse(CODEC.mapper().writeValueAsString(example));

        assertThat(SCHEMAS.violations(event)).isEmpty();
        assertThat(JsonTrees.sameJson(CODEC.mapper().readTree(CODEC.toJson(event)), example)).isTrue();
    }

    @Test
    void moneyIsWrittenAsAPlainNumber() {
        MeasureRecorded measure = new MeasureRecorded(UUID.randomUUID(), "INDUSTRY", null, "500235101201",
                new Provider("GROUP", UUID.randomUUID()), new BigDecimal("1E+5"), LocalDate.of(2019, 4, 1), "PLANNED");

        String json = CODEC.toJson(CODEC.envelope("e-1", "/assistance-service", "m", TIME, measure));

        assertThat(json).contains("\"amount\":100000").doesNotContain("1E+5");
    }

    @Test
    void parseRejectsWhatIsNotAnEventObject() {
        assertThatThrownBy(() -> CODEC.parse("not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> CODEC.parse("[]")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> CODEC.parse("\"household.registered\"")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> CODEC.parse("{\"id\":\"1\",\"source\":\"/s\",\"specversion\":\"1.0\"}"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("type");
        assertThatThrownBy(() -> CODEC.parse(
                "{\"id\":\"1\",\"source\":\"/s\",\"specversion\":\"1.0\",\"type\":\"t.t\",\"time\":\"yesterday\"}"))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void dataAsRefusesDataThatDoesNotFit() {
        CloudEvent registered = exampleEvent(EventType.HOUSEHOLD_REGISTERED);
        CloudEvent wrongShape = withData(EventType.HOUSEHOLD_REGISTERED, data -> data.put("identifiedYear", "soon"));
        CloudEvent nullBoolean = withData(EventType.REGION_UPSERTED, data -> data.putNull("poorVillage"));

        assertThatThrownBy(() -> CODEC.dataAs(registered, HouseholdStatusChanged.class))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> CODEC.dataAs(wrongShape, HouseholdRegistered.class))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> CODEC.dataAs(nullBoolean, EventType.REGION_UPSERTED.dataClass()))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void recordsCopyTheirLists() {
        List<String> causes = new ArrayList<>(List.of("ILLNESS"));
        HouseholdRegistered registered = new HouseholdRegistered(UUID.randomUUID(), "1", "500235101201", "GENERAL",
                causes, "ILLNESS", 2014, BigDecimal.ZERO, "POOR", null, LocalDate.of(2014, 10, 15), List.of());

        causes.add("DISASTER");

        assertThat(registered.causes()).containsExactly("ILLNESS");
        assertThatThrownBy(() -> registered.causes().add("DISASTER")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static CloudEvent exampleEvent(EventType type) {
        return withData(type, data -> {
        });
    }

    private static CloudEvent withData(EventType type, Consumer<ObjectNode> change) {
        ObjectNode data = (ObjectNode) SCHEMAS.example(type);
        change.accept(data);
        return new CloudEvent("e-1", "/test", CloudEvent.SPEC_VERSION, type.type(), "subject-1", TIME,
                CloudEvent.DATA_CONTENT_TYPE, type.schemaUri(), data);
    }
}
