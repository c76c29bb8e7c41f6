package org.fupin.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one process), run
 * from the Maven Central jars on the launcher's classpath, with its data under the suite home.
 * The storage is formatted once; later starts find their topics and offsets again.
 */
public final class KafkaBroker {

    public static final String NAME = "kafka";
    static final String PART = "Kafka broker";
    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final SuiteSettings settings;
    private final ProcessControl processes;

    public KafkaBroker(SuiteSettings settings, ProcessControl processes) {
        this.settings = settings;
        this.processes = processes;
    }

    public Path configFile() {
        return settings.kafkaDir().resolve("server.properties");
    }

    public Path dataDir() {
        return settings.kafkaDir().resolve("data");
    }

    public Path log() {
        return processes.logFile(NAME);
    }

    public OptionalLong pid() {
        return processes.livePid(NAME);
    }

    /** The broker configuration, in the order a reader expects it. */
    public String serverProperties() {
        int kafka = settings.ports().kafka();
        int controller = settings.ports().kafkaController();
        return String.join("\n",
                "# Written by the fupin suite launcher at every start; edit SuiteSettings, not this file.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + kafka + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + kafka + ",CONTROLLER://127.0.0.1:" + controller,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dataDir(),
                "# One node: every internal topic has a single replica.",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "# Consumers join at once instead of after the default three seconds.",
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    /**
     * Starts the broker unless it runs, and waits until it answers.
     *
     * @return the outcome for the progress line
     */
    public String start() {
        OptionalLong running = pid();
        if (running.isPresent()) {
            if (ready()) {
                return "already running (pid " + running.getAsLong() + ")";
            }
            awaitReady(running.getAsLong(), System.nanoTime());
            return "ready at " + settings.kafkaBootstrapServers() + " (pid " + running.getAsLong() + ")";
        }
        for (int port : List.of(settings.ports().kafka(), settings.ports().kafkaController())) {
            if (PortProbe.inUse(port)) {
                throw PortProbe.taken(PART, port);
            }
        }
        requireClasspath();
        long startNanos = System.nanoTime();
        writeConfig();
        LogFiles.rotate(log());
        if (!formatted()) {
            format();
        }
        long pid = processes.start(NAME, List.of(Services.javaExecutable(), "-Xmx512m",
                        // slf4j-simple writes to standard error, which goes to the broker's log file.
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                        "-Dorg.slf4j.simpleLogger.showDateTime=true",
                        "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                        "-cp", classpath(), "kafka.Kafka", configFile().toString()),
                Map.of(), settings.kafkaDir());
        awaitReady(pid, startNanos);
        return "ready at " + settings.kafkaBootstrapServers() + " (pid " + pid + ")";
    }

    /** Whether the broker answers an admin request: it has a controller and accepts clients. */
    public boolean ready() {
        if (!PortProbe.answers("127.0.0.1", settings.ports().kafka(), Duration.ofMillis(500))) {
            return false;
        }
        try (Admin admin = admin(Duration.ofSeconds(3))) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Creates the suite's topics that do not exist yet.
     *
     * @return the outcome for the progress line
     */
    public String ensureTopics() {
        try (Admin admin = admin(Duration.ofSeconds(30))) {
            return KafkaTopics.ensure(admin);
        } catch (ExecutionException | TimeoutException e) {
            throw new SuiteException("Kafka topics", "cannot create the topics: " + e.getMessage(), log(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiteException("Kafka topics", "interrupted", log(), e);
        }
    }

    /** @return whether it was running */
    public boolean stop() {
        return processes.stop(NAME);
    }

    /** An admin client for the broker; the caller closes it. */
    public Admin admin(Duration timeout) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "fupin-suite-launcher");
        return Admin.create(properties);
    }

    private boolean formatted() {
        return Files.isRegularFile(dataDir().resolve("meta.properties"));
    }

    private void format() {
        String clusterId = Uuid.randomUuid().toString();
        Command.Result result = Command.of(Services.javaExecutable(), "-Xmx256m",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp", classpath(), "kafka.tools.StorageTool",
                        "format", "-t", clusterId, "-c", configFile().toString(), "--standalone")
                .timeout(Duration.ofMinutes(2))
                .log(log())
                .run();
        if (!result.ok()) {
            throw new SuiteException(PART, "formatting the storage failed: " + result.lastLine(), log());
        }
    }

    private void awaitReady(long pid, long startNanos) {
        long deadline = startNanos + READY_TIMEOUT.toNanos();
        while (!ready()) {
            if (!ProcessControl.alive(pid)) {
                processes.livePid(NAME); // drops the pid file of the dead process
                throw new SuiteException(PART, "the broker process exited before it was ready", log());
            }
            if (System.nanoTime() > deadline) {
                throw new SuiteException(PART, "no answer at " + settings.kafkaBootstrapServers() + " after "
                        + READY_TIMEOUT.toSeconds() + " s", log());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SuiteException(PART, "interrupted while waiting for the broker", log(), e);
            }
        }
    }

    private void writeConfig() {
        try {
            Files.createDirectories(dataDir());
            Files.writeString(configFile(), serverProperties(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + configFile(), e);
        }
    }

    private void requireClasspath() {
        Path lib = settings.launcherLib();
        try (var jars = Files.isDirectory(lib) ? Files.list(lib) : Stream.<Path>empty()) {
            if (jars.noneMatch(jar -> jar.getFileName().toString().startsWith("kafka_2.13-"))) {
                throw new SuiteException(PART, "the broker's jars are missing from " + lib
                        + "; build the launcher: ./mvnw -B -DskipTests -pl suite-launcher -am package", null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + lib, e);
        }
    }

    private String classpath() {
        return settings.launcherLib().resolve("*").toString();
    }
}
