package org.fupin.assistance.pairing.service;

import java.time.LocalDate;
import java.util.UUID;

import org.fupin.assistance.pairing.domain.PairingKind;

/** A pairing as requested; the kind says which of the parties are given. */
public record NewPairing(PairingKind kind, UUID helperId, UUID unitId, UUID groupId, UUID householdId, String villageCode,
        LocalDate startDate) {
}
