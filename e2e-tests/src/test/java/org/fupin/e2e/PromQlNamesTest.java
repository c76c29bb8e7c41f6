package org.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromQlNamesTest {

    @Test
    void aBareSelector() {
        assertThat(PromQlNames.metricNames("up == 0")).containsExactly("up");
    }

    @Test
    void passesOverLabelMatchersAndTheirValues() {
        assertThat(PromQlNames.metricNames(
                "http_server_requests_seconds_count{status=~\"5..\", uri!~\"/q/.*\", job=\"$job\"} offset 5m"))
                .containsExactly("http_server_requests_seconds_count");
        assertThat(PromQlNames.metricNames("x{path=~\"/a{1,3}\", other='it\\'s'} > 0")).containsExactly("x");
    }

    @Test
    void passesOverFunctionsAggregationsAndTheirGroupings() {
        assertThat(PromQlNames.metricNames("""
                sum by (job) (rate(http_server_requests_seconds_count{status=~"5.."}[5m]))
                  / sum by (job) (rate(http_server_requests_seconds_count[5m])) > 0.05"""))
                .containsExactly("http_server_requests_seconds_count");
        assertThat(PromQlNames.metricNames("sum(rate(a_total[5m])) without (instance, pod)")).containsExactly("a_total");
        assertThat(PromQlNames.metricNames("max by(job, backend)(fupin_gateway_circuit_state) == 1"))
                .containsExactly("fupin_gateway_circuit_state");
        assertThat(PromQlNames.metricNames("SUM BY (job) (B_total)")).containsExactly("B_total");
        assertThat(PromQlNames.metricNames("histogram_quantile(0.95, sum by (le) (rate(h_seconds_bucket[5m])))"))
                .containsExactly("h_seconds_bucket");
        assertThat(PromQlNames.metricNames("topk(5, count_values(\"version\", build_info))")).containsExactly("build_info");
        assertThat(PromQlNames.metricNames("label_replace(up, \"host\", \"$1\", \"instance\", \"(.*):.*\")")).containsExactly("up");
    }

    @Test
    void passesOverVectorMatchingAndSetOperators() {
        assertThat(PromQlNames.metricNames("a_total / on(job, instance) group_left(version) b_info"))
                .containsExactly("a_total", "b_info");
        assertThat(PromQlNames.metricNames("a unless ignoring(pod) b or c and d")).containsExactly("a", "b", "c", "d");
        assertThat(PromQlNames.metricNames("a * on (job) group_right c")).containsExactly("a", "c");
        assertThat(PromQlNames.metricNames("a > bool 1 or vector(0)")).containsExactly("a");
    }

    @Test
    void passesOverRangesSubqueriesOffsetsAndModifiers() {
        assertThat(PromQlNames.metricNames("max_over_time(rate(x_total[5m])[1h:1m])")).containsExactly("x_total");
        assertThat(PromQlNames.metricNames("rate(x_total[5m] offset -1h30m) - x_total @ 1609746000 + y @ start()"))
                .containsExactly("x_total", "y");
    }

    @Test
    void passesOverNumbersInfinityAndNotANumber() {
        assertThat(PromQlNames.metricNames("x > 1e3 and x < 0x10 and x != Inf and x != NaN and x > .5"))
                .containsExactly("x");
    }

    @Test
    void passesOverGrafanaVariablesAndComments() {
        assertThat(PromQlNames.metricNames("""
                sum(rate(x_total{job=~"$job"}[$__rate_interval])) * $factor / ${divisor:raw}  # per second, z_total
                + increase(y_total[$__range])"""))
                .containsExactly("x_total", "y_total");
    }

    @Test
    void keepsRecordingRuleNamesAndSelectorsByName() {
        assertThat(PromQlNames.metricNames("job:http_requests:rate5m > 10")).containsExactly("job:http_requests:rate5m");
        assertThat(PromQlNames.metricNames("{__name__=\"jvm_memory_used_bytes\", area=\"heap\"}"))
                .containsExactly("jvm_memory_used_bytes");
    }

    @Test
    void collectsTheNamesOfManyExpressionsSorted() {
        assertThat(PromQlNames.allMetricNames(List.of("b_total + a_total", "up == 0", "a_total")))
                .containsExactly("a_total", "b_total", "up");
    }

    @Test
    void readsTheRulesOfAPrometheusRulesFileAndOfAPrometheusRule(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("rules.yaml");
        Files.writeString(file, """
                groups:
                  - name: one
                    rules:
                      - alert: A
                        expr: up == 0
                  - name: two
                    rules:
                      - alert: B
                        expr: |
                          sum(rate(x_total[5m])) > 1
                """);
        Path resource = directory.resolve("rule.yaml");
        Files.writeString(resource, """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: r
                spec:
                  groups:
                    - name: one
                      rules:
                        - alert: A
                          expr: up == 0
                """);

        assertThat(PromQlNames.alertExpressions(file)).containsExactly("up == 0", "sum(rate(x_total[5m])) > 1\n");
        assertThat(PromQlNames.alertExpressions(resource)).containsExactly("up == 0");
    }

    @Test
    void readsEveryTargetOfADashboardPanelsOfCollapsedRowsIncluded(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("dashboard.json");
        Files.writeString(file, """
                {"uid": "u", "title": "t", "panels": [
                  {"type": "row", "title": "open", "panels": []},
                  {"type": "timeseries", "targets": [{"refId": "A", "expr": "a_total"}, {"refId": "B", "expr": "b_total"}]},
                  {"type": "row", "title": "closed", "collapsed": true, "panels": [
                    {"type": "stat", "targets": [{"refId": "A", "expr": "c_total"}]}
                  ]},
                  {"type": "text", "targets": [{"refId": "A", "expr": ""}]}
                ]}
                """);

        assertThat(PromQlNames.dashboardExpressions(file)).containsExactly("a_total", "b_total", "c_total");
    }
}
