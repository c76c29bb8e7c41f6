package org.fupin.household;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * The security rules every service shares (platform and security libraries), tested once at this
 * service's own port, without the gateway in front: token claims that fail closed, region scope on
 * regions and imports, answers that give nothing away.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class SecurityBoundariesApiTest {

    private static final String OTHER_COUNTY = "500298";

    private static JwtClaimsBuilder claims(String role, Object region) {
        JwtClaimsBuilder claims = TestTokens.claims("tester", role, "500235");
        claims.remove("region");
        if (region != null) {
            claims.claim("region", region);
        }
        return claims;
    }

    static Stream<Arguments> malformedTokens() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("county admin without region", TestTokens.sign(claims("county-admin", null))),
                Arguments.of("county admin, empty region", TestTokens.sign(claims("county-admin", ""))),
                Arguments.of("county admin, region 5002 (spans counties)", TestTokens.sign(claims("county-admin", "5002"))),
                Arguments.of("county admin, a township's region", TestTokens.sign(claims("county-admin", "500235101"))),
                Arguments.of("county admin, region as a number", TestTokens.sign(claims("county-admin", 500235))),
                Arguments.of("county admin, region as an array", TestTokens.sign(claims("county-admin", List.of("500235")))),
                Arguments.of("county admin, region as an object", TestTokens.sign(claims("county-admin", Map.of("code", "500235")))),
                Arguments.of("analyst, region not a code", TestTokens.sign(claims("analyst", "50023x"))),
                Arguments.of("township officer with the county", TestTokens.sign(claims("township-officer", "500235"))),
                Arguments.of("village cadre with a township", TestTokens.sign(claims("village-cadre", "500235101"))),
                Arguments.of("empty subject", TestTokens.sign(claims("county-admin", "500235").subject(""))),
                Arguments.of("issued a minute from now", TestTokens.sign(claims("county-admin", "500235")
                        .issuedAt(now.plusSeconds(60)).expiresAt(now.plusSeconds(600)))),
                Arguments.of("lives 13 hours", TestTokens.sign(claims("county-admin", "500235")
                        .issuedAt(now.minusSeconds(60)).expiresAt(now.plus(Duration.ofHours(13))))),
                Arguments.of("expired 10 seconds ago", TestTokens.sign(claims("county-admin", "500235")
                        .issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(10)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedTokens")
    void refusesATokenWhoseClaimsBreakARule(String name, String token) {
        given().auth().oauth2(token).get("/api/v1/regions/500235")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("unauthenticated"));
        given().auth().oauth2(token).get("/api/v1/households")
                .then().statusCode(401);
    }

    @Test
    void aNameClaimOfAnotherTypeIsLeftOutOfHistoryInsteadOfFailing() {
        String village = Fixtures.freshVillage();
        String token = TestTokens.sign(TestTokens.claims("cadre-" + village, "village-cadre", village).claim("name", 42));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Fixtures.household(village))
                .post("/api/v1/households")
                .then().statusCode(201);
    }

    @Test
    void aCountyAdminCannotDefineNorReadAnotherCountysRegions() {
        Fixtures.freshVillage();
        String other = TestTokens.token("county-admin", OTHER_COUNTY);
        String before = given().auth().oauth2(TestTokens.token("county-admin")).get("/api/v1/regions/500235")
                .then().statusCode(200).extract().asString();

        given().auth().oauth2(other).contentType(ContentType.JSON).body(region("Taken", "COUNTY", null))
                .put("/api/v1/regions/500235")
                .then().statusCode(404).body("code", equalTo("not-found"));
        given().auth().oauth2(other).contentType(ContentType.JSON).body(region("New", "TOWNSHIP", "500235"))
                .put("/api/v1/regions/500235999")
                .then().statusCode(404);
        given().auth().oauth2(other).get("/api/v1/regions/500235").then().statusCode(404);
        given().auth().oauth2(other).queryParam("parent", "500235").get("/api/v1/regions").then().statusCode(404);

        given().auth().oauth2(TestTokens.token("county-admin")).get("/api/v1/regions/500235")
                .then().statusCode(200).body(equalTo(before));
        given().auth().oauth2(TestTokens.token("county-admin")).get("/api/v1/regions/500235999").then().statusCode(404);
    }

    @Test
    void aCadreReadsTheRegionsAboveButNotBesideTheirVillage() {
        String village = Fixtures.freshVillage();
        String neighbour = Fixtures.freshVillage();
        String cadre = TestTokens.token("village-cadre", village);

        given().auth().oauth2(cadre).get("/api/v1/regions/500235").then().statusCode(200);
        given().auth().oauth2(cadre).get("/api/v1/regions/" + village.substring(0, 9)).then().statusCode(200);
        given().auth().oauth2(cadre).get("/api/v1/regions/" + neighbour).then().statusCode(404);
        given().auth().oauth2(cadre).queryParam("parent", "500235").queryParam("limit", 500).get("/api/v1/regions")
                .then().statusCode(200)
                .body("items.code", hasItem(village.substring(0, 9)))
                .body("items.code", not(hasItem(neighbour.substring(0, 9))))
                .body("items", hasSize(1));
    }

    @Test
    void anImportJobIsVisibleToItsStarterAndTheCountyAdminsOfItsRegionOnly() {
        String village = Fixtures.freshVillage();
        String starter = TestTokens.sign(TestTokens.claims("officer-" + village, "township-officer", village.substring(0, 9)));
        String location = given().auth().oauth2(starter).contentType("text/csv")
                .body(org.fupin.household.imports.ImportFiles.header() + "\n")
                .post("/api/v1/household-imports")
                .then().statusCode(202).extract().header("Location");

        given().auth().oauth2(starter).get(location).then().statusCode(200);
        given().auth().oauth2(TestTokens.token("county-admin")).get(location).then().statusCode(200);
        given().auth().oauth2(TestTokens.token("county-admin", OTHER_COUNTY)).get(location)
                .then().statusCode(404).body("code", equalTo("not-found"));
        given().auth().oauth2(TestTokens.token("county-admin", OTHER_COUNTY)).get(location + "/errors").then().statusCode(404);
    }

    @Test
    void locationNamesThePublicBaseUrlWhateverHostTheRequestClaims() {
        String village = Fixtures.freshVillage();
        Response created = given().auth().oauth2(TestTokens.token("county-admin"))
                .header("Host", "evil.example")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "gopher")
                .header("Forwarded", "host=evil.example;proto=gopher")
                .contentType(ContentType.JSON).body(Fixtures.household(village))
                .post("/api/v1/households");

        // This test profile configures no public base URL: the Location is relative, never the claimed host.
        created.then().statusCode(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/households/" + created.path("id"));
    }

    @Test
    void aValueOfTheWrongJsonTypeIsRefusedNotConverted() {
        String admin = TestTokens.token("county-admin");
        for (String body : List.of(
                "{\"name\":false,\"level\":\"COUNTY\",\"ruralPopulation\":1000,\"poorVillage\":false,\"deepPoverty\":false}",
                "{\"name\":\"县\",\"level\":\"COUNTY\",\"ruralPopulation\":5.7,\"poorVillage\":false,\"deepPoverty\":false}",
                "{\"name\":\"县\",\"level\":\"COUNTY\",\"ruralPopulation\":\"3\",\"poorVillage\":false,\"deepPoverty\":false}",
                "{\"name\":\"县\",\"level\":\"COUNTY\",\"ruralPopulation\":1000,\"poorVillage\":0,\"deepPoverty\":false}",
                "{\"name\":\"县\",\"level\":0,\"ruralPopulation\":1000,\"poorVillage\":false,\"deepPoverty\":false}")) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).put("/api/v1/regions/500235")
                    .then().statusCode(400).body("code", equalTo("invalid-value"));
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"县\",\"name\":\"另一县\",\"level\":\"COUNTY\",\"ruralPopulation\":1000,\"poorVillage\":false,\"deepPoverty\":false}")
                .put("/api/v1/regions/500235")
                .then().statusCode(400).body("code", equalTo("duplicate-key")).body("errors[0].field", equalTo("name"));
    }

    @Test
    void aPatchOfTwoHundredThousandUnknownKeysListsFiftyAndCountsTheRest() {
        String village = Fixtures.freshVillage();
        Response created = given().auth().oauth2(TestTokens.token("county-admin")).contentType(ContentType.JSON)
                .body(Fixtures.household(village)).post("/api/v1/households");
        StringBuilder patch = new StringBuilder("{");
        for (int i = 0; i < 200_000; i++) {
            patch.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
        }
        patch.append('}');

        String answer = given().auth().oauth2(TestTokens.token("county-admin"))
                .contentType("application/merge-patch+json").header("If-Match", created.header("ETag")).body(patch.toString())
                .patch("/api/v1/households/" + created.path("id"))
                .then().statusCode(400).body("code", equalTo("unknown-field"))
                .body("errors", hasSize(50)).body("moreErrors", equalTo(199_950))
                .extract().asString();
        assertThat(answer.length()).isLessThan(10_000);
    }

    @Test
    void aDeclaredBodyOverTenMegabytesIsRefusedBeforeItIsRead() {
        given().auth().oauth2(TestTokens.token("county-admin")).contentType(ContentType.JSON)
                .body("{\"x\":\"" + "a".repeat(11 * 1024 * 1024) + "\"}")
                .post("/api/v1/households")
                .then().statusCode(413).body("code", equalTo("payload-too-large"));
    }

    @Test
    void aMethodAPathDoesNotHaveIs405WithAllowAndOptionsListsWhatItHas() {
        String admin = TestTokens.token("county-admin");
        String member = "/api/v1/households/7c9e6679-7425-40de-944b-e07fc1f90ae7/members/7c9e6679-7425-40de-944b-e07fc1f90ae8";
        for (String method : List.of("GET", "PUT", "POST")) {
            given().auth().oauth2(admin).request(method, member)
                    .then().statusCode(405).header("Allow", "DELETE, OPTIONS, PATCH")
                    .body("code", equalTo("method-not-allowed"));
        }
        given().auth().oauth2(admin).options(member).then().statusCode(200).header("Allow", "DELETE, OPTIONS, PATCH");
        given().auth().oauth2(admin).delete("/api/v1/regions/500235")
                .then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS, PUT");
        given().auth().oauth2(admin).options("/api/v1/households")
                .then().statusCode(200).header("Allow", "GET, HEAD, OPTIONS, POST");
    }

    @Test
    void aDuplicateIdNumberOfAnotherRegionSaysNothingOfWhereItIs() {
        String village = Fixtures.freshVillage();
        Map<String, Object> first = Fixtures.household(village);
        Response registered = given().auth().oauth2(TestTokens.token("county-admin")).contentType(ContentType.JSON).body(first)
                .post("/api/v1/households");
        String otherVillage = Fixtures.freshVillage();
        Map<String, Object> second = Fixtures.household(otherVillage);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> members = (List<Map<String, Object>>) second.get("members");
        @SuppressWarnings("unchecked")
        String taken = (String) ((List<Map<String, Object>>) first.get("members")).get(0).get("idNumber");
        members.get(0).put("idNumber", taken);

        String answer = given().auth().oauth2(TestTokens.token("village-cadre", otherVillage)).contentType(ContentType.JSON)
                .body(second).post("/api/v1/households")
                .then().statusCode(409).body("code", equalTo("duplicate-id-number"))
                .body("errors[0].field", equalTo("members[0].idNumber"))
                .extract().asString();
        for (String secret : Set.of(registered.<String>path("id"), registered.<String>path("householdNo"), village,
                village.substring(0, 9), (String) ((List<Map<String, Object>>) first.get("members")).get(0).get("name"))) {
            assertThat(answer).doesNotContain(secret);
        }
        assertThat(answer).doesNotContain("another household");
    }

    private static Map<String, Object> region(String name, String level, String parent) {
        java.util.HashMap<String, Object> body = new java.util.HashMap<>();
        body.put("name", name);
        body.put("level", level);
        body.put("parentCode", parent);
        body.put("ruralPopulation", 1000);
        body.put("poorVillage", false);
        body.put("deepPoverty", false);
        return body;
    }
}
