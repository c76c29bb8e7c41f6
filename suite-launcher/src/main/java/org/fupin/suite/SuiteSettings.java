package org.fupin.suite;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.Objects;

/**
 * Where a suite lives and which ports and databases it uses. Nothing else in the launcher knows a
 * default port or path, so a second suite (the end-to-end tests' one) can run beside a developer's.
 *
 * @param root the repository root, where the module directories and {@code mvnw} are
 * @param home the state directory: keys, pid files, logs, Kafka data
 * @param ports the TCP ports of the services and the broker
 * @param databaseSuffix appended to every database name: empty for {@code up}, {@code _e2e} for the end-to-end suite
 * @param database the PostgreSQL server and the credentials the services log in with
 * @param serviceEnvironment variables given to every service besides those the launcher sets (the end-to-end suite's
 *                           webhook settings); empty for {@code up}, where the services read the launcher's own environment
 */
public record SuiteSettings(Path root, Path home, Ports ports, String databaseSuffix, Database database,
        Map<String, String> serviceEnvironment) {

    public static final String HOME_VARIABLE = "FUPIN_SUITE_HOME";

    public SuiteSettings {
        root = root.toAbsolutePath().normalize();
        home = root.resolve(home).toAbsolutePath().normalize();
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(databaseSuffix, "databaseSuffix");
        Objects.requireNonNull(database, "database");
        serviceEnvironment = Map.copyOf(serviceEnvironment);
    }

    /** The ports a suite listens on; each has a variable that overrides it. */
    public record Ports(int gateway, int household, int assistance, int reporting, int webhook, int kafka, int kafkaController) {

        public static final Ports DEFAULT = new Ports(8080, 8081, 8082, 8083, 8084, 9092, 9093);

        /** Management interfaces (health, OpenAPI) listen this far above their service's port: 8081 → 9081. */
        public static final int MANAGEMENT_OFFSET = 1000;

        /** The management port of a service by its short name. */
        public int managementOf(String service) {
            return of(service) + MANAGEMENT_OFFSET;
        }

        /** The HTTP port of a service by its short name (household, assistance, reporting, webhook, gateway). */
        public int of(String service) {
            return switch (service) {
                case "gateway" -> gateway;
                case "household" -> household;
                case "assistance" -> assistance;
                case "reporting" -> reporting;
                case "webhook" -> webhook;
                default -> throw new IllegalArgumentException("No such service: " + service);
            };
        }
    }

    /**
     * The PostgreSQL server.
     *
     * @param host where the server answers (PGHOST)
     * @param port its TCP port (PGPORT)
     * @param adminUser a role allowed to create roles and databases (PGUSER; psql reads PGPASSWORD itself);
     *                  null means the local {@code postgres} superuser through peer authentication
     * @param servicePassword the password of every service role (FUPIN_DB_PASSWORD); null means the role name
     */
    public record Database(String host, int port, String adminUser, String servicePassword) {

        /** Whether the server is on this machine, so that the launcher may start or install it. */
        public boolean local() {
            return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
        }

        public String passwordOf(String role) {
            return servicePassword == null ? role : servicePassword;
        }
    }

    /** The settings of {@code ./suite}: defaults overridden by the process environment. */
    public static SuiteSettings fromEnvironment(Path root) {
        return fromEnvironment(root, System.getenv());
    }

    /** The settings for a repository root, each default overridden by its variable when set. */
    public static SuiteSettings fromEnvironment(Path root, Map<String, String> env) {
        Ports defaults = Ports.DEFAULT;
        Ports ports = new Ports(
                port(env, "FUPIN_GATEWAY_PORT", defaults.gateway()),
                port(env, "FUPIN_HOUSEHOLD_PORT", defaults.household()),
                port(env, "FUPIN_ASSISTANCE_PORT", defaults.assistance()),
                port(env, "FUPIN_REPORTING_PORT", defaults.reporting()),
                port(env, "FUPIN_WEBHOOK_PORT", defaults.webhook()),
                port(env, "FUPIN_KAFKA_PORT", defaults.kafka()),
                port(env, "FUPIN_KAFKA_CONTROLLER_PORT", defaults.kafkaController()));
        Database database = new Database(
                // A PGHOST naming a socket directory is for psql; the services need a TCP host.
                nonBlank(env.get("PGHOST")) && !env.get("PGHOST").startsWith("/") ? env.get("PGHOST") : "127.0.0.1",
                port(env, "PGPORT", 5432),
                nonBlank(env.get("PGUSER")) ? env.get("PGUSER") : null,
                nonBlank(env.get("FUPIN_DB_PASSWORD")) ? env.get("FUPIN_DB_PASSWORD") : null);
        Path home = Path.of(nonBlank(env.get(HOME_VARIABLE)) ? env.get(HOME_VARIABLE) : ".suite");
        return new SuiteSettings(root, home, ports, "", database, Map.of());
    }

    public SuiteSettings withHome(Path newHome) {
        return new SuiteSettings(root, newHome, ports, databaseSuffix, database, serviceEnvironment);
    }

    public SuiteSettings withPorts(Ports newPorts) {
        return new SuiteSettings(root, home, newPorts, databaseSuffix, database, serviceEnvironment);
    }

    public SuiteSettings withDatabaseSuffix(String newSuffix) {
        return new SuiteSettings(root, home, ports, newSuffix, database, serviceEnvironment);
    }

    public SuiteSettings withDatabase(Database newDatabase) {
        return new SuiteSettings(root, home, ports, databaseSuffix, newDatabase, serviceEnvironment);
    }

    public SuiteSettings withServiceEnvironment(Map<String, String> variables) {
        return new SuiteSettings(root, home, ports, databaseSuffix, database, variables);
    }

    public Path keysDir() {
        return home.resolve("keys");
    }

    public Path runDir() {
        return home.resolve("run");
    }

    public Path logsDir() {
        return home.resolve("logs");
    }

    public Path kafkaDir() {
        return home.resolve("kafka");
    }

    /** The jars the broker runs from: the launcher's runtime classpath, copied there by its build. */
    public Path launcherLib() {
        return root.resolve("suite-launcher").resolve("target").resolve("lib");
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + ports.kafka();
    }

    /**
     * The repository root of the running launcher: three levels above
     * {@code suite-launcher/target/suite-launcher.jar}, else the working directory.
     */
    public static Path locateRoot() {
        CodeSource codeSource = SuiteSettings.class.getProtectionDomain().getCodeSource();
        if (codeSource != null) {
            try {
                // suite-launcher/target/<jar or classes>: the root is three levels up.
                Path candidate = Path.of(codeSource.getLocation().toURI()).toAbsolutePath();
                for (int level = 0; level < 3 && candidate != null; level++) {
                    candidate = candidate.getParent();
                }
                if (candidate != null && Files.isRegularFile(candidate.resolve("suite-launcher").resolve("pom.xml"))) {
                    return candidate;
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // Not a file location; the working directory is the next best guess.
            }
        }
        return Path.of("").toAbsolutePath();
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (!nonBlank(value)) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a TCP port (1-65535), not '" + value + "'");
        }
    }

    private static boolean nonBlank(String value) {
        return value != null && !value.isBlank();
    }
}
