package org.fupin.assistance.alert.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One alert; which fields are set depends on the type: household alerts name the household and its
 * status, visit alerts the helper and the visit, village alerts the village only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alert(
        AlertType type,
        String villageCode,
        UUID householdId,
        String householdStatus,
        UUID helperId,
        UUID pairingId,
        LocalDate pairedSince,
        Instant lastVisitAt,
        UUID visitId,
        Boolean poorVillage) {
}
