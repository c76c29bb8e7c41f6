package org.fupin.webhook.intake;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fupin.webhook.delivery.Dispatcher;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Transport adapters: both topics into the delivery queue; the dispatcher is woken when something was queued. */
@ApplicationScoped
public class EventConsumers {

    private final EventIntake intake;
    private final Dispatcher dispatcher;

    public EventConsumers(EventIntake intake, Dispatcher dispatcher) {
        this.intake = intake;
        this.dispatcher = dispatcher;
    }

    @Incoming("household-events")
    @Blocking
    public void household(ConsumerRecords<String, String> records) {
        take(records);
    }

    @Incoming("assistance-events")
    @Blocking
    public void assistance(ConsumerRecords<String, String> records) {
        take(records);
    }

    private void take(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        if (intake.take(batch) > 0) {
            dispatcher.wake();
        }
    }
}
