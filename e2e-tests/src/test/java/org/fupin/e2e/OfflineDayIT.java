package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A village cadre's app through a day without network: it syncs its village in the morning; offline it records a
 * visit, a household's confirmation of a measure and two assessments, while a township officer changes one of the two
 * households; it syncs in the evening. Every item gets its answer (the visit, the confirmation and one assessment
 * accepted, the other assessment reported as a conflict with the household as it is now), sending again after a lost
 * answer duplicates nothing, the change feed brings the officer's change, and the assessment sent again on the current
 * version is accepted: nothing is lost, nothing is written twice.
 */
class OfflineDayIT {

    private static final String COUNTY = "500243";
    private static final String TOWNSHIP = COUNTY + "101";
    private static final String VILLAGE = TOWNSHIP + "201";

    @Test
    void anAppOfflineForADaySyncsEveryItemAndReportsTheConflict() {
        E2eSuite.get();
        String admin = E2eSuite.countyAdmin("offline-admin", COUNTY);
        SuiteSliceIT.putRegion(admin, COUNTY, "石柱县", "COUNTY", null, 2000);
        SuiteSliceIT.putRegion(admin, TOWNSHIP, "黄水镇", "TOWNSHIP", COUNTY, 1500);
        SuiteSliceIT.putRegion(admin, VILLAGE, "金花村", "VILLAGE", TOWNSHIP, 800);
        String calm = created(admin, "/api/v1/households", Households.household(VILLAGE, 2));
        String busy = created(admin, "/api/v1/households", Households.household(VILLAGE, 3));
        String group = created(admin, "/api/v1/assistance-groups", Map.of("name", "石柱帮扶集团"));
        String unit = created(admin, "/api/v1/units", Map.of("name", "石柱县农业局", "type", "DEPARTMENT", "groupId", group,
                "regionCode", COUNTY));
        String helper = created(admin, "/api/v1/helpers", Map.of("name", "钱帮扶", "phone", "13900003333", "unitId", unit,
                "kind", "CADRE"));
        Map<String, Object> pairing = Map.of("kind", "HELPER_HOUSEHOLD", "helperId", helper, "householdId", calm);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> post(admin, "/api/v1/pairings", pairing).statusCode() != 422);

        String measure = created(admin, "/api/v1/measures", Map.of("type", "INDUSTRY", "householdId", calm,
                "provider", Map.of("kind", "HELPER", "id", helper), "amount", 3000,
                "startedOn", LocalDate.now().minusDays(10).toString(), "status", "IN_PROGRESS"));

        String cadre = E2eSuite.caller("offline-cadre", "village-cadre", VILLAGE);
        String officer = E2eSuite.caller("offline-officer", "township-officer", TOWNSHIP);

        // Morning: the app syncs its village from scratch.
        Sync morning = changes(cadre, null);
        assertThat(morning.households()).containsExactlyInAnyOrder(calm, busy);
        long calmVersion = morning.versionOf(calm);
        long busyVersion = morning.versionOf(busy);
        String cursor = morning.cursor();
        long measureVersion = Long.parseLong(given().auth().oauth2(cadre).get("/api/v1/measures/" + measure).then().statusCode(200)
                .extract().header("ETag").replace("\"", ""));

        // Offline: a visit and two assessments wait in the app; meanwhile the township officer changes one household.
        Map<String, Object> visit = Map.of("id", UUID.randomUUID().toString(), "helperId", helper, "householdId", calm,
                "visitedAt", visitTime().toString(),
                "notes", "走访, 看了住房");
        Map<String, Object> calmAssessment = item(calm, calmVersion, LocalDate.now().minusDays(1));
        Map<String, Object> busyAssessment = item(busy, busyVersion, LocalDate.now().minusDays(1));
        Map<String, Object> confirmation = Map.of("id", UUID.randomUUID().toString(), "measureId", measure,
                "baseVersion", measureVersion, "confirmedOn", LocalDate.now().minusDays(1).toString());
        String busyEtag = given().auth().oauth2(officer).get("/api/v1/households/" + busy).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(officer).contentType("application/merge-patch+json").header("If-Match", busyEtag)
                .body(Map.of("address", "金花村三组8号")).patch("/api/v1/households/" + busy).then().statusCode(200);

        // Evening: back online, the queue goes out.
        post(cadre, "/api/v1/visits/batch", Map.of("visits", List.of(visit))).then().statusCode(200)
                .body("results[0].status", equalTo("ACCEPTED"));
        post(cadre, "/api/v1/measures/confirmations/batch", Map.of("items", List.of(confirmation))).then().statusCode(200)
                .body("results[0].status", equalTo("ACCEPTED"));
        JsonPath evening = post(cadre, "/api/v1/households/batch", Map.of("items", List.of(calmAssessment, busyAssessment)))
                .then().statusCode(200).extract().jsonPath();
        assertThat(evening.getList("results.status", String.class)).containsExactly("ACCEPTED", "CONFLICT");
        long busyNow = evening.getLong("results[1].currentVersion");
        assertThat(busyNow).isGreaterThan(busyVersion);
        assertThat(evening.getString("results[1].current.id")).isEqualTo(busy);

        // The answers were lost on the way: the app sends the same queue again, and nothing is written twice.
        post(cadre, "/api/v1/visits/batch", Map.of("visits", List.of(visit))).then().statusCode(200)
                .body("results[0].status", equalTo("DUPLICATE"));
        post(cadre, "/api/v1/measures/confirmations/batch", Map.of("items", List.of(confirmation))).then().statusCode(200)
                .body("results[0].status", equalTo("DUPLICATE"));
        JsonPath again = post(cadre, "/api/v1/households/batch", Map.of("items", List.of(calmAssessment, busyAssessment)))
                .then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("results.status", String.class)).containsExactly("DUPLICATE", "CONFLICT");
        assertThat(again.getString("results[0].recordId")).isEqualTo(evening.getString("results[0].recordId"));

        // The feed brings the officer's change; the user looks at it and sends the assessment again, on the current version.
        Sync changed = changes(cadre, cursor);
        assertThat(changed.households()).contains(busy);
        assertThat(changed.versionOf(busy)).isEqualTo(busyNow);
        Map<String, Object> resent = item(busy, busyNow, LocalDate.now().minusDays(1));
        post(cadre, "/api/v1/households/batch", Map.of("items", List.of(resent))).then().statusCode(200)
                .body("results[0].status", equalTo("ACCEPTED"));

        // Nothing lost, nothing twice.
        given().auth().oauth2(cadre).get("/api/v1/households/" + calm + "/assessments").then().statusCode(200).body("size()", equalTo(1));
        given().auth().oauth2(cadre).get("/api/v1/households/" + busy + "/assessments").then().statusCode(200).body("size()", equalTo(1));
        given().auth().oauth2(cadre).queryParam("householdId", calm).get("/api/v1/visits").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].id", equalTo(visit.get("id")));
        given().auth().oauth2(cadre).get("/api/v1/measures/" + measure).then().statusCode(200)
                .body("confirmedOn", equalTo(LocalDate.now().minusDays(1).toString()));
    }

    /**
     * Two hours ago, but not before the county's midnight: the helper was paired today (county time), and a visit must
     * fall within the pairing.
     */
    private static Instant visitTime() {
        Instant twoHoursAgo = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant midnight = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai"))
                .toInstant();
        return twoHoursAgo.isBefore(midnight) ? midnight.plusSeconds(1) : twoHoursAgo;
    }

    /** What one sync brought: every page's items, and the cursor to keep. */
    private record Sync(List<Map<String, Object>> items, String cursor) {

        List<String> households() {
            return items.stream().map(item -> (String) item.get("householdId")).toList();
        }

        long versionOf(String household) {
            return items.stream().filter(item -> household.equals(item.get("householdId")))
                    .map(item -> ((Number) item.get("version")).longValue()).reduce((first, last) -> last).orElseThrow();
        }
    }

    private static Sync changes(String token, String since) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = since;
        JsonPath page;
        do {
            var request = given().auth().oauth2(token);
            if (cursor != null) {
                request.queryParam("since", cursor);
            }
            page = request.get("/api/v1/households/changes").then().statusCode(200).extract().jsonPath();
            items.addAll(page.<Map<String, Object>>getList("items"));
            cursor = page.getString("cursor");
        } while (page.getBoolean("hasMore"));
        return new Sync(items, cursor);
    }

    private static Map<String, Object> item(String household, long baseVersion, LocalDate on) {
        return Map.of("id", UUID.randomUUID().toString(), "kind", "ASSESSMENT", "householdId", household, "baseVersion", baseVersion,
                "assessment", Households.assessment(on, "A", 9000));
    }

    private static String created(String token, String path, Object body) {
        Response response = post(token, path, body);
        assertThat(response.statusCode()).as("POST %s: %s", path, response.asString()).isEqualTo(201);
        return response.jsonPath().getString("id");
    }

    private static Response post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path);
    }
}
