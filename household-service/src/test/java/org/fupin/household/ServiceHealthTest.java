package org.fupin.household;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.fupin.testing.InJvmKafka;
import org.fupin.testing.ManagementInterface;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What operators and integrators rely on besides the API: readiness and the service's OpenAPI
 * document on the management interface (not on the API's port), request ids, problem answers.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class ServiceHealthTest {

    private final String management = ManagementInterface.url();

    @Test
    void isReadyWithItsDatabaseWithOrWithoutKafka() {
        given().baseUri(management).get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                // The database, not Kafka: without the broker a pod still serves (events wait in the outbox); the
                // messaging check stays, its channels' readiness off (OutboxResilienceIT stops the broker).
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", not(hasItem(containsString("Kafka"))));
        given().baseUri(management).get("/q/health/live").then().statusCode(200);
    }

    @Test
    void servesNeitherHealthNorDocumentsNorSwaggerUiOnTheApiPort() {
        for (String path : new String[] { "/q/health/ready", "/q/health", "/q/openapi", "/q/swagger-ui/" }) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().baseUri(management).get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths.'/api/v1/households'.post", notNullValue())
                .body("paths.'/api/v1/regions/{code}'.put", notNullValue());
    }

    @Test
    void givesEveryAnswerARequestIdAndMakesOneWhenTheCallerSentNone() {
        given().get("/api/v1/regions/500235")
                .then().statusCode(401)
                .header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", "bad id with spaces").get("/api/v1/regions/500235")
                .then().header("X-Request-Id", org.hamcrest.Matchers.not(equalTo("bad id with spaces")));
    }

    @Test
    void answersAnUnknownPathWithAProblem() {
        given().auth().oauth2(TestTokens.token("county-admin")).get("/api/v1/nowhere")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not-found"))
                .body("errors", org.hamcrest.Matchers.nullValue());
        given().baseUri(management).get("/q/health/ready").then().body("checks.status", hasItem("UP"));
    }
}
