package org.fupin.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real broker process from target/lib (hence an integration test: that directory exists
 * after the package phase) in a temporary suite home on free ports.
 */
class KafkaBrokerIT {

    @TempDir
    Path home;

    private KafkaBroker broker;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path root() {
        String configured = System.getProperty("fupin.repo.root");
        return configured != null ? Path.of(configured) : SuiteSettings.locateRoot();
    }

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void theBrokerStartsMakesTheTopicsAndStops() throws Exception {
        SuiteSettings settings = SuiteSettings.fromEnvironment(root(), Map.of())
                .withHome(home)
                .withPorts(new SuiteSettings.Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort()));
        broker = new KafkaBroker(settings, new ProcessControl(settings.runDir(), settings.logsDir()));

        assertThat(broker.start()).startsWith("ready at " + settings.kafkaBootstrapServers());
        OptionalLong pid = broker.pid();
        assertThat(pid).isPresent();
        assertThat(broker.ensureTopics()).isEqualTo("6 topics ready (6 created)");

        try (Admin admin = broker.admin(Duration.ofSeconds(10))) {
            Map<String, TopicDescription> topics = admin.describeTopics(
                            List.of("household.events", "assistance.events", "household.events.dlq", "assistance.events.dlq",
                            "monitoring.signals", "monitoring.signals.dlq"))
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, topic -> topic.getValue().partitions().size())))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "household.events", 6, "assistance.events", 6, "household.events.dlq", 3, "assistance.events.dlq", 3,
                            "monitoring.signals", 3, "monitoring.signals.dlq", 3));
            ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, "household.events");
            Config config = admin.describeConfigs(List.of(events)).all().get(30, TimeUnit.SECONDS).get(events);
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
        }

        assertThat(broker.start()).isEqualTo("already running (pid " + pid.getAsLong() + ")");
        assertThat(broker.ensureTopics()).isEqualTo("6 topics ready");

        assertThat(broker.stop()).isTrue();
        assertThat(ProcessControl.alive(pid.getAsLong())).isFalse();
        assertThat(broker.pid()).isEmpty();
        assertThat(Files.readString(broker.log())).contains("Kafka Server started");
    }

    @Test
    void aRestartKeepsTheTopics() throws Exception {
        SuiteSettings settings = SuiteSettings.fromEnvironment(root(), Map.of())
                .withHome(home)
                .withPorts(new SuiteSettings.Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort()));
        broker = new KafkaBroker(settings, new ProcessControl(settings.runDir(), settings.logsDir()));
        broker.start();
        broker.ensureTopics();
        broker.stop();

        broker.start();

        assertThat(broker.ensureTopics()).isEqualTo("6 topics ready");
    }
}
