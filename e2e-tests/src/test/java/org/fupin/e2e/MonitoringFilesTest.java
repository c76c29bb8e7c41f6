package org.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * deploy/monitoring: the alert rules an operator loads into Prometheus and the Grafana dashboard. Neither can be
 * tried without a Prometheus, so what can be checked here is: the rules have what Alertmanager routes and shows,
 * the alerts the suite needs exist, the dashboard imports, and every metric name is one of the suite's families
 * (MetricsIT's scrape of the running suite can hold each name to what the processes export, with
 * {@link PromQlNames#expressions}).
 */
class MonitoringFilesTest {

    private static final Path ROOT = ServiceSettings.ROOT;
    private static final Path PROMETHEUS_RULE = Path.of("deploy/kubernetes/overlays/example/prometheus-rule.yaml");
    /** Quarkus's HTTP server, JVM, connection pool and Kafka client metrics, and fupin's own. */
    private static final List<String> FAMILIES = List.of("fupin_", "http_server_", "kafka_consumer_", "kafka_producer_", "agroal_", "jvm_");

    @Test
    void everyRuleHasAnExpressionADelayASeverityAndWordsForTheOperator() throws IOException {
        List<Map<String, Object>> rules = PromQlNames.rules(ROOT.resolve(PromQlNames.ALERTS));
        assertThat(rules).isNotEmpty();
        for (Map<String, Object> rule : rules) {
            Object name = rule.get("alert");
            assertThat(name).as("an alerting rule, not a recording one").isInstanceOf(String.class);
            assertThat(text(rule.get("expr"))).as("expr of %s", name).isNotBlank();
            assertThat(text(rule.get("for"))).as("for of %s", name).matches("(\\d+(ms|[smhdwy]))+");
            assertThat(map(rule.get("labels")).get("severity")).as("severity of %s", name).isIn("warning", "critical");
            Map<String, Object> annotations = map(rule.get("annotations"));
            assertThat(text(annotations.get("summary"))).as("summary of %s", name).isNotBlank();
            assertThat(text(annotations.get("description"))).as("description of %s", name).isNotBlank();
        }
    }

    @Test
    void alertsOnWhatGoesWrongInTheSuite() throws IOException {
        List<String> expressions = PromQlNames.alertExpressions(ROOT.resolve(PromQlNames.ALERTS));
        assertThat(reading(expressions, "kafka_consumer_fetch_manager_records_lag_max")).as("consumer lag").isNotEmpty();
        assertThat(reading(expressions, "fupin_outbox_oldest_unsent_age_seconds")).as("events waiting in an outbox").isNotEmpty();
        assertThat(reading(expressions, "fupin_outbox_relay_failures_total")).as("the outbox relay failing").isNotEmpty();
        assertThat(reading(expressions, "fupin_events_dead_lettered_total")).as("dead letters")
                .anySatisfy(expression -> assertThat(expression).contains("increase("));
        assertThat(reading(expressions, "http_server_requests_seconds_count")).as("server errors")
                .anySatisfy(expression -> assertThat(expression).contains("status=~\"5..\""));
        assertThat(reading(expressions, "fupin_gateway_circuit_state")).as("an open circuit (0 closed, 1 open, 2 half-open)")
                .anySatisfy(expression -> assertThat(expression).containsPattern("==\\s*1\\b"));
        assertThat(reading(expressions, "up")).as("a target down")
                .anySatisfy(expression -> assertThat(expression).containsPattern("==\\s*0\\b"));
    }

    /** The overlay's PrometheusRule is a copy of the rules file: the two must not drift apart. */
    @Test
    void theExampleOverlaysPrometheusRuleCarriesTheSameRules() throws IOException {
        Map<String, Object> resource = yaml(ROOT.resolve(PROMETHEUS_RULE));
        assertThat(resource.get("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
        assertThat(resource.get("kind")).isEqualTo("PrometheusRule");
        assertThat(map(resource.get("spec")).get("groups")).as("spec.groups of %s equal the groups of %s", PROMETHEUS_RULE, PromQlNames.ALERTS)
                .isEqualTo(yaml(ROOT.resolve(PromQlNames.ALERTS)).get("groups"));
    }

    @Test
    void theDashboardImportsIntoGrafanaWithAPrometheusDataSourceOfTheUsersChoice() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(ROOT.resolve(PromQlNames.DASHBOARD).toFile());
        assertThat(dashboard.path("uid").asText("")).isNotBlank();
        assertThat(dashboard.path("title").asText("")).isNotBlank();
        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        List<String> dataSourceVariables = new ArrayList<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText("").equals("datasource") && variable.path("query").asText("").equals("prometheus")) {
                dataSourceVariables.add(variable.path("name").asText(""));
            }
        }
        assertThat(dataSourceVariables).as("a Prometheus data source variable").hasSize(1);
        String dataSource = "${" + dataSourceVariables.get(0) + "}";

        List<JsonNode> panels = PromQlNames.panels(dashboard);
        assertThat(panels).isNotEmpty();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText("");
            assertThat(ids.add(panel.path("id").asInt())).as("id of panel %s is unique", title).isTrue();
            if (panel.path("type").asText("").equals("row")) {
                continue;
            }
            assertThat(panel.path("type").asText("")).as("type of panel %s", title).isIn("timeseries", "stat");
            assertThat(panel.path("datasource").path("uid").asText("")).as("data source of panel %s", title).isEqualTo(dataSource);
            List<String> expressions = new ArrayList<>();
            for (JsonNode target : panel.path("targets")) {
                if (!target.path("expr").asText("").isBlank()) {
                    expressions.add(target.path("expr").asText());
                }
            }
            assertThat(expressions).as("expressions of panel %s", title).isNotEmpty();
        }
    }

    @Test
    void readsOnlyMetricsOfTheSuitesFamilies() throws IOException {
        Set<String> names = PromQlNames.allMetricNames(PromQlNames.expressions(ROOT));
        assertThat(names).isNotEmpty();
        for (String name : names) {
            assertThat(name.equals("up") || FAMILIES.stream().anyMatch(name::startsWith))
                    .as("%s is up or a metric of one of %s", name, FAMILIES).isTrue();
        }
    }

    /** Latency histograms are off unless a process's configuration turns them on: then no _bucket series exists. */
    @Test
    void readsNoHistogramBucketsTheProcessesDoNotPublish() throws IOException {
        boolean histograms = false;
        for (String application : List.of("gateway", "household-service", "assistance-service", "reporting-service", "webhook-service")) {
            histograms |= Files.readString(ROOT.resolve(application).resolve("src/main/resources/application.properties")).contains("histogram");
        }
        histograms |= Files.readString(ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties")).contains("histogram");
        if (!histograms) {
            assertThat(PromQlNames.allMetricNames(PromQlNames.expressions(ROOT)))
                    .as("no process publishes histograms: mean latency is _sum over _count").noneMatch(name -> name.endsWith("_bucket"));
        }
    }

    private static List<String> reading(List<String> expressions, String metric) {
        return expressions.stream().filter(expression -> PromQlNames.metricNames(expression).contains(metric)).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        }
    }

    private static String text(Object value) {
        return value instanceof String string ? string : "";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }
}
