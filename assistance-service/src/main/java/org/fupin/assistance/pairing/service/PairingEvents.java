package org.fupin.assistance.pairing.service;

import java.util.UUID;

import org.fupin.assistance.pairing.persistence.PairingEntity;
import org.fupin.events.assistance.PairingEnded;
import org.fupin.events.assistance.PairingStarted;

/** Turns pairings into event records. */
final class PairingEvents {

    private PairingEvents() {
    }

    static PairingStarted started(PairingEntity pairing) {
        return new PairingStarted(pairing.id, pairing.kind.name(), pairing.helperId, pairing.unitId, pairing.groupId,
                pairing.householdId, pairing.villageCode, pairing.startDate, pairing.replacesPairingId);
    }

    static PairingEnded ended(PairingEntity pairing, UUID replacementPairingId) {
        return new PairingEnded(pairing.id, pairing.kind.name(), pairing.householdId, pairing.villageCode, pairing.endDate,
                pairing.endReason.name(), replacementPairingId);
    }
}
