package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fupin.e2e.ErrorScenario.View;
import org.fupin.suite.Suite;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The monitoring's error codes (防止返貧動態監測), each provoked through the gateway on households taken to the state it needs. */
final class MonitoringErrorScenarios {

    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

    private final String admin;
    private final String integrator;
    private final String cadre;
    private final String officer;
    private final String village;
    private final String alerted;
    private final String alertedHead;
    private final String openAlert;
    private final String dismissedAlert;
    private final String poor;
    private final String unassessed;
    private final String waiting;
    private final String decidedClearance;
    private final String usedSignalId = "E2E-" + UUID.randomUUID();
    private final String ruleCode = "e2e-" + UUID.randomUUID().toString().substring(0, 8);

    /** A village of the township with monitored households: one with an open alert, one dismissed, clearances waiting and decided. */
    MonitoringErrorScenarios(Suite suite, String county, String township) {
        admin = suite.token("county-admin", county);
        integrator = suite.token("integrator", county);
        village = township + "211";
        cadre = suite.token("village-cadre", village);
        officer = suite.token("township-officer", township);
        Map<String, Object> body = new HashMap<>(Map.of("name", "监测错码村", "level", "VILLAGE", "parentCode", township,
                "ruralPopulation", 800, "poorVillage", false, "deepPoverty", false));
        Response region = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).put("/api/v1/regions/" + village);
        assertThat(region.statusCode()).as(region.asString()).isIn(201, 428);

        Response registered = register("MONITORED");
        alerted = registered.path("id");
        alertedHead = registered.path("members[0].idNumber");
        signal(usedSignalId, "HUMAN_RESOURCES", "JOB_LOSS", alertedHead, null).then().statusCode(201);
        openAlert = openAlertOf(alerted);
        String other = register("MONITORED").path("id");
        Response otherHousehold = given().auth().oauth2(admin).get("/api/v1/households/" + other);
        signal("E2E-" + UUID.randomUUID(), "CIVIL_AFFAIRS", "SUBSISTENCE_GRANTED", otherHousehold.path("members[0].idNumber"), null)
                .then().statusCode(201);
        dismissedAlert = openAlertOf(other);
        verify(dismissedAlert).then().statusCode(200);
        poor = register(null).path("id");
        unassessed = register("MONITORED").path("id");
        waiting = register("MONITORED").path("id");
        stable(waiting);
        propose(waiting).then().statusCode(201);
        String cleared = register("MONITORED").path("id");
        stable(cleared);
        decidedClearance = propose(cleared).then().statusCode(201).extract().path("id");
        decideClearance(decidedClearance).then().statusCode(200);
    }

    List<ErrorScenario> all() {
        return List.of(
                ErrorScenario.of("signal-id-reused", "a department sends another signal under an id it used before")
                        .answers(409, "signal-id-reused").unchanged(signalsOf(alerted))
                        .when(() -> signal(usedSignalId, "HUMAN_RESOURCES", "JOB_LOSS", alertedHead, null, LocalDate.now(COUNTY_ZONE).minusDays(1))),
                ErrorScenario.of("signal-subject", "a signal naming both a person and a household")
                        .answers(400, "validation-failed").field("idNumber", "signal-subject").unchanged(signalsOf(alerted))
                        .when(() -> {
                            Map<String, Object> both = body("E2E-" + UUID.randomUUID(), "CIVIL_AFFAIRS", "DEATH", alertedHead, null, today());
                            both.put("householdNumber", "1");
                            return send(both);
                        }),
                ErrorScenario.of("internal-signal", "a department sends a visit's observation")
                        .answers(400, "validation-failed").field("kind", "internal-signal").unchanged(signalsOf(alerted))
                        .when(() -> signal("E2E-" + UUID.randomUUID(), "CIVIL_AFFAIRS", "RISK_OBSERVED", alertedHead, null)),
                ErrorScenario.of("amount-required", "a medical bill without its amount")
                        .answers(400, "validation-failed").field("amount", "amount-required").unchanged(signalsOf(alerted))
                        .when(() -> signal("E2E-" + UUID.randomUUID(), "MEDICAL_INSURANCE", "MEDICAL_EXPENSE", alertedHead, null)),
                ErrorScenario.of("alert-not-open", "a second verification of a dismissed alert")
                        .answers(409, "alert-not-open").unchanged(alert(dismissedAlert)).when(() -> verify(dismissedAlert)),
                ErrorScenario.of("alert-not-verified", "the township decides on an alert nobody has verified")
                        .answers(409, "alert-not-verified").unchanged(alert(openAlert))
                        .when(() -> given().auth().oauth2(officer).contentType(ContentType.JSON)
                                .body(Map.of("decision", "APPROVE", "decidedOn", today().toString()))
                                .post("/api/v1/monitoring-alerts/" + openAlert + "/decision")),
                ErrorScenario.of("not-monitored", "clearing the risk of a poor household")
                        .answers(409, "not-monitored").unchanged(clearancesOf(poor)).when(() -> propose(poor)),
                ErrorScenario.of("alert-open", "clearing the risk of a household whose alert is still open")
                        .answers(409, "alert-open").unchanged(clearancesOf(alerted)).when(() -> propose(alerted)),
                ErrorScenario.of("risk-not-eliminated", "clearing a household without an assessment six months back")
                        .answers(422, "risk-not-eliminated").field("proposedOn", "risk-not-eliminated").unchanged(clearancesOf(unassessed))
                        .when(() -> propose(unassessed)),
                ErrorScenario.of("clearance-open", "a second clearance while the first waits for the township")
                        .answers(409, "clearance-open").unchanged(clearancesOf(waiting)).when(() -> propose(waiting)),
                ErrorScenario.of("clearance-decided", "a second decision on an approved clearance")
                        .answers(409, "clearance-decided").unchanged(clearance(decidedClearance))
                        .when(() -> decideClearance(decidedClearance)),
                ErrorScenario.of("effective-date-in-past", "a county's rule version in force from yesterday")
                        .answers(422, "effective-date-in-past").field("effectiveFrom", "effective-date-in-past").unchanged(ruleVersions())
                        .when(() -> rule(today().minusDays(1))),
                ErrorScenario.of("rule-version-out-of-order", "a second version of a county's rule from the same day")
                        .answers(409, "rule-version-out-of-order").given(() -> rule(today()).then().statusCode(201))
                        .unchanged(ruleVersions()).when(() -> rule(today())));
    }

    private Response register(String initialStatus) {
        Map<String, Object> household = Households.household(village, 1);
        household.put("registeredOn", today().minusYears(1).toString());
        if (initialStatus != null) {
            household.put("initialStatus", initialStatus);
        }
        Response answer = given().auth().oauth2(admin).contentType(ContentType.JSON).body(household).post("/api/v1/households");
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
        return answer;
    }

    private void stable(String household) {
        for (LocalDate on : List.of(today().minusMonths(7), today().minusMonths(1))) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Households.assessment(on, "A", 9000))
                    .post("/api/v1/households/" + household + "/assessments").then().statusCode(201);
        }
    }

    private String openAlertOf(String household) {
        List<String> open = given().auth().oauth2(admin).queryParam("householdId", household).queryParam("status", "OPEN")
                .get("/api/v1/monitoring-alerts").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private Response verify(String alert) {
        return given().auth().oauth2(cadre).contentType(ContentType.JSON).body(Map.of("verifiedOn", today().toString(),
                "outcome", "DISMISSED", "findings", "低保已覆盖, 收入稳定")).post("/api/v1/monitoring-alerts/" + alert + "/verification");
    }

    private Response propose(String household) {
        return given().auth().oauth2(cadre).contentType(ContentType.JSON)
                .body(Map.of("householdId", household, "proposedOn", today().toString(), "reason", "收入稳定"))
                .post("/api/v1/risk-clearances");
    }

    private Response decideClearance(String id) {
        return given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVE", "decidedOn", today().toString())).post("/api/v1/risk-clearances/" + id + "/decision");
    }

    private Response rule(LocalDate from) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("code", ruleCode, "name", "大病 (e2e)",
                "condition", "SIGNAL_KIND", "signalKind", "SERIOUS_ILLNESS", "active", true, "effectiveFrom", from.toString()))
                .post("/api/v1/warning-rules");
    }

    private Response signal(String id, String department, String kind, String idNumber, Integer amount) {
        return signal(id, department, kind, idNumber, amount, today());
    }

    private Response signal(String id, String department, String kind, String idNumber, Integer amount, LocalDate on) {
        return send(body(id, department, kind, idNumber, amount, on));
    }

    private static Map<String, Object> body(String id, String department, String kind, String idNumber, Integer amount, LocalDate on) {
        Map<String, Object> body = new HashMap<>(Map.of("signalId", id, "department", department, "kind", kind, "idNumber", idNumber,
                "occurredOn", on.toString()));
        if (amount != null) {
            body.put("amount", amount);
        }
        return body;
    }

    private Response send(Map<String, Object> body) {
        return given().auth().oauth2(integrator).contentType(ContentType.JSON).body(body).post("/api/v1/signals");
    }

    private View signalsOf(String household) {
        return () -> ErrorScenario.seen(given().auth().oauth2(admin).queryParam("householdId", household).get("/api/v1/signals"));
    }

    private View alert(String id) {
        return () -> ErrorScenario.seen(given().auth().oauth2(admin).get("/api/v1/monitoring-alerts/" + id));
    }

    private View clearancesOf(String household) {
        return () -> ErrorScenario.seen(given().auth().oauth2(admin).queryParam("householdId", household).get("/api/v1/risk-clearances"));
    }

    private View clearance(String id) {
        return () -> ErrorScenario.seen(given().auth().oauth2(admin).get("/api/v1/risk-clearances/" + id));
    }

    private View ruleVersions() {
        return () -> ErrorScenario.seen(given().auth().oauth2(admin).get("/api/v1/warning-rules/versions"));
    }

    private static LocalDate today() {
        return LocalDate.now(COUNTY_ZONE);
    }
}
