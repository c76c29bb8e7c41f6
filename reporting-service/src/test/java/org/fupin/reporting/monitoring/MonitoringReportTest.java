package org.fupin.reporting.monitoring;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.fupin.events.EventCodec;
import org.fupin.events.household.HouseholdRegistered;
import org.fupin.events.household.HouseholdStatusChanged;
import org.fupin.events.household.MemberFacts;
import org.fupin.events.household.MonitoringAlertDecided;
import org.fupin.events.household.MonitoringAlertOpened;
import org.fupin.events.household.MonitoringAlertOpened.RuleVersion;
import org.fupin.events.household.MonitoringAlertVerified;
import org.fupin.events.household.RegionUpserted;
import org.fupin.events.household.RiskClearanceDecided;
import org.fupin.events.household.RiskClearanceProposed;
import org.fupin.events.household.SignalReceived;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.fupin.testing.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The monitoring report from the events household-service publishes, through the real broker, now and as of
 * earlier days (D is today; every figure below is worked out from this story):
 *
 * <pre>
 * county 545000: township T1 (villages V1, V2), township T2 (village V3)
 * H1 V1  POOR D-300, EXITED D-200, MONITORED UNSTABLE_EXIT D-20 (alert A1 approved)
 * H2 V1  registered MONITORED MARGINAL D-300, cleared to NOT_POOR D-100, MONITORED MARGINAL again D-10 (A2 approved)
 * H3 V3  POOR D-300, EXITED D-200, MONITORED SUDDEN_HARDSHIP D-40 (A3), cleared D-5 (clearance C1), EXITED again
 * A1 V1  opened D-30 due D-25, risk confirmed D-22 (8 days), approved D-20
 * A2 V1  opened D-18 due D-14, risk confirmed D-16 (2 days), sent back D-15, confirmed again D-12, approved D-10
 * A3 V3  opened D-45 due D-40, risk confirmed D-41 (4 days), approved D-40
 * A4 V3  opened D-8 due D-3, not visited: overdue now
 * A5 V1  opened D-7, dismissed D-6 (1 day; its verification is sent before its opening)
 * A6 V2  opened D-2 due D+13
 * C1 (H3) proposed D-8, approved D-5; C2 (H1) proposed D-4, rejected D-3
 * signals: 9 of the county (one an unknown person of the county), one of another county, one of nowhere
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class MonitoringReportTest {

    private static final String COUNTY = "545000";
    private static final String T1 = COUNTY + "101";
    private static final String T2 = COUNTY + "102";
    private static final String V1 = T1 + "201";
    private static final String V2 = T1 + "202";
    private static final String V3 = T2 + "201";
    private static final LocalDate D = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static final UUID H1 = UUID.randomUUID();
    private static final UUID H2 = UUID.randomUUID();
    private static final UUID H3 = UUID.randomUUID();
    private static final UUID A1 = UUID.randomUUID();
    private static final UUID A2 = UUID.randomUUID();
    private static final UUID A3 = UUID.randomUUID();
    private static final UUID A4 = UUID.randomUUID();
    private static final UUID A5 = UUID.randomUUID();
    private static final UUID A6 = UUID.randomUUID();

    private static final EventCodec CODEC = new EventCodec();
    private static boolean sent;

    private final TopicProbe topic = new TopicProbe(InJvmKafka.bootstrapServers());

    /** Sent once, before the first test reads the report (the application is up by then). */
    @BeforeEach
    void monitoringOfACounty() {
        if (sent) {
            return;
        }
        sent = true;
        send(COUNTY, new RegionUpserted(COUNTY, "監測縣", "COUNTY", null, 1000, false, false));
        send(T1, new RegionUpserted(T1, "一鎮", "TOWNSHIP", COUNTY, 600, false, false));
        send(T2, new RegionUpserted(T2, "二鎮", "TOWNSHIP", COUNTY, 400, false, false));
        send(V1, new RegionUpserted(V1, "一村", "VILLAGE", T1, 300, true, false));
        send(V2, new RegionUpserted(V2, "二村", "VILLAGE", T1, 300, false, false));
        send(V3, new RegionUpserted(V3, "三村", "VILLAGE", T2, 400, true, false));

        registered(H1, V1, "POOR", null, D.minusDays(300));
        changed(H1, V1, "POOR", "EXITED", "CONFIRM_EXIT", null, D.minusDays(200));
        registered(H2, V1, "MONITORED", "MARGINAL", D.minusDays(300));
        changed(H2, V1, "MONITORED", "NOT_POOR", "CLEAR_RISK", null, D.minusDays(100));
        registered(H3, V3, "POOR", null, D.minusDays(300));
        changed(H3, V3, "POOR", "EXITED", "CONFIRM_EXIT", null, D.minusDays(200));

        signal(V1, V1, H1, "MEDICAL_INSURANCE", "MEDICAL_EXPENSE", D.minusDays(30), "ALERT_OPENED", A1);
        opened(A1, H1, V1, D.minusDays(30), D.minusDays(25));
        String a1Verified = json(A1, new MonitoringAlertVerified(A1, H1, V1, "RISK_CONFIRMED", "UNSTABLE_EXIT", D.minusDays(30),
                D.minusDays(22)));
        topic.send("household.events", A1.toString(), a1Verified);
        topic.send("household.events", A1.toString(), a1Verified);
        decided(A1, H1, V1, true, "UNSTABLE_EXIT", D.minusDays(20));
        changed(H1, V1, "EXITED", "MONITORED", "FLAG_RISK", "UNSTABLE_EXIT", D.minusDays(20));

        signal(V1, V1, H2, "CIVIL_AFFAIRS", "SUBSISTENCE_GRANTED", D.minusDays(18), "ALERT_OPENED", A2);
        signal(V1, V1, H2, "MEDICAL_INSURANCE", "MEDICAL_EXPENSE", D.minusDays(17), "ALERT_JOINED", A2);
        opened(A2, H2, V1, D.minusDays(18), D.minusDays(14));
        verified(A2, H2, V1, "RISK_CONFIRMED", "MARGINAL", D.minusDays(18), D.minusDays(16));
        String sentBack = json(A2, new MonitoringAlertDecided(A2, H2, V1, false, "OPEN", null, D.minusDays(15)));
        topic.send("household.events", A2.toString(), sentBack);
        topic.send("household.events", A2.toString(), sentBack);
        verified(A2, H2, V1, "RISK_CONFIRMED", "MARGINAL", D.minusDays(18), D.minusDays(12));
        decided(A2, H2, V1, true, "MARGINAL", D.minusDays(10));
        changed(H2, V1, "NOT_POOR", "MONITORED", "FLAG_RISK", "MARGINAL", D.minusDays(10));

        // The same signal told twice under two event ids counts once: it is keyed by its own id.
        UUID disaster = UUID.randomUUID();
        SignalReceived disasterSignal = new SignalReceived(disaster, "EMERGENCY_MANAGEMENT", "DISASTER_LOSS", D.minusDays(46),
                D.minusDays(45), V3, V3, H3, "ALERT_OPENED", A3);
        send(disaster.toString(), disasterSignal);
        send(disaster.toString(), disasterSignal);
        opened(A3, H3, V3, D.minusDays(45), D.minusDays(40));
        verified(A3, H3, V3, "RISK_CONFIRMED", "SUDDEN_HARDSHIP", D.minusDays(45), D.minusDays(41));
        decided(A3, H3, V3, true, "SUDDEN_HARDSHIP", D.minusDays(40));
        changed(H3, V3, "EXITED", "MONITORED", "FLAG_RISK", "SUDDEN_HARDSHIP", D.minusDays(40));

        UUID c1 = UUID.randomUUID();
        send(c1.toString(), new RiskClearanceProposed(c1, H3, V3, D.minusDays(8), 6));
        String approved = json(c1, new RiskClearanceDecided(c1, H3, V3, true, D.minusDays(5)));
        topic.send("household.events", c1.toString(), approved);
        topic.send("household.events", c1.toString(), approved);
        changed(H3, V3, "MONITORED", "EXITED", "CLEAR_RISK", null, D.minusDays(5));
        UUID c2 = UUID.randomUUID();
        send(c2.toString(), new RiskClearanceProposed(c2, H1, V1, D.minusDays(4), 6));
        send(c2.toString(), new RiskClearanceDecided(c2, H1, V1, false, D.minusDays(3)));

        UUID h4 = UUID.randomUUID();
        signal(V3, V3, h4, "CIVIL_AFFAIRS", "SUBSISTENCE_GRANTED", D.minusDays(8), "ALERT_OPENED", A4);
        opened(A4, h4, V3, D.minusDays(8), D.minusDays(3));

        UUID h5 = UUID.randomUUID();
        signal(V1, V1, h5, "FUPIN", "RISK_OBSERVED", D.minusDays(7), "ALERT_OPENED", A5);
        verified(A5, h5, V1, "DISMISSED", null, D.minusDays(7), D.minusDays(6));
        opened(A5, h5, V1, D.minusDays(7), D.plusDays(8));

        UUID h6 = UUID.randomUUID();
        signal(V2, V2, h6, "FUPIN", "ASSESSMENT", D.minusDays(2), "ALERT_OPENED", A6);
        opened(A6, h6, V2, D.minusDays(2), D.plusDays(13));

        signal(V2, V2, UUID.randomUUID(), "EDUCATION", "INCOME_DROP", D.minusDays(1), "NO_WARNING", null);
        signal(COUNTY, null, null, "HUMAN_RESOURCES", "JOB_LOSS", D.minusDays(8), "UNKNOWN_PERSON", null);
        signal("546000", null, null, "MEDICAL_INSURANCE", "SERIOUS_ILLNESS", D.minusDays(3), "UNKNOWN_PERSON", null);
        signal(null, null, null, "HEALTH", "SERIOUS_ILLNESS", D.minusDays(1), "UNKNOWN_PERSON", null);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            ValidatableResponse report = report(COUNTY, null);
            return report.extract().statusCode() == 200
                    && report.extract().<Integer>path("signals.received") == 9
                    && report.extract().<Integer>path("alerts.opened") == 6
                    && report.extract().<Integer>path("alerts.approved") == 3
                    && report.extract().<Integer>path("alerts.dismissed") == 1
                    && report.extract().<Integer>path("clearances.rejected") == 1
                    && report.extract().<Integer>path("clearances.approved") == 1
                    && report.extract().<Integer>path("monitored.households") == 2
                    && report.extract().<Integer>path("monitored.byRiskType.MARGINAL") == 1;
        });
    }

    @Test
    void countsSignalsByKindDepartmentAndOutcomeWithTheUnknownPersonsOfTheCounty() {
        report(COUNTY, null).statusCode(200)
                .body("region.code", equalTo(COUNTY))
                .body("asOf", equalTo(D.toString()))
                .body("signals.received", equalTo(9))
                .body("signals.unknownPersons", equalTo(1))
                .body("signals.byKind.MEDICAL_EXPENSE", equalTo(2))
                .body("signals.byKind.SUBSISTENCE_GRANTED", equalTo(2))
                .body("signals.byKind.DISASTER_LOSS", equalTo(1))
                .body("signals.byKind.SERIOUS_ILLNESS", equalTo(0))
                .body("signals.byDepartment.MEDICAL_INSURANCE", equalTo(2))
                .body("signals.byDepartment.CIVIL_AFFAIRS", equalTo(2))
                .body("signals.byDepartment.FUPIN", equalTo(2))
                .body("signals.byDepartment.HUMAN_RESOURCES", equalTo(1))
                .body("signals.byDepartment.HEALTH", equalTo(0))
                .body("signals.byOutcome.ALERT_OPENED", equalTo(6))
                .body("signals.byOutcome.ALERT_JOINED", equalTo(1))
                .body("signals.byOutcome.NO_WARNING", equalTo(1));
        // An unknown person is known only by the county of the ID number: no township counts them.
        report(T1, null)
                .body("signals.received", equalTo(6))
                .body("signals.unknownPersons", equalTo(0));
        report(COUNTY, D.minusDays(24)).body("signals.received", equalTo(2));
    }

    @Test
    void alertsByWhereTheyStandNow() {
        report(COUNTY, null)
                .body("alerts.opened", equalTo(6))
                .body("alerts.open", equalTo(2))
                .body("alerts.overdue", equalTo(1))
                .body("alerts.riskConfirmed", equalTo(3))
                .body("alerts.awaitingDecision", equalTo(0))
                .body("alerts.approved", equalTo(3))
                .body("alerts.dismissed", equalTo(1));
    }

    @Test
    void anAlertOpenAndOverdueOnAnEarlierDateWasVerifiedSince() {
        // D-24: A1 waits for its visit, due D-25; A3 was approved at D-40.
        report(COUNTY, D.minusDays(24))
                .body("alerts.opened", equalTo(2))
                .body("alerts.open", equalTo(1))
                .body("alerts.overdue", equalTo(1))
                .body("alerts.approved", equalTo(1))
                .body("rows.find { it.region.code == '" + T1 + "' }.overdueAlerts", equalTo(1));
        // D-16: A2's risk is confirmed and waits for the township.
        report(COUNTY, D.minusDays(16))
                .body("alerts.open", equalTo(0))
                .body("alerts.awaitingDecision", equalTo(1))
                .body("alerts.riskConfirmed", equalTo(3));
    }

    @Test
    void anAlertSentBackIsOpenAgainUntilItsNextVisit() {
        // Sent back at D-15, visited again at D-12: open (and past its due day D-14) in between.
        report(COUNTY, D.minusDays(14)).body("alerts.open", equalTo(1)).body("alerts.overdue", equalTo(0));
        report(COUNTY, D.minusDays(13)).body("alerts.open", equalTo(1)).body("alerts.overdue", equalTo(1))
                .body("alerts.awaitingDecision", equalTo(0));
        report(COUNTY, D.minusDays(12)).body("alerts.open", equalTo(0)).body("alerts.awaitingDecision", equalTo(1));
    }

    @Test
    void daysToTheFirstVisitAreTheirMedianAndNinetiethPercentile() {
        // First visits took 1, 2, 4 and 8 days; A2's second visit does not restart its clock.
        report(COUNTY, null)
                .body("verification.verified", equalTo(4))
                .body("verification.medianDays", equalTo(3.0f))
                .body("verification.p90Days", equalTo(6.8f));
        report(COUNTY, D.minusDays(20))
                .body("verification.verified", equalTo(2))
                .body("verification.medianDays", equalTo(6.0f))
                .body("verification.p90Days", equalTo(7.6f));
        report(COUNTY, D.minusDays(42))
                .body("verification.verified", equalTo(0))
                .body("verification.medianDays", nullValue());
    }

    @Test
    void householdsMonitoredByRiskTypeFromTheirStatusHistory() {
        report(COUNTY, null)
                .body("monitored.households", equalTo(2))
                .body("monitored.byRiskType.UNSTABLE_EXIT", equalTo(1))
                .body("monitored.byRiskType.MARGINAL", equalTo(1))
                .body("monitored.byRiskType.SUDDEN_HARDSHIP", equalTo(0));
        report(COUNTY, D.minusDays(13))
                .body("monitored.households", equalTo(2))
                .body("monitored.byRiskType.UNSTABLE_EXIT", equalTo(1))
                .body("monitored.byRiskType.MARGINAL", equalTo(0))
                .body("monitored.byRiskType.SUDDEN_HARDSHIP", equalTo(1));
        // H2 was registered as a monitored marginal household.
        report(COUNTY, D.minusDays(200))
                .body("monitored.households", equalTo(1))
                .body("monitored.byRiskType.MARGINAL", equalTo(1));
        // The overview counts the same households, the one flagged from NOT_POOR included.
        given().auth().oauth2(token()).queryParam("region", COUNTY).get("/api/v1/reports/overview").then()
                .body("households.byStatus.MONITORED", equalTo(2))
                .body("households.byStatus.EXITED", equalTo(1))
                .body("households.byStatus.NOT_POOR", equalTo(0));
    }

    @Test
    void riskClearancesAsDecidedByTheDate() {
        report(COUNTY, null)
                .body("clearances.proposed", equalTo(2))
                .body("clearances.pending", equalTo(0))
                .body("clearances.approved", equalTo(1))
                .body("clearances.rejected", equalTo(1));
        report(COUNTY, D.minusDays(6))
                .body("clearances.proposed", equalTo(1))
                .body("clearances.pending", equalTo(1))
                .body("clearances.approved", equalTo(0));
    }

    @Test
    void eachTownshipOfTheCountyAndEachVillageOfATownshipHasItsFigures() {
        report(COUNTY, null)
                .body("rows.region.code", equalTo(List.of(T1, T2)))
                .body("rows[0].openAlerts", equalTo(1))
                .body("rows[0].overdueAlerts", equalTo(0))
                .body("rows[0].monitoredHouseholds", equalTo(2))
                .body("rows[0].approvedClearances", equalTo(0))
                .body("rows[1].openAlerts", equalTo(1))
                .body("rows[1].overdueAlerts", equalTo(1))
                .body("rows[1].monitoredHouseholds", equalTo(0))
                .body("rows[1].approvedClearances", equalTo(1));
        report(T1, null)
                .body("rows.region.code", equalTo(List.of(V1, V2)))
                .body("rows[0].monitoredHouseholds", equalTo(2))
                .body("rows[1].openAlerts", equalTo(1));
        report(V1, null)
                .body("rows.size()", equalTo(0))
                .body("alerts.opened", equalTo(3))
                .body("alerts.approved", equalTo(2))
                .body("alerts.dismissed", equalTo(1))
                .body("monitored.households", equalTo(2));
    }

    @Test
    void answersCsvToo() {
        given().auth().oauth2(token()).accept("text/csv").queryParam("region", COUNTY)
                .get("/api/v1/reports/monitoring").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("region,asOf,figure,value\r\n"))
                .body(containsString(COUNTY + "," + D + ",alerts.open,2\r\n"))
                .body(containsString(COUNTY + "," + D + ",monitored.MARGINAL,1\r\n"))
                .body(containsString(COUNTY + "," + D + ",verification.medianDays,3.0\r\n"))
                .body(containsString(T2 + "," + D + ",alerts.overdue,1\r\n"));
    }

    @Test
    void aRegionOutsideTheCallersOrUnknownIsNotFoundAndTheFutureIsRefused() {
        given().auth().oauth2(token()).queryParam("region", "999999").get("/api/v1/reports/monitoring")
                .then().statusCode(404).body("code", equalTo("not-found"));
        given().auth().oauth2(TestTokens.token("analyst", "546000")).queryParam("region", COUNTY).get("/api/v1/reports/monitoring")
                .then().statusCode(404).body("code", equalTo("not-found"));
        report(COUNTY, D.plusDays(1)).statusCode(400).body("code", equalTo("invalid-parameter"));
        given().queryParam("region", COUNTY).get("/api/v1/reports/monitoring").then().statusCode(401);
    }

    private static String token() {
        return TestTokens.token("analyst", COUNTY);
    }

    private static ValidatableResponse report(String region, LocalDate asOf) {
        var request = given().auth().oauth2(token()).queryParam("region", region);
        if (asOf != null) {
            request.queryParam("asOf", asOf.toString());
        }
        return request.get("/api/v1/reports/monitoring").then();
    }

    private void registered(UUID id, String village, String status, String riskType, LocalDate on) {
        send(id.toString(), new HouseholdRegistered(id, village + "00001", village, "GENERAL", List.of("ILLNESS"), "ILLNESS", 2014,
                new BigDecimal("2500"), status, riskType, on, List.of(new MemberFacts(UUID.randomUUID(), "HEAD", "MALE", 1970,
                        "HEALTHY", null, false, "GRADUATED", "FULL", true, false))));
    }

    private void changed(UUID id, String village, String from, String to, String action, String riskType, LocalDate on) {
        send(id.toString(), new HouseholdStatusChanged(id, village, from, to, action, on, null, riskType, null, null));
    }

    private void signal(String region, String village, UUID household, String department, String kind, LocalDate receivedOn,
            String outcome, UUID alert) {
        UUID id = UUID.randomUUID();
        send(id.toString(), new SignalReceived(id, department, kind, receivedOn.minusDays(2), receivedOn, region, village, household,
                outcome, alert));
    }

    private void opened(UUID alert, UUID household, String village, LocalDate on, LocalDate due) {
        send(alert.toString(), new MonitoringAlertOpened(alert, household, village, on, due, "HELPER", UUID.randomUUID(),
                List.of(new RuleVersion("medical-burden", 1))));
    }

    private void verified(UUID alert, UUID household, String village, String outcome, String riskType, LocalDate openedOn,
            LocalDate on) {
        send(alert.toString(), new MonitoringAlertVerified(alert, household, village, outcome, riskType, openedOn, on));
    }

    private void decided(UUID alert, UUID household, String village, boolean approved, String riskType, LocalDate on) {
        send(alert.toString(), new MonitoringAlertDecided(alert, household, village, approved, approved ? "CONFIRMED" : "OPEN",
                riskType, on));
    }

    private void send(String key, Object data) {
        topic.send("household.events", key, CODEC.toJson(CODEC.envelope(UUID.randomUUID().toString(), "/test", key,
                Instant.now(), data)));
    }

    private static String json(UUID key, Object data) {
        return CODEC.toJson(CODEC.envelope(UUID.randomUUID().toString(), "/test", key.toString(), Instant.now(), data));
    }
}
