package org.fupin.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.UUID;

import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Rate limits per caller, circuit breakers per backend, limits on chunked bodies, CORS. */
@QuarkusTest
@TestProfile(GatewayProtectionTest.SmallLimits.class)
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(StubBackend.class)
class GatewayProtectionTest {

    /** Small numbers so that the limits are reached in a test. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "fupin.gateway.rate-limit.roles.auditor.requests", "3",
                    "fupin.gateway.rate-limit.roles.auditor.period", "1m",
                    "fupin.gateway.circuit-breaker.request-volume", "4",
                    "fupin.gateway.circuit-breaker.delay", "30s",
                    "fupin.gateway.max-body-bytes", "1048576");
        }
    }

    @Test
    void givesEachCallerItsRoleBudgetAndThen429WithRetryAfter() {
        String token = TestTokens.sign(TestTokens.claims("auditor-" + UUID.randomUUID(), "auditor", null));
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/regions/500235")
                    .then().statusCode(200)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", String.valueOf(2 - i));
        }
        given().auth().oauth2(token).get("/api/v1/regions/500235")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("too-many-requests"))
                .header("Retry-After", notNullValue())
                .header("RateLimit-Remaining", "0");
        // Another caller with the same role has a budget of its own.
        given().auth().oauth2(TestTokens.sign(TestTokens.claims("auditor-" + UUID.randomUUID(), "auditor", null)))
                .get("/api/v1/regions/500235").then().statusCode(200);
    }

    @Test
    void stopsCallingABackendThatKeepsFailingAndAnswersAtOnce() {
        String token = TestTokens.token("county-admin");
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(token).get("/api/v1/units").then().statusCode(503);
        }
        given().auth().oauth2(token).get("/api/v1/units")
                .then().statusCode(503)
                .body("code", equalTo("service-unavailable"))
                .body("detail", containsString("holds requests back"))
                .time(lessThan(1000L));
        given().auth().oauth2(token).get("/api/v1/regions/500235").then().statusCode(200);
    }

    @Test
    void refusesAChunkedBodyThatGrowsPastTheLimit() {
        byte[] body = new byte[2 * 1024 * 1024];
        given().auth().oauth2(TestTokens.token("county-admin"))
                .contentType(ContentType.BINARY).body(new ByteArrayInputStream(body))
                .post("/api/v1/households")
                .then().statusCode(413)
                .body("code", equalTo("payload-too-large"));
        given().auth().oauth2(TestTokens.token("county-admin"))
                .contentType(ContentType.BINARY).body(new ByteArrayInputStream(new byte[1000]))
                .post("/api/v1/households")
                .then().statusCode(200).body("bodyBytes", equalTo(1000));
    }

    @Test
    void allowsConfiguredOriginsOnly() {
        given().header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/v1/households")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:8080");
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/households")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
