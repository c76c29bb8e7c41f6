package org.fupin.reporting.rebuild;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.fupin.events.Topics;
import org.fupin.platform.sql.Rows;
import org.fupin.platform.inbox.IdempotentConsumer;
import org.fupin.platform.kafka.KafkaClients;
import org.fupin.platform.work.BackgroundWorker;
import org.fupin.kernel.Refusal;
import org.fupin.reporting.readmodel.ReadModel;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Rebuilds the read model from the events alone: replays both topics from their first offset into
 * fresh copies of the read-model tables (schema {@code rebuild}), then swaps them in at once. The
 * swap holds the read model's lock, so the live consumers wait; under it the replay first catches
 * up with whatever arrived meanwhile, which makes the fresh tables hold every event the live ones
 * did. Readers keep reading the old figures until the swap, and wait only while the tables change
 * places (the catch-up and a rename per table).
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);
    private static final List<String> TOPICS = List.of(Topics.HOUSEHOLD_EVENTS, Topics.ASSISTANCE_EVENTS);
    /** A run that has not moved for this long was abandoned (its instance stopped); another may start. */
    private static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(5);
    private static final int SWAP_TIMEOUT_SECONDS = 3600;

    private final EntityManager entityManager;
    private final IdempotentConsumer consumer;
    private final ReadModel readModel;
    private final KafkaClients kafka;
    /** Runs started here and not yet taken by the worker; a run is started at most once at a time (rebuild_run). */
    private final BlockingQueue<UUID> started = new LinkedBlockingQueue<>();
    // Written on start and stop only.
    private volatile BackgroundWorker worker;

    public ReadModelRebuild(EntityManager entityManager, IdempotentConsumer consumer, ReadModel readModel, KafkaClients kafka) {
        this.entityManager = entityManager;
        this.consumer = consumer;
        this.readModel = readModel;
        this.kafka = kafka;
    }

    void startWorker(@Observes StartupEvent startup) {
        worker = BackgroundWorker.start("read-model-rebuild", this::round, Duration.ofMinutes(1));
    }

    void stopWorker(@Observes ShutdownEvent shutdown) {
        BackgroundWorker current = worker;
        if (current != null) {
            current.stop(Duration.ofSeconds(5));
        }
    }

    /** Runs the rebuild started here, if any; rests until the next is started. */
    private Duration round() {
        UUID id = started.poll();
        if (id != null) {
            run(id);
        }
        return Duration.ofHours(1);
    }

    /** Starts a rebuild in the background; 409 {@code rebuild-running} while another one runs. */
    public RebuildRun start(String requestedBy) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    update rebuild_run set status = 'FAILED', failure = 'Abandoned: its instance stopped.', finished_at = now()
                    where status = 'RUNNING' and updated_at < :stale""")
                    .setParameter("stale", OffsetDateTime.now().minus(ABANDONED_AFTER))
                    .executeUpdate();
            int inserted = entityManager.createNativeQuery("""
                    insert into rebuild_run (id, status, requested_by, started_at, updated_at)
                    values (:id, 'RUNNING', :by, now(), now()) on conflict do nothing""")
                    .setParameter("id", id)
                    .setParameter("by", requestedBy)
                    .executeUpdate();
            if (inserted == 0) {
                throw Refusal.conflict("rebuild-running",
                        "A rebuild of the read model is running; wait for it to finish (GET /api/v1/reports/rebuilds).");
            }
        });
        started.add(id);
        worker.wake();
        return find(id).orElseThrow();
    }

    public Optional<RebuildRun> find(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> runs("where id = :id", id).stream().findFirst());
    }

    public List<RebuildRun> latest() {
        return QuarkusTransaction.joiningExisting().call(() -> runs("", null));
    }

    private void run(UUID id) {
        Progress counts = new Progress();
        Map<String, Object> settings = kafka.consumer("reporting-rebuild", Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000",
                // Polls of thousands of records, so that each transaction applies a few thousand events as sets.
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 << 20)));
        try (Replay replay = new Replay(settings, TOPICS)) {
            QuarkusTransaction.requiringNew().run(this::freshTables);
            apply(id, replay, replay.endOffsets(), counts);
            QuarkusTransaction.requiringNew().timeout(SWAP_TIMEOUT_SECONDS).run(this::analyze);
            QuarkusTransaction.requiringNew().timeout(SWAP_TIMEOUT_SECONDS).run(() -> {
                readModel.lockForSwap();
                // The live consumers now wait; catch up with what they applied since the replay began.
                apply(id, replay, replay.endOffsets(), counts);
                swap();
            });
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("drop schema rebuild cascade").executeUpdate();
                entityManager.createNativeQuery("drop schema retired cascade").executeUpdate();
            });
            finish(id, "SUCCEEDED", counts, null);
            LOG.infof("Read model rebuilt from %d events (%d skipped)", counts.events, counts.skipped);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rebuild %s failed", id);
            finish(id, "FAILED", counts, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void freshTables() {
        entityManager.createNativeQuery("drop schema if exists rebuild cascade").executeUpdate();
        entityManager.createNativeQuery("create schema rebuild").executeUpdate();
        for (String table : ReadModel.TABLES) {
            entityManager.createNativeQuery("create table rebuild.%s (like public.%s including all)".formatted(table, table))
                    .executeUpdate();
        }
    }

    private void apply(UUID id, Replay replay, Map<TopicPartition, Long> end, Progress counts) {
        while (true) {
            List<ConsumerRecord<String, String>> batch = replay.next(end);
            if (batch.isEmpty()) {
                return;
            }
            QuarkusTransaction.requiringNew().timeout(SWAP_TIMEOUT_SECONDS).run(() -> {
                // Unqualified names in the projections now mean the fresh tables.
                entityManager.createNativeQuery("set local search_path to rebuild").executeUpdate();
                // Each topic's records as a set, in their order; the two topics' consumers are independent.
                Map<String, List<String>> byTopic = new LinkedHashMap<>();
                batch.forEach(record -> byTopic.computeIfAbsent(record.topic(), topic -> new ArrayList<>()).add(record.value()));
                byTopic.forEach((topic, records) -> {
                    int skipped = consumer.consumeAllInCurrentTransaction(ReadModel.consumerOf(topic), records,
                            readModel.replay(topic)).size();
                    counts.events += records.size() - skipped;
                    counts.skipped += skipped;
                });
            });
            progress(id, counts);
        }
    }

    /**
     * Puts the fresh tables in the place of the live ones by moving them between schemas: a change of
     * the catalogue, whatever the size of the read model, where copying rows took as long as a third
     * of the replay. The old tables go to schema {@code retired}, dropped once the swap has committed.
     */
    private void swap() {
        entityManager.createNativeQuery("drop schema if exists retired cascade").executeUpdate();
        entityManager.createNativeQuery("create schema retired").executeUpdate();
        for (String table : ReadModel.TABLES) {
            entityManager.createNativeQuery("alter table public.%s set schema retired".formatted(table)).executeUpdate();
            entityManager.createNativeQuery("alter table rebuild.%s set schema public".formatted(table)).executeUpdate();
        }
    }

    /** Statistics for the fresh tables before they serve reports, gathered before the swap holds the live consumers. */
    private void analyze() {
        for (String table : ReadModel.TABLES) {
            entityManager.createNativeQuery("analyze rebuild." + table).executeUpdate();
        }
    }

    private void progress(UUID id, Progress counts) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                update rebuild_run set events = :events, skipped = :skipped, updated_at = now() where id = :id""")
                .setParameter("id", id).setParameter("events", counts.events).setParameter("skipped", counts.skipped)
                .executeUpdate());
    }

    private void finish(UUID id, String status, Progress counts, String failure) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                update rebuild_run set status = :status, events = :events, skipped = :skipped, failure = :failure,
                    finished_at = now(), updated_at = now() where id = :id""")
                .setParameter("id", id).setParameter("status", status).setParameter("events", counts.events)
                .setParameter("skipped", counts.skipped).setParameter("failure", failure)
                .executeUpdate());
    }

    private List<RebuildRun> runs(String where, UUID id) {
        var query = entityManager.createNativeQuery("""
                select id, status, requested_by, started_at, finished_at, events, skipped, failure from rebuild_run %s
                order by started_at desc limit 20""".formatted(where));
        if (id != null) {
            query.setParameter("id", id);
        }
        return Rows.list(query, row -> new RebuildRun(row.uuid("id"), row.text("status"), row.text("requested_by"),
                row.instantOrNull("started_at"), row.instantOrNull("finished_at"), row.count("events"), row.count("skipped"),
                row.text("failure")));
    }

    /** How many events a rebuild applied and how many it skipped as unreadable, so far. */
    private static final class Progress {
        long events;
        long skipped;
    }
}
