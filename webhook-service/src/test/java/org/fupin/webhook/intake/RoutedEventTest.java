package org.fupin.webhook.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class RoutedEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEventNamingItsVillageIsOfThatVillageAndKeyedByItsHousehold() {
        RoutedEvent event = read("k1", event("e1", "household.registered", "{\"householdId\":\"h1\",\"villageCode\":\"500235101201\"}"));
        assertThat(event.regions().codes()).containsExactly("500235101201");
        assertThat(event.orderKey()).isEqualTo("h1");
        assertThat(event.household()).isEqualTo("h1");
        assertThat(event.village()).isEqualTo("500235101201");
    }

    @Test
    void aHouseholdEventWithoutItsVillageWaitsForTheVillageToBeLookedUp() {
        RoutedEvent event = read("h1", event("e2", "household.assessed", "{\"householdId\":\"h1\",\"assessmentId\":\"a1\"}"));
        assertThat(event.regions().known()).isFalse();
        assertThat(event.household()).isEqualTo("h1");
    }

    @Test
    void aRegionIsOfItselfAWarZoneOfItsTownshipsAndAUnitOfTheWholeCounty() {
        assertThat(read("500235", event("e3", "region.upserted", "{\"code\":\"500235101\",\"level\":\"TOWNSHIP\"}")).regions().codes())
                .containsExactly("500235101");
        assertThat(read("w1", event("e4", "war-zone.defined", "{\"warZoneId\":\"w1\",\"townshipCodes\":[\"500235101\",\"500235102\"]}"))
                .regions().codes()).containsExactly("500235101", "500235102");
        RoutedEvent unit = read("u1", event("e5", "unit.registered", "{\"unitId\":\"u1\",\"name\":\"Bureau\"}"));
        assertThat(unit.regions().countyWide()).isTrue();
        assertThat(unit.orderKey()).isEqualTo("u1");
    }

    @Test
    void aRecordThatIsNoCloudEventIsNotRouted() {
        assertThat(RoutedEvent.read("k", "not json", JSON)).isEmpty();
        assertThat(RoutedEvent.read("k", "{\"id\":\"x\",\"type\":\"t\"}", JSON)).isEmpty();
        assertThat(RoutedEvent.read("k", "{\"id\":\"x\",\"type\":\"t\",\"time\":\"yesterday\"}", JSON)).isEmpty();
        assertThat(RoutedEvent.read("k", null, JSON)).isEmpty();
    }

    private static RoutedEvent read(String key, String value) {
        return RoutedEvent.read(key, value, JSON).orElseThrow();
    }

    static String event(String id, String type, String data) {
        return "{\"id\":\"" + id + "\",\"source\":\"/test\",\"specversion\":\"1.0\",\"type\":\"" + type
                + "\",\"time\":\"2026-12-01T08:00:00Z\",\"data\":" + data + "}";
    }

    @Test
    void eventRegionsKnowWhatTheyDoNotKnow() {
        assertThat(EventRegions.UNKNOWN.known()).isFalse();
        assertThat(EventRegions.COUNTY_WIDE.countyWide()).isTrue();
        assertThat(new EventRegions(List.of("500235")).countyWide()).isFalse();
    }
}
