package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fupin.suite.Suite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * One household through all four services, driven through the gateway as a client would: the
 * regions and the household are registered, the assistance replica takes the household in, and
 * the overview report counts it as poor within seconds.
 */
class SuiteSliceIT {

    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = E2eSuite.get();
    }

    @Test
    void aRegisteredHouseholdIsCountedAsPoorInTheOverview() throws Exception {
        String token = suite.token("county-admin", null);
        String county = "500235";
        String township = "500235101";
        String village = "500235101201";
        putRegion(token, county, "云阳县", "COUNTY", null, 2000);
        putRegion(token, township, "双土镇", "TOWNSHIP", county, 1500);
        putRegion(token, village, "桂林村", "VILLAGE", township, 800);

        io.restassured.response.ExtractableResponse<io.restassured.response.Response> created = given().auth().oauth2(token)
                .contentType(ContentType.JSON)
                .body(Households.household(village, 3))
                .post("/api/v1/households")
                .then().statusCode(201)
                .body("status", equalTo("POOR"))
                .extract();
        String householdId = created.path("id");
        // Links point at the gateway the client called, and the request id comes back once.
        assertThat(created.header("Location")).isEqualTo("http://localhost:" + E2eSuite.PORTS.gateway() + "/api/v1/households/" + householdId);
        assertThat(created.headers().getValues("X-Request-Id")).hasSize(1);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(suite.token("analyst", null))
                        .queryParam("region", township)
                        .get("/api/v1/reports/overview")
                        .then().statusCode(200)
                        .body("currentlyPoor.households", equalTo(1))
                        .body("currentlyPoor.people", equalTo(3))
                        .body("households.byStatus.POOR", equalTo(1)));

        try (Connection db = E2eSuite.connect(suite.settings(), "assistance");
                PreparedStatement query = db.prepareStatement(
                        "select village_code, status from household_replica where household_id = ?")) {
            query.setObject(1, UUID.fromString(householdId));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                try (ResultSet row = query.executeQuery()) {
                    return row.next() && village.equals(row.getString(1)) && "POOR".equals(row.getString(2));
                }
            });
        }
    }

    @Test
    void aRequestWithoutATokenIsRefusedAtTheGateway() {
        given().contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/households")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("unauthenticated"));
    }

    @Test
    void theGatewayServesOneOpenApiDocumentOfAllServices() {
        List<String> paths = List.copyOf(given().get("/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("paths").keySet().stream().map(Object::toString).toList());
        assertThat(paths).contains("/api/v1/households", "/api/v1/regions/{code}", "/api/v1/reports/overview");
    }

    static void putRegion(String token, String code, String name, String level, String parent, int population) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", name);
        body.put("level", level);
        body.put("parentCode", parent);
        body.put("ruralPopulation", population);
        body.put("poorVillage", level.equals("VILLAGE"));
        body.put("deepPoverty", false);
        int status = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/v1/regions/" + code).statusCode();
        assertThat(status).as("PUT region %s", code).isIn(201, 428);
    }
}
