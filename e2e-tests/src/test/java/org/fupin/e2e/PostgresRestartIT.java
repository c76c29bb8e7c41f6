package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.fupin.suite.Suite;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * PostgreSQL restarted under the running suite: every service's readiness goes down while the
 * server is away and comes back by itself afterwards, and writes and reports work again without
 * restarting any service. Runs where the suite's server is a local Debian cluster it may restart
 * (as in CI: root, pg_ctlcluster); elsewhere it is skipped, saying why.
 */
class PostgresRestartIT {

    private static final String COUNTY = "500239";

    @Test
    void readinessFollowsTheDatabaseAndTheServicesResumeWithoutARestart() throws Exception {
        Suite suite = E2eSuite.get();
        String[] cluster = localCluster(suite.settings().database().port())
                .orElse(null);
        Assumptions.assumeTrue(cluster != null, "the suite's PostgreSQL is not a local cluster pg_ctlcluster can restart");
        String admin = suite.token("county-admin", COUNTY);
        String township = COUNTY + "101";
        String village = township + "201";
        SuiteSliceIT.putRegion(admin, COUNTY, "重启县", "COUNTY", null, 1000);
        SuiteSliceIT.putRegion(admin, township, "重启镇", "TOWNSHIP", COUNTY, 1000);
        SuiteSliceIT.putRegion(admin, village, "重启村", "VILLAGE", township, 1000);
        register(admin, village);
        // Readiness is on each service's management interface.
        List<Integer> ports = List.of(E2eSuite.PORTS.managementOf("household"), E2eSuite.PORTS.managementOf("assistance"),
                E2eSuite.PORTS.managementOf("reporting"));

        run("pg_ctlcluster", cluster[0], cluster[1], "stop");
        try {
            for (int port : ports) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                        .until(() -> readiness(port) == 503);
            }
            // A write while the database is away is refused as unavailable, to be retried, never as a defect; it stores
            // nothing (the overview below counts the two registrations made before and after).
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Households.household(village, 2))
                    .post("/api/v1/households").then().statusCode(503)
                    .body("code", equalTo("service-unavailable")).header("Retry-After", notNullValue());
        } finally {
            run("pg_ctlcluster", cluster[0], cluster[1], "start");
        }
        for (int port : ports) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> readiness(port) == 200);
        }

        register(admin, village);
        String analyst = suite.token("analyst", COUNTY);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(analyst).queryParam("region", village).get("/api/v1/reports/overview")
                        .then().statusCode(200).body("households.total", equalTo(2)));
    }

    private static void register(String token, String village) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Households.household(village, 2))
                .post("/api/v1/households").then().statusCode(201);
    }

    private static int readiness(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    /** Version and name of the local cluster listening on the port, from pg_lsclusters, when we are root. */
    private static Optional<String[]> localCluster(int port) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.empty();
        }
        try {
            Process lister = new ProcessBuilder("pg_lsclusters", "-h").redirectErrorStream(true).start();
            String out = new String(lister.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (lister.waitFor() != 0) {
                return Optional.empty();
            }
            for (String line : out.split("\n")) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length >= 4 && columns[2].equals(String.valueOf(port)) && columns[3].equals("online")) {
                    return Optional.of(new String[] { columns[0], columns[1] });
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    }
}
