package org.fupin.assistance.pairing;

import org.fupin.testing.CountyCalendar;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.fupin.assistance.Fixtures;
import org.fupin.events.CloudEvent;
import org.fupin.events.household.HouseholdStatusChanged;
import org.fupin.events.household.HouseholdUpdated;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What household-service's events do to pairings: a removal ends the helper pairing, a move takes it along. */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class HouseholdRemovalTest {

    @Test
    void aRemovedHouseholdsPairingEndsByItself() {
        String village = Fixtures.village();
        UUID household = Fixtures.household(village);
        String helper = Fixtures.helper(5);
        String pairing = Fixtures.pair(helper, household, CountyCalendar.today().minusDays(20));
        LocalDate removedOn = CountyCalendar.today().minusDays(2);

        Fixtures.send(household.toString(), new HouseholdStatusChanged(household, village, "POOR", "REMOVED", "REMOVE",
                removedOn, "MISIDENTIFIED", null, null, null));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> "HOUSEHOLD_REMOVED".equals(given().auth().oauth2(Fixtures.ADMIN)
                        .get("/api/v1/pairings/" + pairing).then().extract().path("endReason")));
        given().auth().oauth2(Fixtures.ADMIN).get("/api/v1/pairings/" + pairing)
                .then().body("active", equalTo(false)).body("endDate", equalTo(removedOn.toString()));
        given().auth().oauth2(Fixtures.ADMIN).get("/api/v1/helpers/" + helper).then().body("activeHouseholds", equalTo(0));

        List<CloudEvent> events = Fixtures.events(pairing, 2);
        assertThat(events).extracting(CloudEvent::type).containsExactly("pairing.started", "pairing.ended");
        assertThat(events.get(1).data().get("reason").asText()).isEqualTo("HOUSEHOLD_REMOVED");
        assertThat(events.get(1).data().get("replacementPairingId").isNull()).isTrue();
    }

    @Test
    void aPairingFollowsItsHouseholdToAnotherVillage() {
        Fixtures.Township township = Fixtures.township(2);
        UUID household = Fixtures.household(township.village());
        String pairing = Fixtures.pair(Fixtures.helper(5), household);
        String newVillage = township.villages().get(1);

        Fixtures.send(household.toString(), new HouseholdUpdated(household, newVillage, "GENERAL", List.of("ILLNESS"), "ILLNESS",
                2016, new BigDecimal("2800.00"), List.of("villageCode"), CountyCalendar.today()));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> newVillage.equals(given().auth().oauth2(Fixtures.ADMIN)
                        .get("/api/v1/pairings/" + pairing).then().extract().path("villageCode")));
        given().auth().oauth2(TestTokens.token("village-cadre", newVillage)).get("/api/v1/pairings/" + pairing)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.token("village-cadre", township.village())).get("/api/v1/pairings/" + pairing)
                .then().statusCode(404);
    }
}
