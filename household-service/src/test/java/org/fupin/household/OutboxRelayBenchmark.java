package org.fupin.household;

import static io.restassured.RestAssured.given;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.tools.ProducerPerformance;
import org.fupin.testing.BenchmarkFigures;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The outbox relay draining a backlog: 200,000 outbox rows (each a real registration event's size)
 * written at once, as after a broker outage or a bulk import, and timed until the service's own
 * relay has published every one and marked it sent. Beside it, in the same run, Kafka's own producer
 * test ({@code kafka-producer-perf-test}) sends as many records of the same size with acks=all to
 * the same broker: the most any relay could do there. Not a test: it prints figures and runs only when asked:
 * {@code ./mvnw -pl household-service -am test -Dtest=OutboxRelayBenchmark -Dfupin.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
@EnabledIfSystemProperty(named = "fupin.benchmark", matches = "true")
class OutboxRelayBenchmark {

    private static final int ROWS = Integer.getInteger("fupin.benchmark.outbox-rows", 200_000);
    private static final String TOPIC = "household.events";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void relayDrainsABacklog() throws Exception {
        String payload = registrationSizedPayload();
        int recordSize = payload.getBytes(StandardCharsets.UTF_8).length;
        waitUntilNothingIsPending();

        long start;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement backlog = connection.prepareStatement("""
                    insert into outbox_event (id, aggregate_type, aggregate_id, topic, event_type, payload)
                    select gen_random_uuid(), 'household', (g % 50000)::text, ?, 'household.registered', ?
                    from generate_series(1, ?) g""")) {
                backlog.setString(1, TOPIC);
                backlog.setString(2, payload);
                backlog.setInt(3, ROWS);
                backlog.executeUpdate();
            }
            connection.commit();
            start = System.nanoTime();
        }
        waitUntilNothingIsPending();
        double seconds = (System.nanoTime() - start) / 1e9;
        double relayed = ROWS / seconds;

        double baseline = producerPerformance(recordSize);
        System.out.printf("%n== outbox relay benchmark ==%n");
        System.out.printf("relay:    %,d rows of %,d bytes published and marked sent in %.1f s: %,.0f events/s%n", ROWS, recordSize,
                seconds, relayed);
        System.out.printf("baseline: kafka-producer-perf-test, %,d records of %,d bytes, acks=all: %,.0f records/s%n", ROWS, recordSize,
                baseline);
        System.out.printf("ratio:    %.2f (aim: at least 0.25)%n%n", relayed / baseline);
        BenchmarkFigures.record(new BenchmarkFigures.Figure("relay", String.format("outbox relay: a backlog of %,d rows published and marked sent",
                ROWS), relayed, "events/s", String.format("kafka-producer-perf-test, acks=all, %,d-byte records", recordSize), baseline,
                "≥ 0.25 of the baseline"));
    }

    /** The payload of the latest registration in the outbox, or one written like it when none is there yet. */
    private String registrationSizedPayload() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(
                        "select payload from outbox_event where event_type = 'household.registered' order by seq desc limit 1")) {
            if (rows.next()) {
                return rows.getString(1);
            }
        }
        given().auth().oauth2(TestTokens.token("county-admin")).contentType(ContentType.JSON)
                .body(Fixtures.household(Fixtures.freshVillage())).post("/api/v1/households").then().statusCode(201);
        return registrationSizedPayload();
    }

    private void waitUntilNothingIsPending() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            while (true) {
                try (ResultSet rows = sql.executeQuery("select exists (select 1 from outbox_event where sent_at is null)")) {
                    rows.next();
                    if (!rows.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
    }

    /** Runs Kafka's producer test in this JVM and reads its summary line: "N records sent, R records/sec (...)". */
    private static double producerPerformance(int recordSize) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(new String[] { "--topic", TOPIC + ".perf-test", "--num-records", String.valueOf(ROWS),
                    "--record-size", String.valueOf(recordSize), "--throughput", "-1", "--producer-props",
                    "bootstrap.servers=" + InJvmKafka.bootstrapServers(), "acks=all" });
        } finally {
            System.setOut(out);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        Matcher summary = Pattern.compile(ROWS + " records sent, ([0-9.]+) records/sec").matcher(printed);
        if (!summary.find()) {
            throw new IllegalStateException("No summary in the producer test's output:\n" + printed);
        }
        return Double.parseDouble(summary.group(1));
    }
}
