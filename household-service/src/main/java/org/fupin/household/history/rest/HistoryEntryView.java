package org.fupin.household.history.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change of a household as the history shows it. */
@Schema(name = "HistoryEntry")
public record HistoryEntryView(Instant at, String actor, String action, @Schema(nullable = true) String reason, List<ChangeView> changes,
        @Schema(nullable = true, description = "The case (identification, exit, return, removal) the change belongs to; null for others.") UUID caseId) {
}
