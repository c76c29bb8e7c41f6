package org.fupin.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.Config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * What operators watch of the consumers (Prometheus, {@code /q/metrics}), per consumer and topic: events applied,
 * events skipped as already applied (a redelivery or a replay: the idempotency at work), and records dead-lettered.
 * Applied and skipped events count once their transaction commits: a batch rolled back and applied again one record
 * at a time counts once. Kafka's own consumer metrics (lag per partition) come from the Micrometer Kafka binder.
 */
@ApplicationScoped
public class ConsumerMetrics {

    private static final String DEAD_LETTERED = "Records sent to the dead-letter topic";

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    public ConsumerMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    /** In the transaction that applied them: counted when it commits. */
    void applied(String consumer, String topic, int applied, int alreadyApplied) {
        if (applied == 0 && alreadyApplied == 0) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter("fupin.events.applied", "Events applied, once each", consumer, topic).increment(applied);
                    counter("fupin.events.replayed", "Events skipped as already applied (redelivery or replay)", consumer, topic)
                            .increment(alreadyApplied);
                }
            }
        });
    }

    /**
     * Shows every consumed topic's dead-letter count from the start, at 0: an alert on its increase
     * would miss the first dead letter if the series only appeared with it.
     */
    void onStart(@Observes StartupEvent start, Config config) {
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".topic")) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(topic -> counter("fupin.events.dead.lettered", DEAD_LETTERED, null, topic));
            }
        }
    }

    void deadLettered(String topic) {
        counter("fupin.events.dead.lettered", DEAD_LETTERED, null, topic).increment();
    }

    private Counter counter(String name, String description, String consumer, String topic) {
        Counter.Builder builder = Counter.builder(name).description(description).tag("topic", topic);
        if (consumer != null) {
            builder.tag("consumer", consumer);
        }
        return builder.register(registry);
    }
}
