package org.fupin.household;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.fupin.testing.InJvmKafka;
import org.fupin.testing.ManagementInterface;
import org.fupin.testing.PrometheusText;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What an operator's Prometheus scrapes from the management interface (never from the API's port): the HTTP server
 * by route and status, the JVM and the connection pool, and ours: the outbox and its relay, and households by county
 * and status. A registration moves them.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class OperationsMetricsTest {

    @Test
    void aRegistrationMovesTheServersTheOutboxsAndTheRegistersMetrics() {
        double relayedBefore = ManagementInterface.metrics().value("fupin_outbox_relay_sent_total", Map.of());
        String village = Fixtures.freshVillage();
        given().auth().oauth2(TestTokens.token("county-admin")).contentType(ContentType.JSON).body(Fixtures.household(village))
                .post("/api/v1/households").then().statusCode(201);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> ManagementInterface.metrics().value("fupin_outbox_relay_sent_total", Map.of()) >= relayedBefore + 1);
        // The gauges are refreshed by scheduled queries (every 2 s in tests), never at scrape time.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> ManagementInterface.metrics().value("fupin_households", Map.of("county", Fixtures.COUNTY, "status", "POOR")) >= 1);
        PrometheusText metrics = ManagementInterface.metrics();
        assertThat(metrics.value("http_server_requests_seconds_count",
                Map.of("method", "POST", "uri", "/api/v1/households", "status", "201"))).isGreaterThanOrEqualTo(1);
        assertThat(metrics.has("fupin_outbox_backlog", Map.of())).isTrue();
        assertThat(metrics.has("fupin_outbox_oldest_unsent_age_seconds", Map.of())).isTrue();
        assertThat(metrics.has("fupin_outbox_relay_failures_total", Map.of())).isTrue();
        assertThat(metrics.has("jvm_memory_used_bytes", Map.of())).isTrue();
        assertThat(metrics.has("agroal_active_count", Map.of())).as("the connection pool").isTrue();

        given().get("/q/metrics").then().statusCode(404);
    }

}
