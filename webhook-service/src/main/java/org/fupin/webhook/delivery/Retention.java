package org.fupin.webhook.delivery;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.webhook.config.WebhookConfig;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Keeps the delivery log to its retention: Kafka, not this service, is the record of the events. */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    private final DeliveryQueue queue;
    private final WebhookConfig config;
    private final Clock clock = Clock.systemUTC();

    public Retention(DeliveryQueue queue, WebhookConfig config) {
        this.queue = queue;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        int purged = queue.purge(clock.instant().minus(config.retention()));
        if (purged > 0) {
            LOG.infof("Purged %d deliveries older than %s", purged, config.retention());
        }
    }
}
