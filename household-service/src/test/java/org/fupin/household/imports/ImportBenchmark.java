package org.fupin.household.imports;

import static io.restassured.RestAssured.given;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import jakarta.inject.Inject;

import org.fupin.household.Fixtures;
import org.fupin.testing.BenchmarkFigures;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Registers 100,000 households (300,000 rows) through the import and prints rows per second beside
 * a raw server-side INSERT of 1,000,000 rows into a temporary table of the same database. Not a
 * test: it asserts nothing and runs only when asked (see the README's Benchmarks section):
 * {@code ./mvnw -pl household-service -am test -Dtest=ImportBenchmark -Dfupin.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
@EnabledIfSystemProperty(named = "fupin.benchmark", matches = "true")
class ImportBenchmark {

    private static final int HOUSEHOLDS = Integer.getInteger("fupin.benchmark.households", 100_000);
    private static final int MEMBERS = 3;
    private static final int VILLAGES = 10;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void importsOneHundredThousandHouseholds() throws Exception {
        String township = Fixtures.freshVillage().substring(0, 9);
        String[] villages = new String[VILLAGES];
        for (int v = 0; v < VILLAGES; v++) {
            villages[v] = township + String.format("%03d", 301 + v);
            Fixtures.putRegion(villages[v], "村" + v, "VILLAGE", township);
        }
        Path file = Files.createTempFile("benchmark-households", ".csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(ImportFiles.header());
            int id = 0;
            for (int h = 0; h < HOUSEHOLDS; h++) {
                String village = villages[h % VILLAGES];
                for (int m = 0; m < MEMBERS; m++) {
                    Map<String, String> row = ImportFiles.row("B" + h, village, (m == 0 ? "户主" : "成员") + "甲乙丙".charAt(m),
                            ImportFiles.idNumber("500239", id++), m == 0 ? "HEAD" : m == 1 ? "SPOUSE" : "CHILD");
                    out.write(ImportFiles.line(row));
                }
            }
        }
        long rows = (long) HOUSEHOLDS * MEMBERS;

        double baseline = Math.max(baselineRowsPerSecond(), baselineRowsPerSecond());

        String token = TestTokens.token("township-officer", township);
        long start = System.nanoTime();
        String jobId = given().auth().oauth2(token).contentType("text/csv").body(file.toFile())
                .post("/api/v1/household-imports").then().statusCode(202).extract().path("jobId");
        long accepted = System.nanoTime();
        // Polled with a plain JSON parser: RestAssured's JsonPath compiles Groovy and would take CPU from the service.
        ObjectMapper json = new ObjectMapper();
        JsonNode job;
        do {
            Thread.sleep(250);
            job = json.readTree(given().auth().oauth2(token).get("/api/v1/household-imports/" + jobId).asString());
        } while (job.get("status").asText().equals("QUEUED") || job.get("status").asText().equals("RUNNING"));
        long end = System.nanoTime();
        Files.delete(file);

        double seconds = (end - start) / 1e9;
        double rowsPerSecond = rows / seconds;
        System.out.printf("%n== household import benchmark ==%n");
        System.out.printf("job %s: %s, succeeded %d, failed %d%n", jobId, job.get("status").asText(), job.get("succeeded").asInt(),
                job.get("failed").asInt());
        System.out.printf("rows %,d, households %,d, upload and checks %.2f s, total %.2f s (batch size %s)%n", rows, HOUSEHOLDS,
                (accepted - start) / 1e9, seconds, System.getProperty("fupin.import.batch-size", "500"));
        System.out.printf("import:   %,10.0f rows/s   %,10.0f households/s%n", rowsPerSecond, HOUSEHOLDS / seconds);
        System.out.printf("          %,10.0f database rows/s (a household is 6 rows: itself, 3 members, outbox event, history)%n",
                HOUSEHOLDS * (2.0 + MEMBERS) / seconds + HOUSEHOLDS / seconds);
        System.out.printf("baseline: %,10.0f rows/s   (server-side INSERT ... SELECT of 1,000,000 rows)%n", baseline);
        System.out.printf("ratio:    %.2f (aim: at least 0.25)%n%n", rowsPerSecond / baseline);
        BenchmarkFigures.record(new BenchmarkFigures.Figure("import", String.format("CSV rows of %,d households with 3 members", HOUSEHOLDS),
                rowsPerSecond, "rows/s", "server-side INSERT ... SELECT of 1,000,000 rows", baseline, "≥ 0.25 of the baseline"));
    }

    /** RECIPES.md's baseline, measured here: 1,000,000 rows with a uuid primary key made by the server itself. */
    private double baselineRowsPerSecond() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("drop table if exists import_baseline");
            sql.execute("create temp table import_baseline (id uuid primary key, n integer not null, label text not null)");
            long start = System.nanoTime();
            sql.execute("insert into import_baseline select gen_random_uuid(), g, 'row ' || g from generate_series(1, 1000000) g");
            double seconds = (System.nanoTime() - start) / 1e9;
            sql.execute("drop table import_baseline");
            return 1_000_000 / seconds;
        }
    }
}
