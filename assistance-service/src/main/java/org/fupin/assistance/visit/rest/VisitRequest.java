package org.fupin.assistance.visit.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.visit.domain.NewVisit;

/** A visit as an app sends it, alone ({@code POST /api/v1/visits}) or in a batch. */
@Schema(name = "VisitRequest")
public record VisitRequest(
        @NotNull @Schema(description = "The app's own UUID for this visit: sending it again is harmless.") UUID id,
        @NotNull UUID helperId,
        @NotNull UUID householdId,
        @NotNull @Schema(description = "RFC 3339; not in the future.", examples = "2019-07-18T02:30:00Z") Instant visitedAt,
        @Size(max = 2000) @Schema(description = "Stays in this service; never part of an event.") String notes,
        @Schema(description = "The helper saw a risk of (return to) poverty (返貧風險); default false.") Boolean riskObserved) {

    NewVisit toDomain() {
        return new NewVisit(id, helperId, householdId, visitedAt, notes, Boolean.TRUE.equals(riskObserved));
    }
}
