package org.fupin.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.fupin.suite.Suite;
import org.fupin.suite.SuiteSettings;

import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;

/**
 * The packaged suite started for the end-to-end tests: real PostgreSQL, a real Kafka broker
 * process and the four service jars, on ports and databases of its own (so that a developer's
 * suite may run beside it), with a clean state at every start. One suite serves all test classes.
 */
final class E2eSuite {

    static final SuiteSettings.Ports PORTS = new SuiteSettings.Ports(18080, 18081, 18082, 18083, 18084, 19092, 19093);
    static final String DATABASE_SUFFIX = "_e2e";

    private static Suite suite;
    private static OpenApiContract contract;

    private E2eSuite() {
    }

    static synchronized Suite get() {
        if (suite == null) {
            Path root = Path.of(System.getProperty("fupin.repo.root", "..")).toAbsolutePath().normalize();
            Path home = root.resolve("e2e-tests/target/suite");
            SuiteSettings settings = SuiteSettings.fromEnvironment(root)
                    .withHome(home)
                    .withPorts(PORTS)
                    .withDatabaseSuffix(DATABASE_SUFFIX)
                    .withServiceEnvironment(serviceEnvironment());
            OtlpReceiver.get();
            Suite fresh = new Suite(settings);
            fresh.down();
            deleteRecursively(settings.kafkaDir());
            fresh.ensurePostgres(false);
            resetDatabases(settings);
            fresh.up();
            Runtime.getRuntime().addShutdownHook(new Thread(fresh::down, "e2e-suite-down"));
            RestAssured.baseURI = fresh.gatewayUrl();
            RestAssured.port = PORTS.gateway();
            contract = OpenApiContract.parse(RestAssured.given().accept("application/json").get("/openapi").then().statusCode(200)
                    .extract().asString());
            Path breaches = home.resolveSibling("openapi-breaches.txt");
            deleteRecursively(breaches);
            RestAssured.filters(new DocumentedAnswers(contract, breaches));
            suite = fresh;
        }
        return suite;
    }

    /**
     * Settings the services of the e2e suite run with: the webhook receiver's, gauges read every 2 s (MetricsIT),
     * spans exported to the OTLP receiver, JSON logs with an access line per request (TracingIT).
     */
    private static Map<String, String> serviceEnvironment() {
        Map<String, String> environment = new HashMap<>(WebhookReceiver.suiteSettings());
        environment.put("FUPIN_REGISTRY_GAUGES_EVERY", "2s");
        environment.put("FUPIN_OUTBOX_METRICS_EVERY", "2s");
        environment.putAll(OtlpReceiver.suiteSettings());
        environment.put("QUARKUS_LOG_CONSOLE_JSON", "true");
        environment.put("QUARKUS_HTTP_ACCESS_LOG_ENABLED", "true");
        return environment;
    }

    /** A county admin of {@code county} under a subject of its own: the gateway's rate limit counts per caller. */
    static String countyAdmin(String subject, String county) {
        return caller(subject, "county-admin", county);
    }

    /** A token of {@code role} in {@code region} under a subject of its own (an integrator's client, say). */
    static String caller(String subject, String role, String region) {
        return Jwt.issuer("fupin-suite").audience("fupin-api").subject(subject).claim("name", subject)
                .groups(Set.of(role)).claim("region", region).issuedAt(Instant.now()).expiresIn(Duration.ofMinutes(30))
                .sign(get().signingKey());
    }

    /** The merged OpenAPI document the suite served at its start, as the contract its answers keep. */
    static synchronized OpenApiContract contract() {
        get();
        return contract;
    }

    /** Each service owns its database; emptying its schema gives Flyway a clean start. */
    private static void resetDatabases(SuiteSettings settings) {
        for (String service : new String[] { "household", "assistance", "reporting", "webhook" }) {
            try (Connection connection = connect(settings, service); Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists public cascade");
                statement.execute("create schema public");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot reset the database of " + service, e);
            }
        }
    }

    static Connection connect(SuiteSettings settings, String service) throws SQLException {
        String role = "fupin_" + service;
        String url = "jdbc:postgresql://" + settings.database().host() + ":" + settings.database().port()
                + "/" + role + DATABASE_SUFFIX;
        return DriverManager.getConnection(url, role, settings.database().passwordOf(role));
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
