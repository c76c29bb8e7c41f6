package org.fupin.reporting.readmodel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.fupin.events.Topics;
import org.fupin.platform.inbox.IdempotentConsumer;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Transport adapters: take both topics from Kafka into the read model, each event once, a poll's
 * worth of records per transaction (see {@link IdempotentConsumer#consumeBatch}). Records that can
 * never apply go to the topic's dead-letter topic, with the same headers the messaging library's
 * own dead-letter strategy writes, before the batch is acknowledged; the others go on.
 */
@ApplicationScoped
public class ReadModelConsumers {

    private static final Logger LOG = Logger.getLogger(ReadModelConsumers.class);

    private final IdempotentConsumer consumer;
    private final ReadModel readModel;
    private final Emitter<String> deadLetters;

    public ReadModelConsumers(IdempotentConsumer consumer, ReadModel readModel,
            @Channel("dead-letters") Emitter<String> deadLetters) {
        this.consumer = consumer;
        this.readModel = readModel;
        this.deadLetters = deadLetters;
    }

    @Incoming("household-events")
    @Blocking
    public void household(ConsumerRecords<String, String> records) {
        apply(Topics.HOUSEHOLD_EVENTS, records);
    }

    @Incoming("assistance-events")
    @Blocking
    public void assistance(ConsumerRecords<String, String> records) {
        apply(Topics.ASSISTANCE_EVENTS, records);
    }

    private void apply(String topic, ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        records.forEach(batch::add);
        List<String> values = batch.stream().map(ConsumerRecord::value).toList();
        for (IdempotentConsumer.Rejected rejected : consumer.consumeBatch(ReadModel.consumerOf(topic), values, readModel.live(topic))) {
            deadLetter(batch.get(rejected.index()), rejected.reason());
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, Exception reason) {
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason.getMessage());
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", String.valueOf(reason.getMessage()).getBytes(StandardCharsets.UTF_8));
        if (reason.getCause() != null) {
            headers.add("dead-letter-cause", String.valueOf(reason.getCause().getMessage()).getBytes(StandardCharsets.UTF_8));
        }
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(record.topic() + ".dlq")
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        // Wait for the broker: the batch is acknowledged when this method returns, and the record must not vanish.
        CompletableFuture<Void> sent = new CompletableFuture<>();
        deadLetters.send(Message.of(record.value() == null ? "" : record.value())
                .addMetadata(metadata)
                .withAck(() -> {
                    sent.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    sent.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        sent.join();
    }
}
