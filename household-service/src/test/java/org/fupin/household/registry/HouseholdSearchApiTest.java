package org.fupin.household.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.fupin.household.Fixtures;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Finding households by name in either script, number or ID number, with filters, pages, scope and CSV. */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class HouseholdSearchApiTest {

    private final String admin = TestTokens.token("county-admin");

    @Test
    void findsNamesInSimplifiedOrTraditionalScriptAlike() {
        String village = Fixtures.freshVillage();
        String township = village.substring(0, 9);
        String traditional = register(village, "張雲陽", List.of("ILLNESS"));
        String simplified = register(village, "李云", List.of("DISASTER"));
        String compound = register(village, "司马云阳", List.of("ILLNESS"));
        register(village, "王大明", List.of("ILLNESS"));

        search(Map.of("region", township, "q", "张云阳")).then().statusCode(200)
                .body("items.id", contains(traditional));
        // Three characters or more match anywhere in a name, in either script.
        search(Map.of("region", township, "q", "馬雲陽")).then().statusCode(200)
                .body("items.id", contains(compound));
        // One or two characters match the start of a name: a surname, or a two-character name.
        search(Map.of("region", township, "q", "李雲")).then().body("items.id", contains(simplified));
        search(Map.of("region", township, "q", "張")).then().body("items.headName", contains("張雲陽"));
        search(Map.of("region", township, "q", "雲")).then().statusCode(200).body("items", empty());
    }

    @Test
    void findsByHouseholdNumberAndExactIdNumber() {
        String village = Fixtures.freshVillage();
        Map<String, Object> household = household(village, "赵四", List.of("ILLNESS"));
        @SuppressWarnings("unchecked")
        String idNumber = (String) ((List<Map<String, Object>>) household.get("members")).get(1).get("idNumber");
        var created = given().auth().oauth2(admin).contentType(ContentType.JSON).body(household)
                .post("/api/v1/households").then().statusCode(201).extract();
        String id = created.path("id");
        String number = created.path("householdNo");

        search(Map.of("q", number)).then().body("items.id", contains(id));
        search(Map.of("q", idNumber.toLowerCase())).then().body("items.id", contains(id));
        search(Map.of("q", idNumber.substring(0, 17))).then().body("items", empty());
    }

    @Test
    void filtersByStatusCategoryAndCauseAndPagesThroughTheResult() {
        String village = Fixtures.freshVillage();
        String first = register(village, "甲一", List.of("ILLNESS"));
        String second = register(village, "乙二", List.of("ILLNESS", "DISASTER"));
        String third = register(village, "丙三", List.of("DISASTER"));

        search(Map.of("region", village, "cause", "DISASTER")).then().body("items.id", contains(second, third));
        search(Map.of("region", village, "status", "POOR", "category", "GENERAL")).then().body("items", hasSize(3));
        search(Map.of("region", village, "status", "EXITED")).then().body("items", empty());

        String cursor = search(Map.of("region", village, "limit", 2)).then().statusCode(200)
                .body("items.id", contains(first, second))
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        search(Map.of("region", village, "limit", 2, "cursor", cursor)).then()
                .body("items.id", contains(third))
                .body("nextCursor", nullValue());
    }

    @Test
    void refusesBadParameters() {
        search(Map.of("status", "RICH")).then().statusCode(400).body("code", equalTo("invalid-parameter"))
                .body("errors.field", contains("status"));
        search(Map.of("limit", 501)).then().statusCode(400).body("code", equalTo("invalid-parameter"));
        search(Map.of("cursor", "forged!")).then().statusCode(400).body("code", equalTo("invalid-cursor"));
        search(Map.of("region", "12345")).then().statusCode(400).body("errors.field", contains("region"));
    }

    @Test
    void listsOnlyTheCallersRegionAndMasksIdNumbersForIntegrators() {
        String village = Fixtures.freshVillage();
        String id = register(village, "孙五", List.of("ILLNESS"));
        String otherTownship = Fixtures.freshVillage().substring(0, 9);
        // A region outside the caller's answers like one that does not exist.
        given().auth().oauth2(TestTokens.token("township-officer", otherTownship))
                .queryParam("region", village).get("/api/v1/households")
                .then().statusCode(404).body("code", equalTo("not-found"));
        given().auth().oauth2(TestTokens.token("township-officer", otherTownship))
                .get("/api/v1/households")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(TestTokens.token("township-officer", village.substring(0, 9)))
                .get("/api/v1/households")
                .then().statusCode(200).body("items.id", contains(id))
                .body("items[0].headIdNumber", org.hamcrest.Matchers.matchesPattern("\\d{17}[\\dX]"));
        given().auth().oauth2(TestTokens.token("integrator"))
                .queryParam("region", village).get("/api/v1/households")
                .then().body("items[0].headIdNumber", org.hamcrest.Matchers.matchesPattern("\\d{6}\\*{8}\\d{3}[\\dX]"));
    }

    @Test
    void streamsTheListAsCsv() {
        String village = Fixtures.freshVillage();
        register(village, "周六", List.of("ILLNESS"));
        String csv = given().auth().oauth2(TestTokens.token("integrator")).accept("text/csv")
                .queryParam("region", village).get("/api/v1/households")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("householdNo,id,villageCode,status");
        // Integrators (statistics) see names masked.
        assertThat(lines.get(1)).contains("周*").doesNotContain("周六").containsPattern("500235\\*{8}\\d{3}[\\dX]");
    }

    private io.restassured.response.Response search(Map<String, ?> query) {
        return given().auth().oauth2(admin).queryParams(query).get("/api/v1/households");
    }

    private String register(String village, String headName, List<String> causes) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(household(village, headName, causes))
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> household(String village, String headName, List<String> causes) {
        Map<String, Object> household = Fixtures.household(village);
        household.put("causes", causes);
        household.put("primaryCause", causes.get(0));
        ((List<Map<String, Object>>) household.get("members")).get(0).put("name", headName);
        return household;
    }
}
