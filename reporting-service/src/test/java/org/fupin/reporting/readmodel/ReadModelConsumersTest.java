package org.fupin.reporting.readmodel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.events.EventCodec;
import org.fupin.events.assistance.VisitRecorded;
import org.fupin.events.household.HouseholdRegistered;
import org.fupin.events.household.MemberFacts;
import org.fupin.events.household.RegionUpserted;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.fupin.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The consumers apply each event once, batch or no batch, and set aside what can never apply. */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class ReadModelConsumersTest {

    private final EventCodec codec = new EventCodec();
    private final TopicProbe topic = new TopicProbe(InJvmKafka.bootstrapServers());
    private static String token(String county) {
        return TestTokens.token("analyst", county);
    }

    @Test
    void poisonRecordsOfEitherTopicGoToItsDeadLetterTopicAndTheOthersApply() {
        String county = "533000";
        String village = county + "101201";
        UUID household = UUID.randomUUID();
        UUID visit = UUID.randomUUID();
        send("household.events", county, new RegionUpserted(county, "毒县", "COUNTY", null, 100, false, false));
        send("household.events", village, new RegionUpserted(village, "毒村", "VILLAGE", county + "101", 100, true, false));
        topic.send("household.events", household.toString(), "{this is not a cloud event");
        send("household.events", household.toString(), registered(household, village));
        topic.send("assistance.events", visit.toString(), "[]");
        send("assistance.events", visit.toString(),
                new VisitRecorded(visit, UUID.randomUUID(), household, village, Instant.now(), true));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().auth().oauth2(token(county)).queryParam("region", county).get("/api/v1/reports/assistance")
                        .then().extract().statusCode() == 200
                        && given().auth().oauth2(token(county)).queryParam("region", county).get("/api/v1/reports/assistance")
                        .then().extract().<Integer>path("visits.riskObserved") == 1
                        && given().auth().oauth2(token(county)).queryParam("region", county).get("/api/v1/reports/overview")
                        .then().extract().<Integer>path("households.total") == 1);

        assertDeadLettered("household.events", household, "{this is not a cloud event");
        assertDeadLettered("assistance.events", visit, "[]");
    }

    @Test
    void anEventDeliveredTwiceCountsOnce() {
        String county = "534000";
        String village = county + "101201";
        UUID household = UUID.randomUUID();
        send("household.events", county, new RegionUpserted(county, "重县", "COUNTY", null, 100, false, false));
        String registration = json(household.toString(), registered(household, village));
        topic.send("household.events", household.toString(), registration);
        topic.send("household.events", household.toString(), registration);
        UUID marker = UUID.randomUUID();
        send("household.events", marker.toString(), registered(marker, village));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().auth().oauth2(token(county)).queryParam("region", county).get("/api/v1/reports/overview")
                        .then().extract().statusCode() == 200
                        && given().auth().oauth2(token(county)).queryParam("region", county).get("/api/v1/reports/overview")
                        .then().extract().<Integer>path("households.total") >= 2);
        assertThat(given().auth().oauth2(token(county)).queryParam("region", county).get("/api/v1/reports/overview")
                .then().extract().<Integer>path("people.total")).isEqualTo(4);
    }

    private void assertDeadLettered(String source, UUID key, String value) {
        List<ConsumerRecord<String, String>> dead = topic.readUntil(source + ".dlq", Duration.ofSeconds(20),
                records -> records.stream().anyMatch(r -> key.toString().equals(r.key())));
        ConsumerRecord<String, String> record = dead.stream().filter(r -> key.toString().equals(r.key())).findFirst().orElseThrow();
        assertThat(record.value()).isEqualTo(value);
        assertThat(new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("Not a CloudEvent");
        assertThat(new String(record.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(source);
    }

    private static HouseholdRegistered registered(UUID id, String village) {
        List<MemberFacts> members = List.of(
                new MemberFacts(UUID.randomUUID(), "HEAD", "MALE", 1970, "HEALTHY", null, false, "GRADUATED", "FULL", true, false),
                new MemberFacts(UUID.randomUUID(), "SPOUSE", "FEMALE", 1972, "HEALTHY", null, false, "GRADUATED", "FULL", true, false));
        return new HouseholdRegistered(id, village + "00001", village, "GENERAL", List.of("ILLNESS"), "ILLNESS", 2016,
                new BigDecimal("2500"), "POOR", null, LocalDate.of(2016, 5, 1), members);
    }

    private void send(String topicName, String key, Object data) {
        topic.send(topicName, key, json(key, data));
    }

    private String json(String key, Object data) {
        return codec.toJson(codec.envelope(UUID.randomUUID().toString(), "/test", key, Instant.now(), data));
    }
}
