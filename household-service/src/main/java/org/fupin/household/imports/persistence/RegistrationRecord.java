package org.fupin.household.imports.persistence;

import java.time.Instant;

import org.fupin.household.registry.persistence.HouseholdEntity;

/** What the import stores for one registered household besides its event: the household with its members, and its history changes as JSON. */
public record RegistrationRecord(HouseholdEntity household, Instant recordedAt, String historyChanges) {
}
