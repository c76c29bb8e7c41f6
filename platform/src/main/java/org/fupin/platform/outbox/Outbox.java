package org.fupin.platform.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.arc.properties.IfBuildProperty;
import org.fupin.events.CloudEvent;
import org.fupin.events.EventCodec;
import org.fupin.events.EventType;

/**
 * Records an event in the caller's transaction. The event is published only if that transaction
 * commits, and it is never lost once it has: the relay keeps trying until the broker takes it.
 */
@ApplicationScoped
@IfBuildProperty(name = "fupin.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class Outbox {

    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final Event<OutboxRecorded> recorded;
    private final EventCodec codec;

    public Outbox(EntityManager entityManager, OutboxConfig config, Event<OutboxRecorded> recorded, EventCodec codec) {
        this.entityManager = entityManager;
        this.config = config;
        this.recorded = recorded;
        this.codec = codec;
    }

    /**
     * Records {@code data} (one of the event records of the events module) for the aggregate,
     * which becomes the Kafka record key and the CloudEvent subject. Must run inside the
     * transaction of the business write.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent record(String aggregateId, Object data) {
        EventType type = EventType.of(data.getClass());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CloudEvent event = codec.envelope(UUID.randomUUID().toString(), config.source(), aggregateId, now, data);

        OutboxEntry entry = new OutboxEntry();
        entry.id = UUID.fromString(event.id());
        entry.aggregateType = type.type().substring(0, type.type().indexOf('.'));
        entry.aggregateId = aggregateId;
        entry.topic = type.topic();
        entry.eventType = type.type();
        entry.payload = codec.toJson(event);
        entry.createdAt = now;
        entityManager.persist(entry);
        recorded.fire(new OutboxRecorded(type.topic()));
        return event;
    }
}
