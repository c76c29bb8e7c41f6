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
                "household.member-restored",
                "household.assessed",
                "household.status-changed",
                "case.opened",
                "case.stage-completed",
                "case.objected",
                "case.objection-resolved",
                "case.decided",
                "village-exit.proposed",
                "village-exit.decided",
                "signal.received",
                "monitoring-alert.opened",
                "monitoring-alert.verified",
                "monitoring-alert.decided",
                "risk-clearance.proposed",
                "risk-clearance.decided",
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
        int version = type == EventType.HOUSEHOLD_STATUS_CHANGED || type == EventType.HOUSEHOLD_MEMBER_REMOVED ? 2 : 1;
        assertThat(type.version()).isEqualTo(version);
        assertThat(type.schemaUri()).isEqualTo("urn:fupin:events:" + type.type() + ":v" + version);
        assertThat(type.schemaResource()).isEqualTo("/org/fupin/events/schemas/" + type.type() + ".v" + version + ".json");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goesToTheTopicOfItsPublisher(EventType type) {
        boolean householdService = type.type().startsWith("region.") || type.type().startsWith("household.")
                || type.type().startsWith("case.") || type.type().startsWith("village-exit.") || type.type().startsWith("signal.")
                || type.type().startsWith("monitoring-alert.") || type.type().startsWith("risk-clearance.");
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
