package org.fupin.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Apache Kafka broker (KRaft, one combined node) inside the test JVM, started once and
 * shared by every test of the module. The broker settings make a consumer group join in well
 * under a second on two cores; with the defaults it takes more than ten.
 */
public class InJvmKafka implements QuarkusTestResourceLifecycleManager {

    private static KafkaClusterTestKit cluster;

    /** The shutdown hooks Kafka's test kit registers (deleting the broker's directories), run once the broker is closed. */
    private static final List<Runnable> KAFKA_HOOKS = new CopyOnWriteArrayList<>();

    static {
        // Left to the JVM, the test kit's hook deletes the log directory while our hook is still closing the
        // broker; the broker then finds its log dir gone and halts the JVM with status 1, and surefire reports
        // a crashed fork ("Error occurred in starting fork") after every test passed. Run them in order instead.
        Exit.setShutdownHookAdder((name, hook) -> KAFKA_HOOKS.add(hook));
        // A broker inside a test JVM never ends it: a broker failure must show as a failing test, not a lost fork.
        Exit.Procedure refuse = (status, message) -> {
            throw new IllegalStateException("The in-JVM Kafka broker asked to end the JVM (" + status + "): " + message);
        };
        Exit.setHaltProcedure(refuse);
        Exit.setExitProcedure(refuse);
    }

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
                // The JVM is exiting; what matters is that the directories go after the broker.
            }
            cluster = null;
        }
        KAFKA_HOOKS.forEach(Runnable::run);
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
