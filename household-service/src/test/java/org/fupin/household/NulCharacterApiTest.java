package org.fupin.household;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * U+0000 in a parameter or a cursor: PostgreSQL cannot compare text holding it, so it must be
 * refused as the client's mistake before any query runs, never fail the query with a 500.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class NulCharacterApiTest {

    @Test
    void aQueryParameterHoldingItIsAnInvalidParameter() {
        asAdmin().get("/api/v1/regions?parent=%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid-parameter")).body("errors[0].field", equalTo("parent"));
        asAdmin().get("/api/v1/households?q=%E7%8E%8B%00")
                .then().statusCode(400).body("code", equalTo("invalid-parameter")).body("errors[0].field", equalTo("q"));
    }

    @Test
    void aPathParameterHoldingItNamesNoResource() {
        asAdmin().get("/api/v1/regions/500235%00")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("not-found"));
    }

    @Test
    void aCursorWhoseKeyHoldsItWasNotIssuedByTheList() {
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("k:\u0000".getBytes(StandardCharsets.UTF_8));
        asAdmin().get("/api/v1/households?cursor=" + forged)
                .then().statusCode(400).body("code", equalTo("invalid-cursor"));
    }

    /** Sends the path as written: %00 must reach the service as it would from any client. */
    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.token("county-admin")).urlEncodingEnabled(false);
    }
}
