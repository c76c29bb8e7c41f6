package org.fupin.assistance.visit;

import org.fupin.testing.CountyCalendar;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fupin.assistance.Fixtures;
import org.fupin.events.CloudEvent;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Single visits: idempotent on the client's id, by the household's helper of the day, in the caller's region. */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class VisitApiTest {


    private final String admin = Fixtures.ADMIN;

    @Test
    void recordsAVisitOnceAndAnswersARepeatWithTheStoredVisit() {
        String village = Fixtures.village();
        UUID household = Fixtures.household(village);
        String helper = Fixtures.helper(5);
        Fixtures.pair(helper, household);
        Map<String, Object> visit = visit(helper, household, Instant.now().minus(1, ChronoUnit.DAYS), "家中有病人，需要醫保報銷幫助");
        String cadre = TestTokens.token("village-cadre", village);

        given().auth().oauth2(cadre).contentType(ContentType.JSON).body(visit).post("/api/v1/visits")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/visits/" + visit.get("id")))
                .body("villageCode", equalTo(village)).body("riskObserved", equalTo(true))
                .body("recordedBy", containsString("test-village-cadre"));
        given().auth().oauth2(cadre).contentType(ContentType.JSON).body(visit).post("/api/v1/visits")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("id", equalTo(visit.get("id")));
        Map<String, Object> other = new HashMap<>(visit);
        other.put("notes", "另一次走訪");
        given().auth().oauth2(cadre).contentType(ContentType.JSON).body(other).post("/api/v1/visits")
                .then().statusCode(409).body("code", equalTo("visit-id-conflict"));

        List<CloudEvent> events = Fixtures.events((String) visit.get("id"), 1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).type()).isEqualTo("visit.recorded");
        assertThat(events.get(0).data().get("riskObserved").asBoolean()).isTrue();
        assertThat(events.get(0).toString()).doesNotContain("醫保");
        given().auth().oauth2(admin).get("/api/v1/visits?householdId=" + household).then().body("items.id", contains(visit.get("id")));
    }

    @Test
    void onlyTheHouseholdsHelperOfTheDayVisits() {
        String village = Fixtures.village();
        UUID household = Fixtures.household(village);
        String helper = Fixtures.helper(5);
        Fixtures.pair(helper, household, CountyCalendar.today().minusDays(10));

        post(visit(Fixtures.helper(5), household, Instant.now(), null)).then().statusCode(422)
                .body("code", equalTo("not-paired")).body("errors.field", contains("helperId"));
        post(visit(helper, household, Instant.now().minus(30, ChronoUnit.DAYS), null)).then().statusCode(422)
                .body("code", equalTo("not-paired"));
        post(visit(helper, UUID.randomUUID(), Instant.now(), null)).then().statusCode(422)
                .body("code", equalTo("unknown-household")).body("detail", containsString("may not have arrived yet"));
        post(visit(UUID.randomUUID().toString(), household, Instant.now(), null)).then().statusCode(422)
                .body("code", equalTo("unknown-helper"));
        post(visit(helper, household, Instant.now().plus(1, ChronoUnit.HOURS), null)).then().statusCode(400)
                .body("errors.field", contains("visitedAt")).body("errors.code", contains("date-in-future"));
        Map<String, Object> noId = visit(helper, household, Instant.now(), null);
        noId.remove("id");
        post(noId).then().statusCode(400).body("errors.field", contains("id")).body("errors.code", contains("required"));
        Map<String, Object> badTime = visit(helper, household, Instant.now(), null);
        badTime.put("visitedAt", "yesterday");
        post(badTime).then().statusCode(400).body("code", equalTo("invalid-value"));
        given().auth().oauth2(admin).get("/api/v1/visits?householdId=" + household).then().body("items", empty());
    }

    @Test
    void listsVisitsByHelperHouseholdAndDaysWithinTheCallersRegion() {
        Fixtures.Township township = Fixtures.township(2);
        UUID household = Fixtures.household(township.village());
        UUID neighbour = Fixtures.household(township.villages().get(1));
        String helper = Fixtures.helper(5);
        Fixtures.pair(helper, household, CountyCalendar.today().minusDays(60));
        Fixtures.pair(helper, neighbour, CountyCalendar.today().minusDays(60));
        LocalDate today = CountyCalendar.today();
        String old = id(post(visit(helper, household, today.minusDays(40).atTime(10, 0).atZone(CountyCalendar.ZONE).toInstant(), null)));
        String recent = id(post(visit(helper, household, today.minusDays(2).atTime(10, 0).atZone(CountyCalendar.ZONE).toInstant(), null)));
        String theirs = id(post(visit(helper, neighbour, today.minusDays(2).atTime(9, 0).atZone(CountyCalendar.ZONE).toInstant(), null)));

        given().auth().oauth2(admin).get("/api/v1/visits?helperId=" + helper).then().body("items.id", contains(old, recent, theirs));
        given().auth().oauth2(admin).get("/api/v1/visits?helperId=" + helper + "&from=" + today.minusDays(2) + "&to=" + today)
                .then().body("items.id", contains(recent, theirs));
        given().auth().oauth2(admin).get("/api/v1/visits?helperId=" + helper + "&to=" + today.minusDays(40))
                .then().body("items.id", contains(old));
        given().auth().oauth2(admin).get("/api/v1/visits?from=tomorrow").then().statusCode(400).body("code", equalTo("invalid-parameter"));

        String cadre = TestTokens.token("village-cadre", township.village());
        given().auth().oauth2(cadre).get("/api/v1/visits?helperId=" + helper).then().body("items.id", contains(old, recent));
        given().auth().oauth2(cadre).get("/api/v1/visits/" + theirs).then().statusCode(404);
        given().auth().oauth2(cadre).get("/api/v1/visits/" + recent).then().statusCode(200).header("ETag", "\"0\"");
        given().auth().oauth2(cadre).contentType(ContentType.JSON)
                .body(visit(helper, neighbour, Instant.now(), null)).post("/api/v1/visits")
                .then().statusCode(422).body("code", equalTo("unknown-household"));

        String csv = given().auth().oauth2(cadre).accept("text/csv").get("/api/v1/visits?helperId=" + helper)
                .then().statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).startsWith("id,helperId,householdId,villageCode,visitedAt,riskObserved,notes,recordedAt").contains(recent);
    }

    @Test
    void keepsRolesToTheirWork() {
        Map<String, Object> visit = visit(UUID.randomUUID().toString(), UUID.randomUUID(), Instant.now(), null);
        for (String role : List.of("integrator", "auditor", "analyst")) {
            given().auth().oauth2(TestTokens.token(role)).contentType(ContentType.JSON).body(visit).post("/api/v1/visits")
                    .then().statusCode(403);
            given().auth().oauth2(TestTokens.token(role)).contentType(ContentType.JSON).body(Map.of("visits", List.of(visit)))
                    .post("/api/v1/visits/batch").then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.token("analyst")).get("/api/v1/visits").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("integrator")).get("/api/v1/visits").then().statusCode(200);
    }

    private Response post(Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/visits");
    }

    private static String id(Response response) {
        return response.then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> visit(String helper, UUID household, Instant at, String notes) {
        Map<String, Object> visit = new HashMap<>();
        visit.put("id", UUID.randomUUID().toString());
        visit.put("helperId", helper);
        visit.put("householdId", household.toString());
        visit.put("visitedAt", at.toString());
        visit.put("notes", notes);
        visit.put("riskObserved", notes != null);
        return visit;
    }
}
