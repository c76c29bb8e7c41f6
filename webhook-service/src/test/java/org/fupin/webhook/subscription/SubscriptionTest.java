package org.fupin.webhook.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.fupin.security.RegionScope;
import org.fupin.webhook.intake.EventRegions;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private static final Instant CREATED = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void aTownshipsSubscriptionGetsItsVillagesEventsOnly() {
        Subscription township = subscription("500235101", Subscription.Status.ACTIVE);
        assertThat(township.wants("household.registered", CREATED, EventRegions.of("500235101201"))).isTrue();
        assertThat(township.wants("household.registered", CREATED, EventRegions.of("500235102201"))).isFalse();
        assertThat(township.wants("household.updated", CREATED, EventRegions.of("500235101201"))).isFalse();
        assertThat(township.wants("household.registered", CREATED.minusSeconds(1), EventRegions.of("500235101201"))).isFalse();
        assertThat(township.wants("household.registered", CREATED, new EventRegions(List.of("500235102", "500235101")))).isTrue();
    }

    @Test
    void countyWideRecordsReachCountySubscriptionsAndUnknownRegionsOnlyThoseOfEveryRegion() {
        assertThat(subscription("500235", Subscription.Status.ACTIVE).wants("household.registered", CREATED, EventRegions.COUNTY_WIDE)).isTrue();
        assertThat(subscription("500235101", Subscription.Status.ACTIVE).wants("household.registered", CREATED, EventRegions.COUNTY_WIDE))
                .isFalse();
        assertThat(subscription("500235", Subscription.Status.ACTIVE).wants("household.registered", CREATED, EventRegions.UNKNOWN)).isFalse();
        assertThat(subscription("", Subscription.Status.ACTIVE).wants("household.registered", CREATED, EventRegions.UNKNOWN)).isTrue();
    }

    @Test
    void aSuspendedSubscriptionStillQueuesADeletedOneDoesNot() {
        assertThat(subscription("500235", Subscription.Status.SUSPENDED).wants("household.registered", CREATED, EventRegions.of("500235101201")))
                .isTrue();
        assertThat(subscription("500235", Subscription.Status.DELETED).wants("household.registered", CREATED, EventRegions.of("500235101201")))
                .isFalse();
    }

    @Test
    void anIntegratorSeesItsOwnACountyAdminAllInTheCounty() {
        Subscription township = subscription("500235101", Subscription.Status.ACTIVE);
        assertThat(township.visibleTo("integrator-a", RegionScope.of("500235"), true)).isTrue();
        assertThat(township.visibleTo("integrator-b", RegionScope.of("500235"), true)).isFalse();
        assertThat(township.visibleTo("admin", RegionScope.of("500235"), false)).isTrue();
        assertThat(township.visibleTo("admin", RegionScope.of("500236"), false)).isFalse();
        assertThat(subscription("500235101", Subscription.Status.DELETED).visibleTo("integrator-a", RegionScope.of("500235"), true))
                .isFalse();
    }

    private static Subscription subscription(String region, Subscription.Status status) {
        return new Subscription(UUID.randomUUID(), "integrator-a", region, URI.create("https://receiver.example/hook"),
                List.of("household.registered"), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", null, status, null, null, CREATED,
                "integrator-a", 0);
    }
}
