package org.fupin.events.assistance;

import java.time.Instant;
import java.util.UUID;

/** {@code visit.recorded}: a helper visited a paired household (走訪); the notes stay in assistance-service. */
public record VisitRecorded(UUID visitId, UUID helperId, UUID householdId, String villageCode, Instant visitedAt,
        boolean riskObserved) {
}
