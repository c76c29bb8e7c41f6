package org.fupin.household.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.events.CloudEvent;
import org.fupin.events.EventCodec;
import org.fupin.events.EventSchemas;
import org.fupin.household.Fixtures;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.fupin.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Registering a household through the API against real PostgreSQL and a real Kafka broker. */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class HouseholdRegistrationTest {

    private final EventCodec codec = new EventCodec();
    private final EventSchemas schemas = new EventSchemas(codec);

    @Test
    void registersAHouseholdAndPublishesAValidEventWithoutPersonalData() {
        String village = Fixtures.freshVillage();
        Map<String, Object> household = Fixtures.household(village);
        @SuppressWarnings("unchecked")
        String headIdNumber = (String) ((List<Map<String, Object>>) household.get("members")).get(0).get("idNumber");

        String id = given().auth().oauth2(TestTokens.token("village-cadre", village))
                .contentType(ContentType.JSON).body(household)
                .post("/api/v1/households")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/households/[0-9a-f-]{36}"))
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("POOR"))
                .body("householdNo", startsWith(village))
                .body("members[0].relation", equalTo("HEAD"))
                .body("members[0].gender", equalTo("MALE"))
                .body("members[0].birthDate", equalTo(headIdNumber.substring(6, 10) + "-" + headIdNumber.substring(10, 12) + "-"
                        + headIdNumber.substring(12, 14)))
                .body("members[0].idNumber", equalTo(headIdNumber))
                .extract().path("id");

        List<ConsumerRecord<String, String>> records = new TopicProbe(InJvmKafka.bootstrapServers())
                .readUntil("household.events", Duration.ofSeconds(20),
                        read -> read.stream().anyMatch(r -> id.equals(r.key())));
        ConsumerRecord<String, String> record = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        CloudEvent event = codec.parse(record.value());
        assertThat(event.type()).isEqualTo("household.registered");
        assertThat(event.subject()).isEqualTo(id);
        assertThat(schemas.violations(event)).isEmpty();
        String headName = (String) ((List<Map<String, Object>>) household.get("members")).get(0).get("name");
        assertThat(record.value()).doesNotContain(headIdNumber).doesNotContain(headName).doesNotContain("13800138000");
    }

    @Test
    void masksIdNumbersForIntegratorsAndHidesOtherTownshipsHouseholds() {
        String village = Fixtures.freshVillage();
        String id = given().auth().oauth2(TestTokens.token("county-admin"))
                .contentType(ContentType.JSON).body(Fixtures.household(village))
                .post("/api/v1/households").then().statusCode(201).extract().path("id");

        given().auth().oauth2(TestTokens.token("integrator"))
                .get("/api/v1/households/" + id)
                .then().statusCode(200)
                .body("members[0].idNumber", matchesPattern("500235\\*{8}\\d{3}[\\dX]"))
                .body("members[0].idNumberMasked", equalTo(true));

        String otherTownship = Fixtures.freshVillage().substring(0, 9);
        given().auth().oauth2(TestTokens.token("township-officer", otherTownship))
                .get("/api/v1/households/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not-found"));
    }

    @Test
    void rejectsAnIdNumberWithAWrongCheckDigitAndStoresNothing() {
        String village = Fixtures.freshVillage();
        Map<String, Object> household = Fixtures.household(village);
        @SuppressWarnings("unchecked")
        Map<String, Object> head = ((List<Map<String, Object>>) household.get("members")).get(0);
        String valid = (String) head.get("idNumber");
        char wrong = valid.charAt(17) == '1' ? '2' : '1';
        head.put("idNumber", valid.substring(0, 17) + wrong);

        given().auth().oauth2(TestTokens.token("county-admin"))
                .contentType(ContentType.JSON).body(household)
                .post("/api/v1/households")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("errors.field", hasItem("members[0].idNumber"))
                .body("errors.code", hasItem("id-number-check-digit"));

        // Nothing was stored: the corrected household registers with household number 00001.
        head.put("idNumber", valid);
        given().auth().oauth2(TestTokens.token("county-admin"))
                .contentType(ContentType.JSON).body(household)
                .post("/api/v1/households")
                .then().statusCode(201)
                .body("householdNo", equalTo(village + "00001"));
    }

    @Test
    void refusesASecondUseOfAnIdNumber() {
        String village = Fixtures.freshVillage();
        Map<String, Object> first = Fixtures.household(village);
        given().auth().oauth2(TestTokens.token("county-admin"))
                .contentType(ContentType.JSON).body(first)
                .post("/api/v1/households").then().statusCode(201);

        Map<String, Object> second = Fixtures.household(village);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> members = (List<Map<String, Object>>) second.get("members");
        @SuppressWarnings("unchecked")
        String reused = (String) ((List<Map<String, Object>>) first.get("members")).get(1).get("idNumber");
        members.get(1).put("idNumber", reused);
        given().auth().oauth2(TestTokens.token("county-admin"))
                .contentType(ContentType.JSON).body(second)
                .post("/api/v1/households")
                .then().statusCode(409)
                .body("code", equalTo("duplicate-id-number"))
                .body("errors[0].field", equalTo("members[1].idNumber"));
    }

    /**
     * Eight registrations of the same people at once, in eight villages (so that no counter row orders them):
     * the unique index lets one through, and every other gets the 409 a sequential repeat gets, naming each
     * member, with nothing of it stored.
     */
    @Test
    void registrationsRacingWithTheSameIdNumbersStoreOneHouseholdAndNameTheMembersInEveryRefusal() throws Exception {
        Map<String, Object> people = Fixtures.household(Fixtures.freshVillage());
        List<Callable<io.restassured.response.Response>> registrations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Map<String, Object> household = new HashMap<>(people);
            household.put("villageCode", Fixtures.freshVillage());
            registrations.add(() -> given().auth().oauth2(TestTokens.token("county-admin")).contentType(ContentType.JSON).body(household)
                    .post("/api/v1/households"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<io.restassured.response.Response> answers = new ArrayList<>();
        try {
            for (Future<io.restassured.response.Response> answer : pool.invokeAll(registrations)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 201).hasSize(1);
        List<io.restassured.response.Response> refused = answers.stream().filter(answer -> answer.statusCode() != 201).toList();
        assertThat(refused).hasSize(7).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(409);
            assertThat(answer.jsonPath().getString("code")).isEqualTo("duplicate-id-number");
            assertThat(answer.jsonPath().getList("errors.field")).containsExactly("members[0].idNumber", "members[1].idNumber");
        });
        @SuppressWarnings("unchecked")
        String idNumber = (String) ((List<Map<String, Object>>) people.get("members")).get(0).get("idNumber");
        given().auth().oauth2(TestTokens.token("county-admin")).queryParam("q", idNumber).get("/api/v1/households")
                .then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void repeatsTheFirstAnswerForARepeatedIdempotencyKeyAndRefusesTheKeyForAnotherBody() {
        String village = Fixtures.freshVillage();
        Map<String, Object> household = Fixtures.household(village);
        String key = "mobile-" + java.util.UUID.randomUUID();
        String token = TestTokens.token("village-cadre", village);
        String first = given().auth().oauth2(token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(household)
                .post("/api/v1/households")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(household)
                .post("/api/v1/households")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/households/" + first))
                .body("id", equalTo(first));
        household.put("address", "another address");
        given().auth().oauth2(token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(household)
                .post("/api/v1/households")
                .then().statusCode(422)
                .body("code", equalTo("idempotency-key-reused"));
        given().auth().oauth2(token).queryParam("region", village).get("/api/v1/households")
                .then().body("items", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void answers401WithoutATokenAnd403ForAnAnalyst() {
        String village = Fixtures.freshVillage();
        given().contentType(ContentType.JSON).body(Fixtures.household(village))
                .post("/api/v1/households")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("unauthenticated"));
        given().auth().oauth2(TestTokens.token("analyst"))
                .contentType(ContentType.JSON).body(Fixtures.household(village))
                .post("/api/v1/households")
                .then().statusCode(403)
                .body("code", equalTo("forbidden"));
    }

    @Test
    void rejectsUnknownFieldsAndAnswersInTheCallersLanguage() {
        Map<String, Object> household = Fixtures.household(Fixtures.freshVillage());
        household.put("surprise", true);
        given().auth().oauth2(TestTokens.token("county-admin"))
                .header("Accept-Language", "zh-Hant")
                .header("X-Request-Id", "test-req-1")
                .contentType(ContentType.JSON).body(household)
                .post("/api/v1/households")
                .then().statusCode(400)
                .header("X-Request-Id", "test-req-1")
                .body("code", equalTo("unknown-field"))
                .body("title", equalTo("未知欄位"))
                .body("requestId", equalTo("test-req-1"))
                .body("errors[0].field", equalTo("surprise"));
    }
}
