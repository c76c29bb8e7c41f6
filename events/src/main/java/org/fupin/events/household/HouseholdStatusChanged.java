package org.fupin.events.household;

import java.time.LocalDate;
import java.util.UUID;

/** {@code household.status-changed}: a household moved in its poverty lifecycle, e.g. exit (脫貧), return (返貧). */
public record HouseholdStatusChanged(
        UUID householdId,
        String villageCode,
        String from,
        String to,
        String action,
        LocalDate effectiveDate,
        String reason,
        String riskType,
        LocalDate noticeEndsOn) {
}
