package org.fupin.reporting.readmodel;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fupin.events.Topics;
import org.fupin.platform.inbox.EventBatches;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Transport adapters: take both topics from Kafka into the read model, each event once, a poll's
 * worth of records per transaction; what can never apply is dead-lettered ({@link EventBatches}).
 */
@ApplicationScoped
public class ReadModelConsumers {

    private final EventBatches batches;
    private final ReadModel readModel;

    public ReadModelConsumers(EventBatches batches, ReadModel readModel) {
        this.batches = batches;
        this.readModel = readModel;
    }

    @Incoming("household-events")
    @Blocking
    public void household(ConsumerRecords<String, String> records) {
        batches.apply(ReadModel.consumerOf(Topics.HOUSEHOLD_EVENTS), records, readModel.live(Topics.HOUSEHOLD_EVENTS));
    }

    @Incoming("assistance-events")
    @Blocking
    public void assistance(ConsumerRecords<String, String> records) {
        batches.apply(ReadModel.consumerOf(Topics.ASSISTANCE_EVENTS), records, readModel.live(Topics.ASSISTANCE_EVENTS));
    }
}
