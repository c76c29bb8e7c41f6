package org.fupin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.fupin.events.assistance.Provider;
import org.fupin.events.household.MemberFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {

    @Test
    void coversExactlyTheTypesOfTheContract() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::type)).containsExactlyInAnyOrder(
                "region.upserted",
                "household.registered",
                "household.updated",
                "household.member-added",
                "household.member-updated",
                "household.member-removed",
                "household.assessed",
                "household.status-changed",
                "unit.registered",
                "group.created",
                "helper.registered",
                "helper.updated",
                "work-team.assigned",
                "war-zone.defined",
                "pairing.started",
                "pairing.ended",
                "measure.recorded",
                "measure.updated",
                "measure.confirmed",
                "visit.recorded");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void isFoundByItsTypeAndByItsDataClass(EventType type) {
        assertThat(EventType.ofType(type.type())).contains(type);
        assertThat(EventType.of(type.dataClass())).isSameAs(type);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void namesItsSchemaAfterTypeAndVersion(EventType type) {
        assertThat(type.version()).isEqualTo(1);
        assertThat(type.schemaUri()).isEqualTo("urn:fupin:events:" + type.type() + ":v1");
        assertThat(type.schemaResource()).isEqualTo("/org/fupin/events/schemas/" + type.type() + ".v1.json");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goesToTheTopicOfItsPublisher(EventType type) {
        boolean householdService = type.type().startsWith("region.") || type.type().startsWith("household.");
        assertThat(type.topic()).isEqualTo(householdService ? Topics.HOUSEHOLD_EVENTS : Topics.ASSISTANCE_EVENTS);
    }

    @Test
    void knowsNoOtherType() {
        assertThat(EventType.ofType("household.exploded")).isEmpty();
        assertThat(EventType.ofType(null)).isEmpty();
        assertThatThrownBy(() -> EventType.of(MemberFacts.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventType.of(Provider.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
