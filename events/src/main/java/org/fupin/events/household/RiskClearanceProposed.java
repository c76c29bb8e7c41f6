package org.fupin.events.household;

import java.time.LocalDate;
import java.util.UUID;

/** {@code risk-clearance.proposed}: the helper proposes that a monitored household's risk is eliminated (風險消除). */
public record RiskClearanceProposed(
        UUID clearanceId,
        UUID householdId,
        String villageCode,
        LocalDate proposedOn,
        int stableMonths) {
}
