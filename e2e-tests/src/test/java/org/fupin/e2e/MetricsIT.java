package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.fupin.testing.PrometheusText;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * What a county's Prometheus scrapes from every service's management interface after a registration through the
 * gateway: the registration's HTTP request, the outbox relay's send, each consumer applying the event, the Kafka
 * clients, the connection pools, and the register's households by status. The gateway's public port serves none of it.
 */
class MetricsIT {

    private static final String COUNTY = "500245";
    private static final String TOWNSHIP = COUNTY + "101";
    private static final String VILLAGE = TOWNSHIP + "201";
    private static final List<String> SERVICES = List.of("gateway", "household", "assistance", "reporting", "webhook");
    private static final Map<String, String> HOUSEHOLD_EVENTS = Map.of("topic", "household.events");

    @Test
    void aRegistrationMovesTheMetricsOfEveryHop() {
        E2eSuite.get();
        String admin = E2eSuite.countyAdmin("metrics-admin", COUNTY);
        SuiteSliceIT.putRegion(admin, COUNTY, "指标县", "COUNTY", null, 1000);
        SuiteSliceIT.putRegion(admin, TOWNSHIP, "指标镇", "TOWNSHIP", COUNTY, 800);
        SuiteSliceIT.putRegion(admin, VILLAGE, "指标村", "VILLAGE", TOWNSHIP, 600);
        Map<String, PrometheusText> before = scrapeAll();

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Households.household(VILLAGE, 2))
                .post("/api/v1/households").then().statusCode(201);

        await("household-service's relay sends the event").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> moved(before, "household", "fupin_outbox_relay_sent_total", Map.of()));
        await("assistance-service applies it").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> moved(before, "assistance", "fupin_events_applied_total", HOUSEHOLD_EVENTS));
        await("reporting-service applies it").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> moved(before, "reporting", "fupin_events_applied_total", HOUSEHOLD_EVENTS));
        await("the register counts it").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> scrape("household").value("fupin_households", Map.of("county", COUNTY, "status", "POOR")) >= 1);
        Map<String, PrometheusText> after = scrapeAll();
        Map<String, String> created = Map.of("method", "POST", "status", "201");
        assertThat(after.get("gateway").value("http_server_requests_seconds_count", created))
                .isGreaterThan(before.get("gateway").value("http_server_requests_seconds_count", created));
        assertThat(after.get("household").value("http_server_requests_seconds_count",
                Map.of("method", "POST", "status", "201", "uri", "/api/v1/households")))
                .isGreaterThan(before.get("household").value("http_server_requests_seconds_count",
                        Map.of("method", "POST", "status", "201", "uri", "/api/v1/households")));
        for (String service : SERVICES) {
            assertThat(after.get(service).has("jvm_memory_used_bytes", Map.of())).as(service + ": JVM").isTrue();
        }
        for (String service : List.of("household", "assistance", "reporting", "webhook")) {
            assertThat(after.get(service).has("agroal_active_count", Map.of())).as(service + ": connection pool").isTrue();
            assertThat(after.get(service).has("kafka_consumer_fetch_manager_records_lag_max", Map.of()))
                    .as(service + ": the Kafka consumers' lag").isTrue();
        }
        assertThat(after.get("household").has("fupin_outbox_backlog", Map.of())).isTrue();
        assertThat(after.get("household").has("fupin_outbox_oldest_unsent_age_seconds", Map.of())).isTrue();
        assertThat(after.get("gateway").has("fupin_gateway_circuit_state", Map.of("backend", "household"))).isTrue();

        // Every metric the alert rules and the dashboard read is one the services really expose.
        Set<String> exposed = new TreeSet<>();
        after.values().forEach(scrape -> exposed.addAll(scrape.names()));
        Set<String> read = PromQlNames.allMetricNames(monitoringExpressions());
        read.remove("up");
        assertThat(exposed).as("metrics read by deploy/monitoring").containsAll(read);

        // Operators scrape the management interface; the gateway routes no /q path to the internet.
        assertThat(get(URI.create("http://127.0.0.1:" + E2eSuite.PORTS.gateway() + "/q/metrics")).statusCode()).isEqualTo(404);
    }

    private static List<String> monitoringExpressions() {
        try {
            return PromQlNames.expressions(Path.of(System.getProperty("fupin.repo.root", "..")).toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean moved(Map<String, PrometheusText> before, String service, String metric, Map<String, String> labels) {
        return scrape(service).value(metric, labels) > before.get(service).value(metric, labels);
    }

    private static Map<String, PrometheusText> scrapeAll() {
        Map<String, PrometheusText> scrapes = new LinkedHashMap<>();
        SERVICES.forEach(service -> scrapes.put(service, scrape(service)));
        return scrapes;
    }

    /** Not through RestAssured: /q/metrics is no part of the API's document. */
    private static PrometheusText scrape(String service) {
        return PrometheusText.scrape(URI.create("http://127.0.0.1:" + E2eSuite.PORTS.managementOf(service) + "/q/metrics"));
    }

    private static HttpResponse<String> get(URI uri) {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
