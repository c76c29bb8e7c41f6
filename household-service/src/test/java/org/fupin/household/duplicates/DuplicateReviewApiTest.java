package org.fupin.household.duplicates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.fupin.household.Fixtures;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Duplicates already in the register (rows written before the check existed, as an old import left them): a scan
 * finds them, the review queue lists them to the officers of their region, and a dismissal decides a pair for good.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class DuplicateReviewApiTest {

    @Inject
    AgroalDataSource dataSource;

    private static String id(String body) {
        return LegacyRegister.id(body);
    }

    private UUID legacyHousehold(String village, int serial, String name, String idNumber) throws java.sql.SQLException {
        return new LegacyRegister(dataSource).household(village, serial, name, idNumber);
    }

    private static JsonPath scan(String token, String region) throws InterruptedException {
        return LegacyRegister.scan(token, region);
    }

    @Test
    void aScanFindsTheDuplicatesAlreadyRegisteredAndTheQueueDecidesThemForGood() throws Exception {
        String first = Fixtures.freshVillage();
        String township = first.substring(0, 9);
        String second = township + "202";
        Fixtures.putRegion(second, "第二村", "VILLAGE", township);
        UUID wangA = legacyHousehold(first, 1, "王秀兰", id("50023519610203226"));
        UUID wangB = legacyHousehold(second, 1, "王秀蘭", id("50023519610203247"));
        legacyHousehold(first, 2, "赵海", id("50023519750506114"));
        legacyHousehold(second, 2, "赵海", id("50023519750806114"));
        legacyHousehold(first, 3, "钱多多", id("50023519750506135"));
        String officer = TestTokens.token("township-officer", township);

        JsonPath found = scan(officer, township);
        assertThat(found.getInt("membersRead")).isEqualTo(5);
        assertThat(found.getInt("pairsFound")).isEqualTo(2);

        JsonPath queue = given().auth().oauth2(officer).get("/api/v1/duplicate-candidates").then().statusCode(200)
                .body("items", hasSize(2)).extract().jsonPath();
        assertThat(queue.getList("items.reasons.flatten()")).containsExactlyInAnyOrder("SAME_NAME_AND_BIRTH_DATE",
                "ID_NUMBER_ONE_DIGIT_APART");
        Map<String, Object> wang = queue.getMap("items.find { it.reasons.contains('SAME_NAME_AND_BIRTH_DATE') }");
        String pair = (String) wang.get("id");
        assertThat(queue.getList("items.status")).containsOnly("OPEN");
        assertThat(queue.getList("items.foundBy")).containsOnly("scan");

        // The scan gave the old rows their search form too: 王秀蘭 (stored as V4 left it, in traditional script) is
        // found by a search in simplified script.
        given().auth().oauth2(officer).queryParam("q", "王秀兰").queryParam("region", township).get("/api/v1/households").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.containsInAnyOrder(wangA.toString(), wangB.toString()));

        // A second scan finds the same pairs and adds none.
        assertThat(scan(officer, township).getInt("pairsNew")).isZero();

        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("reason", "短"))
                .post("/api/v1/duplicate-candidates/" + pair + "/dismissal").then().statusCode(400)
                .body("errors.field", contains("reason"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("reason", "入户核实：母女同名，出生日期相同系登记错误已另行更正"))
                .post("/api/v1/duplicate-candidates/" + pair + "/dismissal").then().statusCode(200)
                .body("status", equalTo("DISTINCT")).body("decidedBy", equalTo("test-township-officer (Test township-officer)"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("reason", "再次处理同一对记录"))
                .post("/api/v1/duplicate-candidates/" + pair + "/dismissal").then().statusCode(409)
                .body("code", equalTo("duplicate-already-decided"));
        for (UUID household : java.util.List.of(wangA, wangB)) {
            given().auth().oauth2(officer).get("/api/v1/households/" + household + "/history").then().statusCode(200)
                    .body("items.action", contains("DUPLICATE_DISMISSED"))
                    .body("items[0].reason", equalTo("入户核实：母女同名，出生日期相同系登记错误已另行更正"));
        }

        // Decided for good: a later scan does not reopen it.
        scan(officer, township);
        given().auth().oauth2(officer).get("/api/v1/duplicate-candidates").then().body("items", hasSize(1))
                .body("items[0].reasons", contains("ID_NUMBER_ONE_DIGIT_APART"));
        given().auth().oauth2(officer).queryParam("status", "DISTINCT").get("/api/v1/duplicate-candidates").then()
                .body("items.id", contains(pair));
    }

    @Test
    void aCompletedImportQueuesAScanOfItsRegionSoThatWhatItBroughtInTwiceReachesTheQueue() throws Exception {
        String village = Fixtures.freshVillage();
        String township = village.substring(0, 9);
        String officer = TestTokens.token("township-officer", township);
        String csv = org.fupin.household.imports.ImportFiles.header()
                + org.fupin.household.imports.ImportFiles.line(org.fupin.household.imports.ImportFiles.row("H1", village, "周建华",
                        id("50023519660708213"), "HEAD"))
                + org.fupin.household.imports.ImportFiles.line(org.fupin.household.imports.ImportFiles.row("H2", village, "周建華",
                        id("50023519660708254"), "HEAD"));
        String job = given().auth().oauth2(officer).contentType("text/csv").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .queryParam("fileName", "two.csv").post("/api/v1/household-imports").then().statusCode(202).extract().path("jobId");

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonPath queue;
        do {
            Thread.sleep(250);
            queue = given().auth().oauth2(officer).queryParam("region", village).get("/api/v1/duplicate-candidates")
                    .then().statusCode(200).extract().jsonPath();
        } while (queue.getList("items").isEmpty() && System.nanoTime() < deadline);
        String errors = given().auth().oauth2(officer).get("/api/v1/household-imports/" + job + "/errors").asString();
        JsonPath imported = given().auth().oauth2(officer).get("/api/v1/household-imports/" + job).then().extract().jsonPath();
        assertThat(imported.getString("status")).isEqualTo("COMPLETED");
        assertThat(imported.getInt("succeeded")).as(errors).isEqualTo(2);
        assertThat(queue.getList("items.reasons.flatten()")).containsExactly("SAME_NAME_AND_BIRTH_DATE");
        assertThat(queue.getList("items.foundBy")).containsExactly("scan");
        assertThat(queue.getList("items.a.name")).allMatch(name -> name.equals("周建华") || name.equals("周建華"));
    }

    @Test
    void theQueueIsForTheOfficersOfItsRegionAndBadRequestsAnswer4xx() throws Exception {
        String village = Fixtures.freshVillage();
        String township = village.substring(0, 9);
        legacyHousehold(village, 1, "孙立人", id("50023519500101331"));
        legacyHousehold(village, 2, "孫立人", id("50023519500101352"));
        String officer = TestTokens.token("township-officer", township);
        scan(officer, village);
        String pair = given().auth().oauth2(officer).get("/api/v1/duplicate-candidates").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("items[0].id");

        String elsewhere = TestTokens.token("township-officer", Fixtures.freshVillage().substring(0, 9));
        given().auth().oauth2(elsewhere).get("/api/v1/duplicate-candidates").then().statusCode(200).body("items", empty());
        given().auth().oauth2(elsewhere).get("/api/v1/duplicate-candidates/" + pair).then().statusCode(404);
        given().auth().oauth2(elsewhere).contentType(ContentType.JSON).body(Map.of("reason", "不是我辖区的记录"))
                .post("/api/v1/duplicate-candidates/" + pair + "/dismissal").then().statusCode(404);
        given().auth().oauth2(elsewhere).contentType(ContentType.JSON).body(Map.of("region", township))
                .post("/api/v1/duplicate-scans").then().statusCode(404);
        given().auth().oauth2(TestTokens.token("village-cadre", village)).get("/api/v1/duplicate-candidates").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("integrator")).get("/api/v1/duplicate-candidates").then().statusCode(403);

        given().auth().oauth2(officer).queryParam("status", "MAYBE").get("/api/v1/duplicate-candidates").then().statusCode(400)
                .body("errors.field", contains("status"));
        given().auth().oauth2(officer).get("/api/v1/duplicate-candidates/not-a-uuid").then().statusCode(400);
        given().auth().oauth2(officer).get("/api/v1/duplicate-scans/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("region", "12345"))
                .post("/api/v1/duplicate-scans").then().statusCode(400);
        // The county sees the pair too, and may decide it.
        given().auth().oauth2(TestTokens.token("county-admin")).queryParam("region", township).get("/api/v1/duplicate-candidates")
                .then().body("items.id", contains(pair));
    }
}
