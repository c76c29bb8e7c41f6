package org.fupin.assistance.pairing.rest;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.pairing.domain.PairingKind;
import org.fupin.assistance.pairing.service.NewPairing;

/**
 * The body of {@code POST /api/v1/pairings}: HELPER_HOUSEHOLD takes helperId and householdId,
 * UNIT_VILLAGE unitId and villageCode, GROUP_VILLAGE groupId and villageCode; nothing else.
 */
@Schema(name = "PairingRequest")
public record PairingRequest(
        @NotNull PairingKind kind,
        @Schema(description = "For HELPER_HOUSEHOLD.") UUID helperId,
        @Schema(description = "For UNIT_VILLAGE.") UUID unitId,
        @Schema(description = "For GROUP_VILLAGE.") UUID groupId,
        @Schema(description = "For HELPER_HOUSEHOLD.") UUID householdId,
        @Pattern(regexp = "\\d{12}") @Schema(description = "For UNIT_VILLAGE and GROUP_VILLAGE.", examples = "500235101201")
        String villageCode,
        @Schema(description = "Default today; not in the future.") LocalDate startDate) {

    NewPairing toCommand() {
        return new NewPairing(kind, helperId, unitId, groupId, householdId, villageCode, startDate);
    }
}
