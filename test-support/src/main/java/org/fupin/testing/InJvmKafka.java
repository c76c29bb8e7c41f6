package org.fupin.testing;

import java.util.Map;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Apache Kafka broker (KRaft, one combined node) inside the test JVM, started once and
 * shared by every test of the module. The broker settings make a consumer group join in well
 * under a second on two cores; with the defaults it takes more than ten.
 */
public class InJvmKafka implements QuarkusTestResourceLifecycleManager {

    private static KafkaClusterTestKit cluster;

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            try {
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                        .setConfigProp("offsets.topic.num.partitions", "1")
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("num.partitions", "3")
                        .setConfigProp("auto.create.topics.enable", "true")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                cluster = kit;
                Runtime.getRuntime().addShutdownHook(new Thread(InJvmKafka::shutdown, "in-jvm-kafka-shutdown"));
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the in-JVM Kafka broker", e);
            }
        }
        return cluster.bootstrapServers();
    }

    private static synchronized void shutdown() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception ignored) {
                // The JVM is exiting; the broker's temporary directories go with it.
            }
            cluster = null;
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by all test classes of the JVM; closed by the shutdown hook.
    }
}
