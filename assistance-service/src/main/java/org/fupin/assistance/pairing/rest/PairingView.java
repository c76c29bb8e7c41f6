package org.fupin.assistance.pairing.rest;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.pairing.domain.EndReason;
import org.fupin.assistance.pairing.domain.PairingKind;
import org.fupin.assistance.pairing.persistence.PairingEntity;

/** A pairing as the API shows it; endDate and endReason are null while it is active. */
@Schema(name = "Pairing")
public record PairingView(
        UUID id,
        PairingKind kind,
        @Schema(nullable = true, description = "HELPER_HOUSEHOLD: the helper; else null.") UUID helperId,
        @Schema(nullable = true, description = "UNIT_VILLAGE: the unit; else null.") UUID unitId,
        @Schema(nullable = true, description = "GROUP_VILLAGE: the assistance group; else null.") UUID groupId,
        @Schema(nullable = true, description = "HELPER_HOUSEHOLD: the household; else null.") UUID householdId,
        String villageCode,
        LocalDate startDate,
        @Schema(nullable = true) LocalDate endDate,
        @Schema(nullable = true) EndReason endReason,
        @Schema(nullable = true, description = "The pairing this one took over from (a handover), if any.") UUID replacesPairingId,
        @Schema(nullable = true, description = "The pairing that took over from this one, if any.") UUID replacementPairingId,
        boolean active) {

    static PairingView of(PairingEntity p) {
        return new PairingView(p.id, p.kind, p.helperId, p.unitId, p.groupId, p.householdId, p.villageCode, p.startDate,
                p.endDate, p.endReason, p.replacesPairingId, p.replacementPairingId, p.active());
    }
}
