package org.fupin.assistance.ledger.rest;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.ledger.domain.MeasureStatus;

/**
 * What {@code PATCH /api/v1/measures/{id}} accepts, for the OpenAPI document only (the resource reads a
 * JSON merge patch). The fields are exactly {@code Measures.PATCHABLE}.
 */
@Schema(name = "MeasurePatch", description = "JSON merge patch (RFC 7396): only the fields sent change; any other field is "
        + "refused with 400.")
public record MeasurePatch(
        @Schema(description = "Forward only: PLANNED → IN_PROGRESS → COMPLETED (else 409 illegal-status-change).") MeasureStatus status,
        @Schema(description = "CNY, not negative, at most two decimals; fixed once the household confirmed the measure "
                + "(422 amount-confirmed).") BigDecimal amount,
        String description) {
}
