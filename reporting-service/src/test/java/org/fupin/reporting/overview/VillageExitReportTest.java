package org.fupin.reporting.overview;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.fupin.events.EventCodec;
import org.fupin.events.household.RegionUpserted;
import org.fupin.events.household.VillageExitDecided;
import org.fupin.events.household.VillageExitProposed;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.fupin.testing.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Poor-village exits (貧困村出列) the county decided, from events through the real broker: counted from the
 * announcement's date on, with the date on the village's row; a rejection counts nothing. The decision is
 * sent before its village's own region event, as two keys of a topic may arrive.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class VillageExitReportTest {

    private static final String COUNTY = "542000";
    private static final String TOWNSHIP = COUNTY + "101";
    private static final String EXITED = TOWNSHIP + "201";
    private static final String REJECTED = TOWNSHIP + "202";
    private static final LocalDate D = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(10);
    private static final EventCodec CODEC = new EventCodec();
    private static boolean sent;

    @BeforeEach
    void twoPoorVillagesOneExitDecided() {
        if (sent) {
            return;
        }
        sent = true;
        TopicProbe topic = new TopicProbe(InJvmKafka.bootstrapServers());
        UUID exit = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        send(topic, exit, new VillageExitProposed(exit, EXITED, D.minusDays(20), 3, 500, new java.math.BigDecimal("0.006"),
                new java.math.BigDecimal("0.03")));
        send(topic, exit, new VillageExitDecided(exit, EXITED, "APPROVED", D));
        send(topic, rejected, new VillageExitDecided(rejected, REJECTED, "REJECTED", D));
        send(topic, COUNTY, new RegionUpserted(COUNTY, "出列縣", "COUNTY", null, 1000, false, false));
        send(topic, TOWNSHIP, new RegionUpserted(TOWNSHIP, "出列鎮", "TOWNSHIP", COUNTY, 1000, false, false));
        send(topic, EXITED, new RegionUpserted(EXITED, "出列村", "VILLAGE", TOWNSHIP, 500, true, false));
        send(topic, REJECTED, new RegionUpserted(REJECTED, "未出列村", "VILLAGE", TOWNSHIP, 500, true, false));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                report("overview", null).statusCode(200).body("villages.poor", equalTo(2)).body("villages.poorExitDecided", equalTo(1)));
    }

    @Test
    void anApprovedExitCountsFromTheAnnouncementsDateOn() {
        report("overview", D).statusCode(200).body("villages.poorExitDecided", equalTo(1))
                // Neither village has a poor household: both meet the threshold, decided or not.
                .body("villages.poorExited", equalTo(2));
        report("overview", D.minusDays(1)).statusCode(200).body("villages.poorExitDecided", equalTo(0));
    }

    @Test
    void theVillagesRowCarriesTheDateOfTheDecision() {
        given().auth().oauth2(TestTokens.token("analyst", COUNTY)).queryParam("region", TOWNSHIP)
                .get("/api/v1/reports/breakdown").then().statusCode(200)
                .body("rows.find { it.region.code == '" + EXITED + "' }.exitDecidedOn", equalTo(D.toString()))
                .body("rows.find { it.region.code == '" + EXITED + "' }.villages.poorExitDecided", equalTo(1))
                .body("rows.find { it.region.code == '" + REJECTED + "' }.exitDecidedOn", nullValue());
        given().auth().oauth2(TestTokens.token("analyst", COUNTY)).queryParam("region", TOWNSHIP)
                .queryParam("asOf", D.minusDays(1).toString()).get("/api/v1/reports/breakdown").then().statusCode(200)
                .body("rows.find { it.region.code == '" + EXITED + "' }.exitDecidedOn", nullValue());
        given().auth().oauth2(TestTokens.token("analyst", COUNTY)).accept("text/csv").queryParam("region", TOWNSHIP)
                .get("/api/v1/reports/breakdown").then().statusCode(200)
                .body(containsString("poorVillagesExitDecided,exitDecidedOn"))
                .body(containsString(",1," + D + "\r\n"));
    }

    private static ValidatableResponse report(String name, LocalDate asOf) {
        var request = given().auth().oauth2(TestTokens.token("analyst", COUNTY)).queryParam("region", COUNTY);
        if (asOf != null) {
            request.queryParam("asOf", asOf.toString());
        }
        return request.get("/api/v1/reports/" + name).then();
    }

    private static void send(TopicProbe topic, Object key, Object data) {
        topic.send("household.events", key.toString(), CODEC.toJson(CODEC.envelope(UUID.randomUUID().toString(), "/test",
                key.toString(), Instant.now(), data)));
    }
}
