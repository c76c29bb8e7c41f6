package org.fupin.assistance;

import org.fupin.testing.CountyCalendar;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fupin.events.CloudEvent;
import org.fupin.events.EventCodec;
import org.fupin.events.EventSchemas;
import org.fupin.events.household.HouseholdRegistered;
import org.fupin.events.household.HouseholdStatusChanged;
import org.fupin.events.household.MemberFacts;
import org.fupin.events.household.RegionUpserted;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.fupin.testing.TopicProbe;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;

/**
 * What the tests of this service stand on: regions and households fed to the replica through
 * household.events on the real broker (as household-service would), helpers and units created
 * through the API, and the events read back from assistance.events. Every test gets a township
 * of its own, so that tests never see each other's records.
 */
public final class Fixtures {

    public static final String COUNTY = "500235";
    public static final String ADMIN = TestTokens.token("county-admin");

    private static final AtomicInteger NEXT_TOWNSHIP = new AtomicInteger(100);
    private static final AtomicInteger NEXT_HOUSEHOLD = new AtomicInteger(1);
    private static final EventCodec CODEC = new EventCodec();
    private static final EventSchemas SCHEMAS = new EventSchemas(CODEC);
    private static KafkaProducer<String, String> producer;

    private Fixtures() {
    }

    /** A township of its own with the given number of villages, known to the replica. */
    public record Township(String code, List<String> villages) {

        public String village() {
            return villages.get(0);
        }
    }

    public static Township township(int villages) {
        return township(COUNTY, villages);
    }

    /** A township of its own in the given county, with the given number of villages, known to the replica. */
    public static Township township(String county, int villages) {
        String township = county + NEXT_TOWNSHIP.getAndIncrement();
        county(county);
        send(township, new RegionUpserted(township, "双土镇" + township, "TOWNSHIP", county, 10_000, false, false));
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= villages; i++) {
            String village = township + String.format("%03d", 200 + i);
            send(village, new RegionUpserted(village, "桂林村" + village, "VILLAGE", township, 1000, i == 1, false));
            codes.add(village);
        }
        awaitCount("select count(*) from region_replica where code like '" + township + "%'", villages + 1);
        return new Township(township, codes);
    }

    /** A fresh village (the first of a township of its own, a poor village). */
    public static String village() {
        return township(1).village();
    }

    /** Households registered in the village (status POOR), replicated. */
    public static List<UUID> households(String village, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            sendAsync(id.toString(), registered(id, village));
        }
        producer().flush();
        awaitHouseholds(ids);
        return ids;
    }

    public static UUID household(String village) {
        return households(village, 1).get(0);
    }

    /** Sends household.status-changed and waits until the replica shows the new status. */
    public static void changeStatus(UUID household, String village, String from, String to, String action) {
        send(household.toString(), new HouseholdStatusChanged(household, village, from, to, action, CountyCalendar.today().minusDays(1),
                "REMOVE".equals(action) ? "MISIDENTIFIED" : null, null, null, null));
        awaitCount("select count(*) from household_replica where household_id = '" + household + "' and status = '" + to + "'", 1);
    }

    public static HouseholdRegistered registered(UUID id, String village) {
        return new HouseholdRegistered(id, village + String.format("%05d", NEXT_HOUSEHOLD.getAndIncrement() % 100_000), village,
                "GENERAL", List.of("ILLNESS"), "ILLNESS", 2016, new BigDecimal("2800.00"), "POOR", null,
                LocalDate.of(2019, 6, 1), List.of(new MemberFacts(UUID.randomUUID(), "HEAD", "MALE", 1970, "HEALTHY", null,
                        false, "GRADUATED", "FULL", true, false)));
    }

    public static void send(String key, Object data) {
        sendAsync(key, data);
        producer().flush();
    }

    private static void sendAsync(String key, Object data) {
        String json = CODEC.toJson(CODEC.envelope(UUID.randomUUID().toString(), "/test", key, Instant.now(), data));
        producer().send(new ProducerRecord<>("household.events", key, json));
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InJvmKafka.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.ACKS_CONFIG, "all"));
        }
        return producer;
    }

    private static void awaitHouseholds(List<UUID> ids) {
        StringBuilder in = new StringBuilder();
        for (UUID id : ids) {
            in.append(in.isEmpty() ? "'" : ",'").append(id).append("'");
        }
        awaitCount("select count(*) from household_replica where household_id in (" + in + ")", ids.size());
    }

    private static void awaitCount(String sql, int expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> count(sql) >= expected);
    }

    /** A count by SQL, in a transaction of its own (reads what the service committed). */
    public static long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Arc.container()
                .instance(EntityManager.class).get().createNativeQuery(sql).getSingleResult()).longValue());
    }

    /** The county, known to the replica: units and groups belong to a region the registry knows. */
    public static void county() {
        county(COUNTY);
    }

    public static void county(String code) {
        send(code, new RegionUpserted(code, "云阳县", "COUNTY", null, 1_000_000, false, false));
        awaitCount("select count(*) from region_replica where code = '" + code + "'", 1);
    }

    // Organisation, through the API.

    public static String group() {
        county();
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("name", "第三幫扶集團"))
                .post("/api/v1/assistance-groups").then().statusCode(201).extract().path("id");
    }

    public static String unit() {
        county();
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "雲陽縣農業農村委員會", "type", "DEPARTMENT"))
                .post("/api/v1/units").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> helperBody(String unit, Integer maxHouseholds) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "王建國");
        body.put("phone", "13900001111");
        body.put("unitId", unit);
        body.put("kind", "CADRE");
        if (maxHouseholds != null) {
            body.put("maxHouseholds", maxHouseholds);
        }
        return body;
    }

    public static String helper(int maxHouseholds) {
        return helper(unit(), maxHouseholds);
    }

    public static String helper(String unit, int maxHouseholds) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(helperBody(unit, maxHouseholds))
                .post("/api/v1/helpers").then().statusCode(201).extract().path("id");
    }

    /** Pairs helper and household from the given date; returns the pairing's id. */
    public static String pair(String helper, UUID household, LocalDate startDate) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("kind", "HELPER_HOUSEHOLD", "helperId", helper, "householdId", household.toString(),
                        "startDate", startDate.toString()))
                .post("/api/v1/pairings").then().statusCode(201).extract().path("id");
    }

    public static String pair(String helper, UUID household) {
        return pair(helper, household, CountyCalendar.today().minusDays(10));
    }

    public static String etag(String path) {
        return given().auth().oauth2(ADMIN).get(path).then().statusCode(200).extract().header("ETag");
    }

    // Events, read back from the topic.

    /**
     * The events of the aggregate on assistance.events, in the order they were published, once
     * at least {@code atLeast} arrived; each one is checked against its schema.
     */
    public static List<CloudEvent> events(String aggregateId, int atLeast) {
        List<ConsumerRecord<String, String>> records = new TopicProbe(InJvmKafka.bootstrapServers())
                .readUntil("assistance.events", Duration.ofSeconds(30),
                        read -> read.stream().filter(r -> aggregateId.equals(r.key())).count() >= atLeast);
        List<CloudEvent> events = records.stream().filter(r -> aggregateId.equals(r.key()))
                .map(r -> CODEC.parse(r.value())).toList();
        events.forEach(event -> {
            assertThat(SCHEMAS.violations(event)).as(event.type() + " " + event.data()).isEmpty();
            assertThat(event.subject()).isEqualTo(aggregateId);
        });
        assertThat(events).as("events of " + aggregateId).hasSizeGreaterThanOrEqualTo(atLeast);
        return events;
    }
}
