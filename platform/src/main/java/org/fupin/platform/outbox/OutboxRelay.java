package org.fupin.platform.outbox;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fupin.platform.kafka.KafkaClients;
import org.fupin.platform.work.BackgroundWorker;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes outbox rows to Kafka and marks them sent. Ordering per aggregate holds because one
 * relay at a time publishes (a PostgreSQL advisory lock elects it among replicas), rows go out in
 * seq order with an idempotent producer, and a row is marked sent only if every earlier row of its
 * aggregate in the round was acknowledged too. A broker that is down only delays: rows wait, the
 * relay backs off, and resumes where it stopped. Delivery is at least once; consumers deduplicate.
 */
@ApplicationScoped
@IfBuildProperty(name = "fupin.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Any constant works: each service has its own database, so relays of one service compete. */
    private static final long RELAY_LOCK = 0x66757069_6e000001L;

    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final KafkaClients kafka;
    private final OutboxMetrics metrics;

    // Written on start and stop only.
    private volatile BackgroundWorker worker;
    private volatile Producer<String, String> producer;

    public OutboxRelay(EntityManager entityManager, OutboxConfig config, KafkaClients kafka, OutboxMetrics metrics) {
        this.entityManager = entityManager;
        this.config = config;
        this.kafka = kafka;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        worker = BackgroundWorker.start("outbox-relay", this::round, config.maxBackoff());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        BackgroundWorker current = worker;
        if (current != null) {
            current.stop(Duration.ofSeconds(20));
        }
        Producer<String, String> kafkaProducer = producer;
        if (kafkaProducer != null) {
            kafkaProducer.close(Duration.ofSeconds(5));
        }
    }

    /** A commit that recorded events wakes the relay, so events leave within milliseconds. */
    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxRecorded recorded) {
        BackgroundWorker current = worker;
        if (current != null) {
            current.wake();
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteSentRows() {
        Instant before = Instant.now().minus(config.retention());
        int deleted = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("delete from outbox_event where sent_at < :before")
                .setParameter("before", before)
                .executeUpdate());
        if (deleted > 0) {
            LOG.infof("Deleted %d outbox rows sent before %s", deleted, before);
        }
    }

    /** Relays one round; a full round goes on at once, a short one rests for the poll interval, a failed send backs off. */
    private Duration round() {
        Round round = relayRound();
        metrics.relayed(round.sent(), round.failed());
        if (round.failed() > 0) {
            throw new IllegalStateException(round.failed() + " events not acknowledged by Kafka, " + round.sent() + " sent");
        }
        return round.more() ? Duration.ZERO : config.pollInterval();
    }

    /**
     * One round: publish the oldest pending rows and mark those safely acknowledged as sent. Under a
     * backlog a round reads several batches, each while the previous one is on its way to the broker,
     * so that the database and Kafka work at the same time, and then waits for the acknowledgements
     * and marks the rows with one statement. Rows go to the producer in seq order, so an aggregate's
     * events keep their order across the batches of a round as within one.
     */
    Round relayRound() {
        int timeoutSeconds = (int) Math.max(30, config.sendTimeout().toSeconds() * 3);
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            Boolean leader = (Boolean) entityManager
                    .createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                    .setParameter("lock", RELAY_LOCK)
                    .getSingleResult();
            if (!Boolean.TRUE.equals(leader)) {
                return new Round(0, 0, false);
            }
            Producer<String, String> kafka = producer();
            List<OutboxEntry> round = new ArrayList<>();
            List<Future<?>> sends = new ArrayList<>();
            long after = Long.MIN_VALUE;
            boolean full = false;
            for (int batch = 0; batch < config.batchesPerRound(); batch++) {
                List<OutboxEntry> pending = pendingAfter(after);
                round.addAll(pending);
                full = pending.size() == config.batchSize();
                if (pending.isEmpty() || !send(kafka, pending, sends) || !full) {
                    break;
                }
                after = pending.get(pending.size() - 1).seq;
            }
            if (round.isEmpty()) {
                return new Round(0, 0, false);
            }
            List<UUID> acknowledged = markable(kafka, round, sends, config.sendTimeout());
            markSent(acknowledged);
            return new Round(acknowledged.size(), round.size() - acknowledged.size(), full);
        });
    }

    /** The next batch of unsent rows after a seq, read only: the round never changes them as entities. */
    private List<OutboxEntry> pendingAfter(long after) {
        return entityManager
                .createQuery("from OutboxEntry where sentAt is null and seq > :after order by seq", OutboxEntry.class)
                .setParameter("after", after)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .setMaxResults(config.batchSize())
                .getResultList();
    }

    private void markSent(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement mark = connection.prepareStatement("update outbox_event set sent_at = now() where id = any(?)")) {
                mark.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                mark.executeUpdate();
            }
        });
    }

    /** Sends the rows in order and returns the ids that may be marked sent without reordering an aggregate. */
    static List<UUID> publish(Producer<String, String> kafka, List<OutboxEntry> pending, Duration sendTimeout) {
        List<Future<?>> sends = new ArrayList<>(pending.size());
        send(kafka, pending, sends);
        return markable(kafka, pending, sends, sendTimeout);
    }

    /**
     * Hands the rows to the producer in order, adding each send to {@code sends}; false when the broker
     * is unreachable (each further send would block for max.block.ms), which ends the round there.
     */
    private static boolean send(Producer<String, String> kafka, List<OutboxEntry> pending, List<Future<?>> sends) {
        for (OutboxEntry entry : pending) {
            Future<?> send = sendOrNull(kafka, entry);
            if (send == null) {
                return false;
            }
            sends.add(send);
        }
        return true;
    }

    /** Waits for the acknowledgements of the sends; a row never sent counts as not acknowledged. */
    private static List<UUID> markable(Producer<String, String> kafka, List<OutboxEntry> round, List<Future<?>> sends,
            Duration sendTimeout) {
        kafka.flush();
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        List<Boolean> acknowledged = new ArrayList<>(round.size());
        for (int i = 0; i < round.size(); i++) {
            acknowledged.add(i < sends.size() && acknowledged(sends.get(i), deadline));
        }
        return AggregateOrder.markable(round, acknowledged);
    }

    /**
     * Sends one row. Null when the broker is unreachable: the producer waited max.block.ms for the
     * cluster and gave up. A failure of this record alone (too large, say) comes back as a failed
     * send, which holds back its aggregate but not the round.
     */
    private static Future<?> sendOrNull(Producer<String, String> kafka, OutboxEntry entry) {
        Future<?> send;
        try {
            send = kafka.send(new ProducerRecord<>(entry.topic, entry.aggregateId, entry.payload));
        } catch (TimeoutException e) {
            return null;
        } catch (RuntimeException e) {
            LOG.warnf("Outbox send of %s failed: %s", entry.id, e);
            return CompletableFuture.failedFuture(e);
        }
        if (send.isDone()) {
            try {
                send.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TimeoutException) {
                    return null;
                }
                LOG.warnf("Outbox send of %s (%s of %s) failed: %s", entry.id, entry.eventType, entry.aggregateId, e.getCause());
            }
        }
        return send;
    }

    private static boolean acknowledged(Future<?> send, long deadlineNanos) {
        try {
            send.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private Producer<String, String> producer() {
        Producer<String, String> current = producer;
        if (current == null) {
            long sendTimeout = config.sendTimeout().toMillis();
            Map<String, Object> overrides = new HashMap<>();
            overrides.put(ProducerConfig.ACKS_CONFIG, "all");
            overrides.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            overrides.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            overrides.put(ProducerConfig.LINGER_MS_CONFIG, 2);
            overrides.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(5000L, sendTimeout));
            overrides.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(5000L, sendTimeout));
            overrides.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(sendTimeout, 7000L));
            current = new KafkaProducer<>(kafka.producer("outbox-relay" + config.source().replace('/', '-'), overrides),
                    new StringSerializer(), new StringSerializer());
            producer = current;
        }
        return current;
    }

    /** What one round achieved: rows marked sent, rows left pending for the next round, and whether more were waiting. */
    record Round(int sent, int failed, boolean more) {
    }
}
