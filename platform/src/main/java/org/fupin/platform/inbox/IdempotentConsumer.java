package org.fupin.platform.inbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.fupin.platform.sql.Rows;
import org.fupin.events.CloudEvent;
import org.fupin.events.EventCodec;
import org.fupin.events.EventSchemas;
import org.fupin.events.EventType;
import org.fupin.events.MalformedEventException;
import org.fupin.platform.tracing.EventTracing;
import org.hibernate.Session;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Applies each event at most once per consumer: the event id is inserted into
 * {@code processed_event} in the same transaction as the effect, so a redelivery, a retry after a
 * crash or a full replay finds it and changes nothing. Records that can never apply are thrown
 * out as {@link PoisonRecordException}; an unreachable database is waited out, never dead-lettered.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    /** What became of a record. */
    public enum Outcome { APPLIED, DUPLICATE, IGNORED }

    private final EntityManager entityManager;
    private final InboxConfig config;
    private final EventCodec codec;
    private final EventSchemas schemas;
    private final ConsumerMetrics metrics;
    private final EventTracing tracing;

    // Set once at shutdown so that a consumer waiting for the database lets the application stop.
    private volatile boolean stopping;

    public IdempotentConsumer(EntityManager entityManager, InboxConfig config, EventCodec codec, EventSchemas schemas,
            ConsumerMetrics metrics, EventTracing tracing) {
        this.entityManager = entityManager;
        this.config = config;
        this.codec = codec;
        this.schemas = schemas;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    public Outcome consume(String consumer, String record, EventDispatcher dispatcher) {
        Checked checked = check(consumer, record);
        if (checked == null) {
            return Outcome.IGNORED;
        }
        return applyWithRetries(consumer, checked, dispatcher);
    }

    /**
     * Applies one record in the caller's transaction, without retries: for replays that apply many
     * records per transaction. A record that can never apply throws {@link PoisonRecordException}
     * before anything is written.
     */
    public Outcome consumeInCurrentTransaction(String consumer, String record, EventDispatcher dispatcher) {
        Checked checked = check(consumer, record);
        if (checked == null) {
            return Outcome.IGNORED;
        }
        return applyOnce(consumer, checked, dispatcher);
    }

    /** A record of a batch that can never apply, and why: for the caller to dead-letter. */
    public record Rejected(int index, PoisonRecordException reason) {
    }

    /**
     * Applies a batch of records in one transaction: a transaction per record costs a commit each,
     * which holds a consumer to a few hundred events per second. Records that can never apply are
     * left out and returned. If the batch fails as a whole (a record breaks a constraint, the
     * database went away), it is rolled back and its records are applied one at a time with the
     * usual retries, so that one bad record cannot hold the others back.
     */
    public List<Rejected> consumeBatch(String consumer, List<String> records, EventDispatcher dispatcher) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> consumeAllInCurrentTransaction(consumer, records, dispatcher));
        } catch (RuntimeException batchFailed) {
            LOG.warnf("%s applies a batch of %d one at a time: %s", consumer, records.size(), rootMessage(batchFailed));
            List<Rejected> rejected = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                try {
                    consume(consumer, records.get(i), dispatcher);
                } catch (PoisonRecordException e) {
                    rejected.add(new Rejected(i, e));
                }
            }
            return rejected;
        }
    }

    /**
     * Applies records of one topic in the caller's transaction, without retries: their ids are
     * recorded as one set with a single statement (a statement per event was most of what a
     * consumer cost), then each event not seen before is applied once, in the records' order.
     * Records that can never apply are left out, before anything is written, and returned.
     */
    public List<Rejected> consumeAllInCurrentTransaction(String consumer, List<String> records, EventDispatcher dispatcher) {
        List<Rejected> rejected = new ArrayList<>();
        List<Checked> checked = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                Checked one = check(consumer, records.get(i));
                if (one != null) {
                    checked.add(one);
                }
            } catch (PoisonRecordException e) {
                rejected.add(new Rejected(i, e));
            }
        }
        if (checked.isEmpty()) {
            return rejected;
        }
        dispatcher.beforeEach();
        Set<UUID> unseen = recordAll(consumer, checked);
        int applied = 0;
        for (Checked event : checked) {
            // A record twice in one batch (a producer's retry) applies with its first copy.
            if (unseen.remove(event.eventId())) {
                dispatch(consumer, dispatcher, event);
                applied++;
            }
        }
        dispatcher.afterAll();
        metrics.applied(consumer, dispatcher.topic(), applied, checked.size() - applied);
        return rejected;
    }

    /** Applies one event inside its {@code process} span, which joins the trace of the write that recorded it. */
    private boolean dispatch(String consumer, EventDispatcher dispatcher, Checked event) {
        try (EventTracing.Processing span = tracing.processing(consumer, dispatcher.topic(), event.event())) {
            try {
                return dispatcher.dispatch(event.type(), event.event(), event.data());
            } catch (RuntimeException e) {
                span.failed(e);
                throw e;
            }
        }
    }

    /** Records the events as processed, all at once; returns the ids that were not recorded before. */
    private Set<UUID> recordAll(String consumer, List<Checked> events) {
        Map<UUID, Checked> byId = new LinkedHashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.eventId(), event));
        Set<UUID> unseen = new HashSet<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into processed_event (consumer, event_id, event_type, event_time)
                    select ?, id, type, time::timestamptz from unnest(?::uuid[], ?::text[], ?::text[]) as e(id, type, time)
                    on conflict do nothing
                    returning event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("uuid", byId.keySet().toArray()));
                insert.setArray(3, connection.createArrayOf("text",
                        byId.values().stream().map(event -> event.type().type()).toArray()));
                // As text with its offset: an instant, whatever the session's time zone.
                insert.setArray(4, connection.createArrayOf("text",
                        byId.values().stream().map(event -> String.valueOf(event.event().time())).toArray()));
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        unseen.add(inserted.getObject(1, UUID.class));
                    }
                }
            }
        });
        return unseen;
    }

    private record Checked(UUID eventId, EventType type, CloudEvent event, Object data) {
    }

    /** Parses and validates a record; null for a type newer than this build of the contract. */
    private Checked check(String consumer, String record) {
        CloudEvent event;
        try {
            event = codec.parse(record);
        } catch (MalformedEventException e) {
            throw new PoisonRecordException("Not a CloudEvent: " + e.getMessage(), e);
        }
        EventType type = EventType.ofType(event.type()).orElse(null);
        if (type == null) {
            // A type newer than this build of the contract: compatible evolution says skip it.
            LOG.debugf("%s skips event %s of unknown type %s", consumer, event.id(), event.type());
            return null;
        }
        UUID eventId = eventIdOf(event);
        List<String> violations = schemas.violations(event);
        if (!violations.isEmpty()) {
            throw new PoisonRecordException("Event " + event.id() + " of type " + event.type()
                    + " violates its schema: " + String.join("; ", violations));
        }
        try {
            return new Checked(eventId, type, event, codec.dataAs(event, type.dataClass()));
        } catch (MalformedEventException e) {
            throw new PoisonRecordException("Event " + event.id() + " has data that does not fit " + type.type(), e);
        }
    }

    private Outcome applyWithRetries(String consumer, Checked checked, EventDispatcher dispatcher) {
        CloudEvent event = checked.event();
        long backoff = config.initialBackoff().toMillis();
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                return QuarkusTransaction.requiringNew().call(() -> applyOnce(consumer, checked, dispatcher));
            } catch (RuntimeException e) {
                boolean databaseDown = isConnectionFailure(e);
                if (stopping) {
                    // Not a poison record: left unacknowledged, it comes again after the restart.
                    throw new IllegalStateException(consumer + " stops before event " + event.id() + " could apply", e);
                }
                if (!databaseDown && attempt >= config.maxAttempts()) {
                    throw new PoisonRecordException("Event " + event.id() + " of type " + checked.type().type()
                            + " failed " + attempt + " times: " + rootMessage(e), e);
                }
                LOG.warnf("%s could not apply event %s (attempt %d%s): %s", consumer, event.id(), attempt,
                        databaseDown ? ", database unreachable" : "", rootMessage(e));
                sleep(backoff);
                backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
            }
        }
    }

    private Outcome applyOnce(String consumer, Checked checked, EventDispatcher dispatcher) {
        dispatcher.beforeEach();
        int inserted = entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id, event_type, event_time)
                values (:consumer, :eventId, :type, :time)
                on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", checked.eventId())
                .setParameter("type", checked.type().type())
                .setParameter("time", checked.event().time())
                .executeUpdate();
        if (inserted == 0) {
            metrics.applied(consumer, dispatcher.topic(), 0, 1);
            return Outcome.DUPLICATE;
        }
        boolean applied = dispatch(consumer, dispatcher, checked);
        dispatcher.afterAll();
        metrics.applied(consumer, dispatcher.topic(), 1, 0);
        return applied ? Outcome.APPLIED : Outcome.IGNORED;
    }

    /** The freshness of what the consumer has applied: its newest event and the delay before it was applied. */
    public Freshness freshness(String consumer) {
        return Rows.list(entityManager.createNativeQuery("""
                select event_time, processed_at from processed_event
                where consumer = :consumer order by processed_at desc limit 1""")
                .setParameter("consumer", consumer), row -> Freshness.of(row.instantOrNull("event_time"), row.instantOrNull("processed_at")))
                .stream().findFirst().orElse(Freshness.none());
    }

    private static UUID eventIdOf(CloudEvent event) {
        try {
            return UUID.fromString(event.id());
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("Event id " + event.id() + " is not a UUID", e);
        }
    }

    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getClass().getName().equals("io.agroal.pool.ConnectionPool$AcquisitionTimeoutException")
                    || (t.getMessage() != null && t.getMessage().contains("Acquisition timeout"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
