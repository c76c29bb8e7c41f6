package org.fupin.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final PrometheusText SCRAPE = new PrometheusText("""
            # HELP fupin_events_applied_total Events applied, once each
            # TYPE fupin_events_applied_total counter
            fupin_events_applied_total{consumer="reporting.read-model",topic="household.events"} 12.0
            fupin_events_applied_total{consumer="reporting.read-model",topic="assistance.events"} 3.0
            fupin_outbox_backlog 0.0
            http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/api/v1/households/{id}"} 7
            http_server_requests_seconds_count{method="POST",outcome="SUCCESS",status="201",uri="/api/v1/households"} 2.0 \
            # {span_id="852b6c3742951477",trace_id="0af7651916cd43dd8448eb211c80319c"} 1.0 1796676825.113
            # EOF
            """);

    @Test
    void sumsTheSeriesWhoseLabelsIncludeTheGivenOnes() {
        assertThat(SCRAPE.sum("fupin_events_applied_total", Map.of())).isEqualTo(15.0);
        assertThat(SCRAPE.sum("fupin_events_applied_total", Map.of("topic", "assistance.events"))).isEqualTo(3.0);
        assertThat(SCRAPE.sum("http_server_requests_seconds_count", Map.of("uri", "/api/v1/households/{id}", "status", "200")))
                .isEqualTo(7.0);
        assertThat(SCRAPE.value("fupin_outbox_backlog", Map.of())).isZero();
    }

    @Test
    void tellsAMissingSeriesFromAZeroOne() {
        assertThat(SCRAPE.has("fupin_outbox_backlog", Map.of())).isTrue();
        assertThat(SCRAPE.has("fupin_events_applied_total", Map.of("topic", "monitoring.signals"))).isFalse();
        assertThat(SCRAPE.sum("fupin_events_dead_lettered_total", Map.of())).isNull();
        assertThat(SCRAPE.value("fupin_events_dead_lettered_total", Map.of())).isZero();
    }

    @Test
    void readsASampleThatCarriesAnExemplar() {
        assertThat(SCRAPE.sum("http_server_requests_seconds_count", Map.of("method", "POST"))).isEqualTo(2.0);
    }

    @Test
    void namesEverySeriesInTheScrape() {
        assertThat(SCRAPE.names()).containsExactly("fupin_events_applied_total", "fupin_outbox_backlog",
                "http_server_requests_seconds_count");
    }
}
