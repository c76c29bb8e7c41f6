package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.fupin.suite.Suite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * The OWASP API Security Top 10 (2023) where they apply, end to end through the gateway: each test
 * names the risk it guards against.
 */
class ApiSecurityIT {

    private static final String COUNTY = "500235";
    private static final String TOWNSHIP_A = "500235103";
    private static final String TOWNSHIP_B = "500235104";
    private static final String VILLAGE_A = TOWNSHIP_A + "201";
    private static final String VILLAGE_B = TOWNSHIP_B + "201";

    private static Suite suite;
    private static String householdA;
    private static String householdB;

    @BeforeAll
    static void twoTownshipsWithAHouseholdEach() {
        suite = E2eSuite.get();
        String admin = suite.token("county-admin", COUNTY);
        SuiteSliceIT.putRegion(admin, COUNTY, "云阳县", "COUNTY", null, 2000);
        SuiteSliceIT.putRegion(admin, TOWNSHIP_A, "甲镇", "TOWNSHIP", COUNTY, 800);
        SuiteSliceIT.putRegion(admin, TOWNSHIP_B, "乙镇", "TOWNSHIP", COUNTY, 800);
        SuiteSliceIT.putRegion(admin, VILLAGE_A, "甲村", "VILLAGE", TOWNSHIP_A, 400);
        SuiteSliceIT.putRegion(admin, VILLAGE_B, "乙村", "VILLAGE", TOWNSHIP_B, 400);
        householdA = register(admin, VILLAGE_A);
        householdB = register(admin, VILLAGE_B);
    }

    /** API1: Broken Object Level Authorization. */
    @Test
    void anOfficerCannotReachAnotherTownshipsHouseholdNorSeeItInLists() {
        String officerA = suite.token("township-officer", TOWNSHIP_A);
        given().auth().oauth2(officerA).get("/api/v1/households/" + householdB)
                .then().statusCode(404).body("code", equalTo("not-found"));
        given().auth().oauth2(officerA).get("/api/v1/households/" + householdB + "/history")
                .then().statusCode(404);
        given().auth().oauth2(officerA).queryParam("region", COUNTY).queryParam("limit", 500).get("/api/v1/households")
                .then().statusCode(200)
                .body("items.id", hasItem(householdA))
                .body("items.id", not(hasItem(householdB)))
                .body("items.villageCode", everyItem(matchesPattern(TOWNSHIP_A + "\\d{3}")));
        given().auth().oauth2(officerA).get("/api/v1/households/" + householdA).then().statusCode(200);
    }

    /** API2: Broken Authentication. */
    @Test
    void refusesEveryTokenThatIsNotAValidOneOfThisSuite() {
        String valid = suite.token("county-admin", COUNTY);
        Map<String, String> spoiled = Map.of(
                "no token", "",
                "expired", sign(claims().issuedAt(Instant.now().minus(Duration.ofHours(3))).expiresAt(Instant.now().minus(Duration.ofHours(1)))),
                "wrong signature", valid.substring(0, valid.lastIndexOf('.') + 1) + new StringBuilder(valid.substring(valid.lastIndexOf('.') + 1)).reverse(),
                "alg none", unsigned(valid),
                "wrong issuer", sign(claims().issuer("https://someone-else.example")),
                "wrong audience", sign(claims().audience("another-api")),
                "not a JWT", "abc.def");
        spoiled.forEach((what, token) -> {
            Response response = token.isEmpty()
                    ? given().get("/api/v1/households/" + householdA)
                    : given().header("Authorization", "Bearer " + token).get("/api/v1/households/" + householdA);
            assertThat(response.statusCode()).as(what).isEqualTo(401);
            assertThat(response.jsonPath().getString("code")).as(what).isEqualTo("unauthenticated");
        });
        // The services check again behind the gateway (zero trust inside): the same token straight to one is refused too.
        given().header("Authorization", "Bearer " + sign(claims().issuer("https://someone-else.example")))
                .baseUri("http://127.0.0.1").port(E2eSuite.PORTS.household())
                .get("/api/v1/households/" + householdA)
                .then().statusCode(401);
    }

    /** API2: claims that fail closed, at the gateway and at a service port alike. */
    @Test
    void refusesEveryTokenWhoseClaimsBreakARule() {
        Instant now = Instant.now();
        Map<String, String> malformed = new java.util.LinkedHashMap<>();
        malformed.put("county admin without region", sign(claims().remove("region")));
        malformed.put("county admin, empty region", sign(claims().claim("region", "")));
        malformed.put("county admin, region 5002", sign(claims().claim("region", "5002")));
        malformed.put("county admin, a township's region", sign(claims().claim("region", TOWNSHIP_A)));
        malformed.put("region as a number", sign(claims().claim("region", 500235)));
        malformed.put("region as an array", sign(claims().claim("region", java.util.List.of(COUNTY))));
        malformed.put("township officer with the county", sign(claims().groups(Set.of("township-officer"))));
        malformed.put("empty subject", sign(claims().subject("")));
        malformed.put("issued in the future", sign(claims().issuedAt(now.plusSeconds(120)).expiresAt(now.plusSeconds(600))));
        malformed.put("lives a day", sign(claims().issuedAt(now.minusSeconds(10)).expiresAt(now.plus(Duration.ofHours(24)))));
        malformed.put("expired 10 s ago", sign(claims().issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(10))));
        malformed.forEach((what, token) -> {
            for (int port : new int[] { E2eSuite.PORTS.gateway(), E2eSuite.PORTS.household() }) {
                Response response = given().auth().oauth2(token).baseUri("http://127.0.0.1").port(port)
                        .get("/api/v1/households/" + householdA);
                assertThat(response.statusCode()).as(what + " at port " + port).isEqualTo(401);
                assertThat(response.jsonPath().getString("code")).as(what).isEqualTo("unauthenticated");
            }
        });
    }

    /** API2: a token the gateway verified and remembers stops working at its exp, not a minute later. */
    @Test
    void aRememberedTokenStopsAtItsExpiry() throws InterruptedException {
        Instant expiry = Instant.now().plusSeconds(4);
        String shortLived = sign(claims().subject("short-" + System.nanoTime()).issuedAt(Instant.now()).expiresAt(expiry));
        given().auth().oauth2(shortLived).get("/api/v1/households/" + householdA).then().statusCode(200);
        given().auth().oauth2(shortLived).get("/api/v1/households/" + householdA).then().statusCode(200);
        // The configured leeway is 5 s: two seconds past it, neither the gateway's memory nor a service accepts it.
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry.plusSeconds(7)).toMillis()));
        given().auth().oauth2(shortLived).get("/api/v1/households/" + householdA).then().statusCode(401);
        given().auth().oauth2(shortLived).baseUri("http://127.0.0.1").port(E2eSuite.PORTS.household())
                .get("/api/v1/households/" + householdA).then().statusCode(401);
    }

    /** API8: Location names the configured public URL, whatever host a request claims. */
    @Test
    void locationNamesThePublicUrlNotTheHostARequestClaims() {
        Response created = given().auth().oauth2(suite.token("county-admin", COUNTY))
                .header("Host", "evil.example").header("X-Forwarded-Host", "evil.example").header("Forwarded", "host=evil.example")
                .contentType(ContentType.JSON).body(Households.household(VILLAGE_A, 1)).post("/api/v1/households");
        created.then().statusCode(201);
        assertThat(created.header("Location"))
                .isEqualTo("http://localhost:" + E2eSuite.PORTS.gateway() + "/api/v1/households/" + created.path("id"));
    }

    /** API8: every path answers OPTIONS with exactly the methods the document gives it, and another method with 405 and Allow. */
    @Test
    void optionsAndMethodNotAllowedTellTheMethodsEachPathHas() {
        String admin = suite.token("county-admin", COUNTY);
        OpenApiDocument document = OpenApiDocument.parse(given().get("/openapi").asString());
        Map<String, java.util.SortedSet<String>> methods = new java.util.TreeMap<>();
        for (OpenApiDocument.Operation operation : document.operations()) {
            methods.computeIfAbsent(operation.path(), path -> new java.util.TreeSet<>(Set.of("OPTIONS"))).add(operation.method());
        }
        methods.values().forEach(set -> {
            if (set.contains("GET")) {
                set.add("HEAD");
            }
        });
        for (Map.Entry<String, java.util.SortedSet<String>> path : methods.entrySet()) {
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "7c9e6679-7425-40de-944b-e07fc1f90ae7");
            String allow = String.join(", ", path.getValue());
            given().auth().oauth2(admin).options(concrete).then().statusCode(200).header("Allow", allow);
            String missing = java.util.stream.Stream.of("PUT", "PATCH", "DELETE", "POST", "GET")
                    .filter(method -> !path.getValue().contains(method)).findFirst().orElseThrow();
            given().auth().oauth2(admin).request(missing, concrete).then().statusCode(405).header("Allow", allow)
                    .body("code", equalTo("method-not-allowed"));
        }
    }

    /** API8: the services listen on the loopback interface only; the gateway is the way in. */
    @Test
    void theServicePortsAreNotReachableFromAnotherInterface() throws Exception {
        java.net.InetAddress external = org.fupin.testing.ExternalAddress.first().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(external != null, "this machine has no interface but loopback");
        assertThat(connects(external, E2eSuite.PORTS.gateway())).as("the gateway at " + external).isTrue();
        for (int port : new int[] { E2eSuite.PORTS.household(), E2eSuite.PORTS.assistance(), E2eSuite.PORTS.reporting(),
                E2eSuite.PORTS.webhook(), E2eSuite.PORTS.managementOf("household"), E2eSuite.PORTS.managementOf("webhook"),
                E2eSuite.PORTS.managementOf("gateway") }) {
            assertThat(connects(external, port)).as("port " + port + " at " + external).isFalse();
        }
    }

    private static boolean connects(java.net.InetAddress address, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(address, port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** API3: Broken Object Property Level Authorization. */
    @Test
    void anIntegratorSeesMaskedIdNumbersAndCannotWrite() {
        String integrator = suite.token("integrator", COUNTY);
        given().auth().oauth2(integrator).get("/api/v1/households/" + householdA)
                .then().statusCode(200)
                .body("members.idNumber", everyItem(matchesPattern("\\d{6}\\*{8}\\d{3}[\\dX]")))
                .body("members[0].birthDate", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(integrator).contentType(ContentType.JSON).body(Households.household(VILLAGE_A, 1))
                .post("/api/v1/households")
                .then().statusCode(403).body("code", equalTo("forbidden"));
    }

    /** API5: Broken Function Level Authorization. */
    @Test
    void anAnalystCannotRegisterAHouseholdNorDefineARegion() {
        String analyst = suite.token("analyst", COUNTY);
        given().auth().oauth2(analyst).contentType(ContentType.JSON).body(Households.household(VILLAGE_A, 1))
                .post("/api/v1/households")
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(suite.token("township-officer", TOWNSHIP_A)).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "level", "COUNTY", "ruralPopulation", 1, "poorVillage", false, "deepPoverty", false))
                .put("/api/v1/regions/510000")
                .then().statusCode(403);
    }

    /** API4: Unrestricted Resource Consumption. */
    @Test
    void limitsBodiesPagesAndRequestRates() {
        String admin = suite.token("county-admin", COUNTY);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(new byte[11 * 1024 * 1024])
                .post("/api/v1/households")
                .then().statusCode(413).body("code", equalTo("payload-too-large"));
        given().auth().oauth2(admin).queryParam("limit", 501).get("/api/v1/households")
                .then().statusCode(400).body("code", equalTo("invalid-parameter"));
        String burst = sign(claims().subject("burst-" + System.nanoTime()).groups(Set.of("integrator")));
        Response refused = null;
        for (int i = 0; i < 3000 && (refused == null || refused.statusCode() != 429); i++) {
            refused = given().auth().oauth2(burst).get("/api/v1/regions/" + COUNTY);
        }
        assertThat(refused.statusCode()).as("an integrator's 600 requests a minute (refilled as they go) run out").isEqualTo(429);
        // The refusal itself is checked: a request sent after it may find a token refilled meanwhile (one per 100 ms).
        refused.then().statusCode(429)
                .header("Retry-After", matchesPattern("\\d+"))
                .body("code", equalTo("too-many-requests"));
    }

    /** API8: Security Misconfiguration. */
    @Test
    void errorsRevealNoInternalsAndAnswersCarrySecurityHeaders() {
        String admin = suite.token("county-admin", COUNTY);
        for (Response response : new Response[] {
                given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"villageCode\": [}").post("/api/v1/households"),
                given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"unknown\": 1}").post("/api/v1/households"),
                given().auth().oauth2(admin).get("/api/v1/households/not-a-uuid"),
                given().auth().oauth2(admin).get("/api/v1/regions/" + "9".repeat(300)),
                given().get("/api/v1/reports/overview") }) {
            String body = response.asString();
            assertThat(response.statusCode()).isBetween(400, 499);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(body).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at io.")
                    .doesNotContain("hibernate").doesNotContain("SQL");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("X-Request-Id")).isNotBlank();
        }
    }

    private static String register(String token, String village) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Households.household(village, 2))
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
    }

    private static JwtClaimsBuilder claims() {
        return Jwt.issuer("fupin-suite").audience("fupin-api").subject("security-test").groups(Set.of("county-admin"))
                .claim("region", COUNTY).issuedAt(Instant.now()).expiresIn(Duration.ofMinutes(10));
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.sign(suite.signingKey());
    }

    /** The same claims with {"alg":"none"} and no signature: must never be accepted. */
    private static String unsigned(String token) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }
}
