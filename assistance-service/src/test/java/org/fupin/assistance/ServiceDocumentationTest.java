package org.fupin.assistance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fupin.testing.InJvmKafka;
import org.fupin.testing.ManagementInterface;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What operators and integrators rely on besides the API itself: readiness, and an OpenAPI document describing every operation. */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class ServiceDocumentationTest {

    private static final List<String> PATHS = List.of("/api/v1/assistance-groups", "/api/v1/units", "/api/v1/helpers",
            "/api/v1/helpers/{id}", "/api/v1/work-teams", "/api/v1/war-zones", "/api/v1/pairings", "/api/v1/pairings/{id}",
            "/api/v1/pairings/{id}/end", "/api/v1/measures", "/api/v1/measures/{id}", "/api/v1/measures/{id}/confirmations",
            "/api/v1/measures/totals", "/api/v1/visits", "/api/v1/visits/batch", "/api/v1/visits/{id}", "/api/v1/alerts",
            "/api/v1/my-work", "/api/v1/helpers/{id}/account");

    @Test
    void isReadyWithItsDatabaseWithOrWithoutKafka() {
        given().baseUri(ManagementInterface.url()).get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                // The database, not Kafka: without the broker a pod still serves (events wait in the outbox); the
                // messaging check stays, its channels' readiness off (OutboxResilienceIT stops the broker).
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", not(hasItem(containsString("Kafka"))));
    }

    @Test
    void documentsEveryOperationWithASummaryAndATag() {
        Map<String, Map<String, Map<String, Object>>> paths = given().baseUri(ManagementInterface.url()).get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        assertThat(paths).containsKeys(PATHS.toArray(String[]::new));
        List<String> undocumented = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (path.startsWith("/api/") && (operation.get("summary") == null || operation.get("tags") == null)) {
                undocumented.add(method + " " + path);
            }
        }));
        assertThat(undocumented).isEmpty();
    }
}
