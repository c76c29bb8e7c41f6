package org.fupin.events.household;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code monitoring-alert.decided}: the township approved a confirmed risk (the alert is CONFIRMED and the household
 * monitored from decidedOn) or sent it back to be verified again (the alert is OPEN again).
 */
public record MonitoringAlertDecided(
        UUID alertId,
        UUID householdId,
        String villageCode,
        boolean approved,
        String status,
        String riskType,
        LocalDate decidedOn) {
}
