package org.fupin.household.sync.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.registry.rest.AssessmentRequest;
import org.fupin.household.sync.domain.BatchItem;

/** One write an app made offline, as it sends it. */
@Schema(name = "HouseholdBatchItem")
public record BatchItemRequest(
        @NotNull @Schema(description = "The app's own UUID for this item: sending it again answers DUPLICATE.") UUID id,
        @NotNull @Schema(description = "What the item writes.") BatchItem.Kind kind,
        @NotNull UUID householdId,
        @NotNull @PositiveOrZero @Schema(description = "The household's version the app saw (the change feed's version, or the "
                + "ETag): a household changed since answers CONFLICT.") Long baseVersion,
        @NotNull @Valid @Schema(description = "For kind ASSESSMENT.") AssessmentRequest assessment) {

    BatchItem toDomain(String contentHash) {
        return new BatchItem(id, householdId, baseVersion, contentHash, assessment.toDomain());
    }
}
