package org.fupin.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

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
    private final Map<String, Object> kafkaConfig;

    // Lifecycle state of the relay thread; written on start and stop only.
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread worker;
    private volatile Producer<String, String> producer;

    public OutboxRelay(EntityManager entityManager, OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.entityManager = entityManager;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        wakeUp.release();
        Thread thread = worker;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(20).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Producer<String, String> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }

    /** A commit that recorded events wakes the relay, so events leave within milliseconds. */
    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxRecorded recorded) {
        wakeUp.release();
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

    private void loop() {
        long backoffMillis = 0;
        while (running) {
            try {
                Round round = relayRound();
                if (round.failed() > 0) {
                    backoffMillis = Math.min(Math.max(backoffMillis * 2, 200), config.maxBackoff().toMillis());
                    LOG.warnf("Outbox relay: %d events not acknowledged by Kafka, %d sent; retrying in %d ms",
                            round.failed(), round.sent(), backoffMillis);
                    pause(backoffMillis);
                } else {
                    backoffMillis = 0;
                    if (round.sent() < config.batchSize()) {
                        pause(config.pollInterval().toMillis());
                    }
                }
            } catch (RuntimeException e) {
                backoffMillis = Math.min(Math.max(backoffMillis * 2, 200), config.maxBackoff().toMillis());
                LOG.warnf("Outbox relay round failed (%s); retrying in %d ms", e.toString(), backoffMillis);
                pause(backoffMillis);
            }
        }
    }

    private void pause(long millis) {
        try {
            if (wakeUp.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
                wakeUp.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** One round: publish the oldest pending rows and mark those safely acknowledged as sent. */
    Round relayRound() {
        int timeoutSeconds = (int) Math.max(30, config.sendTimeout().toSeconds() * 3);
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            Boolean leader = (Boolean) entityManager
                    .createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                    .setParameter("lock", RELAY_LOCK)
                    .getSingleResult();
            if (!Boolean.TRUE.equals(leader)) {
                return new Round(0, 0);
            }
            List<OutboxEntry> pending = entityManager
                    .createQuery("from OutboxEntry where sentAt is null order by seq", OutboxEntry.class)
                    .setMaxResults(config.batchSize())
                    .getResultList();
            if (pending.isEmpty()) {
                return new Round(0, 0);
            }
            List<UUID> acknowledged = publish(pending);
            if (!acknowledged.isEmpty()) {
                entityManager.createQuery("update OutboxEntry set sentAt = :now where id in :ids")
                        .setParameter("now", Instant.now())
                        .setParameter("ids", acknowledged)
                        .executeUpdate();
            }
            return new Round(acknowledged.size(), pending.size() - acknowledged.size());
        });
    }

    /** Sends the rows in order and returns the ids that may be marked sent without reordering an aggregate. */
    private List<UUID> publish(List<OutboxEntry> pending) {
        Producer<String, String> kafka = producer();
        List<Future<?>> sends = new ArrayList<>(pending.size());
        for (OutboxEntry entry : pending) {
            Future<?> send = sendOrNull(kafka, entry);
            sends.add(send);
            if (send == null) {
                // The broker is unreachable (each further send would block for max.block.ms): stop the round.
                break;
            }
        }
        while (sends.size() < pending.size()) {
            sends.add(null);
        }
        kafka.flush();
        List<UUID> acknowledged = new ArrayList<>();
        Set<String> blockedAggregates = new HashSet<>();
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (int i = 0; i < pending.size(); i++) {
            OutboxEntry entry = pending.get(i);
            boolean ok = sends.get(i) != null && acknowledged(sends.get(i), deadline);
            if (ok && !blockedAggregates.contains(entry.aggregateId)) {
                acknowledged.add(entry.id);
            } else {
                blockedAggregates.add(entry.aggregateId);
            }
        }
        return acknowledged;
    }

    private static Future<?> sendOrNull(Producer<String, String> kafka, OutboxEntry entry) {
        try {
            Future<?> send = kafka.send(new ProducerRecord<>(entry.topic, entry.aggregateId, entry.payload));
            if (send.isDone()) {
                send.get();
            }
            return send;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            LOG.debugf("Outbox send of %s failed: %s", entry.id, e);
            return null;
        }
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
            Map<String, Object> props = new java.util.HashMap<>();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
            for (Map.Entry<String, Object> e : kafkaConfig.entrySet()) {
                if (e.getKey().startsWith("security.") || e.getKey().startsWith("sasl.") || e.getKey().startsWith("ssl.")) {
                    props.put(e.getKey(), e.getValue());
                }
            }
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
            long sendTimeout = config.sendTimeout().toMillis();
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(5000L, sendTimeout));
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(5000L, sendTimeout));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(sendTimeout, 7000L));
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + config.source().replace('/', '-'));
            current = new KafkaProducer<>(props);
            producer = current;
        }
        return current;
    }

    /** What one round achieved: rows marked sent, and rows left pending for the next round. */
    record Round(int sent, int failed) {
    }
}
