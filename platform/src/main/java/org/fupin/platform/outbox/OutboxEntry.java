package org.fupin.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One event waiting in, or already sent from, the outbox table. */
@Entity
@Table(name = "outbox_event")
public class OutboxEntry {

    @Id
    public UUID id;

    /** Assigned by the database at insert; the relay publishes in this order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "aggregate_type", nullable = false)
    public String aggregateType;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The whole CloudEvent as JSON, fixed at write time so that a resend is byte-identical. */
    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
