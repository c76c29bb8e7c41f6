package org.fupin.assistance.alert;

import org.fupin.testing.CountyCalendar;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fupin.assistance.Fixtures;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Alerts computed by SQL over the replica, pairings, visits and work teams, within the caller's region. */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class AlertApiTest {

    private final String admin = Fixtures.ADMIN;

    @Test
    void findsHouseholdsWithoutAHelperExceptThoseNoLongerNeedingOne() {
        Fixtures.Township township = Fixtures.township(2);
        List<UUID> households = Fixtures.households(township.village(), 4);
        UUID elsewhere = Fixtures.household(township.villages().get(1));
        Fixtures.pair(Fixtures.helper(5), households.get(0));
        Fixtures.changeStatus(households.get(1), township.village(), "POOR", "EXITED", "CONFIRM_EXIT");
        Fixtures.changeStatus(households.get(2), township.village(), "MONITORED", "NOT_POOR", "CLEAR_RISK");
        Fixtures.changeStatus(households.get(3), township.village(), "POOR", "REMOVED", "REMOVE");

        given().auth().oauth2(admin).get("/api/v1/alerts?type=UNPAIRED_HOUSEHOLD&region=" + township.code())
                .then().statusCode(200)
                .body("items.householdId", contains(households.get(1).toString(), elsewhere.toString()))
                .body("items[0].type", equalTo("UNPAIRED_HOUSEHOLD"))
                .body("items[0].householdStatus", equalTo("EXITED"))
                .body("items[0].villageCode", equalTo(township.village()));
        String cursor = given().auth().oauth2(admin).get("/api/v1/alerts?type=UNPAIRED_HOUSEHOLD&limit=1&region=" + township.code())
                .then().body("items.householdId", contains(households.get(1).toString())).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().auth().oauth2(admin)
                .get("/api/v1/alerts?type=UNPAIRED_HOUSEHOLD&limit=1&region=" + township.code() + "&cursor=" + cursor)
                .then().body("items.householdId", contains(elsewhere.toString())).body("nextCursor", equalTo(null));
        given().auth().oauth2(TestTokens.token("village-cadre", township.villages().get(1)))
                .get("/api/v1/alerts?type=UNPAIRED_HOUSEHOLD&region=" + township.code())
                .then().body("items.householdId", contains(elsewhere.toString()));

        String csv = given().auth().oauth2(admin).accept("text/csv")
                .get("/api/v1/alerts?type=UNPAIRED_HOUSEHOLD&region=" + township.code())
                .then().statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")).containsExactly(
                "type,villageCode,householdId,householdStatus,helperId,pairingId,pairedSince,lastVisitAt,visitId,poorVillage",
                "UNPAIRED_HOUSEHOLD," + township.village() + "," + households.get(1) + ",EXITED,,,,,,",
                "UNPAIRED_HOUSEHOLD," + township.villages().get(1) + "," + elsewhere + ",POOR,,,,,,");
    }

    @Test
    void findsPairedHouseholdsNotVisitedWithinThirtyDays() {
        Fixtures.Township township = Fixtures.township(1);
        List<UUID> h = Fixtures.households(township.village(), 5);
        String helper = Fixtures.helper(5);
        LocalDate longAgo = CountyCalendar.today().minusDays(60);
        String neverVisited = Fixtures.pair(helper, h.get(0), longAgo);
        Fixtures.pair(helper, h.get(1), longAgo);
        Fixtures.pair(helper, h.get(2), longAgo);
        Fixtures.pair(helper, h.get(3), CountyCalendar.today().minusDays(10));
        String previous = Fixtures.helper(5);
        String handedOver = Fixtures.pair(previous, h.get(4), longAgo);
        visit(previous, h.get(4), 40, false);
        visit(helper, h.get(1), 5, false);
        visit(helper, h.get(2), 40, false);

        given().auth().oauth2(admin).get("/api/v1/alerts?type=OVERDUE_VISIT&region=" + township.code())
                .then().statusCode(200)
                .body("items.householdId", containsInAnyOrder(h.get(0).toString(), h.get(2).toString(), h.get(4).toString()))
                .body("items.find { it.householdId == '" + h.get(0) + "' }.pairingId", equalTo(neverVisited))
                .body("items.find { it.householdId == '" + h.get(0) + "' }.lastVisitAt", equalTo(null))
                .body("items.find { it.householdId == '" + h.get(2) + "' }.lastVisitAt", notNullValue())
                .body("items.find { it.householdId == '" + h.get(4) + "' }.helperId", equalTo(previous));

        String successor = Fixtures.helper(5);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .header("If-Match", Fixtures.etag("/api/v1/pairings/" + handedOver))
                .body(Map.of("replacementHelperId", successor)).post("/api/v1/pairings/" + handedOver + "/end")
                .then().statusCode(200);
        given().auth().oauth2(admin).get("/api/v1/alerts?type=OVERDUE_VISIT&region=" + township.code())
                .then().body("items.householdId", containsInAnyOrder(h.get(0).toString(), h.get(2).toString()));
    }

    @Test
    void findsVillagesThatNeedAWorkTeamAndHaveNone() {
        Fixtures.Township township = Fixtures.township(3);
        String poorVillage = township.villages().get(0);
        String withPoorHousehold = township.villages().get(1);
        String withoutPoverty = township.villages().get(2);
        Fixtures.household(withPoorHousehold);
        UUID notPoor = Fixtures.household(withoutPoverty);
        Fixtures.changeStatus(notPoor, withoutPoverty, "MONITORED", "NOT_POOR", "CLEAR_RISK");

        given().auth().oauth2(admin).get("/api/v1/alerts?type=VILLAGE_WITHOUT_WORK_TEAM&region=" + township.code())
                .then().statusCode(200)
                .body("items.villageCode", contains(poorVillage, withPoorHousehold))
                .body("items.poorVillage", contains(true, false))
                .body("items[0].householdId", equalTo(null));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("villageCode", withPoorHousehold, "leaderId", Fixtures.helper(5)))
                .post("/api/v1/work-teams").then().statusCode(201);
        given().auth().oauth2(admin).get("/api/v1/alerts?type=VILLAGE_WITHOUT_WORK_TEAM&region=" + township.code())
                .then().body("items.villageCode", contains(poorVillage));
    }

    @Test
    void surfacesTheRiskSeenOnAHouseholdsLatestVisit() {
        Fixtures.Township township = Fixtures.township(1);
        List<UUID> h = Fixtures.households(township.village(), 3);
        String helper = Fixtures.helper(5);
        h.forEach(household -> Fixtures.pair(helper, household, CountyCalendar.today().minusDays(60)));
        String risky = visit(helper, h.get(0), 3, true);
        visit(helper, h.get(1), 20, true);
        visit(helper, h.get(1), 2, false);
        visit(helper, h.get(2), 2, false);

        given().auth().oauth2(TestTokens.token("township-officer", township.code())).get("/api/v1/alerts?type=RISK_OBSERVED")
                .then().statusCode(200)
                .body("items.householdId", contains(h.get(0).toString()))
                .body("items[0].visitId", equalTo(risky))
                .body("items[0].helperId", equalTo(helper))
                .body("items[0].lastVisitAt", notNullValue());
        given().auth().oauth2(TestTokens.token("township-officer", Fixtures.township(1).code()))
                .get("/api/v1/alerts?type=RISK_OBSERVED")
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void answersOnlyForAKnownTypeAndRole() {
        given().auth().oauth2(admin).get("/api/v1/alerts").then().statusCode(400).body("code", equalTo("invalid-parameter"));
        given().auth().oauth2(admin).get("/api/v1/alerts?type=FLOOD").then().statusCode(400)
                .body("errors.field", contains("type"));
        given().auth().oauth2(admin).get("/api/v1/alerts?type=RISK_OBSERVED&cursor=bogus").then().statusCode(400);
        given().auth().oauth2(TestTokens.token("analyst")).get("/api/v1/alerts?type=RISK_OBSERVED").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("integrator")).get("/api/v1/alerts?type=RISK_OBSERVED").then().statusCode(200);
    }

    private String visit(String helper, UUID household, int daysAgo, boolean risk) {
        Map<String, Object> visit = new HashMap<>();
        visit.put("id", UUID.randomUUID().toString());
        visit.put("helperId", helper);
        visit.put("householdId", household.toString());
        visit.put("visitedAt", Instant.now().minus(daysAgo, ChronoUnit.DAYS).toString());
        visit.put("riskObserved", risk);
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(visit).post("/api/v1/visits")
                .then().statusCode(201).extract().path("id");
    }
}
