package org.fupin.assistance.visit;

import org.fupin.testing.CountyCalendar;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.fupin.assistance.Fixtures;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * An app syncing after working offline: a batch of 500 visits with 20 duplicates (10 stored by an
 * earlier sync, 10 repeated within the batch itself) and 10 invalid items answers exactly 470
 * ACCEPTED, 20 DUPLICATE and 10 REJECTED with the right codes, in request order, and stores exactly
 * the accepted visits.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class VisitBatchApiTest {

    /** An item of the batch and the answer it must get. */
    private record Item(Map<String, Object> body, String kind, String code) {
    }

    @Test
    void answersEachOfFiveHundredVisitsInRequestOrder() {
        Fixtures.Township township = Fixtures.township(1);
        List<UUID> households = Fixtures.households(township.village(), 10);
        String helper = Fixtures.helper(10);
        households.forEach(household -> Fixtures.pair(helper, household, CountyCalendar.today().minusDays(60)));
        String stranger = Fixtures.helper(5);
        String officer = TestTokens.token("township-officer", township.code());

        List<Map<String, Object>> earlier = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            earlier.add(visit(helper, households.get(i), i));
        }
        JsonPath first = batch(officer, earlier);
        assertThat(first.getList("results.status", String.class)).containsOnly("ACCEPTED").hasSize(10);

        List<Item> items = new ArrayList<>();
        List<Map<String, Object>> fresh = new ArrayList<>();
        for (int i = 0; i < 470; i++) {
            Map<String, Object> visit = visit(helper, households.get(i % 10), 10 + i);
            fresh.add(visit);
            items.add(new Item(visit, "fresh", null));
        }
        for (Map<String, Object> stored : earlier) {
            items.add(new Item(new HashMap<>(stored), "stored", null));
        }
        for (int i = 0; i < 10; i++) {
            items.add(new Item(new HashMap<>(fresh.get(i * 47)), "fresh", null));
        }
        for (int i = 0; i < 3; i++) {
            items.add(new Item(visit(stranger, households.get(i), 1000 + i), "rejected", "not-paired"));
            items.add(new Item(visit(helper, UUID.randomUUID(), 1100 + i), "rejected", "unknown-household"));
        }
        for (int i = 0; i < 2; i++) {
            Map<String, Object> future = visit(helper, households.get(i), 1200 + i);
            future.put("visitedAt", Instant.now().plus(2, ChronoUnit.DAYS).toString());
            items.add(new Item(future, "rejected", "validation-failed"));
        }
        Map<String, Object> unreadable = visit(helper, households.get(5), 1300);
        unreadable.put("visitedAt", "yesterday");
        items.add(new Item(unreadable, "rejected", "invalid-value"));
        Map<String, Object> conflict = new HashMap<>(earlier.get(0));
        conflict.put("notes", "其他內容");
        items.add(new Item(conflict, "rejected", "visit-id-conflict"));
        Collections.shuffle(items, new Random(20200630));
        assertThat(items).hasSize(500);

        JsonPath answer = batch(officer, items.stream().map(Item::body).toList());

        List<Map<String, Object>> results = answer.getList("results");
        assertThat(results).hasSize(500);
        Set<Object> seenInBatch = new HashSet<>();
        Set<Object> accepted = new HashSet<>();
        Set<Object> rejectedIds = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            Item item = items.get(i);
            Map<String, Object> result = results.get(i);
            assertThat(result.get("id")).as("result " + i + " answers item " + i).isEqualTo(item.body().get("id"));
            String expected = switch (item.kind()) {
                case "fresh" -> seenInBatch.add(item.body().get("id")) ? "ACCEPTED" : "DUPLICATE";
                case "stored" -> "DUPLICATE";
                default -> "REJECTED";
            };
            assertThat(result.get("status")).as("status of item " + i).isEqualTo(expected);
            assertThat(result.get("code")).as("code of item " + i).isEqualTo(item.code());
            if ("ACCEPTED".equals(expected)) {
                accepted.add(item.body().get("id"));
            } else if ("REJECTED".equals(expected)) {
                assertThat((String) result.get("message")).as("message of item " + i).isNotBlank();
                rejectedIds.add(item.body().get("id"));
            }
        }
        assertThat(answer.getList("results.status", String.class))
                .filteredOn("ACCEPTED"::equals).hasSize(470);
        assertThat(answer.getList("results.status", String.class))
                .filteredOn("DUPLICATE"::equals).hasSize(20);
        assertThat(answer.getList("results.status", String.class))
                .filteredOn("REJECTED"::equals).hasSize(10);
        assertThat(answer.getList("results.findAll { it.status == 'REJECTED' }.code", String.class))
                .containsExactlyInAnyOrder("not-paired", "not-paired", "not-paired", "unknown-household", "unknown-household",
                        "unknown-household", "validation-failed", "validation-failed", "invalid-value", "visit-id-conflict");

        Set<Object> listed = listedVisits(officer, township.code());
        Set<Object> expectedIds = new HashSet<>(accepted);
        earlier.forEach(visit -> expectedIds.add(visit.get("id")));
        assertThat(listed).hasSize(480).isEqualTo(expectedIds);
        rejectedIds.remove(conflict.get("id"));
        assertThat(listed).doesNotContainAnyElementsOf(rejectedIds);
        given().auth().oauth2(officer).get("/api/v1/visits/" + conflict.get("id"))
                .then().statusCode(200).body("notes", equalTo(earlier.get(0).get("notes")));
        assertThat(Fixtures.events((String) fresh.get(0).get("id"), 1)).hasSize(1);
    }

    @Test
    void refusesMoreThanFiveHundredVisitsAndRecordsNone() {
        Fixtures.Township township = Fixtures.township(1);
        UUID household = Fixtures.household(township.village());
        String helper = Fixtures.helper(1);
        Fixtures.pair(helper, household, CountyCalendar.today().minusDays(60));
        List<Map<String, Object>> visits = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            visits.add(visit(helper, household, i));
        }
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON).body(Map.of("visits", visits))
                .post("/api/v1/visits/batch")
                .then().statusCode(413).body("code", equalTo("batch-too-large"));
        assertThat(listedVisits(Fixtures.ADMIN, township.code())).isEmpty();
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON).body(Map.of("visits", List.of(Map.of("id", 5))))
                .post("/api/v1/visits/batch")
                .then().statusCode(200).body("results[0].status", equalTo("REJECTED")).body("results[0].id", equalTo("5"))
                .body("results[0].code", equalTo("invalid-value"));
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON).header("Accept-Language", "zh-Hans")
                .body(Map.of("visits", List.of(visit(Fixtures.helper(1), household, 1))))
                .post("/api/v1/visits/batch")
                .then().statusCode(200).body("results[0].code", equalTo("not-paired"))
                .body("results[0].errors[0].message", equalTo("走访当天不是该户的帮扶责任人。"));
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON).body(Map.of("items", List.of()))
                .post("/api/v1/visits/batch").then().statusCode(400).body("code", equalTo("unknown-field"));
    }

    private static JsonPath batch(String token, List<Map<String, Object>> visits) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("visits", visits))
                .post("/api/v1/visits/batch")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Set<Object> listedVisits(String token, String region) {
        Set<Object> ids = new HashSet<>();
        String cursor = null;
        do {
            JsonPath page = given().auth().oauth2(token).queryParam("region", region).queryParam("limit", 200)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/v1/visits").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    /** A visit n hours ago (each n its own time), noting a risk every seventh time. */
    private static Map<String, Object> visit(String helper, UUID household, int n) {
        Map<String, Object> visit = new HashMap<>();
        visit.put("id", UUID.randomUUID().toString());
        visit.put("helperId", helper);
        visit.put("householdId", household.toString());
        visit.put("visitedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(n + 1L, ChronoUnit.HOURS).toString());
        visit.put("notes", "走訪 " + n);
        visit.put("riskObserved", n % 7 == 0);
        return visit;
    }
}
