package org.fupin.events.household;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code signal.received}: another department's signal (or a cadre's observation) reached the monitoring, and what
 * it led to. The person it named is left out: only the household, once known, and the region.
 */
public record SignalReceived(
        UUID signalId,
        String department,
        String kind,
        LocalDate occurredOn,
        LocalDate receivedOn,
        String regionCode,
        String villageCode,
        UUID householdId,
        String outcome,
        UUID alertId) {
}
