package org.fupin.assistance.ledger.rest;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.ledger.service.ConfirmationBatch;

/** A confirmation a cadre collected offline, as the app sends it. */
@Schema(name = "MeasureConfirmationItem")
public record ConfirmationBatchItem(
        @NotNull @Schema(description = "The app's own UUID for this item: sending it again answers DUPLICATE.") UUID id,
        @NotNull UUID measureId,
        @NotNull @PositiveOrZero @Schema(description = "The measure's version the app saw (its ETag): a measure changed or "
                + "confirmed since answers CONFLICT.") Long baseVersion,
        @Schema(description = "Default today; between the measure's start and today.", nullable = true) LocalDate confirmedOn) {

    ConfirmationBatch.Item toDomain(String contentHash) {
        return new ConfirmationBatch.Item(id, measureId, baseVersion, confirmedOn, contentHash);
    }
}
