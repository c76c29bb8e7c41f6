package org.fupin.reporting;

import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fupin.reporting.readmodel.ReadModel;
import org.fupin.testing.BenchmarkFigures;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.Latency;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * How the read model's cost grows with its size: counties of 500,000 generated households each
 * ({@link GeneratedCounty}) are loaded until the read model holds 0.5, 2 and 5 million households,
 * and at each size the same measurements run: the live consumer applying 100,000 new events, and
 * the p99 of one county's reports through the HTTP API. The county measured is always the first
 * one, so a change in its figures comes from the size of the tables around it. Figures are recorded
 * beside the same figure at the smallest size, so the ratio reads as growth. Not a test:
 * {@code ./mvnw -pl reporting-service -am test -Dtest=ScalingBenchmark -Dfupin.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dfupin.benchmark.scale=500000,1000000} for other sizes).
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
@EnabledIfSystemProperty(named = "fupin.benchmark", matches = "true")
class ScalingBenchmark {

    private static final int COUNTY_HOUSEHOLDS = 500_000;
    private static final int CONSUMER_HOUSEHOLDS = Integer.getInteger("fupin.benchmark.consumer-households", 50_000);
    private static final int RUNS = 200;
    private static final String MEASURED = county(1);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void costAsTheReadModelGrows() throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("fupin.benchmark.scale", "500000,2000000,5000000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        Map<String, String> reports = new LinkedHashMap<>();
        reports.put("overview of one county (500,000 households), today", "overview?region=" + MEASURED);
        reports.put("overview of one county, as of the campaign's middle", "overview?region=" + MEASURED + "&asOf=2020-10-20");
        reports.put("breakdown of one county, as of the campaign's middle", "breakdown?region=" + MEASURED + "&asOf=2020-10-20");
        // HTTP/1.1, as wrk and the gateway speak it. With the JDK client's default (HTTP/2 by an h2c upgrade) about one
        // request in a hundred stalled for exactly 5 s on this machine; over HTTP/1.1 far fewer do (bench/README.md, 2026-12-06).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = TestTokens.token("analyst", MEASURED);

        List<Step> steps = new ArrayList<>();
        int counties = 0;
        for (int size : sizes) {
            long start = System.nanoTime();
            while ((long) counties * COUNTY_HOUSEHOLDS < size) {
                counties++;
                try (Connection connection = dataSource.getConnection()) {
                    GeneratedCounty.load(connection, county(counties), COUNTY_HOUSEHOLDS);
                }
            }
            long households = (long) counties * COUNTY_HOUSEHOLDS;
            System.out.printf("%n== %,d households in the read model (%d counties; loaded in %.0f s) ==%n", households, counties,
                    (System.nanoTime() - start) / 1e9);
            double megabytes = readModelMegabytes();
            double consumer = LiveConsumerRun.measure(dataSource, "559900101201", CONSUMER_HOUSEHOLDS).eventsPerSecond();
            Map<String, Double> p99 = new LinkedHashMap<>();
            for (Map.Entry<String, String> report : reports.entrySet()) {
                Latency latency = Latency.ofGet(http, URI.create("http://localhost:" + port + "/api/v1/reports/" + report.getValue()),
                        token, 20, RUNS);
                p99.put(report.getKey(), latency.p99());
                System.out.printf("| %s | p50 %.1f ms | p99 %.1f ms |%n", report.getKey(), latency.p50(), latency.p99());
            }
            steps.add(new Step(households, megabytes, consumer, p99));
        }

        Step first = steps.get(0);
        String firstSize = String.format("at %,d households", first.households());
        for (Step step : steps) {
            String size = String.format(", read model of %,d households", step.households());
            BenchmarkFigures.record(new BenchmarkFigures.Figure("scale", "on disk, tables and indexes" + size,
                    step.megabytes(), "MB", "the same " + firstSize, first.megabytes(), ""));
            BenchmarkFigures.record(new BenchmarkFigures.Figure("scale", "live consumer, events applied" + size, step.consumer(),
                    "events/s", "the same " + firstSize, first.consumer(), ""));
            for (Map.Entry<String, Double> report : step.p99().entrySet()) {
                BenchmarkFigures.record(new BenchmarkFigures.Figure("scale", "p99, " + report.getKey() + size,
                        report.getValue(), "ms", "the same " + firstSize, first.p99().get(report.getKey()), "p99 < 50 ms"));
            }
        }
    }

    /** The size of every read-model table with its indexes. */
    private double readModelMegabytes() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select sum(pg_total_relation_size('public.' || t)) from unnest(array['"
                        + String.join("','", ReadModel.TABLES) + "']) t")) {
            rows.next();
            double megabytes = rows.getLong(1) / 1048576.0;
            System.out.printf("Read model on disk: %,.0f MB%n", megabytes);
            return megabytes;
        }
    }

    /** The six-digit code of the n-th generated county: 550100, 550200, ... */
    private static String county(int n) {
        return String.format("55%02d00", n);
    }

    private record Step(long households, double megabytes, double consumer, Map<String, Double> p99) {
    }
}
