package org.fupin.reporting.rebuild;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fupin.events.Topics;
import org.fupin.platform.inbox.IdempotentConsumer;
import org.fupin.platform.inbox.PoisonRecordException;
import org.fupin.problem.ProblemException;
import org.fupin.reporting.readmodel.ReadModel;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Rebuilds the read model from the events alone: replays both topics from their first offset into
 * fresh copies of the read-model tables (schema {@code rebuild}), then swaps them in at once. The
 * swap holds the read model's lock, so the live consumers wait; under it the replay first catches
 * up with whatever arrived meanwhile, which makes the fresh tables hold every event the live ones
 * did. Readers keep reading the old figures until the swap commits.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);
    private static final List<String> TOPICS = List.of(Topics.HOUSEHOLD_EVENTS, Topics.ASSISTANCE_EVENTS);
    /** Tables with an identity column, which an insert of copied rows must override. */
    private static final Map<String, String> IDENTITY = Map.of("household_status_history", "seq");
    /** A run that has not moved for this long was abandoned (its instance stopped); another may start. */
    private static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(5);
    private static final int SWAP_TIMEOUT_SECONDS = 3600;

    private final EntityManager entityManager;
    private final IdempotentConsumer consumer;
    private final ReadModel readModel;
    private final String bootstrapServers;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "read-model-rebuild"));

    public ReadModelRebuild(EntityManager entityManager, IdempotentConsumer consumer, ReadModel readModel,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.entityManager = entityManager;
        this.consumer = consumer;
        this.readModel = readModel;
        this.bootstrapServers = bootstrapServers;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
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
                throw ProblemException.conflict("rebuild-running",
                        "A rebuild of the read model is running; wait for it to finish (GET /api/v1/reports/rebuilds).");
            }
        });
        worker.submit(() -> run(id));
        return find(id).orElseThrow();
    }

    public Optional<RebuildRun> find(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> runs("where id = :id", id).stream().findFirst());
    }

    public List<RebuildRun> latest() {
        return QuarkusTransaction.joiningExisting().call(() -> runs("", null));
    }

    private void run(UUID id) {
        long[] counts = new long[2];
        try (Replay replay = new Replay(bootstrapServers, TOPICS)) {
            QuarkusTransaction.requiringNew().run(this::freshTables);
            apply(id, replay, replay.endOffsets(), counts);
            QuarkusTransaction.requiringNew().timeout(SWAP_TIMEOUT_SECONDS).run(() -> {
                readModel.lockForSwap();
                // The live consumers now wait; catch up with what they applied since the replay began.
                apply(id, replay, replay.endOffsets(), counts);
                swap();
            });
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("drop schema rebuild cascade").executeUpdate());
            finish(id, "SUCCEEDED", counts, null);
            LOG.infof("Read model rebuilt from %d events (%d skipped)", counts[0], counts[1]);
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

    private void apply(UUID id, Replay replay, Map<TopicPartition, Long> end, long[] counts) {
        while (true) {
            List<ConsumerRecord<String, String>> batch = replay.next(end);
            if (batch.isEmpty()) {
                return;
            }
            QuarkusTransaction.requiringNew().timeout(SWAP_TIMEOUT_SECONDS).run(() -> {
                // Unqualified names in the projections now mean the fresh tables.
                entityManager.createNativeQuery("set local search_path to rebuild").executeUpdate();
                for (ConsumerRecord<String, String> record : batch) {
                    try {
                        consumer.consumeInCurrentTransaction(ReadModel.consumerOf(record.topic()), record.value(),
                                readModel.replay(record.topic()));
                        counts[0]++;
                    } catch (PoisonRecordException e) {
                        counts[1]++;
                    }
                }
                readModel.beforeCommit();
            });
            progress(id, counts);
        }
    }

    private void swap() {
        for (String table : ReadModel.TABLES) {
            entityManager.createNativeQuery("delete from public." + table).executeUpdate();
            entityManager.createNativeQuery("insert into public.%s %s select * from rebuild.%s".formatted(table,
                    IDENTITY.containsKey(table) ? "overriding system value" : "", table)).executeUpdate();
        }
        IDENTITY.forEach((table, column) -> entityManager.createNativeQuery("""
                select setval(pg_get_serial_sequence('public.%s', '%s'), (select coalesce(max(%s), 0) + 1 from public.%s), false)"""
                .formatted(table, column, column, table)).getSingleResult());
    }

    private void progress(UUID id, long[] counts) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                update rebuild_run set events = :events, skipped = :skipped, updated_at = now() where id = :id""")
                .setParameter("id", id).setParameter("events", counts[0]).setParameter("skipped", counts[1])
                .executeUpdate());
    }

    private void finish(UUID id, String status, long[] counts, String failure) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                update rebuild_run set status = :status, events = :events, skipped = :skipped, failure = :failure,
                    finished_at = now(), updated_at = now() where id = :id""")
                .setParameter("id", id).setParameter("status", status).setParameter("events", counts[0])
                .setParameter("skipped", counts[1]).setParameter("failure", failure)
                .executeUpdate());
    }

    private List<RebuildRun> runs(String where, UUID id) {
        var query = entityManager.createNativeQuery("""
                select id, status, requested_by, started_at, finished_at, events, skipped, failure from rebuild_run %s
                order by started_at desc limit 20""".formatted(where));
        if (id != null) {
            query.setParameter("id", id);
        }
        List<RebuildRun> runs = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            runs.add(new RebuildRun((UUID) c[0], (String) c[1], (String) c[2], instant(c[3]), instant(c[4]),
                    ((Number) c[5]).longValue(), ((Number) c[6]).longValue(), (String) c[7]));
        }
        return runs;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
