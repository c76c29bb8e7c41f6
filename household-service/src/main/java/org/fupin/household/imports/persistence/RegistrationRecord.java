package org.fupin.household.imports.persistence;

import java.time.Instant;
import java.util.UUID;

import org.fupin.household.registry.persistence.HouseholdEntity;

/**
 * Everything stored for one registered household: the household with its members, its
 * {@code household.registered} event as the outbox keeps it, and its history changes as JSON.
 */
public record RegistrationRecord(
        HouseholdEntity household,
        UUID eventId,
        String aggregateType,
        String topic,
        String eventType,
        String eventPayload,
        Instant recordedAt,
        String historyChanges) {
}
