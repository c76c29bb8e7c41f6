package org.fupin.assistance.ledger.rest;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/measures/{id}/confirmations}: when the household confirmed it received the measure. */
@Schema(name = "MeasureConfirmationRequest")
public record ConfirmationRequest(
        @Schema(description = "Default today; between the measure's start and today.") LocalDate confirmedOn) {
}
