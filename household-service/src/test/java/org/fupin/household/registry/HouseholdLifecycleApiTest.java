package org.fupin.household.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
import org.fupin.household.cases.CaseWalk;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.fupin.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A household's way from registration through assessment, an exit decided by a case, and monitoring. */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class HouseholdLifecycleApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private final String admin = TestTokens.token("county-admin");

    @Test
    void anExitProposalNeedsARecentAssessment() {
        CaseWalk walk = CaseWalk.poor();

        walk.propose("EXIT", TODAY.minusDays(20))
                .then().statusCode(422)
                .body("code", equalTo("exit-criteria-not-met"))
                .body("errors.code", contains("no-recent-assessment"));
    }

    @Test
    void anExitProposalNeedsEveryGuaranteeAndIncomeAboveThePovertyLine() {
        CaseWalk walk = CaseWalk.poor();
        walk.assess(TODAY.minusDays(30), "C", 3000);

        walk.propose("EXIT", TODAY.minusDays(20))
                .then().statusCode(422)
                .body("errors.field", contains("HOUSING", "INCOME"))
                .body("errors.code", contains("guarantee-not-met", "income-below-poverty-line"));
    }

    @Test
    void decisionsSentAsTransitionsAreRefusedAndPointToTheirCase() {
        String id = assessedFit(TODAY.minusDays(60));
        String version = given().auth().oauth2(admin).get("/api/v1/households/" + id).header("ETag");

        for (String action : List.of("PROPOSE_EXIT", "CONFIRM_EXIT", "OBJECT", "RETURN_TO_POVERTY", "REMOVE")) {
            transition(id, Map.of("action", action, "effectiveDate", TODAY.toString(), "reason", "MISIDENTIFIED"))
                    .then().statusCode(422).body("code", equalTo("decided-by-case"))
                    .body("detail", org.hamcrest.Matchers.containsString("POST /api/v1/cases"));
        }
        given().auth().oauth2(admin).get("/api/v1/households/" + id).then()
                .body("status", equalTo("POOR")).header("ETag", equalTo(version));
    }

    @Test
    void transitionNeedsIfMatchWithTheCurrentVersion() {
        String id = exited();

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(flagRisk(TODAY.minusDays(5)))
                .post("/api/v1/households/" + id + "/transitions")
                .then().statusCode(428).body("code", equalTo("precondition-required"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(flagRisk(TODAY.minusDays(5))).header("If-Match", "\"999\"")
                .post("/api/v1/households/" + id + "/transitions")
                .then().statusCode(412).body("code", equalTo("precondition-failed"));
        given().auth().oauth2(admin).get("/api/v1/households/" + id).then().body("status", equalTo("EXITED"));
    }

    @Test
    void anExitedHouseholdsRiskCannotBeClearedBeforeItIsFlagged() {
        String id = exited();

        transition(id, Map.of("action", "CLEAR_RISK", "effectiveDate", TODAY.minusDays(5).toString()))
                .then().statusCode(409).body("code", equalTo("illegal-transition"));
    }

    @Test
    void riskFlagNeedsATypeADateInOrderAndNotInTheFuture() {
        String id = exited();

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
        String id = exited();

        transition(id, flagRisk(TODAY.minusDays(10)))
                .then().statusCode(200).body("status", equalTo("MONITORED")).body("riskType", equalTo("UNSTABLE_EXIT"));
        transition(id, Map.of("action", "CLEAR_RISK", "effectiveDate", TODAY.minusDays(5).toString()))
                .then().statusCode(200).body("status", equalTo("EXITED"));
    }

    @Test
    void historyShowsEveryStepWithItsActorChangesAndReason() {
        String id = throughTheWholeLifecycle();

        io.restassured.path.json.JsonPath history = given().auth().oauth2(TestTokens.token("auditor"))
                .get("/api/v1/households/" + id + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.action", String.class)).containsSubsequence("REGISTER", "ASSESS", "CASE_PROPOSAL",
                "CASE_COUNTY_APPROVAL", "CONFIRM_EXIT", "FLAG_RISK", "CLEAR_RISK");
        assertThat(history.getString("items[0].actor")).isEqualTo("test-county-admin (Test county-admin)");
        assertThat(history.getString("items.find { it.action == 'FLAG_RISK' }.changes.find { it.field == 'status' }.from"))
                .isEqualTo("EXITED");
        assertThat(history.getString("items.find { it.action == 'FLAG_RISK' }.changes.find { it.field == 'status' }.to"))
                .isEqualTo("MONITORED");
        assertThat(history.getString("items.find { it.action == 'CLEAR_RISK' }.reason")).isEqualTo("收入恢復穩定");
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

        // The case's own events are keyed by the case; the household's status changes by the household.
        List<CloudEvent> events = eventsOf(id, 6);
        assertThat(events).extracting(CloudEvent::type).containsExactly(
                "household.registered", "household.assessed", "household.updated",
                "household.status-changed", "household.status-changed", "household.status-changed");
        EventSchemas schemas = new EventSchemas(new EventCodec());
        events.forEach(event -> assertThat(schemas.violations(event)).as(event.type()).isEmpty());
        assertThat(events.get(3).data().get("action").asText()).isEqualTo("CONFIRM_EXIT");
        assertThat(events.get(3).data().get("from").asText()).isEqualTo("POOR");
        assertThat(events.get(3).data().get("to").asText()).isEqualTo("EXITED");
        assertThat(events.get(3).data().get("caseId").isTextual()).isTrue();
        assertThat(events.get(4).data().get("action").asText()).isEqualTo("FLAG_RISK");
        assertThat(events.get(4).data().get("riskType").asText()).isEqualTo("UNSTABLE_EXIT");
        assertThat(events.get(5).data().get("to").asText()).isEqualTo("EXITED");
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

    /** Exited through a case, then flagged at risk and cleared. */
    private String throughTheWholeLifecycle() {
        String id = exited();
        transition(id, flagRisk(TODAY.minusDays(10))).then().statusCode(200);
        transition(id, Map.of("action", "CLEAR_RISK", "effectiveDate", TODAY.minusDays(5).toString(), "reason", "收入恢復穩定"))
                .then().statusCode(200);
        return id;
    }

    /** Exited 13 days ago by the county's approval of an EXIT case (its village notice 32 to 25 days ago). */
    private static String exited() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.exitUnderNoticeFrom(TODAY.minusDays(32));
        walk.review(caseId, TODAY.minusDays(20)).then().statusCode(200);
        walk.decide(caseId, TODAY.minusDays(13)).then().statusCode(200);
        return walk.householdId;
    }

    /** Registered and assessed 25 days ago as meeting every guarantee with income above the line. */
    private String assessedFit(LocalDate registeredOn) {
        String id = register(registeredOn);
        assess(id, TODAY.minusDays(25), "A", 5000).then().statusCode(201).body("meetsAllGuarantees", equalTo(true));
        return id;
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
