package org.fupin.assistance.pairing.rest;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.pairing.domain.EndReason;
import org.fupin.assistance.pairing.domain.PairingKind;
import org.fupin.assistance.pairing.persistence.PairingEntity;

/** A pairing as the API shows it; endDate and endReason are null while it is active. */
@Schema(name = "Pairing")
public record PairingView(UUID id, PairingKind kind, UUID helperId, UUID unitId, UUID groupId, UUID householdId,
        String villageCode, LocalDate startDate, LocalDate endDate, EndReason endReason, UUID replacesPairingId,
        UUID replacementPairingId, boolean active) {

    static PairingView of(PairingEntity p) {
        return new PairingView(p.id, p.kind, p.helperId, p.unitId, p.groupId, p.householdId, p.villageCode, p.startDate,
                p.endDate, p.endReason, p.replacesPairingId, p.replacementPairingId, p.active());
    }
}
