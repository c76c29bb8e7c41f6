package org.fupin.suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Runs the services from their packaged jars, configured through the environment, and tells when they are ready. */
final class Services {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    /**
     * A service process as {@link #launch} left it.
     *
     * @param fresh whether this call started it, rather than finding it running
     */
    record Launch(ServiceSpec service, long pid, boolean fresh, long startNanos) {
    }

    private final SuiteSettings settings;
    private final ProcessControl processes;
    private final Path publicKey;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    Services(SuiteSettings settings, ProcessControl processes, Path publicKey) {
        this.settings = settings;
        this.processes = processes;
        this.publicKey = publicKey;
    }

    /** The configuration of a service process: the variable names its README documents. */
    Map<String, String> environment(ServiceSpec service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(settings.ports().of(service.name())));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(settings.ports().managementOf(service.name())));
        // Locations in answers name the gateway, where clients reach the API.
        env.put("FUPIN_PUBLIC_BASE_URL", "http://localhost:" + settings.ports().gateway());
        if (service.database()) {
            SuiteSettings.Database database = settings.database();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + database.host() + ":" + database.port() + "/"
                    + service.databaseName(settings.databaseSuffix()));
            env.put("QUARKUS_DATASOURCE_USERNAME", service.role());
            env.put("QUARKUS_DATASOURCE_PASSWORD", database.passwordOf(service.role()));
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
        env.put("FUPIN_JWT_PUBLIC_KEY", publicKey.toAbsolutePath().toString());
        if (service.equals(ServiceSpec.ASSISTANCE)) {
            // "My work" reads the visit cards and alerts from the register, with the caller's token.
            env.put("FUPIN_ASSISTANCE_REGISTRY_URL", localUrl(ServiceSpec.HOUSEHOLD));
        }
        if (service.equals(ServiceSpec.GATEWAY)) {
            env.put("FUPIN_GATEWAY_HOUSEHOLD_URL", localUrl(ServiceSpec.HOUSEHOLD));
            env.put("FUPIN_GATEWAY_ASSISTANCE_URL", localUrl(ServiceSpec.ASSISTANCE));
            env.put("FUPIN_GATEWAY_REPORTING_URL", localUrl(ServiceSpec.REPORTING));
            env.put("FUPIN_GATEWAY_WEBHOOK_URL", localUrl(ServiceSpec.WEBHOOK));
            env.put("FUPIN_GATEWAY_HOUSEHOLD_MANAGEMENT_URL", managementUrl(ServiceSpec.HOUSEHOLD));
            env.put("FUPIN_GATEWAY_ASSISTANCE_MANAGEMENT_URL", managementUrl(ServiceSpec.ASSISTANCE));
            env.put("FUPIN_GATEWAY_REPORTING_MANAGEMENT_URL", managementUrl(ServiceSpec.REPORTING));
            env.put("FUPIN_GATEWAY_WEBHOOK_MANAGEMENT_URL", managementUrl(ServiceSpec.WEBHOOK));
        }
        env.putAll(settings.serviceEnvironment());
        return env;
    }

    List<String> command(ServiceSpec service) {
        return List.of(javaExecutable(), "-Xmx384m", "-jar", service.jar(settings.root()).toString());
    }

    /** The management interface: health and OpenAPI, on the loopback interface. */
    String managementUrl(ServiceSpec service) {
        return "http://127.0.0.1:" + settings.ports().managementOf(service.name());
    }

    String localUrl(ServiceSpec service) {
        return "http://127.0.0.1:" + settings.ports().of(service.name());
    }

    OptionalLong pid(ServiceSpec service) {
        return processes.livePid(service.name());
    }

    Path log(ServiceSpec service) {
        return processes.logFile(service.name());
    }

    /** Starts the service unless it runs already; does not wait for it. */
    Launch launch(ServiceSpec service) {
        OptionalLong running = processes.livePid(service.name());
        if (running.isPresent()) {
            return new Launch(service, running.getAsLong(), false, System.nanoTime());
        }
        int port = settings.ports().of(service.name());
        if (PortProbe.inUse(port)) {
            throw PortProbe.taken(service.module(), port);
        }
        Path jar = service.jar(settings.root());
        if (!Files.isRegularFile(jar)) {
            throw new SuiteException(service.module(), "no packaged jar at " + jar + "; build it with ./suite up --build", null);
        }
        LogFiles.rotate(log(service));
        long pid = processes.start(service.name(), command(service), environment(service), settings.root());
        return new Launch(service, pid, true, System.nanoTime());
    }

    /**
     * Waits until the service answers its readiness check, failing early when its process exits.
     *
     * @return the outcome for the progress line
     */
    String awaitReady(Launch launch) {
        ServiceSpec service = launch.service();
        if (!launch.fresh() && ready(service)) {
            return "already running (pid " + launch.pid() + ")";
        }
        long deadline = launch.startNanos() + READY_TIMEOUT.toNanos();
        while (!ready(service)) {
            if (!ProcessControl.alive(launch.pid())) {
                processes.livePid(service.name()); // drops the pid file of the dead process
                throw new SuiteException(service.module(), "the process exited before it was ready", log(service));
            }
            if (System.nanoTime() > deadline) {
                throw new SuiteException(service.module(), "not ready after " + READY_TIMEOUT.toSeconds() + " s ("
                        + readinessUri(service) + " does not answer 200)", log(service));
            }
            sleep(Duration.ofMillis(500));
        }
        return "ready at " + localUrl(service) + " (pid " + launch.pid() + ")";
    }

    /** Whether the service's readiness check answers 200: its database and broker connections are up. */
    boolean ready(ServiceSpec service) {
        HttpRequest request = HttpRequest.newBuilder(readinessUri(service)).timeout(PROBE_TIMEOUT).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean stop(ServiceSpec service) {
        return processes.stop(service.name());
    }

    private URI readinessUri(ServiceSpec service) {
        return URI.create(managementUrl(service) + "/q/health/ready");
    }

    /** The JVM running the launcher: Java 17 or newer, as the services need. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a service", e);
        }
    }
}
