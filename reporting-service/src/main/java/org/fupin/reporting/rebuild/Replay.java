package org.fupin.reporting.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from their first offset, without a consumer group (it commits nothing and never
 * disturbs the live consumers), in batches up to a target set of end offsets.
 */
final class Replay implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();

    /** {@code settings}: the service's Kafka client configuration ({@code KafkaClients}), without a group. */
    Replay(Map<String, Object> settings, List<String> topics) {
        consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
        for (String topic : topics) {
            for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Where each partition ends now. */
    Map<TopicPartition, Long> endOffsets() {
        return new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
    }

    /** The next batch of records before {@code end}; empty once every partition has reached it. */
    List<ConsumerRecord<String, String>> next(Map<TopicPartition, Long> end) {
        consumer.pause(partitions);
        consumer.resume(behind(end));
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        while (batch.isEmpty() && !behind(end).isEmpty()) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
            for (TopicPartition partition : records.partitions()) {
                long stop = end.getOrDefault(partition, 0L);
                for (ConsumerRecord<String, String> record : records.records(partition)) {
                    if (record.offset() < stop) {
                        batch.add(record);
                    } else {
                        // Past the target: read it again in a later phase with a later target.
                        consumer.seek(partition, stop);
                        consumer.pause(List.of(partition));
                        break;
                    }
                }
            }
        }
        return batch;
    }

    /** The partitions whose position is still before their target. */
    private List<TopicPartition> behind(Map<TopicPartition, Long> end) {
        List<TopicPartition> behind = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition, Duration.ofSeconds(30)) < end.getOrDefault(partition, 0L)) {
                behind.add(partition);
            }
        }
        return behind;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
