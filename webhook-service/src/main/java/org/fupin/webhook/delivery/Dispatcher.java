package org.fupin.webhook.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.fupin.platform.work.BackgroundWorker;
import org.fupin.webhook.config.WebhookConfig;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends what is due: a worker claims deliveries (oldest first, in order per household, a few per subscription)
 * and hands each to a thread of its own, which sends it and records the outcome. A receiver that is slow or
 * down holds only its subscription's few threads; every other subscription goes on.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final TransactionSynchronizationRegistry transactions;
    private final DeliveryQueue queue;
    private final Sender sender;
    private final WebhookConfig config;
    private final Backoff backoff;
    private final Map<UUID, AtomicInteger> sending = new ConcurrentHashMap<>();
    private ExecutorService threads;
    private BackgroundWorker worker;

    public Dispatcher(DeliveryQueue queue, Sender sender, WebhookConfig config, TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.queue = queue;
        this.sender = sender;
        this.config = config;
        this.backoff = new Backoff(config.retry().firstDelay(), config.retry().maxDelay());
    }

    void start(@Observes StartupEvent startup) {
        AtomicInteger count = new AtomicInteger();
        threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "webhook-send-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        worker = BackgroundWorker.start("webhook-dispatcher", this::round, Duration.ofSeconds(10));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(5));
            threads.shutdownNow();
        }
    }

    /** Something was queued or became due: claim now instead of after the rest. */
    public void wake() {
        if (worker != null) {
            worker.wake();
        }
    }

    /** As {@link #wake}, once the current transaction has committed what it queued. */
    public void wakeAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                wake();
            }
        });
    }

    private Duration round() {
        Map<UUID, Integer> busy = new HashMap<>();
        sending.forEach((subscription, count) -> {
            if (count.get() > 0) {
                busy.put(subscription, count.get());
            }
        });
        // The lease outlasts the slowest attempt, so that no other instance takes a delivery still being sent.
        Duration lease = config.requestTimeout().plus(config.connectTimeout()).plusSeconds(30);
        List<DeliveryQueue.Claimed> claimed = QuarkusTransaction.requiringNew().call(() ->
                queue.claim(config.claimBatch(), config.maxInFlightPerSubscription(), busy, lease));
        for (DeliveryQueue.Claimed delivery : claimed) {
            sending.computeIfAbsent(delivery.subscriptionId(), id -> new AtomicInteger()).incrementAndGet();
            threads.execute(() -> {
                try {
                    deliver(delivery);
                } catch (RuntimeException e) {
                    // The lease ends and the delivery is claimed again: nothing is lost, but say why.
                    LOG.errorf(e, "Could not record the outcome of delivery %d; it will be tried again", delivery.seq());
                } finally {
                    sending.get(delivery.subscriptionId()).decrementAndGet();
                    worker.wake();
                }
            });
        }
        return claimed.size() == config.claimBatch() ? Duration.ZERO : config.pollInterval();
    }

    private void deliver(DeliveryQueue.Claimed delivery) {
        Sender.Result result = sender.send(delivery);
        Attempt attempt = result.attempt();
        QuarkusTransaction.requiringNew().run(() -> {
            if (attempt.succeeded()) {
                queue.delivered(delivery.seq(), attempt);
                return;
            }
            Instant failingSince = delivery.failingSince() == null ? attempt.at() : delivery.failingSince();
            Instant next = attempt.at().plus(backoff.after(delivery.attempts() + 1, ThreadLocalRandom.current()::nextDouble));
            queue.failed(delivery.seq(), attempt, failingSince, next);
            if (result.refused() != null) {
                queue.suspend(delivery.subscriptionId(), "The URL may no longer be a target: " + result.refused().reason()
                        + ". Deliveries stopped at event " + delivery.eventId() + "; change the receiver's address and "
                        + "reactivate.", attempt.at());
            } else if (!failingSince.plus(config.retry().giveUpAfter()).isAfter(attempt.at())) {
                queue.suspend(delivery.subscriptionId(), "Delivery of event " + delivery.eventId() + " (" + delivery.eventType()
                        + ") has failed since " + failingSince + " (" + (delivery.attempts() + 1) + " attempts); the last: "
                        + attempt.error() + ". Deliveries stopped; fix the receiver and reactivate.", attempt.at());
            }
        });
    }
}
