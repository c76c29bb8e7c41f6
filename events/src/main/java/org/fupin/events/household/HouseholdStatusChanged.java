package org.fupin.events.household;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code household.status-changed} (v2): a household moved in its poverty lifecycle, e.g. identification (識別),
 * exit (脫貧), return (返貧); {@code caseId} names the case whose approval made the change (v2; null in v1 events).
 */
public record HouseholdStatusChanged(
        UUID householdId,
        String villageCode,
        String from,
        String to,
        String action,
        LocalDate effectiveDate,
        String reason,
        String riskType,
        LocalDate noticeEndsOn,
        UUID caseId) {
}
