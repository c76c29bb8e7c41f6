package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * One record of every kind in a county of a test's own, for the fuzzers that send requests to
 * every operation (BadInputIT, OpenApiConformanceIT): keyed by the collection a path names
 * ("households", "pairings", ...), so that a generated {id} finds a record that exists.
 */
final class OneOfEveryKind {

    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

    private OneOfEveryKind() {
    }

    /**
     * Defines the county, a township and a village named after {@code label}, and creates in them a
     * household of two (members is its child, not its head: should a removal get through, the head's
     * rules would hide it), an assistance group, a unit, a helper paired with the household, a
     * measure, a visit, a work team and a war zone.
     */
    static Map<String, String> in(String admin, String county, String township, String village, String label) {
        Map<String, String> records = new HashMap<>();
        SuiteSliceIT.putRegion(admin, county, label + "县", "COUNTY", null, 2000);
        SuiteSliceIT.putRegion(admin, township, label + "镇", "TOWNSHIP", county, 1500);
        SuiteSliceIT.putRegion(admin, village, label + "村", "VILLAGE", township, 800);
        records.put("regions", village);

        Response household = post(admin, "/api/v1/households", Households.household(village, 2));
        assertThat(household.statusCode()).as(household.asString()).isEqualTo(201);
        String householdId = household.jsonPath().getString("id");
        records.put("households", householdId);
        records.put("members", household.jsonPath().getString("members[1].id"));

        String group = created(admin, "/api/v1/assistance-groups", Map.of("name", label + "帮扶集团"));
        String unit = created(admin, "/api/v1/units", Map.of("name", label + "县农业局", "type", "DEPARTMENT", "groupId", group,
                "regionCode", county));
        String helper = created(admin, "/api/v1/helpers", Map.of("name", "赵帮扶", "phone", "13900002222", "unitId", unit,
                "kind", "CADRE"));
        records.put("assistance-groups", group);
        records.put("units", unit);
        records.put("helpers", helper);
        // The replica learns of the household from household.events: until then a pairing is refused (and changes nothing).
        Map<String, Object> pairing = Map.of("kind", "HELPER_HOUSEHOLD", "helperId", helper, "householdId", householdId);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> post(admin, "/api/v1/pairings", pairing).statusCode() != 422);
        records.put("pairings", given().auth().oauth2(admin).queryParam("householdId", householdId)
                .get("/api/v1/pairings").then().statusCode(200).extract().path("items[0].id"));
        records.put("measures", created(admin, "/api/v1/measures", Map.of("type", "INDUSTRY", "householdId", householdId,
                "provider", Map.of("kind", "HELPER", "id", helper), "amount", 3000,
                "startedOn", LocalDate.now(COUNTY_ZONE).toString(), "status", "PLANNED")));
        records.put("visits", created(admin, "/api/v1/visits", Map.of("id", UUID.randomUUID().toString(), "helperId", helper,
                "householdId", householdId, "visitedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "notes", "走访")));
        records.put("work-teams", created(admin, "/api/v1/work-teams", Map.of("villageCode", village, "leaderId", helper)));
        records.put("war-zones", created(admin, "/api/v1/war-zones", Map.of("name", label + "战区", "leaderId", helper,
                "townshipCodes", List.of(township))));
        return records;
    }

    private static String created(String admin, String path, Map<String, Object> body) {
        Response response = post(admin, path, body);
        assertThat(response.statusCode()).as("POST %s: %s", path, response.asString()).isEqualTo(201);
        return response.jsonPath().getString("id");
    }

    private static Response post(String admin, String path, Object body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post(path);
    }
}
