package org.fupin.reporting.cases;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.fupin.events.EventCodec;
import org.fupin.events.household.CaseDecided;
import org.fupin.events.household.CaseObjected;
import org.fupin.events.household.CaseOpened;
import org.fupin.events.household.CaseStageCompleted;
import org.fupin.events.household.RegionUpserted;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.fupin.testing.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The pipeline report from case events through the real broker: an exit approved five days ago, an
 * identification overdue at its verification, and an exit stopped by an objection, now and as of earlier.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class CasesReportTest {

    private static final String COUNTY = "541000";
    private static final String TOWNSHIP = COUNTY + "101";
    private static final String VILLAGE = TOWNSHIP + "201";
    private static final LocalDate D = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final UUID APPROVED = UUID.randomUUID();
    private static final UUID OVERDUE = UUID.randomUUID();
    private static final UUID OBJECTED = UUID.randomUUID();

    private static final EventCodec CODEC = new EventCodec();
    private static boolean sent;

    /** Sent once, before the first test reads the report (the application is up by then). */
    @BeforeEach
    void casesOfAVillage() {
        if (sent) {
            return;
        }
        sent = true;
        TopicProbe topic = new TopicProbe(InJvmKafka.bootstrapServers());
        send(topic, COUNTY, new RegionUpserted(COUNTY, "例縣", "COUNTY", null, 1000, false, false));
        send(topic, TOWNSHIP, new RegionUpserted(TOWNSHIP, "例鎮", "TOWNSHIP", COUNTY, 1000, false, false));
        send(topic, VILLAGE, new RegionUpserted(VILLAGE, "例村", "VILLAGE", TOWNSHIP, 1000, true, false));

        send(topic, APPROVED, new CaseOpened(APPROVED, UUID.randomUUID(), VILLAGE, "EXIT", D.minusDays(30), "VERIFICATION", D.minusDays(20)));
        completed(topic, APPROVED, "EXIT", "VERIFICATION", "AGREED", D.minusDays(30), D.minusDays(28), "ACKNOWLEDGEMENT", null, D.minusDays(21));
        completed(topic, APPROVED, "EXIT", "ACKNOWLEDGEMENT", "AGREED", D.minusDays(28), D.minusDays(27), "APPRAISAL", null, D.minusDays(12));
        completed(topic, APPROVED, "EXIT", "APPRAISAL", "PASSED", D.minusDays(27), D.minusDays(26), "VILLAGE_NOTICE", D.minusDays(19),
                D.minusDays(9));
        completed(topic, APPROVED, "EXIT", "VILLAGE_NOTICE", "RAN", D.minusDays(26), D.minusDays(19), "TOWNSHIP_REVIEW", null, D.minusDays(9));
        completed(topic, APPROVED, "EXIT", "TOWNSHIP_REVIEW", "APPROVED", D.minusDays(19), D.minusDays(15), "COUNTY_APPROVAL", null, D);
        completed(topic, APPROVED, "EXIT", "COUNTY_APPROVAL", "APPROVED", D.minusDays(15), D.minusDays(5), null, null, null);
        send(topic, APPROVED, new CaseDecided(APPROVED, UUID.randomUUID(), VILLAGE, "EXIT", "APPROVED", "COUNTY_APPROVAL", D.minusDays(5),
                D.minusDays(5)));

        send(topic, OVERDUE, new CaseOpened(OVERDUE, UUID.randomUUID(), VILLAGE, "IDENTIFY", D.minusDays(10), "VERIFICATION", D.minusDays(5)));

        send(topic, OBJECTED, new CaseOpened(OBJECTED, UUID.randomUUID(), VILLAGE, "EXIT", D.minusDays(20), "VERIFICATION", D.minusDays(10)));
        completed(topic, OBJECTED, "EXIT", "VERIFICATION", "AGREED", D.minusDays(20), D.minusDays(18), "ACKNOWLEDGEMENT", null, D.minusDays(11));
        completed(topic, OBJECTED, "EXIT", "ACKNOWLEDGEMENT", "AGREED", D.minusDays(18), D.minusDays(17), "APPRAISAL", null, D.minusDays(2));
        completed(topic, OBJECTED, "EXIT", "APPRAISAL", "PASSED", D.minusDays(17), D.minusDays(3), "VILLAGE_NOTICE", D.plusDays(4),
                D.plusDays(14));
        send(topic, OBJECTED, new CaseObjected(OBJECTED, UUID.randomUUID(), VILLAGE, "EXIT", "VILLAGE_NOTICE", UUID.randomUUID(),
                D.minusDays(1), D.plusDays(9)));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> report(null).extract().statusCode() == 200
                && report(null).extract().<Integer>path("objected") == 1);
    }

    @Test
    void countsCasesByKindAndOutcome() {
        report(null)
                .body("kinds.find { it.kind == 'EXIT' }.approved", equalTo(1))
                .body("kinds.find { it.kind == 'EXIT' }.objected", equalTo(1))
                .body("kinds.find { it.kind == 'EXIT' }.open", equalTo(0))
                .body("kinds.find { it.kind == 'IDENTIFY' }.open", equalTo(1));
    }

    @Test
    void countsOpenCasesByTheStageTheyWaitAtAndTheOverdueOnes() {
        report(null)
                .body("stages.find { it.stage == 'VERIFICATION' }.waiting", equalTo(1))
                .body("stages.find { it.stage == 'VERIFICATION' }.overdue", equalTo(1))
                .body("stages.find { it.stage == 'VERIFICATION' }.label", equalTo("入戶核實"))
                .body("stages.find { it.stage == 'COUNTY_APPROVAL' }.waiting", equalTo(0))
                .body("overdue", equalTo(1));
    }

    @Test
    void asOfAnEarlierDateShowsWhereEachCaseStoodThen() {
        report(D.minusDays(6))
                .body("kinds.find { it.kind == 'EXIT' }.open", equalTo(2))
                .body("kinds.find { it.kind == 'EXIT' }.approved", equalTo(0))
                .body("stages.find { it.stage == 'COUNTY_APPROVAL' }.waiting", equalTo(1))
                .body("stages.find { it.stage == 'APPRAISAL' }.waiting", equalTo(1))
                .body("stages.find { it.stage == 'VERIFICATION' }.waiting", equalTo(1))
                .body("objected", equalTo(0))
                .body("overdue", equalTo(0));
    }

    @Test
    void theStageAfterANoticeWaitsFromTheDayTheNoticeEnds() {
        // On the notice's last day the case is under notice; the day it ends it waits for the township.
        report(D.minusDays(20)).body("stages.find { it.stage == 'VILLAGE_NOTICE' }.waiting", equalTo(1));
        report(D.minusDays(19)).body("stages.find { it.stage == 'TOWNSHIP_REVIEW' }.waiting", equalTo(1));
    }

    @Test
    void timesStagesTookAreTheirMedianAndNinetiethPercentile() {
        report(null)
                .body("durations.find { it.stage == 'VERIFICATION' }.completed", equalTo(2))
                .body("durations.find { it.stage == 'VERIFICATION' }.medianDays", equalTo(2.0f))
                .body("durations.find { it.stage == 'APPRAISAL' }.medianDays", equalTo(7.5f))
                .body("durations.find { it.stage == 'VILLAGE_NOTICE' }.medianDays", equalTo(7.0f));
    }

    @Test
    void eachTownshipOfTheCountyHasItsPipeline() {
        report(null)
                .body("rows[0].region.code", equalTo(TOWNSHIP))
                .body("rows[0].waiting.VERIFICATION", equalTo(1))
                .body("rows[0].objected", equalTo(1))
                .body("rows[0].overdue", equalTo(1));
    }

    @Test
    void anUnknownKindIsRefused() {
        given().auth().oauth2(TestTokens.token("analyst", COUNTY)).queryParam("region", COUNTY).queryParam("kind", "PROMOTE")
                .get("/api/v1/reports/cases").then().statusCode(400).body("code", equalTo("invalid-parameter"));
    }

    private static ValidatableResponse report(LocalDate asOf) {
        var request = given().auth().oauth2(TestTokens.token("analyst", COUNTY)).queryParam("region", COUNTY);
        if (asOf != null) {
            request.queryParam("asOf", asOf.toString());
        }
        return request.get("/api/v1/reports/cases").then();
    }

    private static void completed(TopicProbe topic, UUID id, String kind, String stage, String result, LocalDate started,
            LocalDate completed, String next, LocalDate noticeEndsOn, LocalDate due) {
        send(topic, id, new CaseStageCompleted(id, UUID.randomUUID(), VILLAGE, kind, stage, result, started, completed, next,
                noticeEndsOn == null ? null : completed, noticeEndsOn, due));
    }

    private static void send(TopicProbe topic, Object key, Object data) {
        topic.send("household.events", key.toString(), CODEC.toJson(CODEC.envelope(UUID.randomUUID().toString(), "/test",
                key.toString(), Instant.now(), data)));
    }
}
