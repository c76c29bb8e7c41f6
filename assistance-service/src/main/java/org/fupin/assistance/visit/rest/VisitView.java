package org.fupin.assistance.visit.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.visit.persistence.VisitEntity;

/** A recorded visit as the API shows it. */
@Schema(name = "Visit")
public record VisitView(UUID id, UUID helperId, UUID householdId,
        @Schema(description = "The household's village on the day of the visit.") String villageCode, Instant visitedAt,
        @Schema(description = "What the helper noted; null when nothing was.", nullable = true) String notes, boolean riskObserved,
        Instant recordedAt,
        @Schema(description = "Who recorded it on the helper's behalf (from the token).") String recordedBy) {

    static VisitView of(VisitEntity v) {
        return new VisitView(v.id, v.helperId, v.householdId, v.villageCode, v.visitedAt, v.notes, v.riskObserved,
                v.recordedAt, v.recordedBy);
    }
}
