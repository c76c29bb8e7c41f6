package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fupin.suite.PartStatus;
import org.fupin.suite.ServiceSpec;
import org.fupin.suite.Suite;
import org.fupin.suite.SuiteSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * The read model under faults, with the real processes: reporting-service killed (SIGKILL) in the
 * middle of a stream of registrations and started again counts every household exactly once; two
 * reporting-service instances sharing one consumer group split the partitions and the totals are
 * still exact.
 */
class ReportingResilienceIT {

    private static final String COUNTY = "500237";
    /**
     * A port of its own for the second reporting instance, outside the e2e suite's ports; its
     * management interface listens 1000 higher, on 19094, clear of the broker's 19092 and 19093.
     */
    private static final int SECOND_INSTANCE_PORT = 18094;

    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = E2eSuite.get();
        String admin = suite.token("county-admin", COUNTY);
        SuiteSliceIT.putRegion(admin, COUNTY, "韧性县", "COUNTY", null, 100000);
    }

    @Test
    void reportingKilledMidStreamCountsEveryHouseholdOnceAfterItsRestart() throws Exception {
        String village = village("101", "201");
        int households = 60;
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> writes = writer.submit(() -> register(village, households, 2));
            // Let part of the stream arrive, then kill the consumer without any chance to commit or close.
            await().atMost(Duration.ofSeconds(30)).until(() -> overviewHouseholds(village) >= 10);
            long pid = reportingPid();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
            writes.get();
            suite.startService(ServiceSpec.REPORTING.name());
        } finally {
            writer.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> overviewHouseholds(village) == households);
        // Nothing counted twice: exactly 60 households of two people, all POOR.
        given().auth().oauth2(analyst()).queryParam("region", village).get("/api/v1/reports/overview").then().statusCode(200)
                .body("people.total", org.hamcrest.Matchers.equalTo(households * 2))
                .body("households.byStatus.POOR", org.hamcrest.Matchers.equalTo(households));
    }

    @Test
    void twoReportingInstancesInOneConsumerGroupGiveExactTotals() throws Exception {
        String village = village("102", "201");
        Process second = startSecondReportingInstance();
        try {
            awaitReady(SECOND_INSTANCE_PORT + SuiteSettings.Ports.MANAGEMENT_OFFSET);
            int households = 45;
            register(village, households, 3);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> overviewHouseholds(village) == households);
            // Both instances answer from the one read model, and agree.
            String direct = given().auth().oauth2(analyst()).baseUri("http://127.0.0.1").port(SECOND_INSTANCE_PORT)
                    .queryParam("region", village).get("/api/v1/reports/overview").then().statusCode(200)
                    .extract().path("people.total").toString();
            assertThat(direct).isEqualTo(String.valueOf(households * 3));
            given().auth().oauth2(analyst()).queryParam("region", village).get("/api/v1/reports/overview").then()
                    .body("people.total", org.hamcrest.Matchers.equalTo(households * 3));
        } finally {
            second.destroy();
            if (!second.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }

    private static String village(String township, String village) {
        String admin = suite.token("county-admin", COUNTY);
        SuiteSliceIT.putRegion(admin, COUNTY + township, "韧性镇" + township, "TOWNSHIP", COUNTY, 10000);
        SuiteSliceIT.putRegion(admin, COUNTY + township + village, "韧性村" + township, "VILLAGE", COUNTY + township, 1000);
        return COUNTY + township + village;
    }

    private static void register(String village, int households, int members) {
        String admin = suite.token("county-admin", COUNTY);
        for (int i = 0; i < households; i++) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Households.household(village, members))
                    .post("/api/v1/households").then().statusCode(201);
        }
    }

    private static int overviewHouseholds(String village) {
        var response = given().auth().oauth2(analyst()).queryParam("region", village).get("/api/v1/reports/overview");
        return response.statusCode() == 200 ? response.then().extract().<Integer>path("households.total") : -1;
    }

    private static String analyst() {
        return suite.token("analyst", COUNTY);
    }

    private static long reportingPid() {
        return suite.status().stream().filter(part -> part.part().equals(ServiceSpec.REPORTING.name()))
                .map(PartStatus::pid).findFirst().orElseThrow().orElseThrow();
    }

    /** The same packaged service, database and consumer group as the suite's, on a port of its own. */
    private static Process startSecondReportingInstance() throws IOException {
        SuiteSettings settings = suite.settings();
        ServiceSpec reporting = ServiceSpec.REPORTING;
        SuiteSettings.Database database = settings.database();
        ProcessBuilder builder = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m", "-jar", reporting.jar(settings.root()).toString()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(SECOND_INSTANCE_PORT));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(SECOND_INSTANCE_PORT + SuiteSettings.Ports.MANAGEMENT_OFFSET));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + database.host() + ":" + database.port() + "/"
                + reporting.databaseName(settings.databaseSuffix()));
        env.put("QUARKUS_DATASOURCE_USERNAME", reporting.role());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.passwordOf(reporting.role()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
        env.put("FUPIN_JWT_PUBLIC_KEY", suite.publicKeyFile().toAbsolutePath().toString());
        Path log = settings.logsDir().resolve("reporting-second.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile()).directory(settings.root().toFile());
        return builder.start();
    }

    private static void awaitReady(int port) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }
}
