package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.e2e.ErrorScenario.View;
import org.fupin.suite.Suite;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Every error code of poor-village exit (貧困村出列) end to end through the gateway, each on a village left in
 * the state it needs: not a poor village, too many poor people, a proposal waiting, an exit approved.
 */
final class VillageExitErrorScenarios {

    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

    private final String admin;
    private final String officer;
    private final String notPoor;
    private final String crowded;
    private final String waiting;
    private final String exited;
    private final String approved;

    /** Defines four villages of the township and takes them to the states the scenarios need. */
    VillageExitErrorScenarios(Suite suite, String county, String township) {
        admin = suite.token("county-admin", county);
        officer = suite.token("township-officer", township);
        notPoor = village(township + "204", false, 800);
        crowded = village(township + "205", true, 10);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Households.household(crowded, 1)).post("/api/v1/households")
                .then().statusCode(201);
        waiting = village(township + "206", true, 800);
        propose(waiting).then().statusCode(201);
        exited = village(township + "207", true, 800);
        approved = propose(exited).then().statusCode(201).extract().path("id");
        decide(approved).then().statusCode(200);
    }

    List<ErrorScenario> all() {
        return List.of(
                ErrorScenario.of("not-a-poor-village", "a township proposes the exit of a village that was never poor")
                        .answers(422, "not-a-poor-village").unchanged(exitsOf(notPoor)).when(() -> propose(notPoor)),
                ErrorScenario.of("incidence-above-threshold", "an exit proposed with one poor person in a rural population of 10")
                        .answers(422, "incidence-above-threshold").field("incidence", "incidence-above-threshold")
                        .unchanged(exitsOf(crowded)).when(() -> propose(crowded)),
                ErrorScenario.of("village-exit-open", "a second proposal while the first waits for the county")
                        .answers(409, "village-exit-open").unchanged(exitsOf(waiting)).when(() -> propose(waiting)),
                ErrorScenario.of("village-already-exited", "a proposal for a village whose exit the county approved")
                        .answers(409, "village-already-exited").unchanged(exitsOf(exited)).when(() -> propose(exited)),
                ErrorScenario.of("village-exit-decided", "a second decision on an approved proposal")
                        .answers(409, "village-exit-decided").unchanged(exitsOf(exited)).when(() -> decide(approved)));
    }

    private String village(String code, boolean poor, int ruralPopulation) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "出列错码村");
        body.put("level", "VILLAGE");
        body.put("parentCode", code.substring(0, 9));
        body.put("ruralPopulation", ruralPopulation);
        body.put("poorVillage", poor);
        body.put("deepPoverty", false);
        Response answer = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).put("/api/v1/regions/" + code);
        assertThat(answer.statusCode()).as("PUT region %s: %s", code, answer.asString()).isEqualTo(201);
        return code;
    }

    private Response propose(String village) {
        return given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("villageCode", village, "proposedOn", today().toString(), "reason", "发生率低于3%")).post("/api/v1/village-exits");
    }

    private Response decide(String id) {
        String etag = given().auth().oauth2(admin).get("/api/v1/village-exits/" + id).then().statusCode(200).extract().header("ETag");
        return given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("decision", "APPROVE", "decidedOn", today().toString())).post("/api/v1/village-exits/" + id + "/decision");
    }

    private View exitsOf(String village) {
        return () -> ErrorScenario.seen(given().auth().oauth2(admin).queryParam("region", village).get("/api/v1/village-exits"));
    }

    private static LocalDate today() {
        return LocalDate.now(COUNTY_ZONE);
    }
}
