package org.fupin.events.assistance;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code pairing.started}: a pairing (結對幫扶) began, of a helper with a household or of a unit or group with a
 * village; {@code kind} says which of the ids are set.
 */
public record PairingStarted(
        UUID pairingId,
        String kind,
        UUID helperId,
        UUID unitId,
        UUID groupId,
        UUID householdId,
        String villageCode,
        LocalDate startDate,
        UUID replacesPairingId) {
}
