package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.fupin.suite.Suite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The transactional outbox with the real broker process killed: writes keep succeeding, and once
 * the broker is back every event arrives, in order per aggregate, and the reports catch up.
 */
class OutboxResilienceIT {

    private static final String COUNTY = "500235";
    private static final String TOWNSHIP = "500235102";
    private static final String VILLAGE = "500235102201";

    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = E2eSuite.get();
    }

    @Test
    void writesSucceedWhileTheBrokerIsDownAndEveryEventArrivesInOrderOnceItIsBack() {
        String token = suite.token("county-admin", COUNTY);
        SuiteSliceIT.putRegion(token, COUNTY, "云阳县", "COUNTY", null, 2000);
        SuiteSliceIT.putRegion(token, TOWNSHIP, "江口镇", "TOWNSHIP", COUNTY, 1500);
        SuiteSliceIT.putRegion(token, VILLAGE, "龙洞村", "VILLAGE", TOWNSHIP, 700);
        String analyst = suite.token("analyst", COUNTY);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().auth().oauth2(analyst).queryParam("region", TOWNSHIP).get("/api/v1/reports/overview").statusCode() == 200);

        suite.stopKafka();
        List<String> names = List.of("江口镇（一）", "江口镇（二）", "江口镇（三）");
        try {
            for (int i = 0; i < 3; i++) {
                given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Households.household(VILLAGE, 2))
                        .post("/api/v1/households")
                        .then().statusCode(201);
            }
            for (String name : names) {
                renameTownship(token, name);
            }
            // Every service stays ready without the broker, and says so at once: on Kubernetes a failed (or 3 s slow)
            // readiness probe would take the pods out of their Service and refuse the writes that just succeeded.
            for (String service : List.of("household", "assistance", "reporting", "webhook")) {
                assertThat(readiness(service)).as(service + " is ready while the broker is down").isEqualTo(200);
            }
        } finally {
            suite.startKafka();
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(analyst).queryParam("region", TOWNSHIP)
                        .get("/api/v1/reports/overview")
                        .then().statusCode(200)
                        .body("households.total", equalTo(3))
                        .body("currentlyPoor.people", equalTo(6))
                        .body("region.name", equalTo(names.get(2))));

        List<String> published = townshipNamesOnTheTopic();
        assertThat(published).containsSubsequence(names);
        assertThat(published.get(published.size() - 1)).isEqualTo(names.get(2));
    }

    @Test
    void underAWriteLoadTheBrokerStopsAndRestartsAndTheReportsEqualTheGroundTruth() throws Exception {
        String token = suite.token("county-admin", COUNTY);
        // A township no other end-to-end test uses: the report compares counts with the ground truth.
        String township = COUNTY + "171";
        String village = township + "201";
        SuiteSliceIT.putRegion(token, COUNTY, "云阳县", "COUNTY", null, 2000);
        SuiteSliceIT.putRegion(token, township, "负载镇", "TOWNSHIP", COUNTY, 1500);
        SuiteSliceIT.putRegion(token, village, "负载村", "VILLAGE", township, 700);
        int households = 90;
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger people = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor();
        // The writer waits for the broker to be gone after its first 20 writes, so that the next 30 certainly happen
        // while it is away (on an idle machine all 90 took 4 s, less than stopping the broker does).
        java.util.concurrent.CountDownLatch brokerDown = new java.util.concurrent.CountDownLatch(1);
        try {
            // Every write must succeed, before, during and after the broker's absence.
            java.util.concurrent.Future<?> load = writer.submit(() -> {
                for (int i = 0; i < households; i++) {
                    if (i == 20) {
                        brokerDown.await();
                    }
                    int members = 1 + i % 4;
                    given().auth().oauth2(token).contentType(ContentType.JSON).body(Households.household(village, members))
                            .post("/api/v1/households").then().statusCode(201);
                    written.incrementAndGet();
                    people.addAndGet(members);
                }
                return null;
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> written.get() >= 20);
            suite.stopKafka();
            try {
                brokerDown.countDown();
                await().atMost(Duration.ofSeconds(30)).until(() -> written.get() >= 50 || load.isDone());
                assertThat(written.get()).as("writes while the broker is away").isGreaterThanOrEqualTo(50);
            } finally {
                suite.startKafka();
            }
            load.get();
        } finally {
            writer.shutdownNow();
        }
        assertThat(written.get()).isEqualTo(households);
        String analyst = suite.token("analyst", COUNTY);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(analyst).queryParam("region", village)
                        .get("/api/v1/reports/overview")
                        .then().statusCode(200)
                        .body("households.total", equalTo(households))
                        .body("people.total", equalTo(people.get())));
    }

    private static int readiness(String service) {
        URI ready = URI.create("http://127.0.0.1:" + E2eSuite.PORTS.managementOf(service) + "/q/health/ready");
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new AssertionError("GET " + ready + " failed within 3 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void renameTownship(String token, String name) {
        Response current = given().auth().oauth2(token).get("/api/v1/regions/" + TOWNSHIP);
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("level", "TOWNSHIP");
        body.put("parentCode", COUNTY);
        body.put("ruralPopulation", 1500);
        body.put("poorVillage", false);
        body.put("deepPoverty", false);
        given().auth().oauth2(token).header("If-Match", current.header("ETag"))
                .contentType(ContentType.JSON).body(body)
                .put("/api/v1/regions/" + TOWNSHIP)
                .then().statusCode(200)
                .body("name", equalTo(name));
    }

    /** The names of the township in the order its region.upserted events sit on its partition. */
    private static List<String> townshipNamesOnTheTopic() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.settings().kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> names = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of("household.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && names.size() < 4) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (TOWNSHIP.equals(record.key())) {
                        names.add(io.restassured.path.json.JsonPath.from(record.value()).getString("data.name"));
                    }
                }
            }
        }
        return names;
    }
}
