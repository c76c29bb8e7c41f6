package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fupin.suite.Suite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Dynamic monitoring (防止返貧動態監測) across the whole suite: departments' signals by the API and by their topic
 * (a repeat, a malformed record, a person nobody registered), the alerts they open for the helper paired in
 * assistance-service, a risk confirmed under four eyes into MONITORED, one dismissed, a household cleared after its
 * stable months, and what the worklist, the history, the events and the reports (now and as of yesterday) show.
 */
class MonitoringIT {

    private static final String COUNTY = "500261";
    private static final String TOWNSHIP = COUNTY + "101";
    private static final String VILLAGE = TOWNSHIP + "201";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static Suite suite;
    private static String admin;
    private static String integrator;
    private static String cadre;
    private static String officer;

    @BeforeAll
    static void aCountyWithAHelper() {
        suite = E2eSuite.get();
        admin = suite.token("county-admin", COUNTY);
        integrator = suite.token("integrator", COUNTY);
        cadre = suite.token("village-cadre", VILLAGE);
        officer = suite.token("township-officer", TOWNSHIP);
        SuiteSliceIT.putRegion(admin, COUNTY, "监测县", "COUNTY", null, 5000);
        SuiteSliceIT.putRegion(admin, TOWNSHIP, "监测镇", "TOWNSHIP", COUNTY, 3000);
        SuiteSliceIT.putRegion(admin, VILLAGE, "监测村", "VILLAGE", TOWNSHIP, 1500);
    }

    @Test
    void signalsBecomeAlertsVisitsAndDecisionsAndTheReportsCountThem() {
        Registered sick = outsideThePoorRegister(register());
        Registered flooded = outsideThePoorRegister(register());
        Registered stable = register();
        String helper = helperPairedWith(sick.id());
        for (LocalDate on : List.of(today().minusMonths(7), today().minusMonths(1))) {
            created(as(admin).contentType(ContentType.JSON).body(Households.assessment(on, "A", 9000))
                    .post("/api/v1/households/" + stable.id() + "/assessments"));
        }

        // By the API: a medical bill over 20,000 yuan, sent twice; a subsistence grant for someone nobody registered; a bad one.
        Map<String, Object> bill = signal("YB-" + UUID.randomUUID(), "MEDICAL_INSURANCE", "MEDICAL_EXPENSE", sick.headIdNumber(), 35000);
        as(integrator).contentType(ContentType.JSON).body(bill).post("/api/v1/signals").then().statusCode(201);
        as(integrator).contentType(ContentType.JSON).body(bill).post("/api/v1/signals").then().statusCode(200);
        String stranger = Households.idNumber();
        as(integrator).contentType(ContentType.JSON).body(signal("MZ-" + UUID.randomUUID(), "CIVIL_AFFAIRS", "SUBSISTENCE_GRANTED",
                stranger, null)).post("/api/v1/signals").then().statusCode(201);
        as(integrator).contentType(ContentType.JSON).body(signal("YB-" + UUID.randomUUID(), "MEDICAL_INSURANCE", "MEDICAL_EXPENSE",
                sick.headIdNumber(), null)).post("/api/v1/signals").then().statusCode(400);
        // By the topic: a job loss of the same household, a flood's loss of another, a record that is not a signal.
        String jobLoss = "RS-" + UUID.randomUUID();
        String flood = "YJ-" + UUID.randomUUID();
        String garbage = "BAD-" + UUID.randomUUID();
        stream(Map.of(jobLoss, json(signal(jobLoss, "HUMAN_RESOURCES", "JOB_LOSS", sick.headIdNumber(), null)),
                flood, json(signal(flood, "EMERGENCY_MANAGEMENT", "DISASTER_LOSS", flooded.headIdNumber(), 18000)),
                garbage, "{\"signalId\": \"" + garbage + "\", \"department\": \"NOBODY\"}"));

        // The sick household's two risks are one alert, its helper's; the flooded household has its own.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                as(cadre).queryParam("householdId", flooded.id()).get("/api/v1/monitoring-alerts").jsonPath().getList("items").size() == 1
                        && as(cadre).queryParam("householdId", sick.id()).get("/api/v1/signals").jsonPath().getList("items").size() == 2
                        && "HELPER".equals(as(cadre).queryParam("householdId", sick.id()).get("/api/v1/monitoring-alerts")
                                .path("items[0].assigneeKind")));
        JsonPath worklist = as(cadre).queryParam("assigneeId", helper).get("/api/v1/monitoring-alerts/worklist").then().statusCode(200)
                .extract().jsonPath();
        assertThat(worklist.getInt("open")).isEqualTo(1);
        assertThat(worklist.getString("alerts[0].householdId")).isEqualTo(sick.id());
        assertThat(worklist.getList("alerts[0].signals.kind", String.class)).containsExactly("MEDICAL_EXPENSE", "JOB_LOSS");
        assertThat(worklist.getList("alerts[0].warnings.ruleCode", String.class)).containsExactly("medical-burden", "job-loss");
        assertThat(worklist.getString("alerts[0].dueOn")).isEqualTo(today().plusDays(15).toString());
        String sickAlert = worklist.getString("alerts[0].id");
        String floodAlert = as(cadre).queryParam("householdId", flooded.id()).get("/api/v1/monitoring-alerts").path("items[0].id");

        // The helper's own app (我的幫扶), once the county linked their account: the household with the card a visit needs,
        // exactly as the register shows it to them, the next visit's day, and the alert waiting for them, in one call.
        String account = "e2e-monitoring-helper-" + UUID.randomUUID();
        as(admin).contentType(ContentType.JSON).body(Map.of("subject", account)).put("/api/v1/helpers/" + helper + "/account")
                .then().statusCode(200);
        String helpersToken = E2eSuite.caller(account, "village-cadre", VILLAGE);
        JsonPath myWork = given().auth().oauth2(helpersToken).get("/api/v1/my-work").then().statusCode(200).extract().jsonPath();
        JsonPath registered = given().auth().oauth2(helpersToken).get("/api/v1/households/" + sick.id()).then().statusCode(200)
                .extract().jsonPath();
        assertThat(myWork.getString("registry")).isEqualTo("AVAILABLE");
        assertThat(myWork.getString("helperId")).isEqualTo(helper);
        assertThat(myWork.getList("households.householdId", String.class)).containsExactly(sick.id());
        assertThat(myWork.getString("households[0].card.householdNo")).isEqualTo(registered.getString("householdNo"));
        assertThat(myWork.getString("households[0].card.address")).isEqualTo(registered.getString("address"));
        assertThat(myWork.getString("households[0].card.headName")).isEqualTo(registered.getString("members[0].name")).isNotBlank();
        assertThat(myWork.getInt("households[0].card.members")).isEqualTo(2);
        assertThat(myWork.getString("households[0].nextVisitDueOn")).isEqualTo(today().plusDays(31).toString());
        assertThat(myWork.getList("dueVisits")).isEmpty();
        assertThat(myWork.getList("openAlerts.id", String.class)).containsExactly(sickAlert);
        assertThat(myWork.getString("openAlerts[0].dueOn")).isEqualTo(today().plusDays(15).toString());
        assertThat(as(admin).queryParam("outcome", "UNKNOWN_PERSON").get("/api/v1/signals").jsonPath()
                .getList("items.idNumber", String.class)).containsExactly(stranger);
        assertThat(deadLettered(garbage)).containsIgnoringCase("department");

        // The visits: the sick household's risk confirmed, then approved by the township; the flood's loss covered by insurance.
        verify(sickAlert, "RISK_CONFIRMED", "SUDDEN_HARDSHIP").then().statusCode(200);
        as(officer).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE", "decidedOn", today().toString()))
                .post("/api/v1/monitoring-alerts/" + sickAlert + "/decision").then().statusCode(200);
        verify(floodAlert, "DISMISSED", null).then().statusCode(200);
        // The stable household's risk is cleared (風險消除).
        String clearance = created(as(cadre).contentType(ContentType.JSON).body(Map.of("householdId", stable.id(),
                "proposedOn", today().toString(), "reason", "收入连续七个月高于监测线")).post("/api/v1/risk-clearances"));
        as(officer).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE", "decidedOn", today().toString()))
                .post("/api/v1/risk-clearances/" + clearance + "/decision").then().statusCode(200);

        assertThat(as(cadre).get("/api/v1/households/" + sick.id()).jsonPath().getString("status")).isEqualTo("MONITORED");
        assertThat(as(cadre).get("/api/v1/households/" + sick.id()).jsonPath().getString("riskType")).isEqualTo("SUDDEN_HARDSHIP");
        assertThat(as(cadre).get("/api/v1/households/" + stable.id()).jsonPath().getString("status")).isEqualTo("NOT_POOR");
        assertThat(as(cadre).get("/api/v1/households/" + sick.id() + "/history").jsonPath().getList("items.action", String.class))
                .contains("MONITORING_ALERT_OPENED", "MONITORING_SIGNAL_JOINED", "MONITORING_RISK_CONFIRMED", "FLAG_RISK");
        assertThat(as(cadre).queryParam("assigneeId", helper).get("/api/v1/monitoring-alerts/worklist").jsonPath().getInt("open"))
                .isZero();

        // Events: each step, and none carries an ID number.
        List<JsonPath> events = eventsOf(Set.of(sickAlert, floodAlert, clearance));
        assertThat(events.stream().map(e -> e.getString("type")).toList()).containsExactlyInAnyOrder("monitoring-alert.opened",
                "monitoring-alert.verified", "monitoring-alert.decided", "monitoring-alert.opened", "monitoring-alert.verified",
                "risk-clearance.proposed", "risk-clearance.decided");
        List<JsonPath> signals = eventsOfType("signal.received", 4);
        assertThat(signals.stream().map(e -> e.getString("data.outcome")).toList())
                .containsExactlyInAnyOrder("ALERT_OPENED", "ALERT_JOINED", "ALERT_OPENED", "UNKNOWN_PERSON");
        assertThat(signals.stream().map(e -> e.prettify()).toList()).noneMatch(json -> json.contains(sick.headIdNumber())
                || json.contains(stranger));

        // The reports: what happened today, and as of yesterday only the marginal household that was cleared today.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                report(today()).getInt("clearances.approved") == 1 && report(today()).getInt("alerts.approved") == 1);
        JsonPath now = report(today());
        assertThat(now.getInt("signals.received")).isEqualTo(4);
        assertThat(now.getInt("signals.unknownPersons")).isEqualTo(1);
        assertThat(now.getInt("signals.byDepartment.HUMAN_RESOURCES")).isEqualTo(1);
        assertThat(now.getInt("signals.byKind.DISASTER_LOSS")).isEqualTo(1);
        assertThat(now.getInt("alerts.opened")).isEqualTo(2);
        assertThat(now.getInt("alerts.dismissed")).isEqualTo(1);
        assertThat(now.getInt("alerts.open")).isZero();
        assertThat(now.getInt("verification.verified")).isEqualTo(2);
        assertThat(now.getFloat("verification.medianDays")).isZero();
        assertThat(now.getInt("monitored.households")).isEqualTo(1);
        assertThat(now.getInt("monitored.byRiskType.SUDDEN_HARDSHIP")).isEqualTo(1);
        assertThat(now.getInt("monitored.byRiskType.MARGINAL")).isZero();
        JsonPath yesterday = report(today().minusDays(1));
        assertThat(yesterday.getInt("signals.received")).isZero();
        assertThat(yesterday.getInt("alerts.opened")).isZero();
        assertThat(yesterday.getInt("clearances.approved")).isZero();
        assertThat(yesterday.getInt("monitored.households")).isEqualTo(1);
        assertThat(yesterday.getInt("monitored.byRiskType.MARGINAL")).isEqualTo(1);
        assertThat(yesterday.getInt("monitored.byRiskType.SUDDEN_HARDSHIP")).isZero();
    }

    private record Registered(String id, String headIdNumber) {
    }

    /** A marginal household (邊緣易致貧戶) registered a year ago: MONITORED. */
    private static Registered register() {
        Map<String, Object> household = Households.household(VILLAGE, 2);
        household.put("initialStatus", "MONITORED");
        household.put("registeredOn", today().minusYears(1).toString());
        Response answer = as(admin).contentType(ContentType.JSON).body(household).post("/api/v1/households");
        return new Registered(created(answer), answer.path("members[0].idNumber"));
    }

    /** Its risk cleared a month ago: NOT_POOR, outside the poor register, where the monitoring watches. */
    private static Registered outsideThePoorRegister(Registered household) {
        as(admin).contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("action", "CLEAR_RISK", "effectiveDate", today().minusDays(30).toString()))
                .post("/api/v1/households/" + household.id() + "/transitions").then().statusCode(200);
        return household;
    }

    /** A cadre of a unit paired with the household in assistance-service (結對幫扶); the helper's id. */
    private static String helperPairedWith(String household) {
        String group = created(as(admin).contentType(ContentType.JSON).body(Map.of("name", "监测帮扶集团")).post("/api/v1/assistance-groups"));
        String unit = created(as(admin).contentType(ContentType.JSON).body(Map.of("name", "监测县医保局", "type", "DEPARTMENT",
                "groupId", group)).post("/api/v1/units"));
        String helper = created(as(admin).contentType(ContentType.JSON).body(Map.of("name", "李帮扶", "phone", "13900002222",
                "unitId", unit, "kind", "CADRE")).post("/api/v1/helpers"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> as(admin).contentType(ContentType.JSON)
                .body(Map.of("kind", "HELPER_HOUSEHOLD", "helperId", helper, "householdId", household)).post("/api/v1/pairings")
                .statusCode() == 201);
        return helper;
    }

    private static Map<String, Object> signal(String id, String department, String kind, String idNumber, Integer amount) {
        Map<String, Object> body = new HashMap<>(Map.of("signalId", id, "department", department, "kind", kind, "idNumber", idNumber,
                "occurredOn", today().minusDays(2).toString()));
        if (amount != null) {
            body.put("amount", amount);
        }
        return body;
    }

    private static String json(Map<String, Object> signal) {
        StringBuilder json = new StringBuilder("{");
        signal.forEach((key, value) -> json.append(json.length() > 1 ? ", " : "").append('"').append(key).append("\": ")
                .append(value instanceof Number ? value.toString() : "\"" + value + "\""));
        return json.append('}').toString();
    }

    private static Response verify(String alert, String outcome, String riskType) {
        Map<String, Object> body = new HashMap<>(Map.of("verifiedOn", today().toString(), "outcome", outcome,
                "findings", "入户核实: " + outcome));
        if (riskType != null) {
            body.put("riskType", riskType);
        }
        return as(cadre).contentType(ContentType.JSON).body(body).post("/api/v1/monitoring-alerts/" + alert + "/verification");
    }

    private static JsonPath report(LocalDate asOf) {
        return as(admin).queryParam("region", COUNTY).queryParam("asOf", asOf.toString()).get("/api/v1/reports/monitoring").then()
                .statusCode(200).extract().jsonPath();
    }

    /** Records on monitoring.signals, as a department's system streams them. */
    private static void stream(Map<String, String> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.settings().kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            records.forEach((key, value) -> {
                try {
                    producer.send(new ProducerRecord<>("monitoring.signals", key, value)).get();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot send " + key, e);
                }
            });
        }
    }

    /** The reason monitoring.signals.dlq gives for the record of {@code key}. */
    private static String deadLettered(String key) {
        List<ConsumerRecord<String, String>> found = read("monitoring.signals.dlq", record -> key.equals(record.key()), 1);
        assertThat(found).as("dead letter " + key).hasSize(1);
        return new String(found.get(0).headers().lastHeader("dead-letter-reason").value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<JsonPath> eventsOf(Set<String> keys) {
        return read("household.events", record -> keys.contains(record.key()), 7).stream().map(r -> JsonPath.from(r.value())).toList();
    }

    private static List<JsonPath> eventsOfType(String type, int expected) {
        return read("household.events", record -> record.value().contains("\"" + type + "\"") && record.value().contains(COUNTY),
                expected).stream().map(r -> JsonPath.from(r.value())).toList();
    }

    private static List<ConsumerRecord<String, String>> read(String topic, java.util.function.Predicate<ConsumerRecord<String, String>> wanted,
            int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.settings().kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-monitoring-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && found.size() < expected) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    private static String created(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath().getString("id");
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
