package org.fupin.events.household;

import java.time.LocalDate;
import java.util.UUID;

/** {@code risk-clearance.decided}: the township approved (the household leaves monitoring on decidedOn) or rejected a clearance. */
public record RiskClearanceDecided(
        UUID clearanceId,
        UUID householdId,
        String villageCode,
        boolean approved,
        LocalDate decidedOn) {
}
