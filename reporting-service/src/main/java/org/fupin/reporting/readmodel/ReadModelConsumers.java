package org.fupin.reporting.readmodel;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fupin.events.Topics;
import org.fupin.platform.inbox.IdempotentConsumer;

import io.smallrye.common.annotation.Blocking;

/** Transport adapters: take both topics from Kafka into the read model, each event once. */
@ApplicationScoped
public class ReadModelConsumers {

    private final IdempotentConsumer consumer;
    private final ReadModel readModel;

    public ReadModelConsumers(IdempotentConsumer consumer, ReadModel readModel) {
        this.consumer = consumer;
        this.readModel = readModel;
    }

    @Incoming("household-events")
    @Blocking
    public void household(String record) {
        consumer.consume(ReadModel.HOUSEHOLD_CONSUMER, record, readModel.live(Topics.HOUSEHOLD_EVENTS));
    }

    @Incoming("assistance-events")
    @Blocking
    public void assistance(String record) {
        consumer.consume(ReadModel.ASSISTANCE_CONSUMER, record, readModel.live(Topics.ASSISTANCE_EVENTS));
    }
}
