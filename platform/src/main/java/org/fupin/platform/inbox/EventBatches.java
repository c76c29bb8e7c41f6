package org.fupin.platform.inbox;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * The transport side of every consumer: a poll's worth of records applied once each in one
 * transaction ({@link IdempotentConsumer#consumeBatch}), and what can never apply sent to
 * {@link DeadLetters} before the batch is acknowledged; the other records go on.
 */
@ApplicationScoped
public class EventBatches {

    private final IdempotentConsumer consumer;
    private final DeadLetters deadLetters;

    public EventBatches(IdempotentConsumer consumer, DeadLetters deadLetters) {
        this.consumer = consumer;
        this.deadLetters = deadLetters;
    }

    public void apply(String consumerName, ConsumerRecords<String, String> records, EventDispatcher dispatcher) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        List<String> values = batch.stream().map(ConsumerRecord::value).toList();
        for (IdempotentConsumer.Rejected rejected : consumer.consumeBatch(consumerName, values, dispatcher)) {
            deadLetters.send(batch.get(rejected.index()), rejected.reason());
        }
    }
}
