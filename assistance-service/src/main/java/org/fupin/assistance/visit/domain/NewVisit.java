package org.fupin.assistance.visit.domain;

import java.time.Instant;
import java.util.UUID;

/** A visit as an app sends it; {@code id} is the app's own UUID, the key that makes sending it again harmless. */
public record NewVisit(UUID id, UUID helperId, UUID householdId, Instant visitedAt, String notes, boolean riskObserved) {
}
