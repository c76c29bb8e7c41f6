package org.fupin.events.assistance;

import java.time.LocalDate;
import java.util.UUID;

/** {@code pairing.ended}: a pairing (結對幫扶) ended, possibly handed over to a replacement (脫貧不脫鉤). */
public record PairingEnded(
        UUID pairingId,
        String kind,
        UUID householdId,
        String villageCode,
        LocalDate endDate,
        String reason,
        UUID replacementPairingId) {
}
