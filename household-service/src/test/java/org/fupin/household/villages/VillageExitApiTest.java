package org.fupin.household.villages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.events.CloudEvent;
import org.fupin.events.EventCodec;
import org.fupin.events.EventSchemas;
import org.fupin.household.Fixtures;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.fupin.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Poor-village exit (貧困村出列): proposed by the township, decided by the county, refused where the rules say. */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class VillageExitApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void theTownshipProposesAndTheCountyApprovesOnTheAnnouncementsDate() {
        String village = Fixtures.freshVillage();
        String township = village.substring(0, 9);
        String officer = token("township-" + township, "township-officer", township);

        Response proposed = propose(officer, village, TODAY.minusDays(10));
        proposed.then().statusCode(201).body("status", equalTo("PROPOSED")).body("poorPeople", equalTo(0))
                .body("ruralPopulation", equalTo(1000)).body("incidence", equalTo(0.0f)).body("threshold", equalTo(0.03f))
                .body("proposer", equalTo("township-" + township));
        String id = proposed.path("id");

        decide(county("county-" + township), id, Map.of("decision", "APPROVE", "decidedOn", TODAY.minusDays(3).toString()))
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("decidedOn", equalTo(TODAY.minusDays(3).toString()))
                .body("decidedBy", equalTo("county-" + township + " (Test county-admin)"));

        List<CloudEvent> events = eventsOf(id, 2);
        assertThat(events).extracting(CloudEvent::type).containsExactly("village-exit.proposed", "village-exit.decided");
        EventSchemas schemas = new EventSchemas(new EventCodec());
        events.forEach(event -> assertThat(schemas.violations(event)).as(event.type()).isEmpty());
        assertThat(events.get(1).data().get("outcome").asText()).isEqualTo("APPROVED");
        assertThat(events.get(1).data().get("decidedOn").asText()).isEqualTo(TODAY.minusDays(3).toString());

        // Exited once: a second proposal is refused, and the list shows the decision.
        propose(officer, village, TODAY).then().statusCode(409).body("code", equalTo("village-already-exited"));
        given().auth().oauth2(TestTokens.token("analyst")).queryParam("region", township).get("/api/v1/village-exits").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.contains(id));
    }

    @Test
    void onlyAPoorVillageUnderTheThresholdMayBeProposed() {
        String notPoor = village(false, 1000);
        String township = notPoor.substring(0, 9);
        String officer = token("township-" + township, "township-officer", township);
        propose(officer, notPoor, TODAY).then().statusCode(422).body("code", equalTo("not-a-poor-village"));

        // Two poor people among a rural population of 10: 20%, far above 3%.
        String crowded = village(true, 10);
        String crowdedOfficer = token("township-" + crowded.substring(0, 9), "township-officer", crowded.substring(0, 9));
        given().auth().oauth2(TestTokens.token("county-admin")).contentType(ContentType.JSON).body(Fixtures.household(crowded))
                .post("/api/v1/households").then().statusCode(201);
        propose(crowdedOfficer, crowded, TODAY).then().statusCode(422).body("code", equalTo("incidence-above-threshold"))
                .body("errors[0].field", equalTo("incidence"));
        given().auth().oauth2(TestTokens.token("county-admin")).queryParam("region", crowded).get("/api/v1/village-exits").then()
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void oneProposalAtATimeAndTheProposerNeverDecides() {
        String village = Fixtures.freshVillage();
        String township = village.substring(0, 9);
        String officer = token("township-" + township, "township-officer", township);
        String id = propose(officer, village, TODAY.minusDays(5)).then().statusCode(201).extract().path("id");

        propose(officer, village, TODAY).then().statusCode(409).body("code", equalTo("village-exit-open"));
        // The same person holding a county token too: four eyes compare the subject.
        decide(token("township-" + township, "county-admin", Fixtures.COUNTY), id,
                Map.of("decision", "APPROVE", "decidedOn", TODAY.toString())).then().statusCode(403).body("code", equalTo("same-person"));
        String admin = county("county-" + township);
        decide(admin, id, Map.of("decision", "REJECT", "decidedOn", TODAY.toString())).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        decide(admin, id, Map.of("decision", "APPROVE", "decidedOn", TODAY.minusDays(6).toString())).then().statusCode(422)
                .body("code", equalTo("date-before-previous-step"));
        decide(admin, id, Map.of("decision", "REJECT", "decidedOn", TODAY.toString(), "reason", "收入数据待核实")).then()
                .statusCode(200).body("status", equalTo("REJECTED"));
        decide(admin, id, Map.of("decision", "APPROVE", "decidedOn", TODAY.toString())).then().statusCode(409)
                .body("code", equalTo("village-exit-decided"));
        // Rejected, the village may be proposed again.
        propose(officer, village, TODAY).then().statusCode(201);
    }

    @Test
    void aTownshipProposesOnlyItsOwnVillagesAndOtherCountiesSeeNothing() {
        String village = Fixtures.freshVillage();
        String other = Fixtures.freshVillage().substring(0, 9);
        propose(token("township-" + other, "township-officer", other), village, TODAY).then().statusCode(422)
                .body("code", equalTo("unknown-village"));
        String id = propose(token("township-x", "township-officer", village.substring(0, 9)), village, TODAY).then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(TestTokens.token("county-admin", "500236")).get("/api/v1/village-exits/" + id).then().statusCode(404);
        decide(TestTokens.token("county-admin", "500236"), id, Map.of("decision", "APPROVE", "decidedOn", TODAY.toString()))
                .then().statusCode(404);
    }

    private static String village(boolean poor, int ruralPopulation) {
        String village = Fixtures.freshVillage();
        Map<String, Object> body = new HashMap<>();
        body.put("name", "測試村");
        body.put("level", "VILLAGE");
        body.put("parentCode", village.substring(0, 9));
        body.put("ruralPopulation", ruralPopulation);
        body.put("poorVillage", poor);
        body.put("deepPoverty", false);
        String admin = TestTokens.token("county-admin");
        String etag = given().auth().oauth2(admin).get("/api/v1/regions/" + village).header("ETag");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .put("/api/v1/regions/" + village).then().statusCode(200);
        return village;
    }

    private static Response propose(String token, String village, LocalDate on) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("villageCode", village, "proposedOn", on.toString(), "reason", "贫困发生率降至3%以下"))
                .post("/api/v1/village-exits");
    }

    private static Response decide(String token, String id, Map<String, Object> body) {
        String etag = given().auth().oauth2(TestTokens.token("county-admin")).get("/api/v1/village-exits/" + id).header("ETag");
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag == null ? "\"0\"" : etag).body(body)
                .post("/api/v1/village-exits/" + id + "/decision");
    }

    private static String county(String subject) {
        return token(subject, "county-admin", Fixtures.COUNTY);
    }

    private static String token(String subject, String role, String region) {
        return TestTokens.sign(TestTokens.claims(subject, role, region));
    }

    private static List<CloudEvent> eventsOf(String id, int expected) {
        EventCodec codec = new EventCodec();
        return new TopicProbe(InJvmKafka.bootstrapServers()).readUntil("household.events", Duration.ofSeconds(30),
                        read -> read.stream().filter(r -> id.equals(r.key())).count() >= expected)
                .stream().filter(r -> id.equals(r.key())).map(r -> codec.parse(r.value())).toList();
    }
}
