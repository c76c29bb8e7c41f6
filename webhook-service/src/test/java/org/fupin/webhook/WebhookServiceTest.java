package org.fupin.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.ManagementInterface;
import org.fupin.testing.TestTokens;
import org.fupin.webhook.signing.Signatures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The service with its real database, a real broker and a real receiver: the rules of a subscription, the order and
 * region of deliveries (a household's assessment, which names no village, goes where its registration went), and
 * suspension after the give-up time (3 s in the test profile).
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(Receiver.class)
class WebhookServiceTest {

    private static final String COUNTY = TestTokens.COUNTY;
    private static final String TOWNSHIP = COUNTY + "101";

    @Test
    void isReadyWithItsDatabaseWithOrWithoutKafka() {
        given().baseUri(ManagementInterface.url()).get("/q/health/ready").then().statusCode(200)
                // The database, not Kafka: without the broker a pod still serves (events wait in the outbox); the
                // messaging check stays, its channels' readiness off (OutboxResilienceIT stops the broker).
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", not(hasItem(containsString("Kafka"))));
    }

    @Test
    void aSubscriptionNamesKnownEventTypesATargetOutsideTheServiceAndARegionOfTheCallers() {
        post(admin(), Map.of("url", Receiver.url("/ok/rules"), "eventTypes", List.of("household.registered", "no.such-type")))
                .then().statusCode(400).body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("eventTypes[1]")).body("errors[0].code", equalTo("unknown-event-type"));
        post(admin(), Map.of("url", "http://127.0.0.1:" + Receiver.port() + "/ok", "eventTypes", List.of("household.registered")))
                .then().statusCode(422).body("code", equalTo("target-refused")).body("errors[0].code", equalTo("target-forbidden"));
        post(admin(), Map.of("url", "http://192.168.7.7/hook", "eventTypes", List.of("household.registered")))
                .then().statusCode(422).body("errors[0].code", equalTo("target-forbidden"));
        post(admin(), Map.of("url", "ftp://files.example/hook", "eventTypes", List.of("household.registered")))
                .then().statusCode(400).body("errors[0].field", equalTo("url")).body("errors[0].code", equalTo("format"));
        post(admin(), Map.of("url", Receiver.url("/ok/rules"), "eventTypes", List.of("household.registered"), "region", "500236"))
                .then().statusCode(404);
        post(admin(), Map.of("url", Receiver.url("/ok/rules"), "eventTypes", List.of("household.registered"), "secret", "whsec_short"))
                .then().statusCode(400).body("errors[0].field", equalTo("secret"));
        given().auth().oauth2(TestTokens.token("analyst", COUNTY)).get("/api/v1/webhooks/subscriptions").then().statusCode(403);
    }

    @Test
    void oneHouseholdsEventsArriveInOrderOnlyAtSubscriptionsOfItsRegion() {
        String secret = Signatures.newSecret();
        post(admin(), Map.of("url", Receiver.url("/ok/township"), "eventTypes", List.of("household.registered", "household.assessed"),
                "region", TOWNSHIP, "secret", secret)).then().statusCode(201).body("secret", equalTo(secret));
        String household = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String registered = UUID.randomUUID().toString();
        String assessed = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("household.events", household, event(registered, "household.registered",
                    "{\"householdId\":\"" + household + "\",\"villageCode\":\"" + TOWNSHIP + "201\"}")));
            producer.send(new ProducerRecord<>("household.events", other, event(UUID.randomUUID().toString(), "household.registered",
                    "{\"householdId\":\"" + other + "\",\"villageCode\":\"" + COUNTY + "102201\"}")));
            producer.send(new ProducerRecord<>("household.events", household, event(assessed, "household.assessed",
                    "{\"householdId\":\"" + household + "\",\"assessmentId\":\"" + UUID.randomUUID() + "\"}")));
            producer.send(new ProducerRecord<>("household.events", other, event(UUID.randomUUID().toString(), "household.assessed",
                    "{\"householdId\":\"" + other + "\",\"assessmentId\":\"" + UUID.randomUUID() + "\"}")));
        }
        List<Receiver.Request> received = await().atMost(Duration.ofSeconds(20))
                .until(() -> Receiver.at("/ok/township"), requests -> requests.size() >= 2);
        assertThat(received).extracting(Receiver.Request::id).containsExactly(registered, assessed);
        for (Receiver.Request request : received) {
            assertThat(request.signature()).isEqualTo(Signatures.sign(secret, request.id(), Long.parseLong(request.timestamp()),
                    request.body()));
        }
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> Receiver.at("/ok/township").size() == 2);
    }

    @Test
    void aReceiverThatKeepsFailingSuspendsItsSubscriptionWithTheReason() {
        String id = post(admin(), Map.of("url", Receiver.url("/down/always"), "eventTypes", List.of("unit.registered")))
                .then().statusCode(201).extract().path("subscription.id");
        try (KafkaProducer<String, String> producer = producer()) {
            String unit = UUID.randomUUID().toString();
            producer.send(new ProducerRecord<>("assistance.events", unit, event(UUID.randomUUID().toString(), "unit.registered",
                    "{\"unitId\":\"" + unit + "\",\"name\":\"Water bureau\"}")));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin()).get("/api/v1/webhooks/subscriptions/" + id)
                .then().statusCode(200).body("status", equalTo("SUSPENDED")));
        String reason = given().auth().oauth2(admin()).get("/api/v1/webhooks/subscriptions/" + id).path("suspendedReason");
        assertThat(reason).contains("answered 503");
        int attempts = Receiver.at("/down/always").size();
        assertThat(attempts).isGreaterThanOrEqualTo(3);
        given().auth().oauth2(admin()).get("/api/v1/webhooks/subscriptions/" + id + "/deliveries?status=PENDING").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].attempts", equalTo(attempts))
                .body("items[0].lastStatusCode", equalTo(503));
    }

    private static Response post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/webhooks/subscriptions");
    }

    private static String admin() {
        return TestTokens.token("county-admin", COUNTY);
    }

    private static String event(String id, String type, String data) {
        return "{\"id\":\"" + id + "\",\"source\":\"/test\",\"specversion\":\"1.0\",\"type\":\"" + type + "\",\"time\":\""
                + Instant.now() + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InJvmKafka.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }
}
