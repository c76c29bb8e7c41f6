package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Webhooks through the whole suite: households registered and assessed at the gateway reach a real HTTP receiver
 * as signed CloudEvents, one household's in order, only those of the subscribed region; a receiver that fails or is
 * slow is retried, one that keeps failing suspends its subscription with the reason; replay and redelivery send
 * again; an internal address is never a target; a hanging receiver holds up nobody else.
 */
class WebhooksIT {

    private static final String COUNTY = "500241";
    private static final String TOWNSHIP = "500241101";
    private static final String VILLAGE = "500241101201";
    private static final String OTHER_VILLAGE = "500241102201";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String admin;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void countyAndReceiver() {
        Assumptions.assumeTrue(WebhookReceiver.externalAddress().isPresent(),
                "this machine has no interface but loopback, and a webhook may not go to loopback");
        E2eSuite.get();
        receiver = WebhookReceiver.get();
        admin = E2eSuite.countyAdmin("webhooks-admin", COUNTY);
        SuiteSliceIT.putRegion(admin, COUNTY, "彭水县", "COUNTY", null, 3000);
        SuiteSliceIT.putRegion(admin, TOWNSHIP, "保家镇", "TOWNSHIP", COUNTY, 1500);
        SuiteSliceIT.putRegion(admin, "500241102", "郁山镇", "TOWNSHIP", COUNTY, 1500);
        SuiteSliceIT.putRegion(admin, VILLAGE, "红庄村", "VILLAGE", TOWNSHIP, 800);
        SuiteSliceIT.putRegion(admin, OTHER_VILLAGE, "中井村", "VILLAGE", "500241102", 800);
    }

    @Test
    void signedDeliveriesOfTheSubscribedRegionArriveInOrderWhileAHangingReceiverWaits() throws Exception {
        Response created = subscribe(admin, "/ok/ordered", List.of("household.registered", "household.assessed"), TOWNSHIP);
        String subscription = created.path("subscription.id");
        String secret = created.path("secret");
        assertThat(secret).startsWith("whsec_");
        String hanging = subscribe(admin, "/hang/all", List.of("household.registered", "household.assessed"), COUNTY)
                .path("subscription.id");

        String household = register(VILLAGE);
        LocalDate day = LocalDate.now().minusDays(30);
        for (int i = 0; i < 3; i++) {
            as(admin).body(Households.assessment(day.plusDays(i), "A", 9000 + i)).post("/api/v1/households/" + household + "/assessments")
                    .then().statusCode(201);
        }
        String elsewhere = register(OTHER_VILLAGE);

        List<WebhookReceiver.Receipt> receipts = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> receiver.at("/ok/ordered"), list -> list.size() >= 4);
        List<JsonNode> events = receipts.stream().map(receipt -> parse(receipt.body())).toList();
        assertThat(events).extracting(event -> event.path("type").asText())
                .containsExactly("household.registered", "household.assessed", "household.assessed", "household.assessed");
        assertThat(events).extracting(event -> event.path("data").path("householdId").asText()).containsOnly(household);
        assertThat(events.subList(1, 4)).extracting(event -> event.path("data").path("assessedOn").asText())
                .containsExactly(day.toString(), day.plusDays(1).toString(), day.plusDays(2).toString());
        for (WebhookReceiver.Receipt receipt : receipts) {
            assertThat(receipt.id()).isEqualTo(parse(receipt.body()).path("id").asText());
            assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(receipt.timestamp()))).isLessThan(300);
            assertThat(receipt.signature()).isEqualTo(sign(secret, receipt.id(), receipt.timestamp(), receipt.body()));
            assertThat(receipt.contentType()).startsWith("application/cloudevents+json");
        }

        // The hanging receiver of the whole county has had nothing delivered, and held up nobody.
        given().auth().oauth2(admin).get("/api/v1/webhooks/subscriptions/" + hanging + "/deliveries?status=DELIVERED")
                .then().statusCode(200).body("items.size()", equalTo(0));

        // Nothing of the other township reached the township's subscription.
        Thread.sleep(1000);
        assertThat(receiver.at("/ok/ordered")).hasSize(4)
                .noneMatch(receipt -> receipt.body().contains(elsewhere));

        Response log = given().auth().oauth2(admin).get("/api/v1/webhooks/subscriptions/" + subscription + "/deliveries");
        log.then().statusCode(200).body("items.size()", equalTo(4));
        assertThat(log.jsonPath().getList("items.status", String.class)).containsOnly("DELIVERED");
        assertThat(log.jsonPath().getList("items.attempts", Integer.class)).containsOnly(1);
        assertThat(log.jsonPath().getList("items.lastStatusCode", Integer.class)).containsOnly(204);
        assertThat(log.jsonPath().getList("items.lastLatencyMs", Integer.class)).allMatch(ms -> ms >= 0 && ms < 2000);
    }

    @Test
    void failedAndSlowAttemptsAreRetriedUntilDelivered() {
        String flaky = subscribe(admin, "/flaky/registered", List.of("household.registered"), TOWNSHIP).path("subscription.id");
        String slow = subscribe(admin, "/slow/registered", List.of("household.registered"), TOWNSHIP).path("subscription.id");

        String household = register(VILLAGE);
        String eventId = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> delivered(flaky, household), id -> id != null);
        assertThat(receiver.at("/flaky/registered")).filteredOn(receipt -> receipt.id().equals(eventId))
                .extracting(WebhookReceiver.Receipt::answered).containsExactly(500, 500, 200);
        JsonNode delivery = parse(given().auth().oauth2(admin).get("/api/v1/webhooks/subscriptions/" + flaky + "/deliveries/" + eventId)
                .then().statusCode(200).extract().asString());
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.path("attemptLog").findValuesAsText("statusCode")).containsExactly("500", "500", "200");
        assertThat(delivery.path("attemptLog").get(0).path("error").asText()).isEqualTo("answered 500");

        String slowEvent = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> delivered(slow, household), id -> id != null);
        JsonNode slowDelivery = parse(given().auth().oauth2(admin)
                .get("/api/v1/webhooks/subscriptions/" + slow + "/deliveries/" + slowEvent)
                .then().statusCode(200).extract().asString());
        assertThat(slowDelivery.path("attempts").asInt()).isEqualTo(2);
        assertThat(slowDelivery.path("attemptLog").get(0).path("statusCode").isNull()).isTrue();
        assertThat(slowDelivery.path("attemptLog").get(0).path("error").asText())
                .contains("no answer within " + WebhookReceiver.TIMEOUT_MILLIS);
    }

    @Test
    void aReceiverThatKeepsFailingSuspendsItsSubscriptionAndReactivationSendsWhatWaited() {
        String path = "/down/suspension";
        String subscription = subscribe(admin, path, List.of("household.registered"), TOWNSHIP).path("subscription.id");
        String first = register(VILLAGE);

        await().atMost(Duration.ofSeconds(WebhookReceiver.GIVE_UP_SECONDS + 20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(admin).get("/api/v1/webhooks/subscriptions/" + subscription).then().statusCode(200)
                        .body("status", equalTo("SUSPENDED")));
        String reason = given().auth().oauth2(admin).get("/api/v1/webhooks/subscriptions/" + subscription).path("suspendedReason");
        assertThat(reason).contains("answered 503").contains("reactivate");
        int failedAttempts = receiver.at(path).size();
        assertThat(failedAttempts).isGreaterThanOrEqualTo(3);

        // Suspended, it sends nothing, but what happens meanwhile waits for it.
        String second = register(VILLAGE);
        sleep(1500);
        assertThat(receiver.at(path)).hasSize(failedAttempts);

        receiver.heal(path);
        as(admin).post("/api/v1/webhooks/subscriptions/" + subscription + "/reactivate").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("suspendedReason", equalTo(null));
        List<String> households = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> receiver.at(path).stream().filter(receipt -> receipt.answered() == 204)
                        .map(receipt -> parse(receipt.body()).path("data").path("householdId").asText()).toList(),
                        list -> list.size() >= 2);
        // Two households: each one's events in order, the two side by side in any order.
        assertThat(households).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void replaySendsAgainWhatWasDeliveredSinceATimeAndRedeliverySendsOneEvent() {
        String path = "/ok/replay";
        String subscription = subscribe(admin, path, List.of("household.registered"), TOWNSHIP).path("subscription.id");
        Instant before = Instant.now().minusSeconds(1);
        String household = register(VILLAGE);
        String eventId = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> delivered(subscription, household), id -> id != null);

        as(admin).body(Map.of("from", before.toString())).post("/api/v1/webhooks/subscriptions/" + subscription + "/replay")
                .then().statusCode(202).body("requeued", equalTo(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(path).stream().filter(r -> r.id().equals(eventId)).count() == 2);

        as(admin).post("/api/v1/webhooks/subscriptions/" + subscription + "/deliveries/" + eventId + "/redeliver")
                .then().statusCode(202).body("eventId", equalTo(eventId));
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(path).stream().filter(r -> r.id().equals(eventId)).count() == 3);

        as(admin).body(Map.of("from", Instant.now().minus(Duration.ofDays(31)).toString()))
                .post("/api/v1/webhooks/subscriptions/" + subscription + "/replay")
                .then().statusCode(422).body("code", equalTo("replay-beyond-retention"));
    }

    @Test
    void internalAddressesAreNeverATarget() {
        int port = receiver.port();
        Map<String, String> refused = Map.of(
                "http://127.0.0.1:" + port + "/ok/loopback", "target-forbidden",
                "http://localhost:" + port + "/ok/loopback", "target-forbidden",
                "http://[::1]:" + port + "/ok/loopback", "target-forbidden",
                "http://169.254.169.254/latest/meta-data", "target-forbidden",
                "http://10.1.2.3/hook", "target-forbidden",
                "https://no-such-receiver.invalid/hook", "target-unresolvable");
        String integrator = E2eSuite.caller("webhooks-refused", "integrator", COUNTY);
        refused.forEach((url, code) -> as(integrator)
                .body(Map.of("url", url, "eventTypes", List.of("household.registered")))
                .post("/api/v1/webhooks/subscriptions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("target-refused"))
                .body("errors[0].field", equalTo("url")).body("errors[0].code", equalTo(code)));
        given().auth().oauth2(integrator).get("/api/v1/webhooks/subscriptions").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void anIntegratorManagesItsOwnSubscriptionsOnlyAndTheSecretIsShownOnce() {
        String mine = E2eSuite.caller("webhooks-integrator-a", "integrator", COUNTY);
        String theirs = E2eSuite.caller("webhooks-integrator-b", "integrator", COUNTY);
        Response created = subscribe(mine, "/ok/integrator", List.of("visit.recorded"), null);
        String id = created.path("subscription.id");
        assertThat((String) created.path("subscription.region")).isEqualTo(COUNTY);
        assertThat((String) created.path("subscription.owner")).isEqualTo("webhooks-integrator-a");

        given().auth().oauth2(mine).get("/api/v1/webhooks/subscriptions/" + id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("secret")));
        given().auth().oauth2(theirs).get("/api/v1/webhooks/subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(theirs).delete("/api/v1/webhooks/subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(admin).get("/api/v1/webhooks/subscriptions/" + id).then().statusCode(200);
        given().auth().oauth2(E2eSuite.caller("webhooks-analyst", "analyst", COUNTY)).get("/api/v1/webhooks/subscriptions")
                .then().statusCode(403);
        as(mine).body(Map.of("url", receiver.url("/ok/x"), "eventTypes", List.of("household.exploded")))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(400)
                .body("errors[0].field", equalTo("eventTypes[0]"));

        given().auth().oauth2(mine).delete("/api/v1/webhooks/subscriptions/" + id).then().statusCode(204);
        given().auth().oauth2(mine).get("/api/v1/webhooks/subscriptions/" + id).then().statusCode(404);
    }

    private static Response subscribe(String token, String path, List<String> types, String region) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("url", receiver.url(path), "eventTypes", types,
                "description", "end-to-end receiver " + path));
        if (region != null) {
            body.put("region", region);
        }
        Response created = as(token).body(body).post("/api/v1/webhooks/subscriptions");
        created.then().statusCode(201).header("Location", startsWith("http")).body("subscription.status", equalTo("ACTIVE"));
        return created;
    }

    private static String register(String village) {
        return as(admin).body(Households.household(village, 2)).post("/api/v1/households").then().statusCode(201).extract().path("id");
    }

    /** The id of the household's delivered registration event in the subscription's log, or null while there is none. */
    private static String delivered(String subscription, String household) {
        for (WebhookReceiver.Receipt receipt : List.copyOf(allReceipts())) {
            JsonNode event = parse(receipt.body());
            if (event.path("data").path("householdId").asText().equals(household) && receipt.answered() < 300) {
                Response log = given().auth().oauth2(admin)
                        .get("/api/v1/webhooks/subscriptions/" + subscription + "/deliveries/" + receipt.id());
                if (log.statusCode() == 200 && "DELIVERED".equals(log.path("status"))) {
                    return receipt.id();
                }
            }
        }
        return null;
    }

    private static List<WebhookReceiver.Receipt> allReceipts() {
        return java.util.stream.Stream.of("/flaky/registered", "/slow/registered", "/ok/replay")
                .flatMap(path -> receiver.at(path).stream()).toList();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    /** Standard Webhooks, computed here from the specification, not with the service's code. */
    private static String sign(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] signed = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(signed);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
