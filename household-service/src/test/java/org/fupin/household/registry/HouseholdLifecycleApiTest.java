package org.fupin.household.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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

/** A household's way from registration through assessment, exit with public notice, monitoring and removal. */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class HouseholdLifecycleApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private final String admin = TestTokens.token("county-admin");

    @Test
    void exitNeedsARecentAssessment() {
        String id = register(TODAY.minusDays(60));

        transition(id, proposeExit(TODAY.minusDays(20)))
                .then().statusCode(422)
                .body("code", equalTo("exit-criteria-not-met"))
                .body("errors.code", contains("no-recent-assessment"));
    }

    @Test
    void exitNeedsEveryGuaranteeAndIncomeAboveThePovertyLine() {
        String id = register(TODAY.minusDays(60));
        assess(id, TODAY.minusDays(30), "C", 3000)
                .then().statusCode(201)
                .body("meetsAllGuarantees", equalTo(false))
                .body("failingDimensions", contains("HOUSING", "INCOME"));

        transition(id, proposeExit(TODAY.minusDays(20)))
                .then().statusCode(422)
                .body("errors.field", contains("HOUSING", "INCOME"))
                .body("errors.code", contains("guarantee-not-met", "income-below-poverty-line"));
    }

    @Test
    void transitionNeedsIfMatchWithTheCurrentVersion() {
        String id = assessedFit(TODAY.minusDays(60));

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(proposeExit(TODAY.minusDays(20)))
                .post("/api/v1/households/" + id + "/transitions")
                .then().statusCode(428).body("code", equalTo("precondition-required"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(proposeExit(TODAY.minusDays(20))).header("If-Match", "\"999\"")
                .post("/api/v1/households/" + id + "/transitions")
                .then().statusCode(412).body("code", equalTo("precondition-failed"));
        given().auth().oauth2(admin).get("/api/v1/households/" + id).then().body("status", equalTo("POOR"));
    }

    @Test
    void proposedExitIsPendingForThePublicNotice() {
        String id = assessedFit(TODAY.minusDays(60));

        transition(id, proposeExit(TODAY.minusDays(20)))
                .then().statusCode(200)
                .body("status", equalTo("EXIT_PENDING"))
                .body("noticeEndsOn", equalTo(TODAY.minusDays(13).toString()));
    }

    @Test
    void exitIsConfirmedNoEarlierThanTheEndOfTheNotice() {
        String id = assessedFit(TODAY.minusDays(60));
        transition(id, proposeExit(TODAY.minusDays(20))).then().statusCode(200);

        transition(id, Map.of("action", "CONFIRM_EXIT", "effectiveDate", TODAY.minusDays(15).toString()))
                .then().statusCode(422).body("code", equalTo("notice-period-not-over"));
        transition(id, Map.of("action", "CONFIRM_EXIT", "effectiveDate", TODAY.minusDays(13).toString()))
                .then().statusCode(200).body("status", equalTo("EXITED"));
    }

    @Test
    void exitedHouseholdCannotBeProposedForExitAgain() {
        String id = exited(TODAY.minusDays(60));

        transition(id, proposeExit(TODAY.minusDays(10)))
                .then().statusCode(409).body("code", equalTo("illegal-transition"));
    }

    @Test
    void riskFlagNeedsATypeADateInOrderAndNotInTheFuture() {
        String id = exited(TODAY.minusDays(60));

        transition(id, Map.of("action", "FLAG_RISK", "effectiveDate", TODAY.minusDays(10).toString()))
                .then().statusCode(400).body("errors.field", contains("riskType"));
        transition(id, flagRisk(TODAY.minusDays(14)))
                .then().statusCode(422).body("code", equalTo("effective-date-out-of-order"));
        transition(id, flagRisk(TODAY.plusDays(1)))
                .then().statusCode(400).body("errors.code", contains("effective-date-in-future"));
        given().auth().oauth2(admin).get("/api/v1/households/" + id).then().body("status", equalTo("EXITED"));
    }

    @Test
    void flaggedRiskIsMonitoredUntilClearedAndTheHouseholdIsExitedAgain() {
        String id = exited(TODAY.minusDays(60));

        transition(id, flagRisk(TODAY.minusDays(10)))
                .then().statusCode(200).body("status", equalTo("MONITORED")).body("riskType", equalTo("UNSTABLE_EXIT"));
        transition(id, Map.of("action", "CLEAR_RISK", "effectiveDate", TODAY.minusDays(5).toString()))
                .then().statusCode(200).body("status", equalTo("EXITED"));
    }

    @Test
    void removalNeedsOneOfTheKnownReasons() {
        String id = register(TODAY.minusDays(60));

        transition(id, Map.of("action", "REMOVE", "effectiveDate", TODAY.toString(), "reason", "because"))
                .then().statusCode(400).body("errors.code", contains("invalid-removal-reason"));
        transition(id, Map.of("action", "REMOVE", "effectiveDate", TODAY.toString(), "reason", "MISIDENTIFIED"))
                .then().statusCode(200).body("status", equalTo("REMOVED"));
    }

    @Test
    void historyShowsEveryStepWithItsActorChangesAndReason() {
        String id = throughTheWholeLifecycle();

        given().auth().oauth2(TestTokens.token("auditor"))
                .get("/api/v1/households/" + id + "/history")
                .then().statusCode(200)
                .body("items.action", contains("REGISTER", "ASSESS", "PROPOSE_EXIT", "CONFIRM_EXIT",
                        "FLAG_RISK", "CLEAR_RISK", "REMOVE"))
                .body("items[0].actor", equalTo("test-county-admin (Test county-admin)"))
                .body("items[2].changes.field", hasItems("status", "noticeEndsOn"))
                .body("items[2].changes.find { it.field == 'status' }.from", equalTo("POOR"))
                .body("items[2].changes.find { it.field == 'status' }.to", equalTo("EXIT_PENDING"))
                .body("items[6].reason", equalTo("MISIDENTIFIED"));
    }

    @Test
    void integratorsDoNotReadTheHistory() {
        String id = register(TODAY.minusDays(1));

        given().auth().oauth2(TestTokens.token("integrator"))
                .get("/api/v1/households/" + id + "/history")
                .then().statusCode(403);
    }

    @Test
    void everyStepPublishesItsEventInOrderAndWithinItsSchema() {
        String id = throughTheWholeLifecycle();

        List<CloudEvent> events = eventsOf(id, 8);
        assertThat(events).extracting(CloudEvent::type).containsExactly(
                "household.registered", "household.assessed", "household.updated",
                "household.status-changed", "household.status-changed", "household.status-changed",
                "household.status-changed", "household.status-changed");
        EventSchemas schemas = new EventSchemas(new EventCodec());
        events.forEach(event -> assertThat(schemas.violations(event)).as(event.type()).isEmpty());
        assertThat(events.get(3).data().get("from").asText()).isEqualTo("POOR");
        assertThat(events.get(3).data().get("to").asText()).isEqualTo("EXIT_PENDING");
        assertThat(events.get(3).data().get("noticeEndsOn").asText()).isEqualTo(TODAY.minusDays(13).toString());
    }

    @Test
    void clearingTheRiskOfAMarginalHouseholdMakesItNotPoor() {
        Map<String, Object> household = Fixtures.household(Fixtures.freshVillage());
        household.put("initialStatus", "MONITORED");
        household.put("registeredOn", TODAY.minusDays(3).toString());
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON).body(household)
                .post("/api/v1/households").then().statusCode(201)
                .body("status", equalTo("MONITORED")).body("riskType", equalTo("MARGINAL"))
                .extract().path("id");
        transition(id, Map.of("action", "CLEAR_RISK", "effectiveDate", TODAY.toString()))
                .then().statusCode(200).body("status", equalTo("NOT_POOR"));
    }

    @Test
    void masksIdNumbersInTheHistoryForAnOfficerOutsideFullView() {
        String id = register(TODAY.minusDays(1));
        given().auth().oauth2(TestTokens.token("auditor"))
                .get("/api/v1/households/" + id + "/history")
                .then().statusCode(200)
                .body("items[0].changes.findAll { it.field.endsWith('.idNumber') }.to",
                        hasItem(org.hamcrest.Matchers.matchesPattern("500235\\*{8}\\d{3}[\\dX]")));
    }

    /** Registered, assessed fit to exit, proposed, confirmed, flagged, cleared and removed. */
    private String throughTheWholeLifecycle() {
        String id = exited(TODAY.minusDays(60));
        transition(id, flagRisk(TODAY.minusDays(10))).then().statusCode(200);
        transition(id, Map.of("action", "CLEAR_RISK", "effectiveDate", TODAY.minusDays(5).toString())).then().statusCode(200);
        transition(id, Map.of("action", "REMOVE", "effectiveDate", TODAY.toString(), "reason", "MISIDENTIFIED"))
                .then().statusCode(200);
        return id;
    }

    /** Exited 13 days ago, after the notice of a proposal 20 days ago. */
    private String exited(LocalDate registeredOn) {
        String id = assessedFit(registeredOn);
        transition(id, proposeExit(TODAY.minusDays(20))).then().statusCode(200);
        transition(id, Map.of("action", "CONFIRM_EXIT", "effectiveDate", TODAY.minusDays(13).toString())).then().statusCode(200);
        return id;
    }

    /** Registered and assessed 25 days ago as meeting every guarantee with income above the line. */
    private String assessedFit(LocalDate registeredOn) {
        String id = register(registeredOn);
        assess(id, TODAY.minusDays(25), "A", 5000).then().statusCode(201).body("meetsAllGuarantees", equalTo(true));
        return id;
    }

    private static Map<String, Object> proposeExit(LocalDate on) {
        return Map.of("action", "PROPOSE_EXIT", "effectiveDate", on.toString());
    }

    private static Map<String, Object> flagRisk(LocalDate on) {
        return Map.of("action", "FLAG_RISK", "effectiveDate", on.toString(), "riskType", "UNSTABLE_EXIT");
    }

    private String register(LocalDate registeredOn) {
        Map<String, Object> household = Fixtures.household(Fixtures.freshVillage());
        household.put("registeredOn", registeredOn.toString());
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(household)
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
    }

    private Response assess(String id, LocalDate on, String housing, int income) {
        Map<String, Object> body = new HashMap<>();
        body.put("assessedOn", on.toString());
        body.put("food", true);
        body.put("clothing", true);
        body.put("compulsoryEducation", true);
        body.put("basicMedical", true);
        body.put("housingSafetyGrade", housing);
        body.put("drinkingWater", true);
        body.put("annualIncomePerCapita", income);
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .post("/api/v1/households/" + id + "/assessments");
    }

    private Response transition(String id, Map<String, Object> body) {
        String etag = given().auth().oauth2(admin).get("/api/v1/households/" + id).header("ETag");
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).header("If-Match", etag)
                .post("/api/v1/households/" + id + "/transitions");
    }

    private List<CloudEvent> eventsOf(String id, int expected) {
        EventCodec codec = new EventCodec();
        List<ConsumerRecord<String, String>> records = new TopicProbe(InJvmKafka.bootstrapServers())
                .readUntil("household.events", Duration.ofSeconds(30),
                        read -> read.stream().filter(r -> id.equals(r.key())).count() >= expected);
        return records.stream().filter(r -> id.equals(r.key())).map(r -> codec.parse(r.value())).toList();
    }
}
