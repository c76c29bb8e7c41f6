package org.fupin.assistance.pairing.rest;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.pairing.domain.EndReason;
import org.fupin.assistance.pairing.service.PairingEnd;

/** The body of {@code POST /api/v1/pairings/{id}/end}. */
@Schema(name = "PairingEndRequest")
public record EndRequest(
        @Schema(description = "Default today; not before the start, not in the future. A replacement starts on this date.")
        LocalDate endDate,
        @Schema(description = "Required unless replacementHelperId is given (then REPLACED by default). "
                + "HOUSEHOLD_REMOVED is set by the service only.") EndReason reason,
        @Schema(description = "The helper who takes the household over; required for a household that is neither "
                + "REMOVED nor NOT_POOR (脫貧不脫鉤).") UUID replacementHelperId) {

    PairingEnd toCommand() {
        return new PairingEnd(endDate, reason, replacementHelperId);
    }
}
