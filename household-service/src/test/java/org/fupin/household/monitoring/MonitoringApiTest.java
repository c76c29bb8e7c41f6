package org.fupin.household.monitoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fupin.events.CloudEvent;
import org.fupin.events.EventCodec;
import org.fupin.events.EventSchemas;
import org.fupin.events.assistance.PairingStarted;
import org.fupin.events.assistance.VisitRecorded;
import org.fupin.household.Fixtures;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.fupin.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Dynamic monitoring (防止返貧動態監測) through the API and the topics: signals in, the rules that fire, the alert
 * assigned to the household's helper, verification and the township's decision, dismissal, risk clearance.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class MonitoringApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final EventCodec CODEC = new EventCodec();

    private final TopicProbe topics = new TopicProbe(InJvmKafka.bootstrapServers());

    @Test
    void aDepartmentsSignalOpensAnAlertForTheHelperRepeatsChangeNothingAndTheTownshipConfirmsTheRisk() {
        Household h = Household.notPoor();
        UUID helper = UUID.randomUUID();
        pairHelper(h, helper);

        Map<String, Object> bill = signal("YB-" + UUID.randomUUID(), "MEDICAL_INSURANCE", "MEDICAL_EXPENSE", h.headIdNumber, 35000);
        send(bill).then().statusCode(201).body("created", equalTo(true)).body("kind", equalTo("MEDICAL_EXPENSE"));
        send(bill).then().statusCode(200).body("created", equalTo(false));
        Map<String, Object> corrected = new HashMap<>(bill);
        corrected.put("amount", 36000);
        send(corrected).then().statusCode(409).body("code", equalTo("signal-id-reused"));
        // Another risk of the same household joins the open alert.
        send(signal("RS-" + UUID.randomUUID(), "HUMAN_RESOURCES", "JOB_LOSS", h.headIdNumber, null)).then().statusCode(201);

        JsonPath alerts = given().auth().oauth2(h.cadre).queryParam("householdId", h.id).get("/api/v1/monitoring-alerts").then()
                .statusCode(200).extract().jsonPath();
        assertThat(alerts.getList("items")).hasSize(1);
        assertThat(alerts.getString("items[0].status")).isEqualTo("OPEN");
        assertThat(alerts.getString("items[0].assigneeKind")).isEqualTo("HELPER");
        assertThat(alerts.getString("items[0].assigneeId")).isEqualTo(helper.toString());
        assertThat(alerts.getString("items[0].dueOn")).isEqualTo(TODAY.plusDays(15).toString());
        String alertId = alerts.getString("items[0].id");

        given().auth().oauth2(h.cadre).get("/api/v1/monitoring-alerts/" + alertId).then().statusCode(200)
                .body("signals.kind", contains("MEDICAL_EXPENSE", "JOB_LOSS"))
                .body("signals.outcome", contains("ALERT_OPENED", "ALERT_JOINED"))
                .body("warnings.ruleCode", contains("medical-burden", "job-loss"))
                .body("warnings.ruleVersion", contains(1, 1))
                .body("signals[0].idNumber", equalTo(h.headIdNumber));
        given().auth().oauth2(h.cadre).queryParam("assigneeId", helper.toString()).get("/api/v1/monitoring-alerts/worklist").then()
                .statusCode(200).body("open", equalTo(1)).body("overdue", equalTo(0)).body("alerts[0].id", equalTo(alertId))
                .body("alerts[0].signals", hasSize(2));

        verify(h.cadre, alertId, "RISK_CONFIRMED", "SUDDEN_HARDSHIP").then().statusCode(200).body("status", equalTo("RISK_CONFIRMED"));
        // Four eyes: whoever verified may not approve, even holding the township's role.
        String sameSubject = token("cadre-" + h.village, "township-officer", h.township);
        decide(sameSubject, alertId, "APPROVE").then().statusCode(403).body("code", equalTo("same-person"));
        decide(h.townshipOfficer, alertId, "APPROVE").then().statusCode(200).body("status", equalTo("CONFIRMED"))
                .body("decidedOn", equalTo(TODAY.toString()));

        given().auth().oauth2(h.cadre).get("/api/v1/households/" + h.id).then().statusCode(200)
                .body("status", equalTo("MONITORED")).body("riskType", equalTo("SUDDEN_HARDSHIP"));
        given().auth().oauth2(h.cadre).get("/api/v1/households/" + h.id + "/history").then().statusCode(200)
                .body("items.action", hasItem("MONITORING_ALERT_OPENED")).body("items.action", hasItem("MONITORING_RISK_CONFIRMED"))
                .body("items.action", hasItem("FLAG_RISK"));

        List<CloudEvent> events = events(alertId, 3);
        assertThat(events).extracting(CloudEvent::type)
                .containsExactly("monitoring-alert.opened", "monitoring-alert.verified", "monitoring-alert.decided");
        EventSchemas schemas = new EventSchemas(CODEC);
        events.forEach(e -> assertThat(schemas.violations(e)).as(e.type()).isEmpty());
        assertThat(events.get(0).data().get("rules").toString()).contains("medical-burden");
        assertThat(events.get(2).data().get("riskType").asText()).isEqualTo("SUDDEN_HARDSHIP");
    }

    @Test
    void aDismissedAlertClosesAndTheNextWarningOpensAnother() {
        Household h = Household.notPoor();
        send(signal("YJ-" + UUID.randomUUID(), "EMERGENCY_MANAGEMENT", "DISASTER_LOSS", h.headIdNumber, 15000)).then().statusCode(201);
        String first = onlyOpenAlert(h);
        // No helper and no work team: nobody is assigned yet, the village's worklist still shows it.
        given().auth().oauth2(h.cadre).queryParam("region", h.village).get("/api/v1/monitoring-alerts/worklist").then()
                .body("alerts.id", contains(first)).body("alerts[0].assigneeKind", equalTo("NONE"));

        verify(h.cadre, first, "DISMISSED", "UNSTABLE_EXIT").then().statusCode(400).body("code", equalTo("validation-failed"));
        verify(h.cadre, first, "DISMISSED", null).then().statusCode(200).body("status", equalTo("DISMISSED"));
        verify(h.cadre, first, "DISMISSED", null).then().statusCode(409).body("code", equalTo("alert-not-open"));

        // A loss under the threshold fires nothing; one over it opens a new alert.
        send(signal("YJ-" + UUID.randomUUID(), "EMERGENCY_MANAGEMENT", "DISASTER_LOSS", h.headIdNumber, 500)).then().statusCode(201);
        given().auth().oauth2(h.cadre).queryParam("householdId", h.id).queryParam("outcome", "NO_WARNING").get("/api/v1/signals")
                .then().body("items", hasSize(1));
        send(signal("YJ-" + UUID.randomUUID(), "EMERGENCY_MANAGEMENT", "DISASTER_LOSS", h.headIdNumber, 20000)).then().statusCode(201);
        assertThat(onlyOpenAlert(h)).isNotEqualTo(first);
    }

    @Test
    void aSignalAboutSomeoneUnknownIsKeptAndReportedAndOneAboutAPoorHouseholdOpensNothing() {
        String unknown = Fixtures.idNumber("19650101", true);
        send(signal("MZ-" + UUID.randomUUID(), "CIVIL_AFFAIRS", "SUBSISTENCE_GRANTED", unknown, null)).then().statusCode(201)
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("outcome")));
        given().auth().oauth2(TestTokens.token("county-admin")).queryParam("outcome", "UNKNOWN_PERSON").queryParam("limit", 500)
                .get("/api/v1/signals").then().statusCode(200)
                .body("items.findAll { it.idNumber == '" + unknown + "' }.regionCode", contains(Fixtures.COUNTY));
        // An officer of another county does not see it.
        given().auth().oauth2(TestTokens.token("county-admin", "500236")).queryParam("outcome", "UNKNOWN_PERSON")
                .get("/api/v1/signals").then().statusCode(200).body("items.findAll { it.idNumber == '" + unknown + "' }", hasSize(0));

        // A neighbouring county's department learns nothing and changes nothing here: the signal is its county's unknown person.
        Household h = Household.notPoor();
        given().auth().oauth2(TestTokens.token("integrator", "500236")).contentType(ContentType.JSON)
                .body(signal("N-" + UUID.randomUUID(), "CIVIL_AFFAIRS", "JOB_LOSS", h.headIdNumber, null)).post("/api/v1/signals")
                .then().statusCode(201).body("created", equalTo(true));
        given().auth().oauth2(h.cadre).queryParam("householdId", h.id).get("/api/v1/signals").then().body("items", hasSize(0));
        given().auth().oauth2(h.cadre).queryParam("householdId", h.id).get("/api/v1/monitoring-alerts").then().body("items", hasSize(0));
        given().auth().oauth2(TestTokens.token("county-admin", "500236")).queryParam("outcome", "UNKNOWN_PERSON").get("/api/v1/signals")
                .then().body("items.regionCode", hasItem("500236"));

        Household poor = Household.poor();
        send(signal("YB-" + UUID.randomUUID(), "MEDICAL_INSURANCE", "MEDICAL_EXPENSE", poor.headIdNumber, 90000)).then().statusCode(201);
        given().auth().oauth2(poor.cadre).queryParam("householdId", poor.id).get("/api/v1/signals").then()
                .body("items.outcome", contains("NOT_MONITORED"));
        given().auth().oauth2(poor.cadre).queryParam("householdId", poor.id).get("/api/v1/monitoring-alerts").then()
                .body("items", hasSize(0));
    }

    @Test
    void aMalformedSignalIsRefusedWithACodeAndABadBatchKeepsNothing() {
        Household h = Household.notPoor();
        Map<String, Object> both = signal("X-" + UUID.randomUUID(), "CIVIL_AFFAIRS", "DEATH", h.headIdNumber, null);
        both.put("householdNumber", "123");
        send(both).then().statusCode(400).body("errors.code", hasItem("signal-subject"));
        send(signal("X-" + UUID.randomUUID(), "MEDICAL_INSURANCE", "MEDICAL_EXPENSE", h.headIdNumber, null)).then().statusCode(400)
                .body("errors.code", hasItem("amount-required"));
        send(signal("X-" + UUID.randomUUID(), "CIVIL_AFFAIRS", "RISK_OBSERVED", h.headIdNumber, null)).then().statusCode(400)
                .body("errors.code", hasItem("internal-signal"));
        String badCheckDigit = h.headIdNumber.substring(0, 17) + (h.headIdNumber.charAt(17) == '1' ? '2' : '1');
        send(signal("X-" + UUID.randomUUID(), "CIVIL_AFFAIRS", "DEATH", badCheckDigit, null)).then().statusCode(400)
                .body("errors.field", hasItem("idNumber"));
        Map<String, Object> future = signal("X-" + UUID.randomUUID(), "CIVIL_AFFAIRS", "DEATH", h.headIdNumber, null);
        future.put("occurredOn", TODAY.plusDays(1).toString());
        send(future).then().statusCode(400).body("errors.code", hasItem("date-in-future"));
        given().auth().oauth2(TestTokens.token("village-cadre", h.village)).contentType(ContentType.JSON)
                .body(signal("X-1", "CIVIL_AFFAIRS", "DEATH", h.headIdNumber, null)).post("/api/v1/signals").then().statusCode(403);

        Map<String, Object> good = signal("B-" + UUID.randomUUID(), "HUMAN_RESOURCES", "JOB_LOSS", h.headIdNumber, null);
        Map<String, Object> bad = signal("B-" + UUID.randomUUID(), "MEDICAL_INSURANCE", "MEDICAL_EXPENSE", h.headIdNumber, null);
        given().auth().oauth2(TestTokens.token("integrator")).contentType(ContentType.JSON).body(Map.of("signals", List.of(good, bad)))
                .post("/api/v1/signals/batch").then().statusCode(400).body("errors.field", hasItem("signals[1].amount"));
        given().auth().oauth2(h.cadre).queryParam("householdId", h.id).get("/api/v1/signals").then().body("items", hasSize(0));
        given().auth().oauth2(TestTokens.token("integrator")).contentType(ContentType.JSON).body(Map.of("signals", List.of(good, good)))
                .post("/api/v1/signals/batch").then().statusCode(200).body("created", contains(true, false));
    }

    @Test
    void signalsStreamedOnTheTopicAreReceivedAndAMalformedOneIsDeadLettered() {
        Household h = Household.notPoor();
        String id = "TOPIC-" + UUID.randomUUID();
        topics.send("monitoring.signals", "garbage-" + id, "{\"signalId\": \"" + id + "\", \"kind\": 42");
        topics.send("monitoring.signals", id, """
                {"signalId": "%s", "department": "CIVIL_AFFAIRS", "kind": "DEATH", "idNumber": "%s", "occurredOn": "%s"}"""
                .formatted(id, h.spouseIdNumber, TODAY));
        topics.send("monitoring.signals", "unknown-field-" + id, """
                {"signalId": "U-%s", "department": "CIVIL_AFFAIRS", "kind": "DEATH", "idNumber": "%s", "occurredOn": "%s", "name": "x"}"""
                .formatted(id, h.spouseIdNumber, TODAY));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(h.cadre).queryParam("householdId", h.id)
                .get("/api/v1/signals").then().body("items.signalId", contains(id)).body("items[0].channel", equalTo("TOPIC")));
        List<String> dead = topics.readUntil("monitoring.signals.dlq", Duration.ofSeconds(30),
                read -> read.stream().filter(r -> r.key().endsWith(id)).count() >= 2)
                .stream().filter(r -> r.key().endsWith(id)).map(r -> r.key()).toList();
        assertThat(dead).containsExactlyInAnyOrder("garbage-" + id, "unknown-field-" + id);
    }

    @Test
    void aVisitThatObservedARiskAndAFailingAssessmentAreSignalsToo() {
        Household h = Household.notPoor();
        UUID helper = UUID.randomUUID();
        pairHelper(h, helper);
        UUID visit = UUID.randomUUID();
        publish("assistance.events", visit.toString(), "visit.recorded",
                new VisitRecorded(visit, helper, UUID.fromString(h.id), h.village, Instant.now(), true));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(h.cadre).queryParam("householdId", h.id)
                .get("/api/v1/signals").then().body("items.kind", contains("RISK_OBSERVED")).body("items.department", contains("FUPIN")));
        String alert = onlyOpenAlert(h);

        h.assess(TODAY, "C", 9000);
        given().auth().oauth2(h.cadre).get("/api/v1/monitoring-alerts/" + alert).then()
                .body("signals.kind", contains("RISK_OBSERVED", "ASSESSMENT"))
                .body("warnings.ruleCode", containsInAnyOrder("risk-observed", "guarantee-failing"));
        // An assessment that warns nobody is no signal.
        h.assess(TODAY, "A", 9000);
        given().auth().oauth2(h.cadre).queryParam("householdId", h.id).get("/api/v1/signals").then().body("items", hasSize(2));
    }

    @Test
    void aMonitoredHouseholdWhoseIncomeHeldIsClearedByTheTownship() {
        Household h = Household.monitored();
        propose(h).then().statusCode(422).body("code", equalTo("risk-not-eliminated"));
        h.assess(TODAY.minusMonths(7), "A", 9000);
        h.assess(TODAY.minusMonths(2), "A", 8000);
        Response proposed = propose(h);
        proposed.then().statusCode(201).body("status", equalTo("PROPOSED")).body("stableMonths", equalTo(6))
                .body("assessmentIds", hasSize(2));
        String id = proposed.path("id");
        propose(h).then().statusCode(409).body("code", equalTo("clearance-open"));

        clearanceDecision(h.cadre, id, "APPROVE").then().statusCode(403);
        clearanceDecision(h.townshipOfficer, id, "APPROVE").then().statusCode(200).body("status", equalTo("APPROVED"));
        given().auth().oauth2(h.cadre).get("/api/v1/households/" + h.id).then().body("status", equalTo("NOT_POOR"));
        assertThat(events(id, 2)).extracting(CloudEvent::type).containsExactly("risk-clearance.proposed", "risk-clearance.decided");
    }

    @Test
    void theRulesInForceAreAskedForByDayAndABlankOrMalformedDayIsNoServerError() {
        String auditor = TestTokens.token("auditor");
        List<String> today = given().auth().oauth2(auditor).get("/api/v1/warning-rules").then().statusCode(200).extract().path("code");
        given().auth().oauth2(auditor).queryParam("on", " ").get("/api/v1/warning-rules").then().statusCode(200)
                .body("code", equalTo(today));
        given().auth().oauth2(auditor).queryParam("on", "2019-06-25").get("/api/v1/warning-rules").then().statusCode(200)
                .body("code", hasItem("income-below-warning-line")).body("countyCode", everyItem(nullValue()));
        given().auth().oauth2(auditor).queryParam("on", "2019-06-31").get("/api/v1/warning-rules").then().statusCode(400)
                .body("code", equalTo("invalid-parameter")).body("errors[0].field", equalTo("on"));
    }

    @Test
    void aCountyChangesARuleFromTodayAndTheWarningKeepsTheVersionThatFired() {
        String admin = TestTokens.token("county-admin");
        given().auth().oauth2(admin).get("/api/v1/warning-rules").then().statusCode(200)
                .body("code", hasItem("income-below-warning-line")).body("find { it.code == 'disaster-loss' }.threshold", equalTo(10000.0f));
        Map<String, Object> rule = new HashMap<>(Map.of("code", "disaster-loss", "name", "A disaster loss over 3,000 yuan",
                "condition", "DISASTER_LOSS", "threshold", 3000, "active", true, "effectiveFrom", TODAY.minusDays(1).toString()));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(rule).post("/api/v1/warning-rules").then().statusCode(422)
                .body("code", equalTo("effective-date-in-past"));
        rule.put("effectiveFrom", TODAY.toString());
        rule.put("lineFactor", 2);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(rule).post("/api/v1/warning-rules").then().statusCode(400)
                .body("errors.field", hasItem("lineFactor"));
        rule.remove("lineFactor");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(rule).post("/api/v1/warning-rules").then().statusCode(201)
                .body("version", equalTo(1)).body("countyCode", equalTo(Fixtures.COUNTY));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(rule).post("/api/v1/warning-rules").then().statusCode(409)
                .body("code", equalTo("rule-version-out-of-order"));

        Household h = Household.notPoor();
        Map<String, Object> loss = signal("YJ-" + UUID.randomUUID(), "EMERGENCY_MANAGEMENT", "DISASTER_LOSS", h.headIdNumber, 5000);
        send(loss).then().statusCode(201);
        given().auth().oauth2(h.cadre).get("/api/v1/monitoring-alerts/" + onlyOpenAlert(h)).then()
                .body("warnings[0].ruleCode", equalTo("disaster-loss")).body("warnings[0].reason", org.hamcrest.Matchers.containsString("3000"));
        // The same loss dated before the county's version is judged by the default in force then.
        Map<String, Object> earlier = signal("YJ-" + UUID.randomUUID(), "EMERGENCY_MANAGEMENT", "DISASTER_LOSS",
                Household.notPoor().headIdNumber, 5000);
        earlier.put("occurredOn", TODAY.minusDays(3).toString());
        send(earlier).then().statusCode(201);
        given().auth().oauth2(admin).get("/api/v1/warning-rules/versions").then()
                .body("findAll { it.code == 'disaster-loss' }.countyCode", contains(null, Fixtures.COUNTY));
    }

    // ---- helpers

    /** A household and the people of its village and township. */
    static final class Household {
        final String village = Fixtures.freshVillage();
        final String township = village.substring(0, 9);
        final String cadre = token("cadre-" + village, "village-cadre", village);
        final String townshipOfficer = token("township-" + township, "township-officer", township);
        final Map<String, Object> body = Fixtures.household(village);
        final String headIdNumber = idNumber(body, 0);
        final String spouseIdNumber = idNumber(body, 1);
        final String id;

        @SuppressWarnings("unchecked")
        private static String idNumber(Map<String, Object> body, int member) {
            return (String) ((List<Map<String, Object>>) body.get("members")).get(member).get("idNumber");
        }

        private Household(String initialStatus) {
            body.put("registeredOn", TODAY.minusYears(1).toString());
            if (initialStatus != null) {
                body.put("initialStatus", initialStatus);
            }
            id = given().auth().oauth2(TestTokens.token("county-admin")).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/households").then().statusCode(201).extract().path("id");
        }

        static Household poor() {
            return new Household(null);
        }

        /** A marginal household registered a year ago (MONITORED, never poor). */
        static Household monitored() {
            return new Household("MONITORED");
        }

        /** A household outside the poor register: registered as marginal, its risk cleared a while ago. */
        static Household notPoor() {
            Household h = new Household("MONITORED");
            given().auth().oauth2(TestTokens.token("county-admin")).contentType(ContentType.JSON).header("If-Match", "*")
                    .body(Map.of("action", "CLEAR_RISK", "effectiveDate", TODAY.minusDays(30).toString()))
                    .post("/api/v1/households/" + h.id + "/transitions").then().statusCode(200).body("status", equalTo("NOT_POOR"));
            return h;
        }

        void assess(LocalDate on, String housing, int income) {
            given().auth().oauth2(TestTokens.token("county-admin")).contentType(ContentType.JSON).body(Fixtures.assessment(on, housing, income))
                    .post("/api/v1/households/" + id + "/assessments").then().statusCode(201);
        }
    }

    private static Map<String, Object> signal(String signalId, String department, String kind, String idNumber, Integer amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("signalId", signalId);
        body.put("department", department);
        body.put("kind", kind);
        body.put("idNumber", idNumber);
        body.put("occurredOn", TODAY.toString());
        if (amount != null) {
            body.put("amount", amount);
        }
        return body;
    }

    private static Response send(Map<String, Object> signal) {
        return given().auth().oauth2(TestTokens.token("integrator")).contentType(ContentType.JSON).body(signal).post("/api/v1/signals");
    }

    private static String onlyOpenAlert(Household h) {
        List<String> open = given().auth().oauth2(h.cadre).queryParam("householdId", h.id).queryParam("status", "OPEN")
                .get("/api/v1/monitoring-alerts").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private static Response verify(String token, String alertId, String outcome, String riskType) {
        Map<String, Object> body = new HashMap<>();
        body.put("verifiedOn", TODAY.toString());
        body.put("outcome", outcome);
        body.put("riskType", riskType);
        body.put("findings", "入戶核實: 醫療支出大, 收入下降");
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/monitoring-alerts/" + alertId + "/verification");
    }

    private static Response decide(String token, String alertId, String decision) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("decision", decision, "decidedOn", TODAY.toString()))
                .post("/api/v1/monitoring-alerts/" + alertId + "/decision");
    }

    private static Response propose(Household h) {
        return given().auth().oauth2(h.cadre).contentType(ContentType.JSON)
                .body(Map.of("householdId", h.id, "proposedOn", TODAY.toString(), "reason", "收入穩定, 兩不愁三保障鞏固"))
                .post("/api/v1/risk-clearances");
    }

    private static Response clearanceDecision(String token, String id, String decision) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("decision", decision, "decidedOn", TODAY.toString())).post("/api/v1/risk-clearances/" + id + "/decision");
    }

    private void pairHelper(Household h, UUID helper) {
        UUID pairing = UUID.randomUUID();
        publish("assistance.events", pairing.toString(), "pairing.started", new PairingStarted(pairing, "HELPER_HOUSEHOLD", helper,
                null, null, UUID.fromString(h.id), h.village, TODAY.minusDays(100), null));
        // The pairing is replicated when a signal for the household is assigned to the helper: wait for it by a probe signal's alert.
        await().atMost(Duration.ofSeconds(30)).until(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                org.fupin.household.monitoring.persistence.HelperPairingReplicaEntity.findById(pairing) != null));
    }

    private void publish(String topic, String key, String type, Object data) {
        CloudEvent event = CODEC.envelope(UUID.randomUUID().toString(), "/assistance-service", key, Instant.now(), data);
        assertThat(event.type()).isEqualTo(type);
        topics.send(topic, key, CODEC.toJson(event));
    }

    private static List<CloudEvent> events(String key, int expected) {
        return new TopicProbe(InJvmKafka.bootstrapServers()).readUntil("household.events", Duration.ofSeconds(30),
                        read -> read.stream().filter(r -> key.equals(r.key())).count() >= expected)
                .stream().filter(r -> key.equals(r.key())).map(r -> CODEC.parse(r.value())).toList();
    }

    private static String token(String subject, String role, String region) {
        return TestTokens.sign(TestTokens.claims(subject, role, region));
    }
}
