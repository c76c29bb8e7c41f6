package org.fupin.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class KafkaBrokerConfigTest {

    private static Properties serverProperties(SuiteSettings settings) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(new KafkaBroker(settings, new ProcessControl(settings.runDir(), settings.logsDir())).serverProperties()));
        return properties;
    }

    @Test
    void aSingleCombinedNodeOnTheSuitePorts() throws IOException {
        Properties properties = serverProperties(SuiteSettings.fromEnvironment(Path.of("/repo"), Map.of()));

        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:9093")
                .containsEntry("log.dirs", "/repo/.suite/kafka/data");
    }

    @Test
    void internalTopicsFitOneBrokerAndGroupsJoinAtOnce() throws IOException {
        Properties properties = serverProperties(SuiteSettings.fromEnvironment(Path.of("/repo"), Map.of()));

        assertThat(properties)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("offsets.topic.num.partitions", "3")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void aSecondSuiteHasItsOwnPortsAndData() throws IOException {
        SuiteSettings e2e = SuiteSettings.fromEnvironment(Path.of("/repo"), Map.of())
                .withHome(Path.of("e2e-tests/target/suite"))
                .withPorts(new SuiteSettings.Ports(18080, 18081, 18082, 18083, 18084, 19092, 19093));

        Properties properties = serverProperties(e2e);

        assertThat(properties)
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:19093")
                .containsEntry("log.dirs", "/repo/e2e-tests/target/suite/kafka/data");
    }

    @Test
    void theEventTopicsKeepEveryRecordAndHaveSeveralPartitions() {
        assertThat(KafkaTopics.ALL)
                .extracting(KafkaTopics.TopicSpec::name, KafkaTopics.TopicSpec::partitions)
                .containsExactly(
                        tuple("household.events", 6),
                        tuple("assistance.events", 6),
                        tuple("household.events.dlq", 3),
                        tuple("assistance.events.dlq", 3),
                        tuple("monitoring.signals", 3),
                        tuple("monitoring.signals.dlq", 3));
        assertThat(KafkaTopics.ALL.subList(0, 2)).allSatisfy(topic ->
                assertThat(topic.config()).containsEntry("retention.ms", "-1"));
    }
}
