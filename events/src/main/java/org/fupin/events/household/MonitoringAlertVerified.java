package org.fupin.events.household;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code monitoring-alert.verified}: the helper visited. DISMISSED closes the alert; RISK_CONFIRMED waits for the
 * township's decision (four eyes) before the household is monitored.
 */
public record MonitoringAlertVerified(
        UUID alertId,
        UUID householdId,
        String villageCode,
        String outcome,
        String riskType,
        LocalDate openedOn,
        LocalDate verifiedOn) {
}
