package org.fupin.platform.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.fupin.events.CloudEvent;
import org.fupin.events.EventCodec;
import org.fupin.events.EventType;
import org.fupin.platform.bulk.Copy;
import org.fupin.platform.ids.RowIds;
import org.fupin.platform.tracing.EventTracing;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Records events in the caller's transaction. An event is published only if that transaction
 * commits, and it is never lost once it has: the relay keeps trying until the broker takes it.
 * One event at a time ({@link #record}) or thousands at once ({@link #recordAll}), with the same rows.
 */
@ApplicationScoped
@IfBuildProperty(name = "fupin.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class Outbox {

    /** An event to record: the aggregate it is about (record key, CloudEvents subject) and its data record. */
    public record Pending(String aggregateId, Object data) {
    }

    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final Event<OutboxRecorded> recorded;
    private final EventCodec codec;
    private final EventTracing tracing;

    public Outbox(EntityManager entityManager, OutboxConfig config, Event<OutboxRecorded> recorded, EventCodec codec,
            EventTracing tracing) {
        this.entityManager = entityManager;
        this.config = config;
        this.recorded = recorded;
        this.codec = codec;
        this.tracing = tracing;
    }

    /**
     * Records {@code data} (one of the event records of the events module) for the aggregate. Must
     * run inside the transaction of the business write.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent record(String aggregateId, Object data) {
        Entry entry;
        try (EventTracing.Created created = tracing.creating(topicOf(data), 1)) {
            entry = entry(new Pending(aggregateId, data), Instant.now().truncatedTo(ChronoUnit.MILLIS), created.traceparent());
        }
        entityManager.persist(entry.row());
        recorded.fire(new OutboxRecorded(entry.row().topic));
        return entry.event();
    }

    /**
     * Records many events with one COPY on {@code connection}, which must belong to the caller's
     * transaction (a bulk writer's JDBC work); the rows are those {@link #record} writes, in list order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CloudEvent> recordAll(Connection connection, List<Pending> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Entry> entries = new ArrayList<>(events.size());
        // One span per topic for the whole batch: an import's thousands of events are one piece of work.
        Map<String, Long> perTopic = events.stream()
                .collect(Collectors.groupingBy(pending -> topicOf(pending.data()), LinkedHashMap::new, Collectors.counting()));
        Map<String, String> traceparents = new HashMap<>();
        perTopic.forEach((topic, count) -> {
            try (EventTracing.Created created = tracing.creating(topic, count)) {
                traceparents.put(topic, created.traceparent());
            }
        });
        for (Pending pending : events) {
            entries.add(entry(pending, now, traceparents.get(topicOf(pending.data()))));
        }
        Copy.into(connection, "outbox_event (id, aggregate_type, aggregate_id, topic, event_type, payload, created_at)", rows -> {
            for (Entry entry : entries) {
                OutboxEntry row = entry.row();
                rows.add(row.id).add(row.aggregateType).add(row.aggregateId).add(row.topic).add(row.eventType).add(row.payload)
                        .add(row.createdAt).end();
            }
        });
        entries.stream().map(entry -> entry.row().topic).distinct().forEach(topic -> recorded.fire(new OutboxRecorded(topic)));
        return entries.stream().map(Entry::event).toList();
    }

    private record Entry(OutboxEntry row, CloudEvent event) {
    }

    private static String topicOf(Object data) {
        return EventType.of(data.getClass()).topic();
    }

    private Entry entry(Pending pending, Instant now, String traceparent) {
        EventType type = EventType.of(pending.data().getClass());
        // Time-ordered ids keep the outbox's primary key index appending instead of scattering.
        UUID id = RowIds.next();
        CloudEvent event = codec.envelope(id.toString(), config.source(), pending.aggregateId(), now, pending.data())
                .withTraceparent(traceparent);
        OutboxEntry row = new OutboxEntry();
        row.id = id;
        row.aggregateType = type.aggregateType();
        row.aggregateId = pending.aggregateId();
        row.topic = type.topic();
        row.eventType = type.type();
        row.payload = codec.toJson(event);
        row.createdAt = now;
        return new Entry(row, event);
    }
}
