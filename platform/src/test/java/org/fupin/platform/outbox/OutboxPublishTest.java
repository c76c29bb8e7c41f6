package org.fupin.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fupin.testing.InJvmKafka;
import org.junit.jupiter.api.Test;

/** The relay's sending against a real broker: what is acknowledged, what is held back, and when a round stops. */
class OutboxPublishTest {

    private static final int MAX_REQUEST = 2_000;

    @Test
    void recordTheBrokerRefusesHoldsBackItsAggregateAndTheOthersGoOut() {
        String topic = "fupin.test.outbox-" + UUID.randomUUID();
        OutboxEntry a1 = entry(topic, "A", "a1");
        OutboxEntry b1 = entry(topic, "B", "b1");
        OutboxEntry a2 = entry(topic, "A", "x".repeat(MAX_REQUEST * 2));
        OutboxEntry a3 = entry(topic, "A", "a3");
        OutboxEntry b2 = entry(topic, "B", "b2");

        List<UUID> marked;
        try (KafkaProducer<String, String> producer = producer(InJvmKafka.bootstrapServers())) {
            marked = OutboxRelay.publish(producer, List.of(a1, b1, a2, a3, b2), Duration.ofSeconds(10));
        }

        assertThat(marked).containsExactly(a1.id, b1.id, b2.id);
        // A3 reached the broker too, but stays unmarked: the next round sends it again after A2.
        assertThat(valuesOn(topic, 4)).containsExactlyInAnyOrder("a1", "b1", "a3", "b2");
    }

    @Test
    void unreachableBrokerStopsTheRoundWithNothingMarked() {
        List<OutboxEntry> pending = List.of(entry("fupin.test.nowhere", "A", "a1"), entry("fupin.test.nowhere", "B", "b1"));

        long started = System.nanoTime();
        List<UUID> marked;
        try (KafkaProducer<String, String> producer = producer("127.0.0.1:1")) {
            marked = OutboxRelay.publish(producer, pending, Duration.ofSeconds(10));
        }

        assertThat(marked).isEmpty();
        // One wait of max.block.ms for the first row, not one per row.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST, ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000),
                new StringSerializer(), new StringSerializer());
    }

    private static List<String> valuesOn(String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, InJvmKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-publish-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            // A little longer: nothing more than what was sent may arrive.
            consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
        }
        return values;
    }

    private static OutboxEntry entry(String topic, String aggregate, String payload) {
        OutboxEntry entry = AggregateOrderTest.entry(aggregate);
        entry.topic = topic;
        entry.payload = payload;
        return entry;
    }
}
